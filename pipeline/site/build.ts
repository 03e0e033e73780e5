import { copyFile, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../article/config.ts";
import { DEFAULT_ARTICLE_BYTES } from "../article/config.ts";
import { loadArticle } from "../article/article.ts";
import { discoverArticles } from "../article/discover.ts";
import { checkFrontMatter } from "../checks/frontmatter.ts";
import { textStats } from "../checks/stats.ts";
import { resolveImageUrl } from "../checks/image-refs.ts";
import { checkImages, listAssets } from "../images/stage.ts";
import { imageLimits } from "../images/limits.ts";
import { writeVariants } from "../images/variants.ts";
import { CACHE_DIR } from "../cache-dir.ts";
import { renderBody } from "./body.ts";
import { layout, articleMain, listMain, notFoundMain, coverPicture } from "./templates.ts";
import { atomFeed, jsonFeed, sitemap, robots } from "./feeds.ts";
import { themeCss } from "./theme.ts";
import { sha256 } from "../checks/prose/cache.ts";
import { mapConcurrent } from "../concurrency.ts";
import { pipelineCodeHash } from "../checks/prose/stage.ts";
import type { PublishItem } from "../channels/webhook.ts";
import { articleUrl, byNewest, isPublished, categoryUrl, tagUrl, writerUrl, type SiteArticle, type SiteContext } from "./model.ts";

export const PAGE_SIZE = 10;

export interface BuildResult {
  pages: number;
  articles: number;
  /** Article pages reused from the previous build (unchanged inputs). */
  reused: number;
  skipped: { path: string; reason: string }[];
  /** What channels deliver: each published article with its rendered HTML. */
  items: PublishItem[];
}

/**
 * Renders the whole site into `out`, atomically: everything is written to a temporary folder
 * next to it, then swapped in, so a failed build never leaves a half-written site.
 */
export interface BuildOptions {
  /** Preview: drafts and future-dated articles included, pages marked with source lines, never cached. */
  preview?: boolean;
  /** Preview: extra HTML appended to every page (the live-reload and findings script). */
  inject?: (source: string | undefined) => string;
}

export async function buildSite(root: string, config: Config, siteCtx: SiteContext, out: string, cwd: string, options: BuildOptions = {}): Promise<BuildResult> {
  let ctx = siteCtx;
  const temp = `${out}.building-${process.pid}`;
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp, { recursive: true });
  const skipped: BuildResult["skipped"] = [];

  const inspected = await checkImages({ root, limits: imageLimits(config), gitSymlinks: new Set() }, await listAssets(root), new Map());
  const { plans: manifest } = await writeVariants(root, inspected.usable.map((u) => u.info), temp, path.join(root, CACHE_DIR, "images", "variants"), cwd);
  const images = new Map(manifest.map((m) => [m.source, m]));

  const logo = config.site.logo;
  if (logo && inspected.usable.some((u) => u.info.path === logo)) {
    ctx = { ...ctx, logo: `assets/logo${path.extname(logo).toLowerCase()}` };
    await mkdir(path.join(temp, "assets"), { recursive: true });
    await copyFile(path.join(root, logo), path.join(temp, ctx.logo!));
  } else if (logo) {
    skipped.push({ path: logo, reason: "ロゴの画像が見つからないか、使えない画像のため表示しません" });
  }

  const sources = (await discoverArticles(root, root, [])).articles;
  // Reading is I/O-bound: many files in flight, as in check.
  const loadedAll = await mapConcurrent(sources, 16, (source) => loadArticle(root, source, { maxBytes: config.limits.articleBytes ?? DEFAULT_ARTICLE_BYTES }));
  const articles: SiteArticle[] = [];
  sources.forEach((source, i) => {
    const loaded = loadedAll[i]!;
    const fm = loaded.article && checkFrontMatter(loaded.article, config).frontMatter;
    if (!loaded.article || !fm || loaded.diagnostics.some((d) => d.severity === "error")) {
      skipped.push({ path: source, reason: "エラーがあるため公開しません（kawaraban check で確認してください）" });
      return;
    }
    if (!options.preview && !isPublished(fm, ctx.today)) {
      if (!fm.draft) skipped.push({ path: source, reason: `公開日（${fm.date}）になるまで公開しません` });
      return;
    }
    const article = loaded.article;
    let stats: ReturnType<typeof textStats> | undefined;
    // Statistics need the Markdown tree: computed only for pages that are rendered again.
    articles.push({ source, url: articleUrl(source), fm, article, get stats() { return (stats ??= textStats(article.tree)); } });
  });
  articles.sort(byNewest);

  const bodies = new Map<string, string>();
  // Writes are started, not awaited one by one: a site is thousands of small files, and
  // waiting for each in turn left the CPU idle for a third of the build.
  const writes: Promise<void>[] = [];
  const folders = new Map<string, Promise<unknown>>();
  const write = async (rel: string, content: string) => {
    const file = path.join(temp, rel);
    const dir = path.dirname(file);
    if (!folders.has(dir)) folders.set(dir, mkdir(dir, { recursive: true }));
    writes.push(folders.get(dir)!.then(() => writeFile(file, content)));
  };
  let pages = 0;
  const page = async (rel: string, html: string, source?: string) => {
    await write(rel, options.preview ? html.replace("</body>", `${options.inject?.(source) ?? ""}</body>`) : html);
    pages++;
  };
  // Incremental: an article page depends on its own text, the images it shows, the site's
  // settings and kawaraban's code; when none of those changed, the page from the last build is reused.
  const cacheDir = path.join(root, CACHE_DIR, "site");
  // The images manifest as a whole: a changed photo re-renders every page (rare), and an
  // unchanged article never needs its Markdown parsed just to find which photos it shows.
  const shared = sha256(await pipelineCodeHash(), JSON.stringify({ site: config.site, categories: config.categories, writers: config.writers, baseUrl: ctx.baseUrl, logo: ctx.logo, manifest }));
  let reused = 0;
  const cachedPages = options.preview
    ? []
    : await mapConcurrent(articles, 16, (a) =>
        readFile(path.join(cacheDir, `${sha256(shared, a.article.raw)}.json`), "utf8").then((t) => JSON.parse(t) as { body: string; html: string }, () => undefined),
      );
  for (const [i, a] of articles.entries()) {
    const key = sha256(shared, a.article.raw);
    const cached = cachedPages[i];
    if (cached) {
      bodies.set(a.source, cached.body);
      await page(`${a.url}index.html`, cached.html);
      reused++;
      continue;
    }
    const body = renderBody(a.article.tree, { source: a.source, basePath: ctx.basePath, images, lineMarks: options.preview });
    bodies.set(a.source, body);
    const cover = a.fm.cover ? resolveImageUrl(a.source, a.fm.cover) : undefined;
    const coverVariants = cover?.ok ? images.get(cover.repoPath) : undefined;
    const og = coverVariants?.variants.jpeg[coverVariants.variants.jpeg.length - 1];
    const main = articleMain(ctx, a, body, coverPicture(coverVariants, a.fm.coverAlt ?? "", ctx.basePath));
    const rendered = layout(ctx, { title: a.fm.title, description: a.fm.summary, path: a.url, type: "article", ...(og && { image: { url: new URL(og.file, ctx.baseUrl).href, alt: a.fm.coverAlt ?? "", width: og.width, height: og.height } }) }, main);
    await page(`${a.url}index.html`, rendered, a.source);
    if (options.preview) continue;
    writes.push(mkdir(cacheDir, { recursive: true }).then(() => writeFile(path.join(cacheDir, `${key}.json`), JSON.stringify({ body, html: rendered }))));
  }

  const list = async (base: string, heading: string, items: SiteArticle[], description: string) => {
    const count = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
    for (let i = 0; i < count; i++) {
      const at = (n: number) => (n === 0 ? base : `${base}page/${n + 1}/`);
      const main = listMain(ctx, heading, items.slice(i * PAGE_SIZE, (i + 1) * PAGE_SIZE), { prev: i > 0 ? at(i - 1) : undefined, next: i < count - 1 ? at(i + 1) : undefined });
      await page(`${at(i)}index.html`, layout(ctx, { title: i === 0 ? heading : `${heading}（${i + 1} ページ目）`, description, path: at(i) }, main));
    }
  };
  const site = config.site;
  await list("", `${site.title}の新着記事`, articles, site.description ?? site.title);
  for (const [slug, category] of Object.entries(config.categories)) {
    await list(categoryUrl(slug), `${category.name}の記事`, articles.filter((a) => a.fm.category === slug), `${category.name}の記事の一覧`);
  }
  for (const tag of [...new Set(articles.flatMap((a) => a.fm.tags ?? []))].sort()) {
    await list(tagUrl(tag), `#${tag} の記事`, articles.filter((a) => a.fm.tags?.includes(tag)), `タグ「${tag}」の記事の一覧`);
  }
  for (const [handle, writer] of Object.entries(config.writers)) {
    await list(writerUrl(handle), `${writer.name}さんの記事`, articles.filter((a) => a.fm.writer === handle), `${writer.name}さんが書いた記事の一覧`);
  }
  await write("404.html", layout(ctx, { title: "ページが見つかりません", description: "ページが見つかりません", path: "404.html", noindex: true }, notFoundMain(ctx)));
  await write("assets/style.css", themeCss(site.accentColor ?? "#0b5e47"));
  await write("feed.xml", atomFeed(ctx, articles, bodies));
  await write("feed.json", jsonFeed(ctx, articles, bodies));
  await write("sitemap.xml", sitemap(ctx, [{ path: "" }, ...articles.map((a) => ({ path: a.url, lastmod: a.fm.date }))]));
  await write("robots.txt", robots(ctx));
  await write(".nojekyll", ""); // GitHub Pages: serve the files as they are

  await Promise.all(writes);
  const old = `${out}.old-${process.pid}`;
  await rename(out, old).catch(() => undefined);
  await rename(temp, out);
  await rm(old, { recursive: true, force: true });
  const items: PublishItem[] = articles.map((a) => ({
    source: a.source,
    hash: sha256(a.article.raw),
    url: new URL(a.url, ctx.baseUrl).href,
    title: a.fm.title,
    summary: a.fm.summary,
    date: a.fm.date,
    html: bodies.get(a.source) ?? "",
    images: [...(bodies.get(a.source) ?? "").matchAll(/<img src="([^"]+)"/g)].map((m) => new URL(m[1]!, ctx.baseUrl).href),
  }));
  return { pages, articles: articles.length, reused, skipped, items };
}
