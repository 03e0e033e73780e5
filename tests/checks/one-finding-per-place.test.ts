import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { articleText } from "../../pipeline/article/article.ts";
import { lintProse } from "../../pipeline/checks/prose/stage.ts";
import type { Diagnostic } from "../../pipeline/diagnostics/diagnostic.ts";
import { REPO_ROOT } from "../support/repo.ts";

// Two rules telling the writer the same thing at the same place (「念頭に入れる」 from the upstream
// ja-no-abusage dictionary and from kawaraban's own list) are one finding too many. Phrases are
// generated from every dictionary and list that suggests words: the upstream abusage dictionary,
// the city's prh.yml, and kawaraban's phrase lists; no place may get two word findings.
const require = createRequire(import.meta.url);
const FRONT = "---\ntitle: 見本\nwriter: hinata\ndate: 2026-11-01\nsummary: 見本です。\n---\n\n";
// Sentence-level notes may share a place with a word finding; these are about the words themselves
// (any severity that names the words' correction: the city's and kawaraban's 表記 too).
const WORD_RULES =
  /abusage|prh|city-required|common-mistakes|likely-mistakes|notation-variants|kana-notation|redundant-expression|verb-forms|grammar|repeated-word|no-dropping-the-ra|no-insert-dropping-sa/;

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const prhSources = (file: string) =>
  (parseYaml(readFileSync(file, "utf8")) as { rules: { pattern?: unknown; patterns?: unknown }[] }).rules.flatMap((r) =>
    [r.pattern ?? r.patterns].flat().map((p) => (typeof p === "string" && p.startsWith("/") ? p.slice(1, p.lastIndexOf("/")) : literal(String(p)))),
  );
// Lookarounds say where a pattern applies, not what it matches: dropped for generating a phrase.
const withoutLookarounds = (source: string) => source.replace(/\(\?<?[=!](?:[^()]|\([^()]*\))*\)/g, "");
const listSources = ["phrases-certain", "phrases-likely", "phrases-spelling", "kana-notation"].flatMap((name) =>
  Object.values(require(path.join(REPO_ROOT, `pipeline/textlint/preset/rules/${name}.js`)) as unknown[])
    .filter(Array.isArray)
    .flat()
    .flatMap((e) => (Array.isArray(e) && e[0] instanceof RegExp ? [withoutLookarounds(e[0].source)] : [])),
);

function phrases(): string[] {
  const sources = [...prhSources(require.resolve("textlint-rule-ja-no-abusage/dict/prh.yml")), ...prhSources(path.join(REPO_ROOT, "prh.yml")), ...listSources];
  return sources.flatMap((source) => {
    try {
      return [...new Set(fc.sample(fc.stringMatching(new RegExp(`^(?:${source})$`, "u")), { numRuns: 2, seed: 5 }))];
    } catch {
      return []; // a construct stringMatching cannot generate (a back-reference): covered by the list's own tests
    }
  });
}

const span = (d: Diagnostic): [number, number] => [d.column ?? 1, d.endLine === d.line ? (d.endColumn ?? 1) : (d.column ?? 1) + 1];

describe("one finding per place", () => {
  it("no two rules report the same words of a phrase from any dictionary or list", async () => {
    const samples = phrases().filter((p) => !p.includes("\n"));
    // A phrase that ends on a verb's た/て stem (「采配を振るっ」) stands before た in a sentence.
    expect(samples.length).toBeGreaterThan(400);
    const texts = samples.map(
      (p, i) => articleText(`articles/2026/11/w${i}.md`, `${FRONT}今回は${p}${/[っん]$/u.test(p) ? "た" : ""}ことがありました。\n`).text!,
    );
    const run = await lintProse(REPO_ROOT, texts);
    const doubled: string[] = [];
    for (const [i, t] of texts.entries()) {
      const words = run.results
        .get(t.path)!
        .diagnostics.filter((d) => (d.severity !== "info" || d.fix !== undefined) && d.line === 8 && WORD_RULES.test(d.ruleId));
      for (const [k, a] of words.entries())
        for (const b of words.slice(k + 1)) {
          const [sa, sb] = [span(a), span(b)];
          // A 表記 note (info) beside a warning about the words' meaning says something else.
          const sameWeight = (a.severity === "info") === (b.severity === "info");
          if (a.ruleId !== b.ruleId && sameWeight && sa[0] < sb[1] && sb[0] < sa[1]) doubled.push(`${samples[i]}: ${a.ruleId} / ${b.ruleId}`);
        }
    }
    expect(doubled).toEqual([]);
  }, 240_000);
});
