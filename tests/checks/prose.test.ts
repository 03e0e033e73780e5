import { describe, it, expect, beforeAll } from "vitest";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { articleText, type ArticleText as Article } from "../../pipeline/article/article.ts";
import { lintProse, type ProseRun } from "../../pipeline/checks/prose/stage.ts";
import { REPO_ROOT, SAMPLE_ROOT } from "../support/repo.ts";
import { textlintCli } from "../support/textlint-cli.ts";
import type { Diagnostic } from "../../pipeline/diagnostics/diagnostic.ts";

/** A finding on the title, summary or a photo description: text the textlint CLI never reads (checks/prose/fields.ts). */
function inField(article: Article, d: Diagnostic): boolean {
  if ((d.line ?? 0) < article.bodyStartLine) return true;
  const line = article.raw.split("\n")[(d.line ?? 1) - 1] ?? "";
  return [...line.matchAll(/!\[([^\]]*)\]/g)].some((m) => (d.column ?? 0) > m.index! + 2 && (d.column ?? 0) <= m.index! + 2 + m[1]!.length);
}

async function load(dir: string): Promise<Article[]> {
  // The sample articles come from the template's sample site; the fixtures from tests/.
  const base = dir === "articles" ? SAMPLE_ROOT : REPO_ROOT;
  const files = (await readdir(path.join(base, dir), { recursive: true })).filter((f) => f.endsWith(".md")).sort();
  return Promise.all(
    files.map(async (f) => {
      const repoPath = `${dir}/${f}`;
      return articleText(repoPath, await readFile(path.join(base, repoPath), "utf8")).text!;
    }),
  );
}

const expectedMistakes: Record<string, string> = {
  "double-negative.md": "ja-technical-writing/no-double-negative-ja",
  "ra-nuki.md": "ja-technical-writing/no-dropping-the-ra",
  "successive-word.md": "kawaraban/repeated-word",
  "notation-city.md": "prh",
  "orthographic-variants.md": "kawaraban/notation-variants",
  "zenkaku-alnum.md": "prh",
  "hankaku-kana.md": "ja-technical-writing/no-hankaku-kana",
  "doubled-joshi.md": "ja-technical-writing/no-doubled-joshi",
  "long-sentence.md": "ja-technical-writing/sentence-length",
  "mixed-style.md": "ja-technical-writing/no-mix-dearu-desumasu",
  "abusage.md": "ja-technical-writing/ja-no-abusage",
  "halfwidth-exclamation.md": "kawaraban/exclamation-width",
};

const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe("prose lint (municipal profile)", () => {
  let mistakes: ProseRun;
  let edited: ProseRun;
  let samples: ProseRun;
  let all: Article[];

  beforeAll(async () => {
    const [m, e, s] = await Promise.all([load("tests/fixtures/prose/mistakes"), load("tests/fixtures/prose/edited"), load("articles")]);
    all = [...m, ...e, ...s];
    mistakes = await lintProse(SAMPLE_ROOT, m);
    edited = await lintProse(SAMPLE_ROOT, e);
    samples = await lintProse(SAMPLE_ROOT, s);
  });

  it.each(Object.entries(expectedMistakes))("catches the mistake in %s (%s)", (file, ruleId) => {
    const result = mistakes.results.get(`tests/fixtures/prose/mistakes/${file}`)!;
    expect(result.diagnostics.map((d) => d.ruleId)).toContain(ruleId);
  });

  it("speaks Japanese in every message, never raw English", () => {
    for (const run of [mistakes, edited]) {
      for (const { diagnostics } of run.results.values()) {
        for (const d of diagnostics) expect(d.message, d.ruleId).toMatch(japanese);
      }
    }
  });

  it("says which style a sentence of a style mix is in, in plain Japanese", () => {
    const mixed = mistakes.results.get("tests/fixtures/prose/mistakes/mixed-style.md")!.diagnostics.filter((d) => d.ruleId.endsWith("no-mix-dearu-desumasu"));
    expect(mixed.length).toBeGreaterThan(0);
    for (const d of mixed)
      expect(d.message).toMatch(
        /^(?:この文|「[^」]+」)は(?:です・ます調|だ・である調)です。記事のほかの文に合わせて、(?:です・ます調|だ・である調)にそろえてください。$/u,
      );
  });

  it("reports few false positives on edited municipal prose, and no errors", () => {
    const found = [...edited.results.values()].flatMap((r) => r.diagnostics).filter((d) => d.severity !== "info");
    expect(found.filter((d) => d.severity === "error")).toEqual([]);
    expect(found.length).toBeLessThanOrEqual(4);
  });

  it("reports far fewer findings there than the plain preset", async () => {
    const files = [...edited.results.keys()];
    const plain = await textlintCli(files, "tests/fixtures/prose/plain-preset.textlintrc.json");
    const plainCount = [...plain.values()].reduce((n, m) => n + m.length, 0);
    const profileCount = [...edited.results.values()].reduce((n, r) => n + r.diagnostics.filter((d) => d.severity !== "info").length, 0);
    expect(plainCount).toBeGreaterThanOrEqual(3 * profileCount);
  });

  it("passes the sample articles clean", () => {
    for (const [file, result] of samples.results) expect(result.diagnostics, file).toEqual([]);
  });

  it("agrees with the textlint CLI for the same configuration", async () => {
    const files = all.map((a) => a.path);
    const cli = await textlintCli(files);
    for (const run of [mistakes, edited, samples]) {
      for (const [file, result] of run.results) {
        const article = all.find((a) => a.path === file)!;
        const ours = result.diagnostics
          .filter((d) => d.source === "textlint" && !inField(article, d))
          .map((d) => `${d.ruleId}@${d.line}`)
          .sort();
        const theirs = (cli.get(file) ?? []).map((m) => `${m.ruleId}@${m.line}`).sort();
        expect(ours, file).toEqual(theirs);
      }
    }
    expect([...cli.values()].flat().length).toBeGreaterThan(10);
  });

  it("turns textlint fixes into text edits on the raw file", () => {
    const result = mistakes.results.get("tests/fixtures/prose/mistakes/notation-city.md")!;
    const prh = result.diagnostics.find((d) => d.ruleId === "prh")!;
    expect(prh.fix?.text).toBe("子ども");
    expect(prh.message).toBe("「子供」→「子ども」: 市の方針で「子ども」と書きます。");
    expect(prh).toMatchObject({ line: 8, column: 1, endLine: 8, endColumn: 3 });
  });
});
