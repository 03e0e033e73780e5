import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../article/config.ts";
import { writeWriterPage } from "../writer/site.ts";
import { admit } from "../core/admit.ts";
import { resolveImageUrl } from "../article/image-refs.ts";
import { workTree } from "../source/work-tree.ts";
import type { Snapshot } from "../source/snapshot.ts";
import { checkImages, listAssets, photoNameProblems } from "../images/stage.ts";
import { imageLimits } from "../images/limits.ts";
import { writeVariants, type ImageVariants } from "../images/variants.ts";
import { CACHE_DIR } from "../cache-dir.ts";
import { layout, articleMain, coverPicture } from "./templates.ts";
import { fileUrl } from "./body.ts";
import { sha256 } from "../hash.ts";
import { pipelineCodeHash } from "../self.ts";
import type { PublishItem } from "../channels/webhook.ts";
import { SiteOutput, UnwritableName } from "./output.ts";
import { loadSiteSources } from "./sources.ts";
import { renderAll, type RenderPoolOptions } from "./render-pool.ts";
import type { RenderJob } from "./render.ts";
import { writeListsAndFeeds, FEED_SIZE } from "./pages.ts";
import { openSearchCache, updateSearchIndex, searchAssets, type SearchCache } from "./search.ts";
import { searchVariants } from "./search-variants.ts";
import { byNewest, isPublished, type SiteArticle, type SiteContext } from "./model.ts";

export interface BuildResult {
  pages: number;
  articles: number;
  /** Article pages kept from the previous build (unchanged inputs). */
  reused: number;
  /** Not built: articles with errors, and (`scheduled`) those waiting for their date. */
  skipped: { path: string; reason: string; scheduled?: boolean }[];
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
  try {
    const result = await buildInto(output, root, config, siteCtx, options, cacheDir);
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
): Promise<BuildResult> {
  let ctx = siteCtx;
  const skipped: BuildResult["skipped"] = [];
  // The previous search index starts loading on another thread now; its update comes at the end.
  const searchCache = options.preview || options.temporary ? undefined : openSearchCache(cacheDir, options.searchCache);
  if (!searchCache) void options.searchCache?.thread?.terminate();
  const tree = options.tree ?? (await workTree(root));
  const limits = imageLimits(config);
  const assets = await listAssets(tree);
  // A photo whose name no file system takes never gets variants: its articles show without it.
  const unnamable = new Set(
    photoNameProblems(assets, assets)
      .filter((d) => d.severity === "error")
      .map((d) => d.path),
  );
  for (const p of unnamable) skipped.push({ path: p, reason: "ファイル名が使えないため、サイトに載せません" });
  const inspected = await checkImages(
    { snapshot: tree, limits },
    assets.filter((a) => !unnamable.has(a)),
    new Map(),
  );
  const variants = await writeVariants(
    tree,
    inspected.usable.map((u) => u.info),
    output,
    path.join(root, CACHE_DIR, "images", "variants"),
    limits.maxBytes,
  );
  for (const f of variants.failed)
    skipped.push({ path: f.source, reason: `サイト用の画像を作れなかったため、この写真は載せません（${f.error.slice(0, 120)}）` });
  const manifest = variants.plans;
  const images = new Map(manifest.map((m) => [m.source, m]));

  const logo = config.site.logo;
  const logoImage = logo ? inspected.usable.find((u) => u.info.path === logo) : undefined;
  if (logo && logoImage) {
    ctx = { ...ctx, logo: `assets/logo${path.extname(logo).toLowerCase()}` };
    output.copy(ctx.logo!, path.join(root, logo), logoImage.info.hash);
  } else if (logo) {
    skipped.push({ path: logo, reason: "ロゴの画像が見つからないか、使えない画像のため表示しません" });
  }

  // Front matter is validated against the config, so the config is part of the record's key.
  const factsKey = sha256(pipelineCodeHash(), JSON.stringify(config));
  const { sources, refused } = await loadSiteSources(tree, root, config, options.preview ? undefined : path.join(cacheDir, "articles.json"), factsKey);
  for (const r of refused) skipped.push({ path: r.path, reason: `エラーがあるため公開しません: ${r.diagnostic.message}` });
  const candidates: SiteArticle[] = [];
  for (const s of sources) {
    if (!options.preview && !isPublished(s.frontMatter, ctx.today)) {
      if (!s.frontMatter.draft) skipped.push({ path: s.path, reason: `公開日（${s.frontMatter.date}）になるまで公開しません`, scheduled: true });
      continue;
    }
    candidates.push(s);
  }
  candidates.sort(byNewest);

  // Everything an article page depends on besides its own text.
  const shared = sha256(
    pipelineCodeHash(),
    JSON.stringify({
      site: config.site,
      categories: config.categories,
      writers: config.writers,
      baseUrl: ctx.baseUrl,
      logo: ctx.logo,
      manifest,
      preview: options.preview ?? false,
    }),
  );
  const pageKey = (a: SiteArticle) => sha256(shared, a.hash);
  // Preview: the live-reload and findings script at the end of every page.
  const withPreview = (html: string, source: string | undefined) =>
    options.preview ? html.replace("</body>", `${options.inject?.(source) ?? ""}</body>`) : html;
  const bodyDir = path.join(cacheDir, "bodies");
  const bodies = new Map<string, string>();
  const bodyFile = (a: SiteArticle) => path.join(bodyDir, `${pageKey(a)}.html`);
  // The search index needs every article's text: kept in the cache beside the page it came with.
  const textDir = path.join(cacheDir, "texts");
  const textFile = (a: SiteArticle) => path.join(textDir, `${pageKey(a)}.txt`);
  const texts = new Map<string, string>();
  const inFeed = new Set(candidates.slice(0, FEED_SIZE));
  // A kept page is enough, except that the feed also needs the newest articles' bodies.
  const stale =
    options.preview || options.temporary
      ? candidates
      : candidates.filter((a) => !output.has(`${a.url}index.html`, pageKey(a)) || !existsSync(textFile(a)) || (inFeed.has(a) && !existsSync(bodyFile(a))));
  const jobs: RenderJob[] = await Promise.all(stale.map(async (a) => ({ source: a.path, raw: a.raw ?? (await reread(tree, config, a.path)) })));
  mkdirSync(bodyDir, { recursive: true });
  mkdirSync(textDir, { recursive: true });
  const cacheWrites: Promise<void>[] = [];
  const failed = new Set<SiteArticle>();
  await renderAll(
    jobs,
    { basePath: ctx.basePath, images: manifest, lineMarks: options.preview },
    (i, rendered) => {
      const a = stale[i]!;
      if (rendered.error !== undefined) {
        failed.add(a);
        skipped.push({
          path: a.path,
          reason: `ページを作れなかったため公開しません（kawaraban の不具合です。開発者に知らせてください: ${rendered.error.slice(0, 200)}）`,
        });
        return;
      }
      const { body, stats, text } = rendered;
      bodies.set(a.path, body);
      texts.set(a.path, text);
      if (!options.preview && !options.temporary) cacheWrites.push(writeFile(textFile(a), text));
      const html = articlePage(ctx, a, body, stats.readingMinutes, images);
      try {
        output.put(`${a.url}index.html`, withPreview(html, a.path), pageKey(a));
      } catch (error) {
        if (!(error instanceof UnwritableName)) throw error;
        failed.add(a);
        skipped.push({ path: a.path, reason: `ページを書き出せませんでした: ${error.message}` });
        return;
      }
      // Only the feed's articles: a cache file per article cost more to create than to render again.
      if (!options.preview && inFeed.has(a)) cacheWrites.push(writeFile(bodyFile(a), body));
    },
    options.render,
  );
  // Lists, feeds and channels show only the articles whose page exists.
  const articles = candidates.filter((a) => !failed.has(a));
  // The feed shows the newest articles in full: bodies of kept pages come from the cache.
  // Channels other than pages build into a new folder, so every body is at hand there.
  const body = (a: SiteArticle) => bodies.get(a.path) ?? readFileSync(bodyFile(a), "utf8");
  for (const a of inFeed) if (!failed.has(a) && !bodies.has(a.path)) bodies.set(a.path, body(a));
  const spellings = await searchVariants(tree, options.preview || options.temporary ? undefined : cacheDir);
  // Updated on another thread while this one writes the lists, feeds and the writer's page.
  const searchIndex = updateSearchIndex(
    articles,
    pageKey,
    (a) => texts.get(a.path) ?? readFileSync(textFile(a), "utf8"),
    searchCache,
    sha256(shared, JSON.stringify(spellings)),
    spellings,
  );
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
  const listed = writeListsAndFeeds(ctx, articles, bodies, putPage, images, (source, reason) => skipped.push({ path: source, reason }));
  // Channels other than pages build a throw-away copy of the articles: no writer's page there.
  if (options.writerPage !== false && !options.temporary) {
    const tags = [...new Set(articles.flatMap((a) => a.tags.map((t) => t.name)))];
    await writeWriterPage(output, root, tree, config, ctx, tags, options.repository);
  }
  // Copied from the cache where the update wrote it (12 MB at 4,000 articles: not sent between threads).
  const index = await searchIndex;
  if (index.json === undefined) output.copy("search-index.json", index.file, index.key);
  else output.put("search-index.json", index.json);
  await Promise.all(cacheWrites);

  const items: PublishItem[] = articles.map((a) => {
    const url = new URL(a.url, ctx.baseUrl).href;
    return {
      source: a.path,
      hash: a.hash,
      url,
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
  });
  return { pages: articles.length + listed, articles: articles.length, reused: articles.length - stale.length, skipped, items };
}

function articlePage(ctx: SiteContext, a: SiteArticle, body: string, readingMinutes: number, images: ReadonlyMap<string, ImageVariants>): string {
  const cover = a.frontMatter.cover ? resolveImageUrl(a.path, a.frontMatter.cover) : undefined;
  const coverVariants = cover?.ok ? images.get(cover.repoPath) : undefined;
  const og = coverVariants?.variants.jpeg[coverVariants.variants.jpeg.length - 1];
  const main = articleMain(ctx, a, body, coverPicture(coverVariants, a.frontMatter.coverAlt ?? "", ctx.basePath), readingMinutes);
  const image = og && { url: new URL(fileUrl(og.file), ctx.baseUrl).href, alt: a.frontMatter.coverAlt ?? "", width: og.width, height: og.height };
  return layout(ctx, { title: a.frontMatter.title, description: a.frontMatter.summary, path: a.url, type: "article", ...(image && { image }) }, main);
}

/** An article whose facts came from the record but whose page must be made again (settings changed). */
async function reread(tree: Snapshot, config: Config, source: string): Promise<string> {
  const { article } = await admit(tree, source, config);
  if (!article) throw new Error(`${source} could not be read again`);
  return article.raw;
}
