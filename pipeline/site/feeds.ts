import type { SiteArticle, SiteContext } from "./model.ts";
import { esc } from "./templates.ts";
import { XML_INVALID } from "./body.ts";

/** An item a feed cannot hold, and why (Japanese): the feed is written without it. */
export type Refuse = (source: string, reason: string) => void;
const xmlClean = (s: string) => !new RegExp(XML_INVALID.source, "u").test(s);

export const FEED_SIZE = 20;
/** Dates carry Japan's offset: an article dated 2026-11-20 is published that morning in Japan. */
const iso = (date: string) => `${date}T09:00:00+09:00`;
const abs = (ctx: SiteContext, path: string) => new URL(path, ctx.baseUrl).href;

/**
 * Feed readers show content away from the site, so its root-relative links and images
 * (`/kawaraban/images/…`, srcset candidates too) become absolute URLs on the site's origin.
 */
export function absolutize(html: string, ctx: SiteContext): string {
  const origin = new URL(ctx.baseUrl).origin;
  return html
    .replace(/\s(src|href)="(\/[^/"][^"]*)"/g, (_m, attr: string, path: string) => ` ${attr}="${origin}${path}"`)
    .replace(
      /\ssrcset="([^"]*)"/g,
      (_m, set: string) =>
        ` srcset="${set
          .split(",")
          .map((c) => c.trim().replace(/^\/(?!\/)/, `${origin}/`))
          .join(", ")}"`,
    );
}

export function atomFeed(ctx: SiteContext, articles: readonly SiteArticle[], bodies: ReadonlyMap<string, string>, refuse: Refuse = () => {}): string {
  const site = ctx.config.site;
  const items = articles.slice(0, FEED_SIZE);
  const updated = items[0] ? iso(items[0].frontMatter.date) : iso(ctx.today);
  const entries = items.flatMap((a) => {
    const author = ctx.config.writers[a.frontMatter.writer]?.name ?? a.frontMatter.writer;
    const entry = `  <entry>
    <title>${esc(a.frontMatter.title)}</title>
    <link rel="alternate" type="text/html" href="${esc(abs(ctx, a.url))}"/>
    <id>${esc(abs(ctx, a.url))}</id>
    <published>${iso(a.frontMatter.date)}</published>
    <updated>${iso(a.frontMatter.date)}</updated>
    <author><name>${esc(author)}</name></author>
    <summary>${esc(a.frontMatter.summary)}</summary>
    <content type="html">${esc(absolutize(bodies.get(a.path) ?? "", ctx))}</content>
${a.tags.map((t) => `    <category term="${esc(t.name)}"/>`).join("\n")}
  </entry>`;
    // The serialiser defends itself: an entry XML cannot hold is left out, never the whole feed.
    if (xmlClean(entry)) return [entry];
    refuse(a.path, "フィード（feed.xml）に入れられない文字があるため、この記事はフィードに載せません");
    return [];
  });
  const feed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${esc(site.language)}">
  <title>${esc(site.title)}</title>
  ${site.description ? `<subtitle>${esc(site.description)}</subtitle>\n  ` : ""}<link rel="alternate" type="text/html" href="${esc(ctx.baseUrl)}"/>
  <link rel="self" type="application/atom+xml" href="${esc(abs(ctx, "feed.xml"))}"/>
  <id>${esc(ctx.baseUrl)}</id>
  <updated>${updated}</updated>
  <author><name>${esc(ctx.config.payer.name)}</name></author>
${entries.join("\n")}
</feed>
`;
  return feed.replace(XML_INVALID, "\uFFFD");
}

export function jsonFeed(ctx: SiteContext, articles: readonly SiteArticle[], bodies: ReadonlyMap<string, string>): string {
  const site = ctx.config.site;
  return `${JSON.stringify(
    {
      version: "https://jsonfeed.org/version/1.1",
      title: site.title,
      home_page_url: ctx.baseUrl,
      feed_url: abs(ctx, "feed.json"),
      ...(site.description && { description: site.description }),
      language: site.language,
      items: articles.slice(0, FEED_SIZE).map((a) => ({
        id: abs(ctx, a.url),
        url: abs(ctx, a.url),
        title: a.frontMatter.title,
        summary: a.frontMatter.summary,
        content_html: absolutize(bodies.get(a.path) ?? "", ctx),
        date_published: iso(a.frontMatter.date),
        authors: [{ name: ctx.config.writers[a.frontMatter.writer]?.name ?? a.frontMatter.writer, url: abs(ctx, `writers/${a.frontMatter.writer}/`) }],
        ...(a.tags.length && { tags: a.tags.map((t) => t.name) }),
      })),
    },
    null,
    2,
  )}\n`;
}

export function sitemap(ctx: SiteContext, paths: readonly { path: string; lastmod?: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${paths.map((p) => `  <url><loc>${esc(abs(ctx, p.path))}</loc>${p.lastmod ? `<lastmod>${p.lastmod}</lastmod>` : ""}</url>`).join("\n")}
</urlset>
`;
}

export const robots = (ctx: SiteContext) => `User-agent: *\nAllow: /\nSitemap: ${abs(ctx, "sitemap.xml")}\n`;
