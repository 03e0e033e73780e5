import type { Processor } from "unified";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import type { ArticleText } from "../../article/article.ts";
import type { TextlintMessage } from "./textlint.mjs";
import { textlintToDiagnostics } from "./textlint-diagnostics.ts";
import { runRemark } from "../remark-run.ts";
import { checkA11y } from "../a11y.ts";
import { fieldDocument } from "./fields.ts";

/**
 * textlint's messages for an article: its file as written, then its title, summary and photo
 * descriptions (fields.ts), moved back to where they stand. `lint` is textlint with the project's
 * configuration: the worker pool or linter in Node, the compiled kernel on the writer's page.
 */
export async function lintArticle(article: ArticleText, lint: (text: string) => Promise<readonly TextlintMessage[]>): Promise<TextlintMessage[]> {
  const fields = fieldDocument(article);
  // Both at once: in a pool, the fields then follow their article instead of the whole queue.
  const [body, inFields] = await Promise.all([lint(article.raw), fields ? lint(fields.text) : []]);
  const placed = fields ? inFields.map((m) => fields.place(m)).filter((m) => m !== undefined) : [];
  return [...body, ...placed];
}

/**
 * One article's prose findings from textlint's messages and the remark processor: textlint,
 * remark-lint and the accessibility rules, in this order. `check` (stage.ts) and the writer's
 * page in the browser (writer/browser-check.ts) both call this, so they report the same things.
 */
export async function proseFindings(article: ArticleText, messages: readonly TextlintMessage[], remark: Processor): Promise<Diagnostic[]> {
  return [...onePerPlace(textlintToDiagnostics(article.path, article.raw, messages)), ...(await runRemark(remark, article)), ...checkA11y(article)];
}

/**
 * The city's 表記 (prh) and kawaraban's own 表記 (the article's 表記ゆれ, the words written in
 * kana) often point at the same word: the city's rule says it once.
 */
const CITY_NOTATION = new Set(["prh", "kawaraban/city-required"]);
const OWN_NOTATION = new Set(["kawaraban/notation-variants", "kawaraban/kana-notation"]);
function onePerPlace(diagnostics: Diagnostic[]): Diagnostic[] {
  const city = diagnostics.filter((d) => CITY_NOTATION.has(d.ruleId));
  return diagnostics.filter((d) => !OWN_NOTATION.has(d.ruleId) || !city.some((c) => overlaps(c, d)));
}

/** Two findings on some of the same characters of one line (a finding without an end covers one). */
function overlaps(a: Diagnostic, b: Diagnostic): boolean {
  if (a.line === undefined || a.line !== b.line) return false;
  const span = (d: Diagnostic): [number, number] => {
    const start = d.column ?? 1;
    return [start, d.endLine === d.line && d.endColumn !== undefined ? Math.max(d.endColumn, start + 1) : start + 1];
  };
  const [[a0, a1], [b0, b1]] = [span(a), span(b)];
  return a0 < b1 && b0 < a1;
}
