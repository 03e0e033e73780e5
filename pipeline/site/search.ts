import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { SiteArticle, SiteContext } from "./model.ts";
import { esc } from "./templates.ts";
import { indexKey, updatedIndex, type IndexJob, type IndexResult } from "./search-index.mjs";
import { docsFile, indexFile, openSearchCacheAt, THREAD_THRESHOLD, type SearchCache, type SearchDocs } from "./search-prestart.mjs";
import { PIPELINE_URL } from "../self.ts";

export type { SearchCache, IndexResult };

/**
 * Full-text search on a static host: MiniSearch (a maintained search library) indexes every
 * published article at build time into search-index.json; the search page loads the library,
 * the index and search-client.mjs (which holds the one tokenizer both sides use) and searches
 * in the browser. No server, no third party, no inline script.
 *
 * The search index's cache folder, read when a build starts; a large index starts loading on a
 * thread. `prestarted` is what the launcher opened already (for the repository's cache folder).
 */
export function openSearchCache(dir: string, prestarted?: SearchCache): SearchCache {
  if (prestarted && path.resolve(prestarted.dir) === path.resolve(dir)) return prestarted;
  void prestarted?.thread?.terminate();
  return openSearchCacheAt(dir, new URL("site/search-index.mjs", PIPELINE_URL));
}

/**
 * The index of every published article, updated rather than rebuilt: the previous build's index
 * (`search-index.json` in the cache, with the page key each article was indexed from in
 * `search-docs.json`) is read, and only articles whose page key changed are read and indexed
 * again. Tokenizing every article's text was most of an incremental build; merging and writing
 * the index is the rest, done on a worker thread while the build writes its pages. The result
 * stays in the cache's file (`file`), which the site copies; without a cache it is `json`.
 */
export async function updateSearchIndex(
  articles: readonly SiteArticle[],
  keyOf: (a: SiteArticle) => string,
  textOf: (a: SiteArticle) => string,
  cache: SearchCache | undefined,
  version: string,
  variants: readonly (readonly [string, string])[] = [],
  helper?: Worker,
): Promise<IndexResult> {
  const previous = cache?.previous?.version === version ? cache.previous : undefined;
  const keys = Object.fromEntries(articles.map((a) => [a.url, keyOf(a)]));
  const old = previous?.docs ?? {};
  const remove = Object.keys(old).filter((url) => keys[url] !== old[url]);
  const docOf = (a: SiteArticle) => ({ url: a.url, title: a.frontMatter.title, summary: a.frontMatter.summary, date: a.frontMatter.date, text: textOf(a) });
  const add = articles.filter((a) => old[a.url] !== keys[a.url]).map(docOf);
  const job: IndexJob = { ...(cache && { indexFile: indexFile(cache.dir) }), previous: previous !== undefined, remove, add, variants: [...variants] };
  // Nothing added, changed or removed (a scheduled rebuild, a layout-only change): the same index.
  if (previous && remove.length === 0 && add.length === 0) {
    void cache?.thread?.terminate();
    return { file: job.indexFile!, key: previous.key ?? indexKey(readFileSync(job.indexFile!, "utf8")) };
  }
  // The old key list goes first: a build stopped half-way leaves a cache that is not trusted.
  if (cache) rmSync(docsFile(cache.dir), { force: true });
  const run = (thread: Worker | undefined, j: IndexJob) =>
    thread ? answer(thread, thread === helper ? { kind: "search", job: j } : j) : Promise.resolve(updatedIndex(j));
  // A build's render helper is warm and idle by now: no new thread's start-up at the end of the build.
  const fresh = () => (articles.length >= THREAD_THRESHOLD ? (helper ?? indexThread()) : undefined);
  const preloaded = job.previous ? cache?.thread : undefined;
  if (!preloaded) void cache?.thread?.terminate();
  let result: IndexResult;
  try {
    result = await run(preloaded ?? fresh(), job);
  } catch (error) {
    // A previous index this code cannot read (damaged, another format): made again from every
    // article's text (from the cache), as on a first build. Without a previous index, a failure is real.
    if (!job.previous) throw error;
    void preloaded?.terminate();
    result = await run(fresh(), { ...job, previous: false, remove: [], add: articles.map(docOf) });
  }
  if (cache) writeFileSync(docsFile(cache.dir), JSON.stringify({ version, variants: [...variants], docs: keys, key: result.key } as SearchDocs));
  return result;
}

/** The index's JSON, read from the cache when the update left it there. */
export const indexJson = (result: IndexResult): string => result.json ?? readFileSync(result.file, "utf8");

const indexThread = () => new Worker(new URL("site/search-index.mjs", PIPELINE_URL), { workerData: { searchIndex: {} } });

function answer(thread: Worker, message: unknown): Promise<IndexResult> {
  thread.ref();
  thread.postMessage(message);
  return new Promise((resolve, reject) => {
    thread.once("message", (m: { result?: IndexResult; error?: string }) => (m.result ? resolve(m.result) : reject(new Error(`search index: ${m.error}`))));
    thread.once("error", reject);
    thread.once("exit", (code) => reject(new Error(`search index thread exited (${code})`)));
  });
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
