import { describe, it, expect, beforeAll } from "vitest";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { runCli, type CliResult } from "../support/cli.ts";
import { copyTree, fixture, initRepo } from "../support/repo.ts";

/** Each bad input (a real file under tests/fixtures/bad-input/articles) and the rule it must trigger. */
const expected: Record<string, string> = {
  "articles/exec-js.md": "frontmatter/opening-line",
  "articles/exec-javascript.md": "frontmatter/opening-line",
  "articles/exec-js-upper-space.md": "frontmatter/opening-line",
  "articles/exec-coffee.md": "frontmatter/opening-line",
  "articles/exec-js-tag.md": "frontmatter/unsafe-yaml",
  "articles/yaml-binary-tag.md": "frontmatter/unsafe-yaml",
  "articles/yaml-custom-tag.md": "frontmatter/unsafe-yaml",
  "articles/yaml-alias-bomb.md": "frontmatter/unsafe-yaml",
  "articles/yaml-alias.md": "frontmatter/unsafe-yaml",
  "articles/yaml-syntax.md": "frontmatter/yaml-syntax",
  "articles/yaml-duplicate-key.md": "frontmatter/yaml-syntax",
  "articles/yaml-deep-nesting.md": "frontmatter/yaml-syntax",
  "articles/frontmatter-unclosed.md": "frontmatter/unclosed",
  "articles/frontmatter-missing.md": "frontmatter/missing",
  "articles/frontmatter-list.md": "frontmatter/not-mapping",
  "articles/frontmatter-scalar.md": "frontmatter/not-mapping",
  "articles/wrong-types.md": "frontmatter/type",
  "articles/unknown-writer.md": "frontmatter/unknown-writer",
  "articles/bad-date.md": "frontmatter/date",
  "articles/bad-date-format.md": "frontmatter/date",
  "articles/unknown-category.md": "frontmatter/unknown-category",
  "articles/cover-without-alt.md": "frontmatter/cover-alt",
  "articles/fee-in-frontmatter.md": "frontmatter/fee",
  "articles/proto-key.md": "frontmatter/reserved-key",
  "articles/cover-traversal.md": "image/outside-assets",
  "articles/inline-traversal.md": "image/outside-assets",
  "articles/html-img-traversal.md": "image/outside-assets",
  "articles/image-outside-assets.md": "image/outside-assets",
  "articles/external-image.md": "image/external-url",
  "articles/data-url-image.md": "image/external-url",
  "articles/missing-image.md": "image/not-found",
  "articles/image-symlink.md": "image/symlink",
  "articles/alt-missing.md": "a11y/alt-missing",
  "articles/encoding-shift-jis.md": "input/encoding",
  "articles/encoding-utf16.md": "input/encoding",
  "articles/empty.md": "input/empty",
  "articles/binary-photo.md": "input/binary",
  "articles/symlink-inside.md": "input/symlink",
  "articles/symlink-outside.md": "input/symlink",
  "articles/linked-folder": "input/symlink",
  "articles/huge.md": "input/too-large",
};

const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe("a corpus of bad input, checked in one run", () => {
  let root: string;
  let result: CliResult;
  let files: { path: string; messages: { ruleId: string; severity: string; message: string; line?: number }[] }[];

  beforeAll(async () => {
    root = await copyTree(fixture("bad-input"));
    // 10 MB is too big to keep in the repository; it is made here.
    await writeFile(path.join(root, "articles/huge.md"), `---\ntitle: 大きい\n---\n${"あ".repeat(3_500_000)}\n`);
    initRepo(root);
    result = await runCli(["check", "--format", "json"], root);
    files = JSON.parse(result.stdout).files;
  });

  it("covers at least 25 kinds of bad input", () => {
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(25);
  });

  it("exits 1 with one JSON document and no stack trace", () => {
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    expect(result.stdout).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/);
  });

  it.each(Object.entries(expected))("%s → %s (error, in Japanese)", (file, ruleId) => {
    const entry = files.find((f) => f.path === file);
    expect(entry, `${file} must be reported`).toBeDefined();
    const errors = entry!.messages.filter((m) => m.severity === "error");
    expect(errors.map((m) => m.ruleId)).toContain(ruleId);
    for (const m of errors) expect(m.message).toMatch(japanese);
  });

  it("never reports an internal failure for bad input", () => {
    const all = files.flatMap((f) => f.messages);
    expect(all.filter((m) => m.ruleId.startsWith("internal/"))).toEqual([]);
  });

  it("still checks the valid articles in the same run, BOM and CRLF included", () => {
    for (const file of ["articles/valid.md", "articles/valid-bom-crlf.md"]) {
      const entry = files.find((f) => f.path === file);
      expect(entry, file).toBeDefined();
      expect(entry!.messages).toEqual([]);
    }
  });

  it("reports a text file under articles/ as an error with the name to use, never skipping it", () => {
    const entry = files.find((f) => f.path === "articles/notes.txt");
    expect(entry?.messages.map((m) => [m.ruleId, m.severity])).toEqual([["input/not-article", "error"]]);
    expect(entry?.messages[0]?.message).toContain("notes.md");
  });

  it("executes nothing from front matter", () => {
    for (const marker of ["PWNED-js", "PWNED-coffee", "PWNED-tag"]) {
      expect(existsSync(path.join(root, marker))).toBe(false);
      expect(existsSync(path.join(process.cwd(), marker))).toBe(false);
    }
    expect((globalThis as { __kawarabanPwned?: unknown }).__kawarabanPwned).toBeUndefined();
  });

  it("leaves Object.prototype alone", () => {
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it("gives the line of the offending key", () => {
    const writer = files.find((f) => f.path === "articles/unknown-writer.md")!.messages[0]!;
    expect(writer.line).toBe(3);
    expect(writer.message).toContain("「sakura」の書き間違いではありませんか");
    const encoding = files.find((f) => f.path === "articles/encoding-shift-jis.md")!.messages[0]!;
    expect(encoding.message).toContain("Shift_JIS");
    expect(encoding.line).toBe(2);
  });

  it("refuses the huge file by its size before reading it", () => {
    const huge = files.find((f) => f.path === "articles/huge.md")!.messages[0]!;
    expect(huge.message).toMatch(/大きすぎます（10\.0 MB、上限 64 KB）/);
  });
});
