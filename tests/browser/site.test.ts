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

  it("prints every document type on one A4 page each (headless Chromium to PDF)", async () => {
    const { execFileSync } = await import("node:child_process");
    execFileSync("git", ["init", "-q", "-b", "main"], { cwd: root });
    execFileSync("git", ["add", "-A"], { cwd: root });
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "x"], {
      cwd: root,
      env: { ...process.env, GIT_COMMITTER_DATE: "2026-11-20T10:00:00+09:00" },
    });
    const file = path.join(root, "kawaraban.config.yml");
    const base = await readFile(file, "utf8");
    const withDocuments = base
      .replace(/writerStatement: notice/, "writerStatement: purchase-statement")
      .replace(/writerInvoiceDraft: false/, "writerInvoiceDraft: true");
    expect(withDocuments).not.toBe(base);
    const contractor =
      "\ncontractor:\n  name: 一般社団法人ひばり野ワークス\n  address: ひばり野市本町2-3\n  contact: 事務局 0123-45-0000\n  registrationNumber: T4500000000012\n";
    // The city pays directly (仕入明細書, 支払通知書, 請求書 drafts); then a contractor is the order desk.
    const printed: Record<string, string> = {};
    for (const [flow, extra] of [
      ["direct", withDocuments],
      ["contractor", withDocuments + contractor],
    ] as const) {
      await writeFile(file, extra);
      const out = path.join(root, `statements-${flow}`);
      const result = await runCli(["invoice", "--month", "2026-11", "--format", "html", "--out", out], root);
      expect(result.code, result.stderr).toBe(0);
      const served = await serveSite(out, "/statements/");
      for (const name of [
        "statement-2026-11-hinata.html",
        "statement-2026-11-komorebi.html",
        "invoice-draft-2026-11-hinata.html",
        ...(flow === "contractor" ? ["contractor-invoice-2026-11.html"] : []),
      ]) {
        const page = await browser.newPage();
        await page.goto(`${served.url}${name}`);
        await withJapaneseFont(page, served.origin); // real glyph widths, so the page count is the printed one
        const text = await page.evaluate(() => document.body.innerText);
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        if (name.startsWith("statement-2026-11-hinata")) await writeFile(path.join(ARTIFACTS, `statement-hinata-${flow}.pdf`), pdf);
        const raw = pdf.toString("latin1");
        expect(raw.match(/\/Type\s*\/Page[^s]/g), `${flow} ${name}`).toHaveLength(1);
        const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(raw)!;
        expect([Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([595, 842]); // A4 in points
        for (const needed of ["発行日", "番号", /支払予定日|お支払期限/, "連絡先"]) expect(text, `${flow} ${name}`).toMatch(needed);
        printed[`${flow}/${name}`] = text.split("\n")[0]!.trim();
        if (flow === "contractor" && !name.startsWith("contractor")) expect(text).not.toContain("ひばり野市 市民協働部");
        await page.close();
      }
      served.server.close();
    }
    await writeFile(file, base);
    expect(printed).toEqual({
      "direct/statement-2026-11-hinata.html": "仕入明細書",
      "direct/statement-2026-11-komorebi.html": "支払通知書",
      "direct/invoice-draft-2026-11-hinata.html": "請求書",
      "contractor/statement-2026-11-hinata.html": "仕入明細書",
      "contractor/statement-2026-11-komorebi.html": "支払通知書",
      "contractor/invoice-draft-2026-11-hinata.html": "請求書",
      "contractor/contractor-invoice-2026-11.html": "請求書",
    });
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
      await page.waitForFunction(() => document.querySelector("main h1")?.textContent !== "この記事はまだ表示できません", undefined, { timeout: 20_000 });
      expect(await page.textContent("main h1")).toContain("防災");
    } finally {
      await page.close();
      await preview.server.close();
    }
  }, 60_000);
});
