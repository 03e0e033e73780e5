import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

describe("textlint's API without its CLI", () => {
  // The adapter loads these two files instead of textlint's entry (which also loads the CLI and
  // its MCP server, 170 ms per lint thread). It falls back to the entry if a release moves them;
  // this test says so loudly instead.
  it("finds createLinter and loadTextlintrc where the adapter looks, the same functions the entry exports", () => {
    const { createLinter } = require("textlint/lib/src/createLinter.js");
    const { loadTextlintrc } = require("textlint/lib/src/loader/TextlintrcLoader.js");
    const entry = require("textlint");
    expect(createLinter).toBe(entry.createLinter);
    expect(loadTextlintrc).toBe(entry.loadTextlintrc);
  });
});

describe("the lint configuration in a long-running process", () => {
  it("takes an edited .textlintrc.json on the next lint, not the linter built from the old one", async () => {
    const { writeFile } = await import("node:fs/promises");
    const path = await import("node:path");
    const { copySampleContent } = await import("../support/sample-repo.ts");
    const { articleText } = await import("../../pipeline/article/article.ts");
    const { lintProse } = await import("../../pipeline/checks/prose/stage.ts");
    const root = await copySampleContent();
    const front = "---\ntitle: 見本\nwriter: hinata\ndate: 2026-11-01\nsummary: 見本です。\n---\n\n";
    const rules = async () => {
      const run = await lintProse(root, [articleText("articles/2026/11/x.md", `${front}公園のの遊具で遊んでました。\n`).text!], { workers: 1 });
      return run.results.get("articles/2026/11/x.md")!.diagnostics.map((d) => d.ruleId);
    };
    expect(await rules()).toContain("kawaraban/repeated-word");
    await writeFile(path.join(root, ".textlintrc.json"), JSON.stringify({ rules: { "preset-kawaraban": { "repeated-word": false } } }));
    expect(await rules()).not.toContain("kawaraban/repeated-word");
  }, 60_000);
});
