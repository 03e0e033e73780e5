import { readFile } from "node:fs/promises";
import path from "node:path";
import { articleText } from "../article/article.ts";
import { lintProse } from "../checks/prose/stage.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { LineIndex } from "../article/positions.ts";

/**
 * Recall and precision on real published prose with its genuine mistakes annotated by hand:
 *   npm run bench -- --only quality --eval <folder with articles.jsonl and mistakes.jsonl>
 * (third-party text, kept outside the repository; see docs/prose-eval.md for the format). A
 * mistake is found only when a finding (any severity) lands on its wrong words; an error that
 * lands on no annotated mistake is a false red.
 */
interface EvalArticle {
  id: string;
  split: string;
  title: string;
  text: string;
}
interface EvalMistake {
  article: string;
  wrong: string;
  context: string;
  kind: string;
  right: string;
}

export interface SplitFigures {
  split: string;
  articles: number;
  byKind: Map<string, { found: number; total: number }>;
  falseRedArticles: string[];
  findings: number;
  onMistakes: number;
  missed: string[];
  /** Errors and warnings on no annotated mistake, by rule: where the noise comes from. */
  offTarget: Map<string, number>;
  /** The errors on no annotated mistake: rule and message. */
  falseReds: string[];
}

const readJsonl = async <T>(file: string): Promise<T[]> =>
  (await readFile(file, "utf8"))
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

/** The article as a writer would commit it: a title heading is not added (the excerpt often has its own). */
const HEAD = "---\ntitle: 評価\nwriter: eval\ndate: 2026-12-01\nsummary: 評価用です。\ncategory: eval\n---\n\n";

function spanOf(d: Diagnostic, lines: LineIndex): [number, number] | undefined {
  if (d.fix) return d.fix.range[0] === d.fix.range[1] ? [d.fix.range[0] - 1, d.fix.range[1] + 1] : d.fix.range;
  if (d.line === undefined) return undefined;
  const start = lines.offset({ line: d.line, column: d.column ?? 1 });
  const end = d.endLine !== undefined ? lines.offset({ line: d.endLine, column: d.endColumn ?? 1 }) : start + 1;
  return [start, Math.max(end, start + 1)];
}

export async function evaluate(repoRoot: string, dir: string): Promise<SplitFigures[]> {
  const articles = await readJsonl<EvalArticle>(path.join(dir, "articles.jsonl"));
  const mistakes = await readJsonl<EvalMistake>(path.join(dir, "mistakes.jsonl"));
  const texts = articles.map((a) => articleText(`articles/2026/12/${a.id}.md`, `${HEAD}${a.text}\n`).text!);
  const run = await lintProse(repoRoot, texts, { workers: 2 });
  const figures = new Map<string, SplitFigures>();
  for (const [i, a] of articles.entries()) {
    let f = figures.get(a.split);
    if (!f)
      figures.set(
        a.split,
        (f = {
          split: a.split,
          articles: 0,
          byKind: new Map(),
          falseRedArticles: [],
          findings: 0,
          onMistakes: 0,
          missed: [],
          offTarget: new Map(),
          falseReds: [],
        }),
      );
    f.articles++;
    const raw = texts[i]!.raw;
    const lines = new LineIndex(raw);
    const spans = mistakes
      .filter((m) => m.article === a.id)
      .map((m) => {
        const at = raw.indexOf(m.context) + m.context.indexOf(m.wrong);
        return { m, start: at, end: at + m.wrong.length };
      });
    const body = (run.results.get(texts[i]!.path)?.diagnostics ?? []).filter((d) => (d.line ?? 0) > 7);
    const found = body.filter((d) => d.severity !== "info");
    // Recall counts any severity that names the correction on the words (info with a fix: city
    // 表記, 表記ゆれ, marks); a readability note spanning the whole sentence does not count.
    const pointing = body.filter((d) => d.severity !== "info" || d.fix !== undefined);
    const hits = (d: Diagnostic) => {
      const s = spanOf(d, lines);
      return s ? spans.filter((x) => s[0] < x.end && x.start < s[1]) : [];
    };
    f.findings += found.length;
    f.onMistakes += found.filter((d) => hits(d).length > 0).length;
    // The excerpts were cut at about 800 characters: a bracket left open in the last paragraph is where the cut fell.
    const lastParagraph = raw.trimEnd().lastIndexOf("\n\n");
    const cut = (d: Diagnostic) => d.ruleId.endsWith("no-unmatched-pair") && (spanOf(d, lines)?.[0] ?? 0) > lastParagraph;
    for (const d of found.filter((x) => hits(x).length === 0 && !cut(x))) {
      f.offTarget.set(d.ruleId, (f.offTarget.get(d.ruleId) ?? 0) + 1);
      if (d.severity === "error") f.falseReds.push(`${a.id} ${d.ruleId}: ${d.message.slice(0, 60)}`);
    }
    if (found.some((d) => d.severity === "error" && hits(d).length === 0 && !cut(d))) f.falseRedArticles.push(a.id);
    for (const x of spans) {
      const kind = f.byKind.get(x.m.kind) ?? { found: 0, total: 0 };
      kind.total++;
      if (pointing.some((d) => hits(d).includes(x))) kind.found++;
      else f.missed.push(`${x.m.kind}: ${x.m.wrong} (${x.m.context.replace(/\n/gu, " ")} → ${x.m.right})`);
      f.byKind.set(x.m.kind, kind);
    }
  }
  return [...figures.values()].sort((a, b) => a.split.localeCompare(b.split));
}

export function formatEvaluation(figures: readonly SplitFigures[], showMissed: boolean): string[] {
  const lines: string[] = [];
  for (const f of figures) {
    const total = [...f.byKind.values()].reduce((n, k) => n + k.total, 0);
    const found = [...f.byKind.values()].reduce((n, k) => n + k.found, 0);
    lines.push(
      `${f.split}: ${f.articles} articles, genuine mistakes flagged on the wrong words ${found}/${total} (${((100 * found) / Math.max(1, total)).toFixed(0)}%)`,
      `  by kind: ${[...f.byKind]
        .sort((a, b) => b[1].total - a[1].total)
        .map(([k, v]) => `${k} ${v.found}/${v.total}`)
        .join(", ")}`,
      `  precision (errors + warnings on an annotated mistake): ${f.onMistakes}/${f.findings}`,
      `  articles with an error on no genuine mistake: ${f.falseRedArticles.length}/${f.articles}${f.falseRedArticles.length ? ` (${f.falseRedArticles.join(", ")})` : ""}`,
    );
    lines.push(
      `  findings on no annotated mistake, by rule: ${[...f.offTarget]
        .sort((a, b) => b[1] - a[1])
        .map(([rule, n]) => `${rule.replace(/^kawaraban\//, "")} ${n}`)
        .join(", ")}`,
    );
    if (showMissed) lines.push(...f.missed.map((m) => `    missed ${m}`), ...f.falseReds.map((r) => `    false red ${r}`));
  }
  return lines;
}
