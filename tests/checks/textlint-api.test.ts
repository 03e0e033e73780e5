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
