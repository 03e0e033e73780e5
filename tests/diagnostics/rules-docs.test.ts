import { describe, it, expect } from "vitest";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { REPO_ROOT } from "../support/repo.ts";
import { allRules } from "../../pipeline/rule-catalog.ts";

describe("rule documentation", () => {
  it("documents every rule under its permanent id", async () => {
    const docs = await readFile(path.join(REPO_ROOT, "docs/rules.md"), "utf8");
    const headings = new Set([...docs.matchAll(/^### (\S+)$/gm)].map((m) => m[1]));
    const rules = allRules().map((r) => r.id);
    expect(rules.length).toBeGreaterThan(30);
    expect(rules.filter((id) => !headings.has(id))).toEqual([]);
    expect(new Set(rules).size).toBe(rules.length); // ids are permanent and unique
  });

  it("documents every rule of kawaraban's own textlint preset", async () => {
    const docs = await readFile(path.join(REPO_ROOT, "docs/rules.md"), "utf8");
    const { createRequire } = await import("node:module");
    const preset = createRequire(import.meta.url)("../../pipeline/textlint/preset/index.js") as { rules: Record<string, unknown> };
    const ids = Object.keys(preset.rules).map((name) => `kawaraban/${name}`);
    expect(ids.length).toBeGreaterThanOrEqual(6);
    expect(ids.filter((id) => !docs.includes(`### ${id}\n`))).toEqual([]);
  });
});
