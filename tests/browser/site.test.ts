/// <reference lib="dom" />
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { Browser } from "playwright-core";
import type { Server } from "node:http";
import { copySampleContent } from "../support/sample-repo.ts";
import { runCli } from "../support/cli.ts";
import { launchBrowser, serveSite, withJapaneseFont } from "../support/browser.ts";
import { REPO_ROOT } from "../support/repo.ts";

/** Screenshots land here for a person to look at (kept out of git). */
const ARTIFACTS = path.join(REPO_ROOT, "tests", "artifacts");
const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let browser: Browser;
let server: Server;
let site: string;
let origin: string;
let root: string;

beforeAll(async () => {
  root = await copySampleContent();
  await runCli(["build", "--out", "site"], root, {}, new Date("2026-11-23T03:00:00Z"));
  const served = await serveSite(path.join(root, "site"), "/kawaraban/");
  server = served.server;
  site = served.url;
  origin = served.origin;
  browser = await launchBrowser();
  await mkdir(ARTIFACTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe("the built site in a real browser (Chromium from npm)", () => {
  it("renders an article with its images loaded, and axe finds no serious accessibility violations", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site}2026/11/satoyama-walk/`, { waitUntil: "load" });
    expect(await page.title()).toBe("紅葉の里山さんぽで、まちの自然を再発見｜ひばり野まちの瓦版");
    const images = await page.$$eval("img", (imgs) => imgs.map((i) => ({ src: i.currentSrc, loaded: i.complete && i.naturalWidth > 0 })));
    expect(images.length).toBeGreaterThanOrEqual(2);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight)); // lazy images load when near
    await page.waitForFunction(() => Array.from(document.images).every((i) => i.complete && i.naturalWidth > 0), undefined, { timeout: 10_000 });
    expect(images.every((i) => i.src.includes("/kawaraban/images/"))).toBe(true);
    await page.addScriptTag({ content: axeSource });
    const results = await page.evaluate(async () =>
      (window as unknown as { axe: { run: (o?: object) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run(),
    );
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
    expect(serious).toEqual([]);
    await withJapaneseFont(page, origin);
    await page.screenshot({ path: path.join(ARTIFACTS, "article-phone.png"), fullPage: true });
    await page.close();
  });

  it("shows cover thumbnails on list pages, loaded, with width and height", async () => {
    const page = await browser.newPage();
    await page.goto(site, { waitUntil: "load" });
    const thumbs = await page.$$eval(".card .thumb img", (imgs) =>
      imgs.map((i) => ({ w: i.getAttribute("width"), h: i.getAttribute("height"), loading: i.getAttribute("loading"), alt: i.getAttribute("alt") })),
    );
    expect(thumbs.length).toBeGreaterThanOrEqual(5);
    expect(thumbs.every((t) => Number(t.w) > 0 && Number(t.h) > 0 && t.loading === "lazy" && t.alt === "")).toBe(true);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForFunction(
      () => Array.from(document.querySelectorAll<HTMLImageElement>(".card .thumb img")).every((i) => i.complete && i.naturalWidth > 0),
      undefined,
      { timeout: 10_000 },
    );
    await withJapaneseFont(page, origin);
    await page.screenshot({ path: path.join(ARTIFACTS, "home.png"), fullPage: true });
    await page.close();
  });

  it("finds an article by a Japanese word from its body, on the static site", async () => {
    const page = await browser.newPage();
    await page.goto(`${site}search/`, { waitUntil: "load" });
    await page.fill("#q", "どんぐり");
    await page.press("#q", "Enter");
    await page.waitForSelector("#search-results li");
    const titles = await page.$$eval("#search-results a.title", (as) => as.map((a) => a.textContent));
    expect(titles).toContain("紅葉の里山さんぽで、まちの自然を再発見");
    expect(await page.textContent("#search-status")).toContain("見つかりました");
    await page.goto(`${site}search/?q=${encodeURIComponent("存在しないことばです")}`, { waitUntil: "load" });
    await page.waitForFunction(() => document.getElementById("search-status")!.textContent!.includes("見つかりませんでした"));
    await page.close();
  });

  it("has the contact, privacy and copyright pages every municipal site has, linked from the footer", async () => {
    const page = await browser.newPage();
    await page.goto(site, { waitUntil: "load" });
    for (const [link, heading] of [
      ["問い合わせ先", "問い合わせ先"],
      ["プライバシーポリシー", "プライバシーポリシー"],
      ["著作権・リンク", "著作権・リンクについて"],
    ]) {
      await page.click(`footer >> text=${link}`);
      expect(await page.textContent("main h1")).toBe(heading);
      await page.goBack();
    }
    await page.goto(`${site}contact/`);
    expect(await page.textContent("table.contact")).toContain("ひばり野市 市民協働部 広報広聴課");
    await page.close();
  });

  it("shows the keyboard focus and a working skip link", async () => {
    const page = await browser.newPage();
    await page.goto(site);
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent, outline: getComputedStyle(document.activeElement!).outlineStyle }));
    expect(focused).toEqual({ text: "本文へ移動", outline: "solid" });
    await page.close();
  });
});

describe("the preview in a real browser", () => {
  it("shows the findings page for an article with a broken date, and reloads into the article once it is fixed", async () => {
    const { startPreview } = await import("../../pipeline/site/preview.ts");
    const { findingsFor } = await import("../../pipeline/commands/preview.ts");
    const { parseConfig } = await import("../../pipeline/article/config.ts");
    const { rename } = await import("node:fs/promises");
    const preview = await (async () => {
      const dir = await copySampleContent();
      const parsed = parseConfig(await readFile(path.join(dir, "kawaraban.config.yml"), "utf8"));
      if (!parsed.ok) throw new Error("config");
      const io = { cwd: dir, env: {}, stdout: { write: () => true }, stderr: { write: () => true } };
      return { dir, server: await startPreview({ root: dir, config: parsed.config, port: 0, check: findingsFor(io), today: "2026-11-23", log: () => {} }) };
    })();
    const file = path.join(preview.dir, "articles/2026/11/bousai.md");
    const original = await readFile(file, "utf8");
    const save = async (text: string) => {
      await writeFile(`${file}.tmp`, text);
      await rename(`${file}.tmp`, file);
    };
    const page = await browser.newPage();
    try {
      await save(original.replace(/^date: .*$/m, "date: 2026/12/01"));
      await preview.server.rebuild();
      await page.goto(`${preview.server.url}2026/11/bousai/`, { waitUntil: "load" });
      expect(await page.textContent("main h1")).toBe("この記事はまだ表示できません");
      expect(await page.textContent("main")).toContain("年-月-日");
      await withJapaneseFont(page, new URL(preview.server.url).origin);
      await page.screenshot({ path: path.join(ARTIFACTS, "preview-error.png") });
      await save(original);
      // No reload by hand: the page's live-reload script brings the article back.
      // No deadline of its own: a rebuild on a busy machine may take long; only a hang fails (the test's timeout).
      await page.waitForFunction(() => document.querySelector("main h1")?.textContent !== "この記事はまだ表示できません", undefined, { timeout: 0 });
      expect(await page.textContent("main h1")).toContain("防災");
    } finally {
      await page.close();
      await preview.server.close();
    }
  }, 300_000);
});
