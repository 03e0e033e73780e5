import { describe, it, expect } from "vitest";
import fc from "fast-check";
import MiniSearch from "minisearch";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { mergeSerialized, type SerializedIndex } from "../../pipeline/site/search-merge.mjs";
import { updatedIndex } from "../../pipeline/site/search-index.mjs";
import { indexBytes, indexSpans } from "../../pipeline/site/search-bytes.mjs";
import { SEARCH_OPTIONS } from "../../pipeline/site/search-client.mjs";

type Doc = { url: string; title: string; summary: string; date: string; text: string };
// The last words are JSON's own syntax: a term or title holding them must not move a byte span.
const WORDS = [
  "防災",
  "訓練",
  "公園",
  "子ども",
  "図書館",
  "朝市",
  "お祭り",
  "Library",
  "カフェ",
  "ひなまつり",
  "2026年",
  "みんなで",
  '"index":[',
  "]]}",
  '\\"',
];
const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((w) => w.join("の"));
const doc = (url: string) => fc.record({ url: fc.constant(url), title: text, summary: text, date: fc.constant("2026-11-01"), text });
// One build's change: each of 8 possible articles is kept, written anew, or removed.
const step = fc
  .array(fc.constantFrom("keep", "write", "remove"), { minLength: 8, maxLength: 8 })
  .chain((acts) => fc.tuple(fc.constant(acts), fc.tuple(...acts.map((_, i) => doc(`/a/${i}/`)))));

const serialise = (docs: Doc[]) => {
  const ms = new MiniSearch<Doc>(SEARCH_OPTIONS);
  ms.addAll(docs);
  return JSON.parse(JSON.stringify(ms)) as SerializedIndex;
};
/** What an index says, by article URL rather than short id. */
function meaning(js: SerializedIndex) {
  const url = (shortId: string) => js.documentIds[shortId]!;
  const postings = js.index
    .map(
      ([term, fields]) =>
        [
          term,
          Object.entries(fields).map(([f, docs]) => [
            f,
            Object.entries(docs ?? {})
              .map(([s, n]) => [url(s), n])
              .sort(),
          ]),
        ] as const,
    )
    .map(([term, fields]) => [term, fields.filter(([, docs]) => (docs?.length ?? 0) > 0)] as const)
    .filter(([, fields]) => fields.length > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const byUrl = (o: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(o)
        .filter(([s]) => s in js.documentIds)
        .map(([s, v]) => [url(s), v]),
    );
  return { count: js.documentCount, ids: Object.values(js.documentIds).sort(), postings, lengths: byUrl(js.fieldLength), stored: byUrl(js.storedFields) };
}

describe("the search index merged in serialised form (search-merge.mjs)", () => {
  it("says exactly what an index built from scratch says, over any sequence of edits and removals", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kawaraban-search-merge-"));
    const indexFile = path.join(dir, "search-index.json");
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 4 }), fc.boolean(), (steps, throughFile) => {
        let current = new Map<string, Doc>();
        let index = serialise([]);
        rmSync(indexFile, { force: true });
        for (const [acts, docs] of steps) {
          const next = new Map(current);
          const remove: string[] = [];
          const add: Doc[] = [];
          acts.forEach((act, i) => {
            const d = docs[i]!;
            if (act === "keep") return;
            if (current.has(d.url)) remove.push(d.url);
            next.delete(d.url);
            if (act !== "write") return;
            next.set(d.url, d);
            add.push(d);
          });
          // As a build does it: the previous file's bytes, untouched terms copied from them; or in memory.
          if (throughFile) {
            const result = updatedIndex({ indexFile, previous: existsSync(indexFile), remove, add, variants: [] });
            const bytes = readFileSync(indexFile);
            expect(result.key).toBe(createHash("sha1").update(bytes).digest("base64url"));
            index = JSON.parse(bytes.toString("utf8")) as SerializedIndex;
          } else index = mergeSerialized(index, remove, serialise(add));
          current = next;
          const scratch = serialise([...current.values()]);
          expect(meaning(index)).toEqual(meaning(scratch));
          for (const [f, avg] of index.averageFieldLength.entries()) expect(avg).toBeCloseTo(scratch.averageFieldLength[f]!, 9);
          // And MiniSearch loads it and answers as it answers from scratch.
          const loaded = MiniSearch.loadJS(index, SEARCH_OPTIONS);
          const fresh = MiniSearch.loadJS(scratch, SEARCH_OPTIONS);
          for (const q of WORDS.slice(0, 6))
            expect(loaded.search(q).map((h) => [h.id, h.score.toFixed(9)])).toEqual(fresh.search(q).map((h) => [h.id, h.score.toFixed(9)]));
        }
      }),
      { numRuns: 150 },
    );
    rmSync(dir, { recursive: true, force: true });
  });

  it("finds each index entry's bytes in any JSON, whatever its strings hold", () => {
    const tricky = fc.oneof(fc.string(), fc.constantFrom('"index":[', "]", "}", "\\", '"', "[[", '\\"'));
    const entry = fc.tuple(tricky, fc.dictionary(tricky, fc.jsonValue()));
    fc.assert(
      fc.property(fc.dictionary(tricky, fc.jsonValue()), fc.array(entry), fc.option(fc.array(entry)), fc.boolean(), (rest, entries, earlier, spaced) => {
        // An earlier "index" key is overridden by the later one, in JSON.parse and here.
        const body = JSON.stringify({ ...rest, index: entries }, undefined, spaced ? 1 : undefined);
        const text = earlier ? `{"index":${JSON.stringify(earlier)},${body.slice(1)}` : body;
        const bytes = Buffer.from(text);
        const spans = indexSpans(bytes)!;
        const parsed = JSON.parse(text).index;
        expect(spans.starts.map((s, i) => JSON.parse(bytes.subarray(s, spans.ends[i]).toString("utf8")))).toEqual(parsed);
      }),
      { numRuns: 300 },
    );
    // Entries that are not arrays have no span: the caller sees fewer spans than entries.
    expect(indexSpans(Buffer.from('{"index":[1,2]}'))?.starts).toEqual([]);
    expect(indexSpans(Buffer.from('{"index":[["a",{}]'))).toBeUndefined();
  });

  it("writes bytes that read back as the index, reusing only what the update did not touch", () => {
    const js = serialise([
      { url: "/a/", title: "防災", summary: "", date: "", text: "公園の朝市" },
      { url: "/b/", title: "朝市", summary: "", date: "", text: "公園" },
    ]);
    const bytes = indexBytes(js);
    expect(JSON.parse(bytes.toString("utf8"))).toEqual(js);
    const previous = JSON.parse(bytes.toString("utf8")) as SerializedIndex;
    const position = new Map(previous.index.map((e, i) => [e, i] as const));
    const touched = new Set<unknown>();
    const merged = mergeSerialized(previous, ["/a/"], serialise([]), undefined, touched as Set<never>);
    const out = indexBytes(merged, { bytes, spans: indexSpans(bytes)!, position, touched });
    expect(JSON.parse(out.toString("utf8"))).toEqual(JSON.parse(JSON.stringify(merged)));
    expect(touched.size).toBeGreaterThan(0);
  });

  it("drops what an earlier MiniSearch discard left behind", () => {
    const ms = new MiniSearch<Doc>({ ...SEARCH_OPTIONS, autoVacuum: false });
    ms.addAll([
      { url: "/a/", title: "防災訓練", summary: "", date: "", text: "公園" },
      { url: "/b/", title: "朝市", summary: "", date: "", text: "公園" },
    ]);
    ms.discard("/a/");
    const dirty = JSON.parse(JSON.stringify(ms)) as SerializedIndex;
    expect(dirty.dirtCount).toBe(1);
    const merged = mergeSerialized(dirty, [], serialise([]));
    expect(meaning(merged)).toEqual(meaning(serialise([{ url: "/b/", title: "朝市", summary: "", date: "", text: "公園" }])));
    expect(merged.dirtCount).toBe(0);
  });

  it("refuses an index of another format instead of guessing", () => {
    expect(() => mergeSerialized({ ...serialise([]), serializationVersion: 1 }, [], serialise([]))).toThrow(/format 2/);
    expect(() => mergeSerialized(JSON.parse("null"), [], serialise([]))).toThrow(/format 2/);
  });
});
