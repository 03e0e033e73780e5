import type { SiteArticle, SiteContext } from "./model.ts";
import { categoryUrl, tagUrl, writerUrl } from "./model.ts";
import type { ImageVariants } from "../images/variants.ts";
import { toHtml } from "hast-util-to-html";
import { fileUrl, picture } from "./body.ts";

import { escapeHtml } from "../text-safety.ts";

export const esc = escapeHtml;

const dateJa = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export interface PageMeta {
  title: string;
  description: string;
  /** Path below the site root ("" for the top page). */
  path: string;
  image?: { url: string; alt: string; width: number; height: number };
  type?: "website" | "article";
  noindex?: boolean;
}

export function layout(ctx: SiteContext, meta: PageMeta, main: string): string {
  const site = ctx.config.site;
  const canonical = new URL(meta.path, ctx.baseUrl).href;
  const title = meta.path === "" ? site.title : `${meta.title}｜${site.title}`;
  const og = [
    `<meta property="og:type" content="${meta.type ?? "website"}">`,
    `<meta property="og:title" content="${esc(meta.title)}">`,
    `<meta property="og:description" content="${esc(meta.description)}">`,
    `<meta property="og:url" content="${esc(canonical)}">`,
    `<meta property="og:site_name" content="${esc(site.title)}">`,
    `<meta property="og:locale" content="ja_JP">`,
    ...(meta.image
      ? [
          `<meta property="og:image" content="${esc(meta.image.url)}">`,
          `<meta property="og:image:width" content="${meta.image.width}">`,
          `<meta property="og:image:height" content="${meta.image.height}">`,
          `<meta property="og:image:alt" content="${esc(meta.image.alt)}">`,
        ]
      : []),
    `<meta name="twitter:card" content="${meta.image ? "summary_large_image" : "summary"}">`,
  ];
  const p = ctx.basePath;
  return `<!doctype html>
<html lang="${esc(site.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<meta name="description" content="${esc(meta.description)}">
<link rel="canonical" href="${esc(canonical)}">
${meta.noindex ? '<meta name="robots" content="noindex">\n' : ""}${og.join("\n")}
<link rel="alternate" type="application/atom+xml" title="${esc(site.title)}" href="${p}feed.xml">
<link rel="alternate" type="application/feed+json" title="${esc(site.title)}" href="${p}feed.json">
<link rel="stylesheet" href="${p}assets/style.css">
</head>
<body>
<a class="skip" href="#main">本文へ移動</a>
<header class="site"><div class="wrap">
<a class="brand" href="${p}">${ctx.logo ? `<img src="${p}${esc(ctx.logo)}" alt="">` : ""}${esc(site.title)}</a>
<nav class="site" aria-label="サイト内">${Object.entries(ctx.config.categories)
    .map(([slug, c]) => `<a href="${p}${categoryUrl(slug)}">${esc(c.name)}</a>`)
    .join("")}</nav>
</div></header>
<main id="main" class="wrap">
${main}
</main>
<footer class="site"><div class="wrap"><p>${esc(site.title)}${site.description ? ` — ${esc(site.description)}` : ""}</p><p><a href="${p}contact/">問い合わせ先</a> ・ <a href="${p}privacy/">プライバシーポリシー</a> ・ <a href="${p}copyright/">著作権・リンク</a> ・ <a href="${p}search/">記事をさがす</a></p><p><a href="${p}feed.xml">フィード（Atom）</a> ・ <a href="${p}feed.json">JSON Feed</a></p></div></footer>
</body>
</html>
`;
}

export function coverPicture(variants: ImageVariants | undefined, alt: string, basePath: string): string {
  if (!variants) return "";
  const element = picture(variants, alt, basePath, { fetchPriority: "high", loading: "eager" });
  element.properties = { className: ["cover"] };
  return toHtml(element);
}

export function articleMain(ctx: SiteContext, a: SiteArticle, body: string, cover: string, readingMinutes: number): string {
  const p = ctx.basePath;
  const writer = ctx.config.writers[a.frontMatter.writer];
  const category = a.frontMatter.category ? ctx.config.categories[a.frontMatter.category] : undefined;
  return `<article>
<h1>${esc(a.frontMatter.title)}</h1>
<div class="meta"><time datetime="${a.frontMatter.date}">${dateJa(a.frontMatter.date)}</time><span>文・<a href="${esc(p + writerUrl(a.frontMatter.writer))}">${esc(writer?.name ?? a.frontMatter.writer)}</a></span>${category ? `<span><a href="${p}${categoryUrl(a.frontMatter.category!)}">${esc(category.name)}</a></span>` : ""}<span>約 ${readingMinutes} 分で読めます</span></div>
${cover}
${body}
${a.tags.length ? `<ul class="tags" aria-label="タグ">${a.tags.map((t) => `<li><a href="${esc(p + tagUrl(t.slug))}">#${esc(t.name)}</a></li>`).join("")}</ul>` : ""}
</article>`;
}

/** A list card's cover: small, lazy, with width and height; decorative (the title beside it says it all). */
export function thumbnail(variants: ImageVariants | undefined, basePath: string): string {
  if (!variants) return "";
  const element = picture(variants, "", basePath, { loading: "lazy" });
  for (const child of element.children) if (child.type === "element") child.properties = { ...child.properties, sizes: "8rem" };
  const img = element.children.find((c) => c.type === "element" && c.tagName === "img");
  const smallest = variants.variants.jpeg[0]!;
  if (img && img.type === "element")
    img.properties = { ...img.properties, src: `${basePath}${fileUrl(smallest.file)}`, width: smallest.width, height: smallest.height };
  return `<div class="thumb">${toHtml(element)}</div>`;
}

export function listMain(
  ctx: SiteContext,
  heading: string,
  items: readonly SiteArticle[],
  pager?: { prev?: string; next?: string },
  covers?: (a: SiteArticle) => ImageVariants | undefined,
): string {
  const p = ctx.basePath;
  const cards = items
    .map((a) => {
      const thumb = thumbnail(covers?.(a), p);
      return `<li class="card${thumb ? " with-thumb" : ""}"><a class="title" href="${esc(p + a.url)}">${esc(a.frontMatter.title)}</a>${thumb}<div class="meta"><time datetime="${a.frontMatter.date}">${dateJa(a.frontMatter.date)}</time></div><p>${esc(a.frontMatter.summary)}</p></li>`;
    })
    .join("\n");
  const nav =
    pager && (pager.prev || pager.next)
      ? `<nav class="pager" aria-label="ページ">${pager.prev ? `<a href="${esc(p + pager.prev)}" rel="prev">新しい記事へ</a>` : "<span></span>"}${pager.next ? `<a href="${esc(p + pager.next)}" rel="next">前の記事へ</a>` : ""}</nav>`
      : "";
  return `<h1>${esc(heading)}</h1>\n${items.length ? `<ul class="cards">\n${cards}\n</ul>` : "<p>まだ記事はありません。</p>"}\n${nav}`;
}

export const notFoundMain = (ctx: SiteContext) =>
  `<h1>ページが見つかりません</h1>\n<p>お探しのページは移動したか、削除された可能性があります。</p>\n<p><a href="${ctx.basePath}">トップページへ戻る</a></p>`;
