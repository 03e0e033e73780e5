import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { NearCopyIndex, comparableText, isNearCopy, sketchOf } from "../../pipeline/invoice/near-copy.ts";

/**
 * The near-copy measure as properties over generated text (the thresholds themselves were set
 * and measured on real municipal articles: README「似ている記事」). Sentences are drawn from a
 * wide pool of kana and kanji, so two independent sentences share almost nothing by chance.
 */
const POOL = [
  ..."あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん市民公園駅前商店街祭子育図書館学校病院野菜果物農家川山海森道橋花鳥空雨雪春夏秋冬朝昼夜",
];
const sentence = fc.array(fc.constantFrom(...POOL), { minLength: 25, maxLength: 45 }).map((cs) => `${cs.join("")}。`);
const article = fc.array(sentence, { minLength: 4, maxLength: 8 });
const title = fc.array(fc.constantFrom(...POOL), { minLength: 4, maxLength: 12 }).map((cs) => cs.join(""));
const sketch = (t: string, sentences: string[]) => sketchOf(comparableText(t, sentences.join("\n")));

describe("near-copies", () => {
  it("finds the same body under a title changed by a character", () => {
    fc.assert(
      fc.property(title, article, fc.constantFrom(...POOL), (t, body, extra) => {
        expect(isNearCopy(sketch(t, body), sketch(`${t}${extra}`, body)).near).toBe(true);
      }),
    );
  });

  it("finds an article with one of its sentences rewritten, or sentences added", () => {
    fc.assert(
      fc.property(title, article, sentence, fc.nat(), fc.array(sentence, { maxLength: 3 }), (t, body, replacement, at, added) => {
        const rewritten = [...body];
        rewritten[at % body.length] = replacement;
        expect(isNearCopy(sketch(t, body), sketch(t, [...rewritten, ...added])).near).toBe(true);
      }),
    );
  });

  it("does not call independent articles alike", () => {
    fc.assert(
      fc.property(title, article, title, article, (t1, b1, t2, b2) => {
        expect(isNearCopy(sketch(t1, b1), sketch(t2, b2)).near).toBe(false);
      }),
    );
  });

  it("never judges a short notice (under about 30 characters) alike, and is the same on every run", () => {
    expect(isNearCopy(sketch("今月のお知らせ", ["十一月のお知らせです。"]), sketch("今月のお知らせ", ["十二月のお知らせです。"])).near).toBe(false);
    fc.assert(
      fc.property(title, article, (t, b) => {
        expect(sketch(t, b)).toEqual(sketch(t, b));
      }),
    );
  });

  it("the index finds the billed article a near-copy copies, and nothing for new work", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(title, article), { minLength: 2, maxLength: 12 }), fc.nat(), (works, pick) => {
        const index = new NearCopyIndex<number>();
        works.forEach(([t, b], i) => {
          expect(index.find(sketch(t, b))).toBeUndefined();
          index.add(sketch(t, b), i);
        });
        const [t, b] = works[pick % works.length]!;
        expect(index.find(sketch(`${t}！`, b))?.value).toBe(pick % works.length);
      }),
      { numRuns: 50 },
    );
  });
});
