/// <reference lib="dom" />
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import sharp from "sharp";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Server } from "node:http";
import { copySampleContent } from "../support/sample-repo.ts";
import { runCli } from "../support/cli.ts";
import { launchBrowser, serveSite } from "../support/browser.ts";
import { GithubSim } from "../support/github-sim.ts";
import { photo } from "../support/images.ts";
import { readContainer } from "../../pipeline/images/container.ts";
import { imageRules } from "../../pipeline/images/rules.ts";

/** Findings of the photos' own inspection (sharp, in Node): the page makes its photos itself and never attaches others. */
const PHOTO_INSPECTION = new Set(Object.values(imageRules).map((r) => r.id));
const NOW = new Date("2026-12-02T03:00:00Z");
const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const BAD_INPUT = path.join(import.meta.dirname, "..", "fixtures", "bad-input", "articles");

// Written for this project: the beginner mistakes the page must show as the writer types.
const MISTAKES = [
  "古民家を改装したコワーキングスペースを訪ねました。",
  "",
  "子供たちが遊んでます公園の隣にあります。",
  "",
  "利用者の方に話を聞かさせていただきました。見れる景色がとても良いです。",
].join("\n");

let browser: Browser;
let server: Server;
let sim: GithubSim;
let site: string;
let root: string;

beforeAll(async () => {
  sim = await new GithubSim().start();
  sim.tokens.set("writer-token", "hinata-writes");
  root = await copySampleContent();
  const configFile = path.join(root, "kawaraban.config.yml");
  const config = await readFile(configFile, "utf8");
  await writeFile(configFile, config.replace(/^github:\n/m, `github:\n  repository: hibarino/kawaraban\n  api: ${sim.url}\n`));
  const build = await runCli(["build", "--out", "site"], root, {}, NOW);
  expect(build.code, build.stderr).toBe(0);
  const served = await serveSite(path.join(root, "site"), "/kawaraban/");
  server = served.server;
  site = served.url;
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  await sim?.stop();
});

async function writerPage(width = 390): Promise<{ context: BrowserContext; page: Page; requests: string[]; violations: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const requests: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  await context.route(/\/(new|upload)\//, (route) => route.abort());
  const page = await context.newPage();
  await page.clock.install({ time: NOW });
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(`${site}write/`);
  return { context, page, requests, violations };
}

async function fillBasics(page: Page, body: string): Promise<void> {
  await page.selectOption('[data-kawaraban="writer"]', "hinata");
  await page.fill('[data-kawaraban="title"]', "里山のコワーキングスペースを訪ねて");
  await page.fill('[data-kawaraban="summary"]', "古民家を改装した仕事場を訪ねました。");
  await page.selectOption('[data-kawaraban="category"]', "shigoto");
  await page.fill('[data-kawaraban="slug"]', "satoyama-coworking");
  await page.fill('[data-kawaraban="body"]', body);
}

/** Attaches a photo through one of the page's file inputs and waits until the page has cleaned it. */
async function attachPhoto(page: Page, input: "photo" | "body-photo", name: string, buffer: Buffer): Promise<void> {
  await page.setInputFiles(`[data-kawaraban="${input}"]`, { name, mimeType: "image/jpeg", buffer });
  await page.waitForFunction(() => /位置情報なし/.test(document.getElementById("w-cover-status")?.textContent ?? ""));
}

const findings = (page: Page) =>
  page.$$eval('[data-kawaraban="finding"]', (els) => els.map((e) => ({ rule: e.getAttribute("data-rule")!, severity: e.getAttribute("data-severity")! })));

/** Waits until the worker has answered for the text as it is now (the status line is not pending). */
async function settled(page: Page): Promise<void> {
  await page.waitForTimeout(300); // the page waits 250 ms after the last keystroke before it asks
  await page.waitForSelector('[data-kawaraban="status"]:not([data-pending])', { timeout: 60_000 });
}

/** `kawaraban check` on the same files: (rule, line, severity) of each article. */
async function checkFindings(files: Record<string, string>): Promise<Map<string, string[]>> {
  for (const [p, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, p)), { recursive: true });
    await writeFile(path.join(root, p), text);
  }
  const result = await runCli(["check", "--format", "json", ...Object.keys(files)], root, {}, NOW);
  const report = JSON.parse(result.stdout) as { files: { path: string; messages: { ruleId: string; line?: number; severity: string; source: string }[] }[] };
  return new Map(
    report.files.map((f) => [
      f.path,
      f.messages
        .filter((m) => !PHOTO_INSPECTION.has(m.ruleId))
        .map((m) => `${m.ruleId}:${m.line ?? 0}:${m.severity}`)
        .sort(),
    ]),
  );
}

describe("the writer's page (/write/) in the shipped Chromium, against the GitHub stand-in", () => {
  it("its findings equal kawaraban check's (rule, line, severity) on the project's fixtures", async () => {
    const { context, page } = await writerPage();
    const names = (await readdir(BAD_INPUT)).filter((n) => n.endsWith(".md") && !/encoding|symlink|binary/.test(n));
    const files: Record<string, string> = {
      "articles/2026/12/mistakes.md": `---\ntitle: 間違いの例\nwriter: hinata\ndate: 2026-12-01\nsummary: 例です。\ncategory: kurashi\n---\n\n${MISTAKES}\n`,
    };
    for (const n of names) files[`articles/2026/12/${n.replace(/[^a-z0-9-]/g, "-").replace(/-md$/, ".md")}`] = await readFile(path.join(BAD_INPUT, n), "utf8");
    for (const d of ["2026/09", "2026/10", "2026/11"])
      for (const n of await readdir(path.join(root, "articles", d))) files[`articles/${d}/${n}`] = await readFile(path.join(root, "articles", d, n), "utf8");
    const expected = await checkFindings(files);
    const model = JSON.parse((await page.textContent("#kawaraban-writer"))!);
    const assets = (await readdir(path.join(root, "assets"), { recursive: true })).filter((p) => /\.(jpe?g|png|webp)$/.test(p)).map((p) => `assets/${p}`);
    const actual = await page.evaluate(
      async ({ files, config, assets }) => {
        const worker = new Worker("check-worker.js");
        const out: Record<string, string[]> = {};
        let id = 0;
        for (const [p, raw] of Object.entries(files)) {
          const answer = await new Promise<{ diagnostics: { ruleId: string; line?: number; severity: string }[] }>((resolve) => {
            worker.onmessage = (e) => resolve(e.data);
            worker.postMessage({ id: ++id, config, path: p, raw, photos: assets.map((a) => [a, new Uint8Array([0xff, 0xd8, 0xff, 0xd9])]) });
          });
          out[p] = answer.diagnostics.map((d) => `${d.ruleId}:${d.line ?? 0}:${d.severity}`).sort();
        }
        return out;
      },
      { files, config: model.config, assets },
    );
    expect(Object.keys(actual).length).toBeGreaterThan(20);
    expect([...expected.values()].flat().length).toBeGreaterThan(20);
    for (const p of Object.keys(files)) expect(actual[p], p).toEqual(expected.get(p) ?? []);
    await context.close();
  }, 240_000);

  it("shows each beginner mistake under its paragraph as the writer types, and a click fixes one", async () => {
    const { context, page } = await writerPage();
    await fillBasics(page, MISTAKES);
    await settled(page);
    const shown = await findings(page);
    expect(shown.map((f) => f.rule)).toEqual(expect.arrayContaining(["prh", "kawaraban/verb-forms"]));
    // Under the paragraph: the finding's paragraph quote precedes it.
    const quote = await page.locator('li.paragraph:has([data-rule="prh"]) .quote').textContent();
    expect(quote).toContain("子供たちが遊んでます");
    await page.locator('[data-rule="prh"] [data-kawaraban="fix"]').first().click();
    await settled(page);
    expect(await page.inputValue('[data-kawaraban="body"]')).toContain("子どもたちが");
    expect((await findings(page)).filter((f) => f.rule === "prh")).toEqual([]);
    await context.close();
  }, 120_000);

  it("ignores a fix clicked after a keystroke, before the text is checked again: it would land on the old offsets", async () => {
    const { context, page } = await writerPage();
    await fillBasics(page, MISTAKES);
    await settled(page);
    // Typing and clicking in one task: the check that follows a keystroke cannot have answered yet.
    const typed = await page.evaluate(() => {
      const body = document.querySelector<HTMLTextAreaElement>('[data-kawaraban="body"]')!;
      body.value = `冒頭に一文を足しました。\n\n${body.value}`;
      body.dispatchEvent(new Event("input", { bubbles: true }));
      const fix = document.querySelector<HTMLButtonElement>('[data-rule="prh"] [data-kawaraban="fix"]')!;
      const disabled = fix.disabled;
      fix.click();
      return { value: body.value, disabled };
    });
    expect(typed.disabled).toBe(true);
    expect(await page.inputValue('[data-kawaraban="body"]')).toBe(typed.value);
    // Once the new answer is drawn, the same fix applies where the words now are.
    await settled(page);
    await page.locator('[data-rule="prh"] [data-kawaraban="fix"]').first().click();
    await settled(page);
    const fixed = await page.inputValue('[data-kawaraban="body"]');
    expect(fixed.startsWith("冒頭に一文を足しました。")).toBe(true);
    expect(fixed).toContain("子どもたちが");
    await context.close();
  }, 120_000);

  it("fixes every info finding with a fix (marks, the city's 表記 where it is info) with one button, and leaves warnings to the writer", async () => {
    const { context, page } = await writerPage();
    // The sample city keeps prh as a warning in its .textlintrc.json: 「下さい」 is not in the button.
    await fillBasics(page, "皆さんに来て下さいました!\n\n”おばけ”のクッキーも、、出しました。\n");
    await settled(page);
    const button = page.locator('[data-kawaraban="fix-all"]');
    expect(await button.isVisible()).toBe(true);
    expect(await button.textContent()).toBe("表記をまとめて直す（3 か所）");
    await button.click();
    await settled(page);
    expect(await page.inputValue('[data-kawaraban="body"]')).toBe("皆さんに来て下さいました！\n\n“おばけ”のクッキーも、出しました。\n");
    expect(await button.isVisible()).toBe(false);
    expect((await findings(page)).map((f) => f.rule)).toContain("prh");
    await context.close();
  }, 120_000);

  it("a phone photo with GPS, orientation and maker data is committed upright, within the limits and with no metadata; the article passes check", async () => {
    const { context, page, requests, violations } = await writerPage(1280);
    const phone = await photo(3000, 2000)
      .jpeg({ quality: 92 })
      .withExifMerge({
        IFD0: { Make: "Phone", Model: "X", Artist: "Hibari Taro" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "35/1 41/1 2/1", GPSLongitudeRef: "E", GPSLongitude: "139/1 41/1 3/1" },
      })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const original = await sharp(phone).metadata();
    expect(original).toMatchObject({ orientation: 6, width: 3000, height: 2000 });
    expect(readContainer(phone, "jpeg").exif.length).toBeGreaterThan(0);
    await fillBasics(page, "古民家を改装したコワーキングスペースを訪ねました。窓から田んぼが見えます。\n");
    await attachPhoto(page, "photo", "IMG_2041.jpg", phone);
    await page.fill('[data-kawaraban="coverAlt"]', "古民家の縁側で机に向かう人");
    await page.fill('[data-kawaraban="token"]', "writer-token");
    await settled(page);
    expect((await findings(page)).filter((f) => f.severity === "error")).toEqual([]);
    await page.click('[data-kawaraban="submit"]');
    await page.waitForSelector('[data-kawaraban="send-status"] a', { timeout: 30_000 });
    expect(sim.violations).toEqual([]);
    const commit = sim.gitCommits.get(sim.branches.get("kawaraban/satoyama-coworking")!)!;
    const entries = sim.trees.get(commit.tree)!.entries;
    expect(entries.map((e) => e.path)).toEqual(["articles/2026/12/satoyama-coworking.md", "assets/2026/12/satoyama-coworking-1.jpg"]);
    const [article, picture] = entries.map((e) => sim.blobs.get(e.sha)!);
    const meta = await sharp(picture!).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 1600, height: 2400 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(readContainer(picture!, "jpeg")).toMatchObject({ exif: [], xmp: [], iptc: [], comments: 0, extras: [] });
    const checked = await checkFindings({ [entries[0]!.path]: article!.toString("utf8") });
    await mkdir(path.join(root, "assets/2026/12"), { recursive: true });
    await writeFile(path.join(root, entries[1]!.path), picture!);
    const result = await runCli(["check", entries[0]!.path], root, {}, NOW); // its photos are inspected with it
    expect(result.stdout).not.toMatch(/エラー\s*[1-9]/);
    expect(result.code, result.stdout).toBe(0);
    // Nothing but the site and the configured API was asked for, page and worker alike.
    expect(
      requests.some((u) => u.includes("/write/dict/base.dat.gz")),
      "the worker's own requests are recorded",
    ).toBe(true);
    const origins = new Set(requests.map((u) => new URL(u).origin));
    expect([...origins].sort()).toEqual([new URL(site).origin, sim.url].sort());
    expect(violations).toEqual([]);
    await context.close();
  }, 120_000);

  it("without a token: GitHub's new-file page with the article, and the cleaned photos to download into the PR's branch", async () => {
    const { context, page } = await writerPage();
    await fillBasics(page, "古民家を改装したコワーキングスペースを訪ねました。\n");
    await attachPhoto(page, "body-photo", "a.jpg", await photo(800, 600).jpeg().toBuffer());
    await page.fill('[data-kawaraban="body"]', (await page.inputValue('[data-kawaraban="body"]')).replace("![]", "![縁側の机]"));
    await settled(page);
    const opened = context.waitForEvent("request", (r) => r.url().includes("/new/"));
    await page.click('[data-kawaraban="submit-without-token"]');
    const url = new URL((await opened).url());
    // The configured API is the stand-in on this machine, so its web pages are on the same host (as with GitHub Enterprise Server).
    expect(url.origin + url.pathname).toBe(`${sim.url}/hibarino/kawaraban/new/main`);
    expect(url.searchParams.get("filename")).toBe("articles/2026/12/satoyama-coworking.md");
    expect(url.searchParams.get("value")).toContain("![縁側の机](../../../assets/2026/12/satoyama-coworking-1.jpg)");
    const download = await page.getAttribute('[data-kawaraban="send-status"] a[download]', "download");
    expect(download).toBe("satoyama-coworking-1.jpg");
    expect(await page.getAttribute('[data-kawaraban="send-status"] a[href*="/upload/"]', "href")).toBe(
      `${sim.url}/hibarino/kawaraban/upload/kawaraban/satoyama-coworking/assets/2026/12`,
    );
    await context.close();
  }, 120_000);

  it("a reload keeps the draft, its photo included", async () => {
    const { context, page } = await writerPage();
    await fillBasics(page, "下書きの本文です。\n");
    await attachPhoto(page, "photo", "b.jpg", await photo(640, 480).jpeg().toBuffer());
    await page.fill('[data-kawaraban="coverAlt"]', "机と椅子");
    await settled(page);
    await page.reload();
    await settled(page);
    expect(await page.inputValue('[data-kawaraban="title"]')).toBe("里山のコワーキングスペースを訪ねて");
    expect(await page.inputValue('[data-kawaraban="body"]')).toBe("下書きの本文です。\n");
    expect(await page.inputValue('[data-kawaraban="coverAlt"]')).toBe("机と椅子");
    // The cover is still attached: no "cover without photo" finding, and nothing about coverAlt.
    expect((await findings(page)).filter((f) => f.rule.startsWith("frontmatter/cover") || f.rule === "image/not-found")).toEqual([]);
    await context.close();
  }, 120_000);

  it("has a strict CSP and passes axe at 390 px and on a desktop", async () => {
    for (const width of [390, 1280]) {
      const { context, page } = await writerPage(width);
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain(`connect-src 'self' ${sim.url}`);
      await fillBasics(page, MISTAKES);
      await settled(page);
      await page.addScriptTag({ content: axeSource }).catch(() => undefined);
      // The CSP refuses inline scripts (as it should): axe is injected through the test's own channel instead.
      const hasAxe = await page.evaluate(() => "axe" in window);
      if (!hasAxe) await page.evaluate(axeSource);
      const results = await page.evaluate(async () =>
        (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run(),
      );
      expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(overflow).toBe(false);
      await context.close();
    }
  }, 120_000);
});
