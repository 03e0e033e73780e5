import path from "node:path";
import type { Config } from "../article/config.ts";
import { writeWriterPage } from "../writer/site.ts";
import { workTree } from "../source/work-tree.ts";
import type { Snapshot } from "../source/snapshot.ts";
import { CACHE_DIR } from "../cache-dir.ts";
import { sha256 } from "../hash.ts";
import { pipelineCodeHash } from "../self.ts";
import type { PublishItem } from "../channels/webhook.ts";
import { SiteOutput, UnwritableName } from "./output.ts";
import { loadSiteSources } from "./sources.ts";
import type { RenderPoolOptions } from "./render-pool.ts";
import { SiteThreads } from "./site-threads.ts";
import { writeListsAndFeeds } from "./pages.ts";
import { openSearchCache, updateSearchIndex, searchAssets, type SearchCache } from "./search.ts";
import { searchVariants } from "./search-variants.ts";
import { byNewest, isPublished, type SiteArticle, type SiteContext } from "./model.ts";
import { sitePhotos, type Skipped } from "./build-photos.ts";
import { articlePages, sharedPageKey } from "./build-pages.ts";

export interface BuildResult {
  pages: number;
  articles: number;
  /** Article pages kept from the previous build (unchanged inputs). */
  reused: number;
  /** Not built: articles with errors, and (`scheduled`) those waiting for their date. */
  skipped: Skipped[];
  /** What channels deliver: each published article with its rendered HTML (read on demand). */
  items: PublishItem[];
}

export interface BuildOptions {
  /** Preview: drafts and future-dated articles included, pages marked with source lines, nothing cached. */
  preview?: boolean;
  /** Preview: extra HTML appended to every page (the live-reload and findings script). */
  inject?: (source: string | undefined) => string;
  /** A throw-away folder (channels other than pages): no state is kept for it. */
  temporary?: boolean;
  /** Tests: how article rendering is spread over threads. */
  render?: RenderPoolOptions;
  /** What to build from: the working tree of `root` unless given. */
  tree?: Snapshot;
  /** false: no writer's page (channels that publish articles only). */
  writerPage?: boolean;
  /** The search cache the launcher opened early (used when it is this build's). */
  searchCache?: SearchCache;
  /** `owner/name` the writer's page sends to when the config does not say (the workflow's GITHUB_REPOSITORY). */
  repository?: string;
}

/**
 * Renders the whole site into `out`, atomically (see SiteOutput). Incremental: an article's
 * page depends on its text, the site's settings, the image manifest and kawaraban's code; when
 * none changed, the page already in the output is kept without reading or rendering anything.
 */
export async function buildSite(
  root: string,
  config: Config,
  siteCtx: SiteContext,
  out: string,
  cwd: string,
  options: BuildOptions = {},
): Promise<BuildResult> {
  const cacheDir = path.join(root, CACHE_DIR, "site");
  const keep = !options.preview && !options.temporary;
  const output = await SiteOutput.begin(out, keep ? path.join(cacheDir, `output-${sha256(path.resolve(cwd, out)).slice(0, 16)}.json`) : undefined);
  const threads = new SiteThreads(options.render);
  try {
    // The helpers stop before the output is committed or removed: one still rendering would
    // write pages into the folder being removed.
    const result = await buildInto(output, root, config, siteCtx, options, cacheDir, threads).finally(() => threads.close());
    await output.commit();
    return result;
  } catch (error) {
    await output.abandon();
    throw error;
  }
}

async function buildInto(
  output: SiteOutput,
  root: string,
  config: Config,
  siteCtx: SiteContext,
  options: BuildOptions,
  cacheDir: string,
  threads: SiteThreads,
): Promise<BuildResult> {
  const skipped: Skipped[] = [];
  const fresh = Boolean(options.preview || options.temporary);
  // The previous search index starts loading on another thread now; its update comes at the end.
  const searchCache = fresh ? undefined : openSearchCache(cacheDir, options.searchCache);
  if (!searchCache) void options.searchCache?.thread?.terminate();
  const tree = options.tree ?? (await workTree(root));
  // Started now: the search index can start as soon as the pages are rendered.
  const variants = searchVariants(tree, fresh ? undefined : cacheDir);
  variants.catch(() => undefined); // awaited below
  const { ctx, manifest, images } = await sitePhotos(tree, root, config, siteCtx, output, skipped);
  const settings = { basePath: ctx.basePath, images: manifest, lineMarks: options.preview };
  const candidates = await publishable(tree, root, config, ctx, options, cacheDir, skipped, threads);
  const shared = sharedPageKey(config, ctx, manifest, options.preview ?? false);
  const pageKey = (a: SiteArticle) => sha256(shared, a.hash);
  // Preview: the live-reload and findings script at the end of every page.
  const withPreview = (html: string, source: string | undefined) =>
    options.preview ? html.replace("</body>", `${options.inject?.(source) ?? ""}</body>`) : html;
  const pages = await articlePages({ output, tree, config, ctx, images, settings, cacheDir, fresh, pageKey, withPreview, threads }, candidates, skipped);
  // Lists, feeds and channels show only the articles whose page exists.
  const { articles } = pages;
  const spellings = await variants;
  // Updated on another thread while this one writes the lists, feeds and the writer's page.
  const searchIndex = updateSearchIndex(articles, pageKey, pages.textOf, searchCache, sha256(shared, JSON.stringify(spellings)), spellings, threads.idle());
  searchIndex.catch(() => undefined); // awaited below; a failure before that is reported first
  output.put("search-variants.json", JSON.stringify(spellings));
  for (const asset of searchAssets()) output.put(asset.rel, asset.content);
  // Each page is its own item: one the output cannot write (a name too long) is reported, the rest are written.
  const putPage = (rel: string, html: string, source?: string) => {
    try {
      output.put(rel, withPreview(html, source));
    } catch (error) {
      if (!(error instanceof UnwritableName)) throw error;
      skipped.push({ path: source ?? rel, reason: `ページ（${rel.slice(0, 80)}）を書き出せませんでした: ${error.message}` });
    }
  };
  const listed = writeListsAndFeeds(ctx, articles, pages.bodies, putPage, images, (source, reason) => skipped.push({ path: source, reason }));
  // Channels other than pages build a throw-away copy of the articles: no writer's page there.
  if (options.writerPage !== false && !options.temporary) {
    const tags = [...new Set(articles.flatMap((a) => a.tags.map((t) => t.name)))];
    await writeWriterPage(output, root, tree, config, ctx, tags, options.repository);
  }
  // Copied from the cache where the update wrote it (12 MB at 4,000 articles: not sent between threads).
  const index = await searchIndex;
  if (index.json === undefined) output.copy("search-index.json", index.file, index.key);
  else output.put("search-index.json", index.json);
  await pages.written;
  const items = articles.map((a) => publishItem(ctx, a, pages.body));
  return { pages: articles.length + listed, articles: articles.length, reused: articles.length - pages.stale.size, skipped, items };
}

/** The articles to publish, newest first: admitted, and neither drafts nor waiting for their date (unless previewing). */
async function publishable(
  tree: Snapshot,
  root: string,
  config: Config,
  ctx: SiteContext,
  options: BuildOptions,
  cacheDir: string,
  skipped: Skipped[],
  threads: SiteThreads,
): Promise<SiteArticle[]> {
  // Front matter is validated against the config, so the config is part of the record's key.
  const factsKey = sha256(pipelineCodeHash(), JSON.stringify(config));
  const factsFile = options.preview ? undefined : path.join(cacheDir, "articles.json");
  const { sources, refused } = await loadSiteSources(tree, root, config, factsFile, factsKey, threads);
  for (const r of refused) skipped.push({ path: r.path, reason: `エラーがあるため公開しません: ${r.diagnostic.message}` });
  const candidates: SiteArticle[] = [];
  for (const s of sources) {
    if (!options.preview && !isPublished(s.frontMatter, ctx.today)) {
      if (!s.frontMatter.draft) skipped.push({ path: s.path, reason: `公開日（${s.frontMatter.date}）になるまで公開しません`, scheduled: true });
      continue;
    }
    candidates.push(s);
  }
  return candidates.sort(byNewest);
}

function publishItem(ctx: SiteContext, a: SiteArticle, body: (a: SiteArticle) => string): PublishItem {
  return {
    source: a.path,
    hash: a.hash,
    url: new URL(a.url, ctx.baseUrl).href,
    title: a.frontMatter.title,
    summary: a.frontMatter.summary,
    date: a.frontMatter.date,
    get html() {
      return body(a);
    },
    get images() {
      return [...body(a).matchAll(/<img src="([^"]+)"/g)].map((m) => new URL(m[1]!, ctx.baseUrl).href);
    },
  };
}
