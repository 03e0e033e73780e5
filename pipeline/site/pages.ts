import { layout, listMain, notFoundMain } from "./templates.ts";
import { atomFeed, jsonFeed, sitemap, robots } from "./feeds.ts";
import { themeCss } from "./theme.ts";
import { categoryUrl, tagUrl, writerUrl, type SiteArticle, type SiteContext } from "./model.ts";

export { FEED_SIZE } from "./feeds.ts";
export const PAGE_SIZE = 10;

/** `source`: the article a page shows, if any (preview injects its findings). */
type Put = (rel: string, content: string, source?: string) => void;

/**
 * Everything besides the article pages: the newest-first index, category, tag and writer lists
 * (paginated), the 404 page, the stylesheet, both feeds, the sitemap and robots.txt. These are
 * cheap to make, so they are always made; the output skips the ones whose content is unchanged.
 * Returns the number of HTML pages.
 */
export function writeListsAndFeeds(ctx: SiteContext, articles: readonly SiteArticle[], bodies: ReadonlyMap<string, string>, put: Put): number {
  let pages = 0;
  const list = (base: string, heading: string, items: readonly SiteArticle[], description: string) => {
    const count = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
    for (let i = 0; i < count; i++) {
      const at = (n: number) => (n === 0 ? base : `${base}page/${n + 1}/`);
      const main = listMain(ctx, heading, items.slice(i * PAGE_SIZE, (i + 1) * PAGE_SIZE), { prev: i > 0 ? at(i - 1) : undefined, next: i < count - 1 ? at(i + 1) : undefined });
      put(`${at(i)}index.html`, layout(ctx, { title: i === 0 ? heading : `${heading}（${i + 1} ページ目）`, description, path: at(i) }, main));
      pages++;
    }
  };
  const { site, categories, writers } = ctx.config;
  list("", `${site.title}の新着記事`, articles, site.description ?? site.title);
  const byCategory = groupBy(articles, (a) => (a.fm.category ? [a.fm.category] : []));
  for (const [slug, category] of Object.entries(categories)) list(categoryUrl(slug), `${category.name}の記事`, byCategory.get(slug) ?? [], `${category.name}の記事の一覧`);
  const byTag = groupBy(articles, (a) => a.fm.tags ?? []);
  for (const tag of [...byTag.keys()].sort()) list(tagUrl(tag), `#${tag} の記事`, byTag.get(tag)!, `タグ「${tag}」の記事の一覧`);
  const byWriter = groupBy(articles, (a) => [a.fm.writer]);
  for (const [handle, writer] of Object.entries(writers)) list(writerUrl(handle), `${writer.name}さんの記事`, byWriter.get(handle) ?? [], `${writer.name}さんが書いた記事の一覧`);
  put("404.html", layout(ctx, { title: "ページが見つかりません", description: "ページが見つかりません", path: "404.html", noindex: true }, notFoundMain(ctx)));
  put("assets/style.css", themeCss(site.accentColor ?? "#0b5e47"));
  put("feed.xml", atomFeed(ctx, articles, bodies));
  put("feed.json", jsonFeed(ctx, articles, bodies));
  put("sitemap.xml", sitemap(ctx, [{ path: "" }, ...articles.map((a) => ({ path: a.url, lastmod: a.fm.date }))]));
  put("robots.txt", robots(ctx));
  put(".nojekyll", ""); // GitHub Pages: serve the files as they are
  return pages;
}

/** One pass instead of filtering every article once per tag (quadratic on a large site). */
function groupBy(articles: readonly SiteArticle[], keys: (a: SiteArticle) => readonly string[]): Map<string, SiteArticle[]> {
  const groups = new Map<string, SiteArticle[]>();
  for (const a of articles) {
    for (const key of new Set(keys(a))) {
      let group = groups.get(key);
      if (!group) groups.set(key, (group = []));
      group.push(a);
    }
  }
  return groups;
}
