import { describe, it, expect } from "vitest";
import { parseMarkdown } from "../../pipeline/article/markdown.ts";
import { textStats } from "../../pipeline/checks/stats.ts";

describe("text statistics", () => {
  it("counts the reader's characters: no syntax, whitespace, code, alt text or URLs", () => {
    const tree = parseMarkdown(
      "---\ntitle: 題名\n---\n\n## 見出し\n\n朝市に　行きました。[市のページ](https://example.com)を見ます。\n\n![写真の説明](a.jpg)\n\n```\ncode\n```\n\n- 項目 `x`\n",
    );
    // 見出し(3) + 朝市に行きました。(9) + 市のページを見ます。(10) + 項目(2)
    expect(textStats(tree)).toEqual({
      characters: 24,
      sentences: 3,
      averageSentence: 7,
      longestSentence: 10,
      kanjiRatio: Math.round((9 / 24) * 1000) / 1000,
      readingMinutes: 1,
    });
  });

  it("counts graphemes, keeps quotes inside their sentence, and rounds reading time up", () => {
    const tree = parseMarkdown(`「はい。」と答えました。👨‍👩‍👧\n\n${"あ".repeat(600)}。`);
    const stats = textStats(tree);
    expect(stats.sentences).toBe(3);
    expect(stats.characters).toBe(12 + 1 + 601);
    expect(stats.readingMinutes).toBe(2);
  });

  it("is all zero for an empty body", () => {
    expect(textStats(parseMarkdown("---\ntitle: a\n---\n"))).toMatchObject({ characters: 0, sentences: 0, readingMinutes: 0 });
  });
});
