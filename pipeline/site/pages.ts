import { esc, layout, listMain, notFoundMain } from "./templates.ts";
import { policyPages } from "./policy-pages.ts";
import { searchMain } from "./search.ts";
import { atomFeed, jsonFeed, sitemap, robots, type Refuse } from "./feeds.ts";
import { themeCss } from "./theme.ts";
import { resolveImageUrl } from "../article/image-refs.ts";
import type { ImageVariants } from "../images/variants.ts";
import { categoryUrl, tagPath, tagUrl, writerUrl, type SiteArticle, type SiteContext } from "./model.ts";

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
export function writeListsAndFeeds(
  ctx: SiteContext,
  articles: readonly SiteArticle[],
  bodies: ReadonlyMap<string, string>,
  put: Put,
  images: ReadonlyMap<string, ImageVariants> = new Map(),
  refuse: Refuse = () => {},
): number {
  const covers = (a: SiteArticle) => {
    const cover = a.frontMatter.cover ? resolveImageUrl(a.path, a.frontMatter.cover) : undefined;
    return cover?.ok ? images.get(cover.repoPath) : undefined;
  };
  const listPages: string[] = [];
  // `dir` is where the files go, `href` how links spell it (they differ for Unicode tag slugs).
  const list = (base: string | { dir: string; href: string }, heading: string, items: readonly SiteArticle[], description: string) => {
    const { dir, href } = typeof base === "string" ? { dir: base, href: base } : base;
    const count = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
    for (let i = 0; i < count; i++) {
      const at = (root: string, n: number) => (n === 0 ? root : `${root}page/${n + 1}/`);
      const link = (n: number) => at(href, n);
      const main = listMain(
        ctx,
        heading,
        items.slice(i * PAGE_SIZE, (i + 1) * PAGE_SIZE),
        { prev: i > 0 ? link(i - 1) : undefined, next: i < count - 1 ? link(i + 1) : undefined },
        covers,
      );
      put(`${at(dir, i)}index.html`, layout(ctx, { title: i === 0 ? heading : `${heading}（${i + 1} ページ目）`, description, path: link(i) }, main));
      listPages.push(link(i));
    }
  };
  const { site, categories, writers } = ctx.config;
  list("", `${site.title}の新着記事`, articles, site.description ?? site.title);
  const byCategory = groupBy(articles, (a) => (a.frontMatter.category ? [a.frontMatter.category] : []));
  for (const [slug, category] of Object.entries(categories))
    list(categoryUrl(slug), `${category.name}の記事`, byCategory.get(slug) ?? [], `${category.name}の記事の一覧`);
  const byTag = groupBy(articles, (a) => a.tags.map((t) => t.slug));
  // A tag's shown name: the newest article's spelling (slugs fold width and case).
  const tagName = new Map<string, string>();
  for (const a of articles) for (const t of a.tags) if (!tagName.has(t.slug)) tagName.set(t.slug, t.name);
  for (const slug of [...byTag.keys()].sort()) {
    const name = tagName.get(slug)!;
    list({ dir: tagPath(slug), href: tagUrl(slug) }, `#${name} の記事`, byTag.get(slug)!, `タグ「${name}」の記事の一覧`);
  }
  const byWriter = groupBy(articles, (a) => [a.frontMatter.writer]);
  for (const [handle, writer] of Object.entries(writers))
    list(writerUrl(handle), `${writer.name}さんの記事`, byWriter.get(handle) ?? [], `${writer.name}さんが書いた記事の一覧`);
  for (const page of policyPages(ctx)) {
    put(
      `${page.path}index.html`,
      layout(
        ctx,
        { title: page.title, description: `${site.title}の${page.title}`, path: page.path },
        `<article>\n<h1>${esc(page.title)}</h1>\n${page.html}\n</article>`,
      ),
    );
    listPages.push(page.path);
  }
  put("search/index.html", layout(ctx, { title: "記事をさがす", description: `${site.title}の記事をさがす`, path: "search/" }, searchMain(ctx)));
  listPages.push("search/");
  put("404.html", layout(ctx, { title: "ページが見つかりません", description: "ページが見つかりません", path: "404.html", noindex: true }, notFoundMain(ctx)));
  put("assets/style.css", themeCss(site.accentColor ?? "#0b5e47"));
  put("feed.xml", atomFeed(ctx, articles, bodies, refuse));
  put("feed.json", jsonFeed(ctx, articles, bodies));
  put("sitemap.xml", sitemap(ctx, [...listPages.map((path) => ({ path })), ...articles.map((a) => ({ path: a.url, lastmod: a.frontMatter.date }))]));
  put("robots.txt", robots(ctx));
  put(".nojekyll", ""); // GitHub Pages: serve the files as they are
  return listPages.length;
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
