import { FIXED_MARKER, escapeMarkdown, findingMarker, markerOf, ruleLink, type Finding } from "./findings.ts";

export const MAX_LINE_COMMENTS = 25;
/** A rule that fires often in one article gets this many line comments there; the rest are counted in the summary. */
export const MAX_COMMENTS_PER_RULE = 3;

/**
 * What deserves a line comment (the severity model in the README): errors, and warnings that
 * come with a fix to accept in one click. Other warnings and all info findings (readability
 * statistics) are only in the summary.
 */
export const commentWorthy = (f: Finding) => f.severity === "error" || (f.severity === "warning" && f.suggestion !== undefined);

export interface ReviewComment {
  path: string;
  line: number;
  start_line?: number;
  side: "RIGHT";
  start_side?: "RIGHT";
  body: string;
}

export interface ExistingComment {
  id: number;
  body: string;
}

export interface ReviewPlan {
  comments: ReviewComment[];
  /** Findings on lines this PR did not change. */
  outsideDiff: number;
  overCap: number;
  /** Earlier comments whose finding is gone: marked as fixed. */
  fixed: ExistingComment[];
}

const severityWord = { error: "❌ エラー", warning: "⚠️ 警告", info: "ℹ️ 情報" } as const;

/** A fence longer than any run of backticks in the text, so the text cannot close it. */
function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(longest + 1);
}

export function commentBody(f: Finding, repositoryUrl: string | undefined, withSuggestion: boolean): string {
  const lines = [findingMarker(f.fingerprint), `**${severityWord[f.severity]}** ${escapeMarkdown(f.message)}（${ruleLink(f, repositoryUrl)}）`];
  if (withSuggestion && f.suggestion) {
    const marks = fence(f.suggestion.text);
    lines.push("", "提案をそのまま取り込むには「Commit suggestion」を押してください。", "", `${marks}suggestion`, f.suggestion.text, marks);
  }
  return lines.join("\n");
}

/**
 * Which findings become line comments: errors and fixable warnings, only on lines the PR added
 * or changed, one per finding (a finding already commented on an earlier push is not posted
 * again), at most MAX_COMMENTS_PER_RULE per rule and article and MAX_LINE_COMMENTS in all,
 * errors first. A fix becomes a one-click suggestion when every line it replaces is in the diff.
 */
export function planReview(
  findings: Finding[],
  changed: ReadonlyMap<string, ReadonlySet<number>>,
  existing: readonly ExistingComment[],
  repositoryUrl?: string,
): ReviewPlan {
  const posted = new Set(existing.map((c) => markerOf(c.body)).filter(Boolean));
  const current = new Set(findings.map((f) => f.fingerprint));
  const fixed = existing.filter((c) => {
    const marker = markerOf(c.body);
    return marker !== undefined && !current.has(marker) && !c.body.includes(FIXED_MARKER);
  });
  const order = { error: 0, warning: 1, info: 2 } as const;
  const candidates: { f: Finding; lines: ReadonlySet<number> }[] = [];
  let outsideDiff = 0;
  for (const f of findings) {
    if (!commentWorthy(f)) continue;
    const lines = changed.get(f.path);
    if (f.line === undefined || !lines?.has(f.line)) {
      outsideDiff++;
      continue;
    }
    if (!posted.has(f.fingerprint)) candidates.push({ f, lines });
  }
  candidates.sort((a, b) => order[a.f.severity] - order[b.f.severity]);
  const perRule = new Map<string, number>();
  const chosen = candidates.filter(({ f }) => {
    const key = `${f.path}\0${f.ruleId}`;
    perRule.set(key, (perRule.get(key) ?? 0) + 1);
    return perRule.get(key)! <= MAX_COMMENTS_PER_RULE;
  });
  const comments = chosen.slice(0, MAX_LINE_COMMENTS).map(({ f, lines }): ReviewComment => {
    const s = f.suggestion;
    const suggestible = s !== undefined && s.line === f.line && range(s.line, s.endLine).every((n) => lines.has(n));
    const comment: ReviewComment = { path: f.path, line: suggestible ? s.endLine : f.line!, side: "RIGHT", body: commentBody(f, repositoryUrl, suggestible) };
    if (suggestible && s.endLine > s.line) Object.assign(comment, { start_line: s.line, start_side: "RIGHT" });
    return comment;
  });
  return { comments, outsideDiff, overCap: candidates.length - comments.length, fixed };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export function fixedBody(body: string): string {
  return `${FIXED_MARKER}\n✅ **修正されました。** ありがとうございます。\n\n<details><summary>前回の指摘</summary>\n\n${body}\n\n</details>`;
}
