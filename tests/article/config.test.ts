import { describe, it, expect } from "vitest";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseConfig, isValidCorporateNumber, loadConfig } from "../../pipeline/article/config.ts";
import { copyTree, fixture, SAMPLE_ROOT } from "../support/repo.ts";
import { workTree } from "../../pipeline/source/work-tree.ts";
import { runCli } from "../support/cli.ts";

const sample = await readFile(path.join(SAMPLE_ROOT, "kawaraban.config.yml"), "utf8");

describe("config", () => {
  it("accepts the template's config, with typed values", async () => {
    const result = await loadConfig(await workTree(SAMPLE_ROOT));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.rates.article).toBe(15000);
    expect(result.config.writers.hinata?.chargesConsumptionTax).toBe(true);
    expect(result.config.writers["hibari-npo"]?.type).toBe("corporation");
  });

  it("checks the corporate number's check digit", () => {
    expect(isValidCorporateNumber("9234567890123")).toBe(true);
    expect(isValidCorporateNumber("8234567890123")).toBe(false);
    expect(isValidCorporateNumber("123")).toBe(false);
  });

  const lineOf = (text: string) => sample.split("\n").findIndex((l) => l.includes(text)) + 1;

  it.each([
    ["a rate with a comma", "article: 15000", "article: 15,000", /rates\.article（1 記事の原稿料）は半角数字/],
    ["a wrong writer type", "type: individual", "type: person", /individual（個人）、corporation（法人）、group/],
    ["a short registration number", "T7012345678904", "T70123", /T に続けて半角数字 13 桁/],
    ["a bad corporate check digit", "T9234567890123", "T8234567890123", /チェックディジット/],
    ["a misspelt key", "payer:", "payr:", /payr.*「payer」の書き間違い/],
  ])("reports %s with the key's line", (_name, from, to, message) => {
    const line = lineOf(from);
    expect(line).toBeGreaterThan(0);
    const result = parseConfig(sample.replace(from, to));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const match = result.diagnostics.find((d) => message.test(d.message));
    expect(match, result.diagnostics.map((d) => d.message).join("\n")).toBeDefined();
    expect(match!.line).toBe(line);
    expect(match!.source).toBe("config");
  });

  it("makes check exit 2 with a Japanese message naming the key and line", async () => {
    const root = await copyTree(fixture("bad-input"));
    const config = await readFile(path.join(root, "kawaraban.config.yml"), "utf8");
    await writeFile(path.join(root, "kawaraban.config.yml"), config.replace("article: 10000", "article: たくさん"));
    const result = await runCli(["check", "articles/valid.md"], root);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/kawaraban\.config\.yml\n\s+16:\d+\s+エラー\s+kawaraban\.config\.yml: rates\.article/);
  });

  it("reports a missing config as exit 2", async () => {
    const result = await runCli(["check"], "/");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("kawaraban.config.yml が見つかりません");
  });
});
