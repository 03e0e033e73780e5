import { describe, expect, it } from "vitest";
import { katakanaWord } from "../../pipeline/textlint/preset/rules/katakana-words.js";

type Found = (index: number, message: string, fix?: { replace: number; text: string }) => void;
const check = async (word: string, doc: Record<string, number> = {}) => {
  const found: string[] = [];
  await (katakanaWord as (w: string, o: number, f: Found, d: Record<string, number>) => Promise<void>)(word, 0, (_, message) => found.push(message), doc);
  return found;
};

describe("katakana words one slip from a dictionary word", () => {
  it("mends one part of a compound the dictionary lacks", async () => {
    expect(await check("リニュアルオープン")).toEqual(["「リニュアルオープン」は「リニューアルオープン」の書き誤りではありませんか。"]);
    expect(await check("フリースーペース")).toEqual(["「フリースーペース」は「フリースペース」の書き誤りではありませんか。"]);
  }, 60_000);

  it("leaves compounds of two words alone", async () => {
    expect(await check("スーパーマーケット")).toEqual([]);
    expect(await check("フィールドワーク")).toEqual([]);
  });

  it("does not look up runs longer than any loanword, nor more compounds than the article's share", async () => {
    const doc: Record<string, number> = {};
    // A hostile run: its length cubed in look-ups if it were split and tried.
    expect(await check("リニュアル".repeat(600), doc)).toEqual([]);
    expect(doc.katakanaCompounds).toBeUndefined();
    for (let i = 0; i < 25; i++) await check("コンパクトスーペース", doc);
    expect(await check("リニュアルオープン", doc)).toEqual([]);
    expect(doc.katakanaCompounds).toBe(26);
  });
});
