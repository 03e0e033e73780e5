import { describe, it, expect, beforeAll } from "vitest";
import { readFile, writeFile, readdir } from "node:fs/promises";
import path from "node:path";
import { XMLValidator, XMLParser } from "fast-xml-parser";
import { copySampleContent } from "../support/sample-repo.ts";
import { runCli } from "../support/cli.ts";
import { fixture } from "../support/repo.ts";

const NOV_23 = new Date("2026-11-23T03:00:00Z");

async function golden(name: string, actual: string): Promise<void> {
  const file = fixture("site", name);
  if (process.env.UPDATE_GOLDEN === "1") await writeFile(file, actual);
  expect(actual).toBe(await readFile(file, "utf8"));
}

describe("kawaraban build", () => {
  let root: string;
  let dist: string;
  let result: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    root = await copySampleContent();
    await writeFile(
      path.join(root, "articles/2026/11/christmas.md"),
      "---\ntitle: クリスマスの催し\nwriter: hinata\ndate: 2026-12-24\nsummary: 12月24日の記事です。\n---\n\n予約投稿の記事です。\n",
    );
    result = await runCli(["build", "--out", "site"], root, {}, NOV_23);
    dist = path.join(root, "site");
  });

  it("builds the published articles, holds drafts and future-dated ones", async () => {
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("記事 8 件");
    expect(result.stdout).toContain("公開日待ちの記事: articles/2026/11/christmas.md（公開日（2026-12-24）になるまで公開しません）");
    const years = await readdir(path.join(dist, "2026/11"));
    expect(years).not.toContain("winter-festival-draft");
    expect(years).not.toContain("christmas");
    const later = await runCli(["build", "--out", "site"], root, {}, new Date("2026-12-24T01:00:00Z"));
    expect(later.stdout).toContain("記事 9 件");
  });

  it("renders an article page (golden), with lang, skip link, canonical, OGP and responsive images with sizes", async () => {
    await runCli(["build", "--out", "site"], root, {}, NOV_23);
    const html = await readFile(path.join(dist, "2026/11/satoyama-walk/index.html"), "utf8");
    await golden("article.html", html);
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('<a class="skip" href="#main">本文へ移動</a>');
    expect(html).toMatch(
      /<img src="\/kawaraban\/images\/2026\/11\/satoyama\.jpg\/960\.jpg" srcset="[^"]+" sizes="[^"]+" width="960" height="640" alt="色づいた木々の間の山道を/,
    );
    expect(html).not.toMatch(/https?:\/\/(?!example\.github\.io|www\.city\.hibarino\.example|engawa-office\.example)/);
  });

  it("writes a valid Atom feed (golden), JSON Feed, sitemap and robots.txt", async () => {
    const atom = await readFile(path.join(dist, "feed.xml"), "utf8");
    await golden("feed.xml", atom);
    expect(XMLValidator.validate(atom)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(atom).feed;
    expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    for (const key of ["id", "title", "updated"]) expect(feed[key]).toBeTruthy();
    expect(feed.entry).toHaveLength(8);
    for (const entry of feed.entry) {
      for (const key of ["id", "title", "updated", "published", "summary", "content"]) expect(entry[key], key).toBeTruthy();
      expect(entry.link["@_href"]).toMatch(/^https:\/\/example\.github\.io\/kawaraban\/2026\//);
    }
    const json = JSON.parse(await readFile(path.join(dist, "feed.json"), "utf8"));
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
    expect(json.items).toHaveLength(8);
    for (const item of json.items) expect(Object.keys(item)).toEqual(expect.arrayContaining(["id", "url", "title", "content_html", "date_published"]));
    const sitemap = await readFile(path.join(dist, "sitemap.xml"), "utf8");
    expect(XMLValidator.validate(sitemap)).toBe(true);
    const urls: { loc: string }[] = new XMLParser().parse(sitemap).urlset.url;
    const locs = urls.map((u) => u.loc);
    // Every article and every list page (home, categories, tags, writers), nothing twice.
    expect(new Set(locs).size).toBe(locs.length);
    expect(locs.filter((l) => /\/\d{4}\/\d{2}\//.test(l))).toHaveLength(8);
    expect(locs).toEqual(
      expect.arrayContaining([
        "https://example.github.io/kawaraban/",
        "https://example.github.io/kawaraban/category/kosodate/",
        `https://example.github.io/kawaraban/tags/${encodeURIComponent("子育て")}/`,
        "https://example.github.io/kawaraban/writers/komorebi/",
      ]),
    );
    expect(await readFile(path.join(dist, "robots.txt"), "utf8")).toContain("Sitemap: https://example.github.io/kawaraban/sitemap.xml");
  });

  it("has index, category, tag and writer pages and a 404 page", async () => {
    for (const page of [
      "index.html",
      "category/kosodate/index.html",
      "tags/子育て/index.html",
      "writers/komorebi/index.html",
      "404.html",
      "assets/style.css",
    ]) {
      expect(await readFile(path.join(dist, page), "utf8"), page).toBeTruthy();
    }
    const top = await readFile(path.join(dist, "index.html"), "utf8");
    const order = [...top.matchAll(/<time datetime="([\d-]+)">/g)].map((m) => m[1]);
    expect(order).toEqual([...order].sort().reverse());
  });
});

describe("incremental rebuilds", () => {
  it("re-renders only the article that changed", async () => {
    const root = await copySampleContent();
    const first = await runCli(["build", "--out", "site"], root, {}, NOV_23);
    expect(first.stdout).not.toContain("再利用");
    const article = path.join(root, "articles/2026/11/bousai.md");
    await writeFile(article, (await readFile(article, "utf8")).replace("およそ200人", "およそ250人"));
    const second = await runCli(["build", "--out", "site"], root, {}, NOV_23);
    expect(second.stdout).toContain("変わっていない記事 7 件は前回のものをそのまま使用");
    expect(await readFile(path.join(root, "site/2026/11/bousai/index.html"), "utf8")).toContain("およそ250人");
  });

  it("publishes the search index as updated: the changed article's new words are found, its old ones are not", async () => {
    const MiniSearch = (await import("minisearch")).default;
    const { searchOptions } = await import("../../pipeline/site/search-client.mjs");
    const root = await copySampleContent();
    const find = async (word: string) => {
      const site = path.join(root, "site");
      const variants = JSON.parse(await readFile(path.join(site, "search-variants.json"), "utf8"));
      const index = MiniSearch.loadJSON(await readFile(path.join(site, "search-index.json"), "utf8"), searchOptions(variants));
      return index.search(word, { combineWith: "AND" }).map((hit) => hit.id);
    };
    await runCli(["build", "--out", "site"], root, {}, NOV_23);
    expect(await find("およそ200人")).toContain("2026/11/bousai/");
    const article = path.join(root, "articles/2026/11/bousai.md");
    await writeFile(article, (await readFile(article, "utf8")).replace("およそ200人", "かわせみ隊の百八十人"));
    await runCli(["build", "--out", "site"], root, {}, NOV_23);
    expect(await find("かわせみ隊")).toEqual(["2026/11/bousai/"]);
    expect(await find("およそ200人")).not.toContain("2026/11/bousai/");
    // Nothing changed: the same index, still published.
    await runCli(["build", "--out", "site"], root, {}, NOV_23);
    expect(await find("かわせみ隊")).toEqual(["2026/11/bousai/"]);
  });
});

describe("site settings from the config", () => {
  it("shows the configured logo and accent colour, and refuses an accent colour too light to read", async () => {
    const root = await copySampleContent();
    const sharp = (await import("sharp")).default;
    await sharp({ create: { width: 64, height: 64, channels: 3, background: "#0b5e47" } })
      .png()
      .toFile(path.join(root, "assets/logo.png"));
    const configFile = path.join(root, "kawaraban.config.yml");
    const config = await readFile(configFile, "utf8");
    await writeFile(configFile, config.replace("  language: ja\n", '  language: ja\n  logo: assets/logo.png\n  accentColor: "#1a4f8b"\n'));
    const built = await runCli(["build", "--out", "site"], root, {}, NOV_23);
    expect(built.code).toBe(0);
    const top = await readFile(path.join(root, "site/index.html"), "utf8");
    expect(top).toContain('<a class="brand" href="/kawaraban/"><img src="/kawaraban/assets/logo.png" alt="">');
    expect(await readFile(path.join(root, "site/assets/style.css"), "utf8")).toContain("--accent: #1a4f8b;");
    expect(JSON.parse((await runCli(["check", "--format", "json"], root)).stdout).summary.warnings).toBe(0);
    await writeFile(configFile, config.replace("  language: ja\n", '  language: ja\n  accentColor: "#9ad0ff"\n'));
    const light = await runCli(["build", "--out", "site"], root, {}, NOV_23);
    expect(light.code).toBe(2);
    expect(light.stdout).toContain("白との明るさの差が足りません");
  });
});
