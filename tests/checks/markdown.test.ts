import { describe, it, expect } from "vitest";
import { articleText } from "../../pipeline/article/article.ts";
import { lintMarkdown } from "../../pipeline/checks/markdown.ts";
import { SAMPLE_ROOT } from "../support/repo.ts";

const lint = (body: string) =>
  lintMarkdown(articleText("articles/x.md", `---\ntitle: t\nwriter: w\ndate: 2026-11-01\nsummary: s\n---\n\n${body}`).text!, SAMPLE_ROOT);

describe("remark-lint with the repository's .remarkrc.json", () => {
  it("maps messages into diagnostics in Japanese with the position and rule docs", async () => {
    const found = await lint("本文です。[説明][undefined-label]\n\n\n\n## 同じ\n\n## 同じ");
    expect(found.map((d) => `${d.ruleId}@${d.line}`).sort()).toEqual([
      "final-newline@14",
      "no-consecutive-blank-lines@12",
      "no-duplicate-headings@14",
      "no-undefined-references@8",
    ]);
    for (const d of found) {
      expect(d.source).toBe("remark-lint");
      expect(d.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(d.url).toBe(`docs/rules.md#${d.ruleId}`); // explained in Japanese, like every rule
    }
  });

  it("reads plain brackets around Japanese as text, not as an undefined link reference", async () => {
    expect(await lint("■料理教室[西箕輪公民館]\n\n申し込みは[電話]で受け付けます。\n")).toEqual([]);
  });

  it("leaves bare URLs to the accessibility rule (no duplicate finding)", async () => {
    expect(await lint("https://example.com/page を見てください。\n")).toEqual([]);
  });
});
