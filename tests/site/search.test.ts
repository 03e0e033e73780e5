import { describe, it, expect } from "vitest";
import path from "node:path";
import MiniSearch from "minisearch";
import { updateSearchIndex } from "../../pipeline/site/search.ts";
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
    const cache = path.join(await tempDir(), "search.json");
    const texts = new Map([
      ["articles/2026/11/a1.md", "どんぐりを拾いました"],
      ["articles/2026/11/a2.md", "防災訓練に参加しました"],
    ]);
    const keys = new Map([
      ["articles/2026/11/a1.md", "k1"],
      ["articles/2026/11/a2.md", "k2"],
    ]);
    const all = [article(1, "里山"), article(2, "防災")];
    const first = updateSearchIndex(
      all,
      (a) => keys.get(a.path)!,
      (a) => texts.get(a.path)!,
      cache,
      "v",
    );
    expect(search(first, "どんぐり")).toEqual(["2026/11/a1/"]);
    texts.set("articles/2026/11/a1.md", "木の実を集めました");
    keys.set("articles/2026/11/a1.md", "k1b");
    let read = 0;
    const second = updateSearchIndex(
      [article(1, "里山")],
      (a) => keys.get(a.path)!,
      (a) => {
        read++;
        return texts.get(a.path)!;
      },
      cache,
      "v",
    );
    expect(read).toBe(1); // only the changed article was read again
    expect(search(second, "どんぐり")).toEqual([]);
    expect(search(second, "木の実")).toEqual(["2026/11/a1/"]);
    expect(search(second, "防災")).toEqual([]);
  });
});
