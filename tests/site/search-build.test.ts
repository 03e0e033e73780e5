import { describe, it, expect } from "vitest";
import fc from "fast-check";
import MiniSearch from "minisearch";
import { serializedIndex, type IndexOptions } from "../../pipeline/site/search-build.mjs";
import { searchOptions } from "../../pipeline/site/search-client.mjs";
import type { SerializedIndex } from "../../pipeline/site/search-merge.mjs";

type Doc = Record<string, unknown>;

// Japanese, Latin, digits, width variants, marks and the city's variants: what tokenize and unify see.
const piece = fc.constantFrom("子供", "こども", "子ども", "防災", "訓練", "ｶﾌｪ", "カフェ", "Library", "２０２６", "、", "。", " ", "!", "々", "ー", "a", "図");
const text = fc.array(piece, { maxLength: 14 }).map((p) => p.join(""));
/** A field as an article may have it, or as a broken one may not. */
const field = fc.oneof({ weight: 6, arbitrary: text }, { weight: 1, arbitrary: fc.constantFrom(undefined, null) });
const docs = fc
  .array(fc.record({ title: field, summary: field, text: field, date: fc.constantFrom("2026-12-01", undefined) }), { maxLength: 12 })
  .map((list) => list.map((d, i) => ({ ...d, url: `/a/${i}/` })));
const variants = fc.constantFrom<[string, string][]>(
  [],
  [
    ["子供", "子ども"],
    ["こども", "子ども"],
  ],
);

/** MiniSearch's own serialised index, with its terms in the order it happened to list them. */
const theirs = (list: Doc[], options: IndexOptions): SerializedIndex => {
  const ms = new MiniSearch(options as never);
  ms.addAll(list);
  return JSON.parse(JSON.stringify(ms)) as SerializedIndex;
};
/** The same index with its terms sorted: the format does not depend on their order. */
const sorted = (js: SerializedIndex) => ({ ...js, index: [...js.index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) });

describe("the search index made straight in serialised form (search-build.mjs)", () => {
  it("is, byte for byte once its terms are sorted, what MiniSearch makes of the same articles", () => {
    fc.assert(
      fc.property(docs, variants, (list, pairs) => {
        const options = searchOptions(pairs) as IndexOptions;
        const ours = JSON.parse(JSON.stringify(serializedIndex(list, options))) as SerializedIndex;
        expect(JSON.stringify(sorted(ours))).toBe(JSON.stringify(sorted(theirs(list, options))));
      }),
      { numRuns: 300 },
    );
  });

  it("answers every search as MiniSearch's own index does, once loaded in the browser's way", () => {
    fc.assert(
      fc.property(docs, variants, fc.array(piece, { minLength: 1, maxLength: 3 }), (list, pairs, query) => {
        const options = searchOptions(pairs) as IndexOptions;
        const load = (js: SerializedIndex) => MiniSearch.loadJSON(JSON.stringify(js), options as never);
        const ask = (index: MiniSearch) => index.search(query.join(""), { combineWith: "AND" }).map((hit) => [hit.id, hit.score]);
        expect(ask(load(serializedIndex(list, options)))).toEqual(ask(load(theirs(list, options))));
      }),
      { numRuns: 200 },
    );
  });

  it("refuses a document without an id, or an id seen before, as MiniSearch does", () => {
    const options = searchOptions([]) as IndexOptions;
    expect(() => serializedIndex([{ title: "a" }], options)).toThrow(/does not have ID/);
    expect(() => serializedIndex([{ url: "/a/" }, { url: "/a/" }], options)).toThrow(/duplicate ID/);
  });
});
