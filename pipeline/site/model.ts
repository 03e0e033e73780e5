import type { Config } from "../article/config.ts";
import type { FrontMatter } from "../checks/frontmatter.ts";

/** An article as the site shows it. */
export interface SiteArticle {
  source: string;
  /** Path below the site root, e.g. "2026/11/satoyama-walk/". */
  url: string;
  fm: FrontMatter;
  /** Hash of the article's text. */
  hash: string;
  /** The text, when this build read it. */
  raw?: string;
}

export interface SiteContext {
  config: Config;
  /** Absolute base URL ending with "/", e.g. https://example.github.io/kawaraban/. */
  baseUrl: string;
  /** Path part of the base URL, e.g. "/kawaraban/": what internal links start with. */
  basePath: string;
  /** Today in Japan (YYYY-MM-DD): articles dated later are held back. */
  today: string;
  /** Site-relative path of the logo, when the config names one that exists. */
  logo?: string;
}

export function siteContext(config: Config, baseUrl: string | undefined, today: string): SiteContext {
  const base = new URL(baseUrl ?? config.site.baseUrl);
  if (!base.pathname.endsWith("/")) base.pathname += "/";
  return { config, baseUrl: base.href, basePath: base.pathname, today };
}

export const articleUrl = (source: string) => `${source.replace(/^articles\//, "").replace(/\.md$/i, "")}/`;

/** Drafts are never built; an article dated in the future waits for its date (scheduled publishing). */
export function isPublished(fm: FrontMatter, today: string): boolean {
  return !fm.draft && fm.date <= today;
}

export const byNewest = (a: SiteArticle, b: SiteArticle) => b.fm.date.localeCompare(a.fm.date) || a.source.localeCompare(b.source);

export const tagUrl = (tag: string) => `tags/${encodeURIComponent(tag)}/`;
export const categoryUrl = (slug: string) => `category/${slug}/`;
export const writerUrl = (handle: string) => `writers/${handle}/`;
