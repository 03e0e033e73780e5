import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import MiniSearch from "minisearch";
import type { SiteArticle, SiteContext } from "./model.ts";
import { esc } from "./templates.ts";
import { searchOptions } from "./search-client.mjs";
import { PIPELINE_URL } from "../self.ts";

/**
 * Full-text search on a static host: MiniSearch (a maintained search library) indexes every
 * published article at build time into search-index.json; the search page loads the library,
 * the index and search-client.mjs (which holds the one tokenizer both sides use) and searches
 * in the browser. No server, no third party, no inline script.
 */
type Doc = { url: string; title: string; summary: string; date: string; text: string };
interface SearchCache {
  version: string;
  /** Each indexed article's URL and the key of the page it was indexed from. */
  docs: Record<string, string>;
  index: string;
}

/**
 * The index of every published article, updated rather than rebuilt: the previous build's
 * index (in the cache folder) is loaded, and only articles whose page key changed are read and
 * indexed again. Tokenizing every article's text was most of an incremental build.
 */
export function updateSearchIndex(
  articles: readonly SiteArticle[],
  keyOf: (a: SiteArticle) => string,
  textOf: (a: SiteArticle) => string,
  cacheFile: string | undefined,
  version: string,
  variants: readonly (readonly [string, string])[] = [],
): string {
  const options = searchOptions(variants);
  const doc = (a: SiteArticle): Doc => ({ url: a.url, title: a.frontMatter.title, summary: a.frontMatter.summary, date: a.frontMatter.date, text: textOf(a) });
  let previous: SearchCache | undefined;
  try {
    previous = cacheFile ? (JSON.parse(readFileSync(cacheFile, "utf8")) as SearchCache) : undefined;
  } catch {
    previous = undefined;
  }
  if (previous?.version !== version || typeof previous.index !== "string") previous = undefined;
  const keys = Object.fromEntries(articles.map((a) => [a.url, keyOf(a)]));
  // Nothing added, changed or removed (a scheduled rebuild, a layout-only change): the same index.
  if (previous && Object.keys(previous.docs).length === articles.length && articles.every((a) => previous!.docs[a.url] === keys[a.url])) return previous.index;
  let index: MiniSearch<Doc>;
  if (previous) {
    index = MiniSearch.loadJSON<Doc>(previous.index, options);
    const wanted = new Map(articles.map((a) => [a.url, a]));
    for (const [url, key] of Object.entries(previous.docs)) {
      const a = wanted.get(url);
      if (!a || keyOf(a) !== key) index.discard(url);
    }
    for (const a of articles) if (previous.docs[a.url] !== keyOf(a)) index.add(doc(a));
  } else {
    index = new MiniSearch<Doc>(options);
    index.addAll(articles.map(doc));
  }
  const json = JSON.stringify(index);
  if (cacheFile) {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify({ version, docs: keys, index: json } satisfies SearchCache));
  }
  return json;
}

/** The files the search page loads from assets/, read as they are on disk. */
export function searchAssets(): { rel: string; content: string }[] {
  const minisearch = path.join(path.dirname(createRequire(import.meta.url).resolve("minisearch")), "..", "es", "index.js");
  return [
    { rel: "assets/minisearch.mjs", content: readFileSync(minisearch, "utf8") },
    { rel: "assets/search.mjs", content: readFileSync(new URL("site/search-client.mjs", PIPELINE_URL), "utf8") },
  ];
}

export function searchMain(ctx: SiteContext): string {
  const p = ctx.basePath;
  return `<h1>記事をさがす</h1>
<form class="search-form" role="search" id="kawaraban-search" data-base="${esc(p)}" action="${esc(p)}search/">
<label for="q" class="visually-hidden">さがす言葉</label>
<input id="q" name="q" type="search" placeholder="例: 防災、子育て、朝市" autocomplete="off">
<button type="submit">さがす</button>
</form>
<p class="search-status" id="search-status" aria-live="polite">さがしたい言葉を入れてください。</p>
<ul class="cards" id="search-results"></ul>
<noscript><p>この検索は JavaScript を使います。使えないときは、トップページやカテゴリーの一覧から記事をさがしてください。</p></noscript>
<script type="module" src="${esc(p)}assets/search.mjs"></script>`;
}
