import { describe, it, expect } from "vitest";
import path from "node:path";
import MiniSearch from "minisearch";
import { indexJson, openSearchCache, updateSearchIndex } from "../../pipeline/site/search.ts";
import { SEARCH_OPTIONS, tokenize } from "../../pipeline/site/search-client.mjs";
import type { SiteArticle } from "../../pipeline/site/model.ts";
import { tempDir } from "../support/repo.ts";

const article = (n: number, title: string): SiteArticle =>
  ({
    path: `articles/2026/11/a${n}.md`,
    url: `2026/11/a${n}/`,
    slug: `a${n}`,
    tags: [],
    photos: [],
    hash: String(n),
    frontMatter: { title, writer: "hinata", date: "2026-11-01", summary: "概要", draft: false },
  }) as SiteArticle;
const search = (json: string, q: string) =>
  MiniSearch.loadJSON(json, SEARCH_OPTIONS)
    .search(q, { combineWith: "AND", tokenize, processTerm: (t: string) => t })
    .map((h) => h.id);

describe("the site's search index", () => {
  it("splits Japanese into bigrams and words, folding width and case", () => {
    expect(tokenize("子育てひろば ＡＩ 講座 Coffee")).toEqual(["子育", "育て", "てひ", "ひろ", "ろば", "ai", "講座", "coffee"]);
  });

  it("is updated, not rebuilt: a changed article is found by its new text only, a removed one is gone", async () => {
    const dir = await tempDir();
    const texts = new Map([
      ["articles/2026/11/a1.md", "どんぐりを拾いました"],
      ["articles/2026/11/a2.md", "防災訓練に参加しました"],
    ]);
    const keys = new Map([
      ["articles/2026/11/a1.md", "k1"],
      ["articles/2026/11/a2.md", "k2"],
    ]);
    const all = [article(1, "里山"), article(2, "防災")];
    const first = indexJson(
      await updateSearchIndex(
        all,
        (a) => keys.get(a.path)!,
        (a) => texts.get(a.path)!,
        openSearchCache(dir),
        "v",
      ),
    );
    expect(search(first, "どんぐり")).toEqual(["2026/11/a1/"]);
    texts.set("articles/2026/11/a1.md", "木の実を集めました");
    keys.set("articles/2026/11/a1.md", "k1b");
    let read = 0;
    const second = indexJson(
      await updateSearchIndex(
        [article(1, "里山")],
        (a) => keys.get(a.path)!,
        (a) => {
          read++;
          return texts.get(a.path)!;
        },
        openSearchCache(dir),
        "v",
      ),
    );
    expect(read).toBe(1); // only the changed article was read again
    expect(search(second, "どんぐり")).toEqual([]);
    expect(search(second, "木の実")).toEqual(["2026/11/a1/"]);
    expect(search(second, "防災")).toEqual([]);
  });
});

describe("a large index, updated on a thread", () => {
  it("finds exactly what an index built from scratch finds, after edits and removals", async () => {
    const words = ["どんぐり", "防災", "朝市", "子育て", "図書館", "祭り", "公園", "清掃"];
    const texts = new Map<string, string>();
    const all = Array.from({ length: 70 }, (_, i) => article(i, `記事${i}`));
    for (const [i, a] of all.entries()) texts.set(a.path, `${words[i % 8]}と${words[(i * 3) % 8]}の話です`);
    const dir = await tempDir();
    const keyOf = (a: SiteArticle) => texts.get(a.path)!;
    const textOf = (a: SiteArticle) => texts.get(a.path)!;
    indexJson(await updateSearchIndex(all, keyOf, textOf, openSearchCache(dir), "v"));
    for (const i of [3, 17, 40]) texts.set(all[i]!.path, `${words[(i + 1) % 8]}だけの話です`);
    const kept = all.filter((_, i) => i !== 5 && i !== 60);
    const cache = openSearchCache(dir);
    expect(cache.thread).toBeDefined(); // the previous index started loading at once
    const updated = indexJson(await updateSearchIndex(kept, keyOf, textOf, cache, "v"));
    const fresh = indexJson(await updateSearchIndex(kept, keyOf, textOf, undefined, "v"));
    for (const q of words) expect(search(updated, q).sort(), q).toEqual(search(fresh, q).sort());
    expect(search(updated, "記事5")).toEqual([]);
  });
});

describe("a damaged previous index", () => {
  it.each([
    ["not MiniSearch's format", '{"serializationVersion":2,"index":"x"}'],
    ["not JSON", "{"],
    ["another format version", '{"serializationVersion":1,"index":[]}'],
  ])("(%s) is made again from every article, on a thread and in this one", async (_, damaged) => {
    const { writeFile } = await import("node:fs/promises");
    for (const count of [5, 70]) {
      const all = Array.from({ length: count }, (_, i) => article(i, `記事${i}`));
      const texts = new Map(all.map((a, i) => [a.path, i === 2 ? "どんぐりの話です" : "朝市の話です"]));
      const dir = await tempDir();
      const keyOf = (a: SiteArticle) => texts.get(a.path)!;
      const textOf = (a: SiteArticle) => texts.get(a.path)!;
      await updateSearchIndex(all, keyOf, textOf, openSearchCache(dir), "v");
      await writeFile(path.join(dir, "search-index.json"), damaged);
      texts.set(all[3]!.path, "防災の話です");
      const updated = indexJson(await updateSearchIndex(all, keyOf, textOf, openSearchCache(dir), "v"));
      expect(search(updated, "どんぐり")).toEqual([all[2]!.url]);
      expect(search(updated, "防災")).toEqual([all[3]!.url]);
      expect(search(updated, "朝市")).toHaveLength(count - 2);
    }
  });
});

describe("the search cache opened by the launcher (search-prestart.mjs)", () => {
  it("is opened for `build` in a repository with a large index, and used only by a build of that repository", async () => {
    const { writeFile } = await import("node:fs/promises");
    const { prestartSearchIndex } = await import("../../pipeline/site/search-prestart.mjs");
    const root = await tempDir();
    await writeFile(path.join(root, "kawaraban.config.yml"), "site:\n  title: t\n");
    const dir = path.join(root, ".cache/kawaraban/site");
    const all = Array.from({ length: 60 }, (_, i) => article(i, `記事${i}`));
    indexJson(
      await updateSearchIndex(
        all,
        (a) => a.hash,
        (a) => `本文${a.hash}`,
        openSearchCache(dir),
        "v",
      ),
    );
    expect(prestartSearchIndex(["check"], root)).toBeUndefined();
    expect(prestartSearchIndex(["build", "--help"], root)).toBeUndefined();
    expect(prestartSearchIndex(["build"], await tempDir())).toBeUndefined(); // not a kawaraban repository
    const early = prestartSearchIndex(["build", "--out", "dist"], path.join(root, "articles"))!;
    expect(early.thread).toBeDefined();
    expect(openSearchCache(dir, early)).toBe(early);
    const elsewhere = openSearchCache(await tempDir(), early); // another folder: a cache of its own
    expect(elsewhere).not.toBe(early);
    const changed = all.map((a, i) => (i === 7 ? { ...a, hash: "7b" } : a));
    const again = prestartSearchIndex(["build"], root)!;
    const updated = indexJson(
      await updateSearchIndex(
        changed,
        (a) => a.hash,
        (a) => `本文${a.hash}`,
        openSearchCache(dir, again),
        "v",
      ),
    );
    expect(search(updated, "本文7b")).toEqual(["2026/11/a7/"]);
    await again.thread?.terminate();
  });
});

describe("the city's spellings in search (prh.yml)", () => {
  it("finds 「子ども」 whichever of 子供, こども or 子ども a resident types, and the reverse", async () => {
    const { overlay } = await import("../../pipeline/source/overlay.ts");
    const { searchVariants } = await import("../../pipeline/site/search-variants.ts");
    const { searchOptions } = await import("../../pipeline/site/search-client.mjs");
    const prh =
      "version: 1\nrules:\n  - expected: 子ども\n    pattern: 子供\n  - expected: たくさん\n    pattern: /(?<!盛り)沢山/\n  - expected: ください\n    pattern: [下さい]\n";
    const variants = await searchVariants(overlay(undefined, new Map([["prh.yml", Buffer.from(prh)]])), undefined);
    expect(variants).toEqual(
      expect.arrayContaining([
        ["子供", "子ども"],
        ["こども", "子ども"],
        ["下さい", "ください"],
      ]),
    );
    expect(variants.some(([from]) => from.includes("沢山"))).toBe(false); // a regular expression is a context rule, not a spelling
    const texts = new Map([
      ["articles/2026/11/a1.md", "子どもの広場を開きました"],
      ["articles/2026/11/a2.md", "子供会の集まりです"],
      ["articles/2026/11/a3.md", "防災訓練に参加しました"],
    ]);
    const all = [article(1, "広場"), article(2, "集まり"), article(3, "防災")];
    const json = indexJson(
      await updateSearchIndex(
        all,
        (a) => a.path,
        (a) => texts.get(a.path)!,
        undefined,
        "v",
        variants,
      ),
    );
    const options = searchOptions(variants);
    const find = (q: string) =>
      MiniSearch.loadJSON(json, options)
        .search(q, { combineWith: "AND", tokenize: options.tokenize, processTerm: (t: string) => t })
        .map((h) => h.id)
        .sort();
    for (const q of ["子ども", "子供", "こども"]) expect(find(q), q).toEqual(["2026/11/a1/", "2026/11/a2/"]);
    expect(find("防災")).toEqual(["2026/11/a3/"]);
  });

  it("unifies once and for all: unifying again changes nothing", async () => {
    const { unify } = await import("../../pipeline/site/search-client.mjs");
    const fc = (await import("fast-check")).default;
    const variants: [string, string][] = [
      ["こども", "子ども"],
      ["子供", "子ども"],
      ["下さい", "ください"],
    ];
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("子", "供", "こ", "ど", "も", "下", "さ", "い", "く", "だ", "あ") }),
        (s) => unify(unify(s, variants), variants) === unify(s, variants),
      ),
    );
  });
});
