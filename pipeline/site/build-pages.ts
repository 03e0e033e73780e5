import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../article/config.ts";
import { admit } from "../core/admit.ts";
import { resolveImageUrl } from "../article/image-refs.ts";
import type { Snapshot } from "../source/snapshot.ts";
import type { ImageVariants } from "../images/variants.ts";
import { sha256 } from "../hash.ts";
import { pipelineCodeHash } from "../self.ts";
import { layout, articleMain, coverPicture } from "./templates.ts";
import { fileUrl } from "./body.ts";
import { type SiteOutput, UnwritableName } from "./output.ts";
import { renderAll } from "./render-pool.ts";
import type { SiteThreads } from "./site-threads.ts";
import type { Rendered, RenderJob, RenderSettings } from "./render.ts";
import { FEED_SIZE } from "./pages.ts";
import type { SiteArticle, SiteContext } from "./model.ts";
import type { Skipped } from "./build-photos.ts";

/** Everything an article page depends on besides its own text, as one key. */
export function sharedPageKey(config: Config, ctx: SiteContext, manifest: readonly ImageVariants[], preview: boolean): string {
  const { site, categories, writers } = config;
  return sha256(pipelineCodeHash(), JSON.stringify({ site, categories, writers, baseUrl: ctx.baseUrl, logo: ctx.logo, manifest, preview }));
}

export interface PageInputs {
  output: SiteOutput;
  tree: Snapshot;
  config: Config;
  ctx: SiteContext;
  images: ReadonlyMap<string, ImageVariants>;
  settings: RenderSettings;
  cacheDir: string;
  /** Preview or a throw-away folder: every page is made and nothing is cached. */
  fresh: boolean;
  pageKey: (a: SiteArticle) => string;
  withPreview: (html: string, source: string | undefined) => string;
  /** The build's helper threads (already running when the articles were admitted on them). */
  threads: SiteThreads;
}

export interface Pages {
  /** The candidates whose page exists. */
  articles: SiteArticle[];
  /** The pages made this time (the rest were kept from the previous build). */
  stale: ReadonlySet<SiteArticle>;
  body: (a: SiteArticle) => string;
  /** Bodies at hand: the rendered ones and the feed's. */
  bodies: Map<string, string>;
  textOf: (a: SiteArticle) => string;
  /** The cache files still being written. */
  written: Promise<unknown>;
}

/**
 * Every article page that is not already in the output from the same inputs, rendered on the
 * render threads and written as results arrive. The body (for the feed's newest articles) and
 * the searchable text of each are kept in the cache beside the page they came with.
 */
export async function articlePages(p: PageInputs, candidates: readonly SiteArticle[], skipped: Skipped[]): Promise<Pages> {
  const bodyDir = path.join(p.cacheDir, "bodies");
  const bodyFile = (a: SiteArticle) => path.join(bodyDir, `${p.pageKey(a)}.html`);
  const textDir = path.join(p.cacheDir, "texts");
  const textFile = (a: SiteArticle) => path.join(textDir, `${p.pageKey(a)}.txt`);
  const bodies = new Map<string, string>();
  const texts = new Map<string, string>();
  const inFeed = new Set(candidates.slice(0, FEED_SIZE));
  // A kept page is enough, except that the feed also needs the newest articles' bodies.
  const stale = p.fresh
    ? [...candidates]
    : candidates.filter((a) => !p.output.has(`${a.url}index.html`, p.pageKey(a)) || !existsSync(textFile(a)) || (inFeed.has(a) && !existsSync(bodyFile(a))));
  const jobs: RenderJob[] = await Promise.all(stale.map(async (a) => ({ source: a.path, raw: a.raw ?? (await reread(p.tree, p.config, a.path)) })));
  mkdirSync(bodyDir, { recursive: true });
  mkdirSync(textDir, { recursive: true });
  const cacheWrites: Promise<void>[] = [];
  const failed = new Set<SiteArticle>();
  const fail = (a: SiteArticle, reason: string) => {
    failed.add(a);
    skipped.push({ path: a.path, reason });
  };
  const done = (i: number, rendered: Rendered) => {
    const a = stale[i]!;
    if (rendered.error !== undefined)
      return fail(a, `ページを作れなかったため公開しません（kawaraban の不具合です。開発者に知らせてください: ${rendered.error.slice(0, 200)}）`);
    const { body, stats, text } = rendered;
    try {
      p.output.put(`${a.url}index.html`, p.withPreview(articlePage(p.ctx, a, body, stats.readingMinutes, p.images), a.path), p.pageKey(a));
    } catch (error) {
      if (!(error instanceof UnwritableName)) throw error;
      return fail(a, `ページを書き出せませんでした: ${error.message}`);
    }
    bodies.set(a.path, body);
    texts.set(a.path, text);
    if (!p.fresh) cacheWrites.push(writeFile(textFile(a), text));
    // Only the feed's articles: a cache file per article cost more to create than to render again.
    if (!p.fresh && inFeed.has(a)) cacheWrites.push(writeFile(bodyFile(a), body));
  };
  await renderAll(jobs, p.settings, done, {}, p.threads);
  // The feed shows the newest articles in full: bodies of kept pages come from the cache.
  // Channels other than pages build into a new folder, so every body is at hand there.
  const body = (a: SiteArticle) => bodies.get(a.path) ?? readFileSync(bodyFile(a), "utf8");
  for (const a of inFeed) if (!failed.has(a) && !bodies.has(a.path)) bodies.set(a.path, body(a));
  return {
    articles: candidates.filter((a) => !failed.has(a)),
    stale: new Set(stale),
    body,
    bodies,
    textOf: (a) => texts.get(a.path) ?? readFileSync(textFile(a), "utf8"),
    written: Promise.all(cacheWrites),
  };
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
