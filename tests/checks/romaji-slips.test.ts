import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const { romajiSlipsOf, toRomaji, toKana } = require("../../pipeline/textlint/preset/rules/romaji-slips.js") as {
  romajiSlipsOf: (word: string) => string[];
  toRomaji: (word: string) => string | undefined;
  toKana: (romaji: string) => string | undefined;
};
const KANA = [
  ..."あいうえおかきくけこがぎぐげごさしすせそざじずぜぞたちつてとだぢづでどなにぬねのはひふへほばびぶべぼぱぴぷぺぽまみむめもやゆよらりるれろわをん",
];

describe("keyboard slips of kana words (romaji-slips.js)", () => {
  it("spells any kana word in romaji and reads it back unchanged", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...KANA), { minLength: 1, maxLength: 8 }), (chars) => {
        // ん is spelled nn, as keyboards take it before a vowel: the round trip holds for every word.
        const word = chars.join("");
        const romaji = toRomaji(word);
        expect(romaji).toBeDefined();
        expect(toKana(romaji ?? "")).toBe(word);
      }),
    );
  });

  it("gives only kana words, none the word itself, all keeping its first kana", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...KANA), { minLength: 2, maxLength: 7 }), (chars) => {
        const word = chars.join("");
        for (const slip of romajiSlipsOf(word)) {
          expect(slip).toMatch(/^[\u3041-\u3096]+$/u);
          expect(slip).not.toBe(word);
          expect(slip[0]).toBe(word[0]);
        }
      }),
    );
  });

  it("finds the slips people type for the polite words", () => {
    expect(romajiSlipsOf("ください")).toEqual(expect.arrayContaining(["くだしあ", "くたさい", "くださいい"]));
    expect(romajiSlipsOf("ございます")).toEqual(expect.arrayContaining(["ごさいます", "ございまう"]));
    // Kanji stay as they are; the kana after them slip.
    expect(romajiSlipsOf("お願いします")).toEqual(expect.arrayContaining(["お願いしまう", "お願いじます"]));
    expect(romajiSlipsOf("お願いします").every((slip) => slip.startsWith("お願"))).toBe(true);
  });
});
