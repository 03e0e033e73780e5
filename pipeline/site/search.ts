import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import MiniSearch from "minisearch";
import type { SiteArticle, SiteContext } from "./model.ts";
import { esc } from "./templates.ts";
import { SEARCH_OPTIONS } from "./search-client.mjs";
import { PIPELINE_URL } from "../self.ts";

/**
 * Full-text search on a static host: MiniSearch (a maintained search library) indexes every
 * published article at build time into search-index.json; the search page loads the library,
 * the index and search-client.mjs (which holds the one tokenizer both sides use) and searches
 * in the browser. No server, no third party, no inline script.
 */
export function searchIndex(articles: readonly SiteArticle[], texts: ReadonlyMap<string, string>): string {
  const index = new MiniSearch(SEARCH_OPTIONS);
  index.addAll(articles.map((a) => ({ url: a.url, title: a.frontMatter.title, summary: a.frontMatter.summary, date: a.frontMatter.date, text: texts.get(a.path) ?? "" })));
  return JSON.stringify(index);
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
