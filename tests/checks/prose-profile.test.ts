import { describe, it, expect, beforeAll } from "vitest";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { articleText, type ArticleText as Article } from "../../pipeline/article/article.ts";
import { lintProse, type ProseRun } from "../../pipeline/checks/prose/stage.ts";
import { REPO_ROOT, SAMPLE_ROOT } from "../support/repo.ts";
import { textlintCli } from "../support/textlint-cli.ts";

/**
 * The severity model on sentences written for this project: each municipal form is quiet, each
 * typical beginner mistake is found on its own line, and readability statistics stay `info`.
 */
const FRONT = "---\ntitle: 見本\nwriter: hinata\ndate: 2026-11-01\nsummary: 見本です。\n---\n\n";
const MISTAKE_LINE = 8; // the line after the front matter above
const READABILITY = [
  "sentence-length",
  "max-comma",
  "max-ten",
  "max-kanji-continuous-len",
  "ja-no-weak-phrase",
  "no-doubled-joshi",
  "arabic-kanji-numbers",
  "exclamation-width",
];

const mistakes = JSON.parse(await readFile(path.join(REPO_ROOT, "tests/fixtures/prose/beginner-mistakes.json"), "utf8")) as { kind: string; text: string }[];

let mistakeRun: ProseRun;
let forms: ProseRun;
let formArticles: Article[];

beforeAll(async () => {
  const articles = mistakes.map((m, i) => articleText(`articles/2026/11/mistake-${i}.md`, `${FRONT}${m.text}\n`).text!);
  const dir = path.join(REPO_ROOT, "tests/fixtures/prose/forms");
  formArticles = await Promise.all(
    (await readdir(dir)).sort().map(async (f) => articleText(`tests/fixtures/prose/forms/${f}`, await readFile(path.join(dir, f), "utf8")).text!),
  );
  [mistakeRun, forms] = await Promise.all([lintProse(SAMPLE_ROOT, articles), lintProse(SAMPLE_ROOT, formArticles)]);
}, 120_000);

describe("typical beginner mistakes", () => {
  it.each(mistakes.map((m, i) => [m.kind, i] as const))("finds %s on its line", (_kind, i) => {
    const found = mistakeRun.results.get(`articles/2026/11/mistake-${i}.md`)!.diagnostics.filter((d) => d.line === MISTAKE_LINE);
    expect(
      found.map((d) => d.ruleId),
      mistakes[i]!.text,
    ).not.toEqual([]);
  });

  it("makes the objective mistakes errors, and offers a one-click fix where the fix is unambiguous", () => {
    const byKind = new Map(mistakes.map((m, i) => [m.kind, mistakeRun.results.get(`articles/2026/11/mistake-${i}.md`)!.diagnostics]));
    for (const kind of ["語の重複（の）", "見えない文字", "半角カナ", "ら抜き", "い抜き", "さ入れ", "二重敬語", "括弧の閉じ忘れ", "誤用（的を得る）"]) {
      expect(
        byKind.get(kind)!.some((d) => d.severity === "error"),
        kind,
      ).toBe(true);
    }
    // A style mix is a judgment (a blog's 「いざ出発である！」 is on purpose): a warning, found once.
    const mix = byKind.get("である調の混在")!.filter((d) => d.severity !== "info");
    expect(mix.map((d) => [d.ruleId, d.severity])).toEqual([["ja-technical-writing/no-mix-dearu-desumasu", "warning"]]);
    const fixes = (kind: string) => byKind.get(kind)!.flatMap((d) => (d.fix ? [d.fix.text] : []));
    expect(fixes("半角の感嘆符")).toContain("！");
    expect(fixes("全角カンマ")).toContain("、");
    expect(fixes("文中の全角スペース")).toContain("");
    expect(fixes("い抜き")).toContain("い");
    expect(fixes("表記ゆれ")).toContain("問い合わせ");
  });
});

describe("municipal article forms are understood in context", () => {
  it("reports no error or warning on captions, bylines, interviews, organisation names and deliberate repetition", () => {
    expect(formArticles.length).toBeGreaterThanOrEqual(5);
    for (const [file, result] of forms.results) {
      expect(
        result.diagnostics.filter((d) => d.severity !== "info").map((d) => `${d.ruleId}@${d.line}: ${d.message}`),
        file,
      ).toEqual([]);
    }
  });

  it("gives the same findings as the textlint CLI, since the rules and the filter load from .textlintrc.json", async () => {
    const cli = await textlintCli(formArticles.map((a) => a.path));
    for (const [file, result] of forms.results) {
      const ours = result.diagnostics
        .filter((d) => d.source === "textlint")
        .map((d) => `${d.ruleId}@${d.line}:${d.severity}`)
        .sort();
      const theirs = (cli.get(file) ?? [])
        .map((m) => `${m.ruleId}@${m.line}:${({ 1: "warning", 2: "error", 3: "info" } as Record<number, string>)[m.severity]}`)
        .sort();
      expect(ours, file).toEqual(theirs);
    }
  });

  it("does not count an organisation's or place's name as a run of kanji", () => {
    const names = forms.results.get("tests/fixtures/prose/forms/organisations.md")!.diagnostics;
    expect(names.filter((d) => d.ruleId.endsWith("max-kanji-continuous-len"))).toEqual([]);
  });
});

describe("the severity model", () => {
  it("keeps readability statistics as info, never as an error or a warning", () => {
    const all = [...mistakeRun.results.values(), ...forms.results.values()].flatMap((r) => r.diagnostics);
    for (const d of all) {
      if (READABILITY.some((rule) => d.ruleId.endsWith(`/${rule}`))) expect(d.severity, d.ruleId).toBe("info");
    }
    expect(all.some((d) => d.severity === "info")).toBe(true);
  });
});
