import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { report } from "../diagnostics/rules.ts";
import { hint } from "../article/schema-helpers.ts";
import type { Article } from "../article/article.ts";
import type { TextStats } from "./stats.ts";
import { briefRules, resolveBrief, type Brief } from "../desk/brief.ts";

export interface BriefLinkInput {
  article: Article;
  stats?: TextStats;
  /** The article is already on main: a deadline passed since then is not a problem. */
  delivered: boolean;
  /** Another article (on main, or earlier in this change) that already delivers the brief it cites. */
  deliveredBy?: string;
}

const number = (n: number) => n.toLocaleString("ja-JP");

/** The line of `brief:` in the front matter, so the finding points at it. */
function briefLine(article: Article): number | undefined {
  const lines = article.raw.split("\n");
  for (let i = 0; i < article.bodyStartLine - 1 && i < lines.length; i++) if (/^brief\s*:/.test(lines[i]!)) return i + 1;
  return undefined;
}

/**
 * Pure: what `check` says of an article's `brief:` — the brief must exist, be open, and not be
 * assigned to someone else; a deadline passed before the article reached main is a warning;
 * the length against the brief's target is information for the editor.
 */
export function checkBriefLink(input: BriefLinkInput, briefs: ReadonlyMap<string, Brief>, today: string): Diagnostic[] {
  const { article } = input;
  const id = article.frontMatter.brief;
  if (!id) return [];
  const line = briefLine(article);
  const span = line ? { start: { line, column: 1 } } : undefined;
  const { brief, candidates } = resolveBrief(briefs, id);
  const path = article.path;
  if (!brief && candidates.length > 1) {
    return [
      report(
        briefRules.ambiguous,
        path,
        `「${id}」という名前の依頼が ${candidates.length} つあります（${candidates.join("、")}）。brief には ${candidates[0]} のように月も書いてください。`,
        span,
      ),
    ];
  }
  if (!brief) {
    return [
      report(briefRules.unknown, path, `依頼「${id}」は briefs/ にありません。${hint(id, briefs.keys())}依頼のイシューに書かれた名前を写してください。`, span),
    ];
  }
  if (brief.status === "cancelled")
    return [report(briefRules.cancelled, path, `依頼「${brief.title}」（${brief.id}）は取り下げられています。編集担当に確認してください。`, span)];
  const writer = article.frontMatter.writer;
  if (brief.writer && brief.writer !== writer) {
    return [
      report(
        briefRules.otherWriter,
        path,
        `依頼「${brief.title}」（${brief.id}）は ${brief.writer} さんが引き受けています（この記事の writer は ${writer}）。編集担当に確認してください。`,
        span,
      ),
    ];
  }
  if (input.deliveredBy) {
    return [
      report(
        briefRules.delivered,
        path,
        `依頼「${brief.title}」（${brief.id}）の記事は ${input.deliveredBy} として出ています。1 つの依頼に記事は 1 本です。別の記事なら brief を消すか、編集担当に新しい依頼を出してもらってください。`,
        span,
      ),
    ];
  }
  const out: Diagnostic[] = [];
  if (!input.delivered && today > brief.deadline) {
    out.push(
      report(
        briefRules.deadline,
        path,
        `依頼「${brief.title}」の締め切り（${brief.deadline}）を過ぎています。編集担当に、いつ出せるかを知らせてください。`,
        span,
      ),
    );
  }
  const chars = input.stats?.characters;
  const { min, max } = brief.length ?? {};
  if (chars !== undefined && ((min !== undefined && chars < min) || (max !== undefined && chars > max))) {
    const target =
      min !== undefined && max !== undefined ? `${number(min)}〜${number(max)} 字` : min !== undefined ? `${number(min)} 字以上` : `${number(max!)} 字まで`;
    out.push(report(briefRules.length, path, `依頼の文字数の目安は ${target}です（この記事は ${number(chars)} 字）。`, span));
  }
  return out;
}
