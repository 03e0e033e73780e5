import { describe, it, expect } from "vitest";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { articleText } from "../../pipeline/article/article.ts";
import { checkFrontMatter } from "../../pipeline/article/schema.ts";
import { parseConfig } from "../../pipeline/article/config.ts";
import { SAMPLE_ROOT } from "../support/repo.ts";

const parsed = parseConfig(await readFile(path.join(SAMPLE_ROOT, "kawaraban.config.yml"), "utf8"));
if (!parsed.ok) throw new Error("sample config must be valid");
const config = parsed.config;

const base = {
  title: "里山のコワーキングスペースを訪ねて",
  writer: "hinata",
  date: "2026-11-20",
  summary: "里山の古民家を改装した仕事場を訪ねました。",
};

function check(fields: Record<string, string | undefined>, extra = "") {
  const lines = Object.entries({ ...base, ...fields })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`);
  const { text: article, diagnostics } = articleText("articles/x.md", `---\n${lines.join("\n")}\n${extra}---\n本文\n`);
  expect(diagnostics).toEqual([]);
  return checkFrontMatter(article!, config);
}

const ids = (r: ReturnType<typeof check>) => r.diagnostics.map((d) => d.ruleId);

describe("front matter", () => {
  it("accepts a complete article and returns typed values", () => {
    const result = check({ tags: "[子育て, はたらく]", category: "shigoto", draft: "true" });
    expect(result.diagnostics).toEqual([]);
    expect(result.frontMatter).toMatchObject({ writer: "hinata", date: "2026-11-20", tags: ["子育て", "はたらく"], draft: true });
  });

  it("defaults draft to false", () => {
    expect(check({}).frontMatter?.draft).toBe(false);
  });

  it.each(["title", "writer", "date", "summary"])("requires %s, pointing at line 1 when it is missing", (key) => {
    const result = check({ [key]: undefined });
    expect(ids(result)).toEqual(["frontmatter/required"]);
    expect(result.diagnostics[0]!.message).toMatch(new RegExp(`^${key}（.+）がありません。$`));
  });

  it("reports an empty title as empty, not missing", () => {
    const result = check({ title: "''" });
    expect(result.diagnostics[0]!.message).toBe("title（タイトル）が空です。");
    expect(result.diagnostics[0]!.line).toBe(2);
  });

  it.each([
    ["2026-02-29", "frontmatter/date"],
    ["2028-02-29", undefined],
    ["2026-1-5", "frontmatter/date"],
    ["令和8年11月20日", "frontmatter/date"],
  ])("validates the date %s", (date, rule) => {
    expect(ids(check({ date }))).toEqual(rule ? [rule] : []);
  });

  it("suggests the closest writer handle", () => {
    const [d] = check({ writer: "hinta" }).diagnostics;
    expect(d).toMatchObject({ ruleId: "frontmatter/unknown-writer", line: 3 });
    expect(d!.message).toContain("「hinata」の書き間違いではありませんか");
  });

  it("does not guess when nothing is close", () => {
    expect(check({ writer: "zzzzzzzz" }).diagnostics[0]!.message).not.toContain("書き間違い");
  });

  it("needs cover and coverAlt together", () => {
    expect(ids(check({ cover: "../a.jpg" }))).toEqual(["frontmatter/cover-alt"]);
    expect(ids(check({ coverAlt: "説明" }))).toEqual(["frontmatter/cover-alt"]);
  });

  it("warns about unknown keys with a hint, and refuses fee keys", () => {
    const result = check({ tag: "[a]", 原稿料: "30000" });
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
      ["frontmatter/unknown-key", "warning"],
      ["frontmatter/fee", "error"],
    ]);
    expect(result.diagnostics[0]!.message).toContain("「tags」の書き間違いではありませんか");
  });

  it("warns when title and summary are too long for feeds and OGP cards", () => {
    const result = check({ title: "あ".repeat(41), summary: "い".repeat(121) });
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity, d.line])).toEqual([
      ["frontmatter/length", "warning", 2],
      ["frontmatter/length", "warning", 5],
    ]);
    expect(ids(check({ title: "あ".repeat(40), summary: "い".repeat(120) }))).toEqual([]);
  });

  it("keeps typed values verbatim (no number or date coercion)", () => {
    expect(check({ title: "0123" }).frontMatter?.title).toBe("0123");
  });
});
