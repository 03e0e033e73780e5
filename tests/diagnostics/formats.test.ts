import type { Diagnostic } from "../../pipeline/diagnostics/diagnostic.ts";
import { findRule } from "../../pipeline/rule-catalog.ts";
import { describe, it, expect } from "vitest";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import AjvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import { buildReport } from "../../pipeline/diagnostics/report.ts";
import { formatJson } from "../../pipeline/diagnostics/format/json.ts";
import { formatSarif } from "../../pipeline/diagnostics/format/sarif.ts";
import { formatGithub, escapeProperty } from "../../pipeline/diagnostics/format/github.ts";
import { formatPretty } from "../../pipeline/diagnostics/format/pretty.ts";
import { articleText } from "../../pipeline/article/article.ts";
import { checkFrontMatter } from "../../pipeline/article/schema.ts";
import { parseConfig } from "../../pipeline/article/config.ts";
import { fixture } from "../support/repo.ts";

const configResult = parseConfig(await readFile(fixture("bad-input", "kawaraban.config.yml"), "utf8"));
if (!configResult.ok) throw new Error("fixture config must be valid");
const config = configResult.config;

/** Diagnostics produced by the real stages, not hand-made ones. */
function reportFor(sources: Record<string, string>) {
  const diagnostics = Object.entries(sources).flatMap(([path, text]) => {
    const loaded = articleText(path, text);
    return [...loaded.diagnostics, ...(loaded.text ? checkFrontMatter(loaded.text, config).diagnostics : [])];
  });
  return buildReport(Object.keys(sources), diagnostics);
}

const sample = reportFor({
  "articles/2026/11/a,b:c.md": "---\ntitle: a\nwriter: nobody\ndate: 2026-11-01\nsummary: s\nlayout: x\n---\n本文\n",
  "articles/2026/11/clean.md": "---\ntitle: a\nwriter: sakura\ndate: 2026-11-01\nsummary: s\n---\n本文\n",
  "articles/2026/11/no-fm.md": "本文だけ\n",
});

describe("json", () => {
  it("prints exactly the contract document", () => {
    const doc = JSON.parse(formatJson(sample));
    expect(Object.keys(doc)).toEqual(["version", "files", "summary"]);
    expect(doc.version).toBe(1);
    expect(doc.summary).toEqual({ files: 3, errors: 2, warnings: 1 });
    expect(doc.files.map((f: { path: string }) => f.path)).toEqual(["articles/2026/11/a,b:c.md", "articles/2026/11/clean.md", "articles/2026/11/no-fm.md"]);
    expect(doc.files[0].messages[0]).toEqual({
      ruleId: "frontmatter/unknown-writer",
      source: "frontmatter",
      severity: "error",
      message: expect.stringMatching(/writer「nobody」は登録されていません/),
      line: 3,
      column: 1,
      endLine: 3,
      endColumn: 15,
      url: "docs/rules.md#frontmatterunknown-writer",
    });
    for (const m of doc.files.flatMap((f: { messages: object[] }) => f.messages)) {
      expect(Object.keys(m)).not.toContain("cause");
      expect(Object.keys(m)).not.toContain("path");
    }
  });
});

// The SARIF 2.1.0 schema as published with Microsoft's SARIF tooling (draft-04).
const sarifSchema = JSON.parse(await readFile(createRequire(import.meta.url).resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));

describe("sarif", () => {
  const schema = sarifSchema;
  // Both packages are CommonJS with `exports.default` set, which is what NodeNext types see.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  ajvFormats.default(ajv);
  const validate = ajv.compile(schema);

  it("is valid SARIF 2.1.0", () => {
    const log = JSON.parse(formatSarif(sample, { repositoryUrl: "https://github.com/city/kawaraban", version: "1.2.3", findRule }));
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = log.runs[0];
    expect(run.results).toHaveLength(3);
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(["frontmatter/missing", "frontmatter/unknown-key", "frontmatter/unknown-writer"]);
    expect(run.tool.driver.rules[0].helpUri).toBe("https://github.com/city/kawaraban/blob/HEAD/docs/rules.md#frontmattermissing");
    const first = run.results.find((r: { ruleId: string }) => r.ruleId === "frontmatter/unknown-writer");
    expect(first.locations[0].physicalLocation.region).toEqual({ startLine: 3, startColumn: 1, endLine: 3, endColumn: 15 });
    expect(run.tool.driver.rules[first.ruleIndex].id).toBe("frontmatter/unknown-writer");
    expect(first.level).toBe("error");
  });

  it("stays valid without a repository URL", () => {
    expect(validate(JSON.parse(formatSarif(sample)))).toBe(true);
  });
});

describe("github", () => {
  it("writes one workflow command per diagnostic with escaped properties", () => {
    const out = formatGithub(sample).split("\n");
    expect(out).toContain(
      "::error file=articles/2026/11/a%2Cb%3Ac.md,line=3,col=1,endLine=3,endColumn=15,title=frontmatter/unknown-writer::" +
        sample.files[0]!.messages[0]!.message,
    );
    expect(out.some((l) => l.startsWith("::warning file=articles/2026/11/a%2Cb%3Ac.md,line=6"))).toBe(true);
    expect(out.some((l) => l.startsWith("::error file=articles/2026/11/no-fm.md,line=1,col=1,title=frontmatter/missing::"))).toBe(true);
  });

  it("escapes %, newlines, colons and commas as @actions/core does", () => {
    expect(escapeProperty("a%b\r\nc:d,e")).toBe("a%25b%0D%0Ac%3Ad%2Ce");
  });
});

describe("pretty", () => {
  it("groups by file, in Japanese, with no colour unless asked", () => {
    const out = formatPretty(sample);
    expect(out).toContain("articles/2026/11/a,b:c.md\n  3:1  エラー  writer「nobody」");
    expect(out).not.toContain("articles/2026/11/clean.md");
    expect(out).toContain("✖ エラー 2 件・警告 1 件（3 ファイルを確認）");
    expect(out).not.toMatch(/\u001b\[/);
    expect(formatPretty(sample, { color: true })).toMatch(/\u001b\[31mエラー/);
  });

  it("says so when everything is clean", () => {
    const out = formatPretty(buildReport(["articles/x.md"], []));
    expect(out).toBe("✓ 問題は見つかりませんでした（1 ファイルを確認）\n");
  });

  it("points to --fix when the only findings are info with a fix (the city's 表記)", () => {
    const info = (fix: boolean): Diagnostic => ({
      ruleId: "prh",
      source: "textlint",
      severity: "info",
      message: "「下さい」→「ください」: ひらがなで書きます。",
      path: "articles/x.md",
      line: 9,
      column: 3,
      ...(fix && { fix: { range: [100, 103] as [number, number], text: "ください" } }),
    });
    const out = formatPretty(buildReport(["articles/x.md"], [info(true), info(true), info(false)]));
    expect(out).toContain("✓ 問題は見つかりませんでした（1 ファイルを確認）");
    expect(out).toContain("（表記などの情報 2 件は `npx kawaraban check --fix` で直せます）");
  });
});
