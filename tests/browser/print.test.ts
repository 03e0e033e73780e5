/// <reference lib="dom" />
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import type { Server } from "node:http";
import { launchBrowser, serveSite, withJapaneseFont } from "../support/browser.ts";
import { tempDir, SAMPLE_ROOT } from "../support/repo.ts";
import { parseConfig, type Config } from "../../pipeline/article/config.ts";
import { buildInvoice } from "../../pipeline/invoice/statement.ts";
import type { BillingEntry } from "../../pipeline/invoice/ledger.ts";
import { contractorInvoiceHtml, writerInvoiceDraftHtml, writerStatementHtml } from "../../pipeline/invoice/html.ts";
import { yearDocument } from "../../pipeline/invoice/year.ts";
import { yearHtml } from "../../pipeline/invoice/year-outputs.ts";

/**
 * Every printable document on one A4 page, printed by Chromium the way a browser prints it, with
 * a realistic month: four articles with fee breakdowns, a brief and a note, and two adjustments.
 */
const parsed = parseConfig(
  `${await readFile(path.join(SAMPLE_ROOT, "kawaraban.config.yml"), "utf8")}\ncontractor:\n  name: 一般社団法人ひばり野ワークス\n  registrationNumber: T4500000000012\n  address: ひばり野市本町2-3\n  contact: 事務局 0123-45-0000\n`,
);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
const withContractor: Config = parsed.config;
const direct = { ...withContractor, contractor: undefined, documents: { writerStatement: "purchase-statement", writerInvoiceDraft: true } } as Config;

const entry = (writer: string, n: number): BillingEntry => ({
  id: `articles/2026/11/${writer}-${n}.md`,
  path: `articles/2026/11/${writer}-${n}.md`,
  writer,
  title: [
    "ひばり野中央公園の秋の収穫祭に行ってきました",
    "駅前商店街に新しくできた手作りパンのお店",
    "子育てひろばの冬のイベント案内",
    "市民農園の利用者に聞く、野菜づくりの楽しさ",
  ][n % 4]!,
  month: "2026-11",
  mergedAt: `2026-11-${String(3 + n * 6).padStart(2, "0")}`,
  commit: "c".repeat(40),
  fee: 18022,
  breakdown: [
    { label: "基本", amount: 15000 },
    { label: "文字数 1,209 字 × 2.5 円", amount: 3022 },
  ],
  publishedOn: `2026-11-${String(5 + n * 6).padStart(2, "0")}`,
  contentKey: `${writer}-${n}`,
  ...(n === 1 && { brief: "2026-11/bakery", note: "依頼の原稿料（¥20,000）は市の承認（briefs/approvals.yml）がないため、料金表どおりにしました" }),
});
const adjustments = [
  { writer: "hinata", month: "2026-11", amount: 3000, reason: "写真の追加撮影", approver: "hibarino-koho", date: "2026-11-20" },
  { writer: "hinata", month: "2026-11", amount: -1000, reason: "記事の一部差し替え", approver: "hibarino-koho" },
];
const entries = ["hinata", "komorebi", "hibari-npo"].flatMap((w) => [0, 1, 2, 3].map((n) => entry(w, n)));
const month = (config: Config) => buildInvoice("2026-11", { entries, refused: [], violations: [] }, adjustments, new Set(), config, () => undefined);

let browser: Browser;
let server: Server;
let site: string;
let origin: string;
const documents: Record<string, string> = {};

beforeAll(async () => {
  const dir = await tempDir();
  const doc = month(direct);
  const viaContractor = month(withContractor);
  for (const w of doc.writers) {
    documents[`statement-${w.writer}.html`] = writerStatementHtml(doc, w, direct);
    documents[`invoice-draft-${w.writer}.html`] = writerInvoiceDraftHtml(doc, w, direct);
    documents[`contractor-statement-${w.writer}.html`] = writerStatementHtml(
      viaContractor,
      viaContractor.writers.find((x) => x.writer === w.writer)!,
      withContractor,
    );
  }
  documents["contractor-invoice.html"] = contractorInvoiceHtml(viaContractor, withContractor)!;
  const year = yearDocument("2026", [doc], direct);
  documents["year-writers.html"] = yearHtml(year, "writers");
  documents["year-withholding.html"] = yearHtml(year, "withholding");
  await mkdir(path.join(dir, "docs"), { recursive: true });
  for (const [name, html] of Object.entries(documents)) await writeFile(path.join(dir, "docs", name), html);
  const served = await serveSite(path.join(dir, "docs"), "/docs/");
  ({ server, url: site, origin } = served);
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

const pageCount = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

describe("printed documents (Chromium)", () => {
  it("prints every document type on exactly one A4 page, and the draft's note for the writer only on screen", async () => {
    const page = await browser.newPage();
    try {
      for (const name of Object.keys(documents)) {
        await page.goto(`${site}${name}`);
        await withJapaneseFont(page, origin);
        await page.emulateMedia({ media: "print" });
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
        if (process.env.KAWARABAN_PRINT_DIR) await writeFile(path.join(process.env.KAWARABAN_PRINT_DIR, name.replace(".html", ".pdf")), pdf);
        expect(pageCount(pdf), name).toBe(1);
        const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString("latin1"))!;
        const size = [Math.round(Number(box[1])), Math.round(Number(box[2]))];
        expect(size, name).toEqual(name === "year-writers.html" ? [842, 595] : [595, 842]); // A4 in points
        const hidden = await page.evaluate(() => Array.from(document.querySelectorAll(".screen-only")).every((e) => getComputedStyle(e).display === "none"));
        expect(hidden, name).toBe(true);
        await page.emulateMedia({ media: "screen" });
      }
      expect(Object.keys(documents).filter((n) => n.startsWith("invoice-draft")).length).toBe(3);
    } finally {
      await page.close();
    }
  }, 120_000);
});
