import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { inflateSync } from "node:zlib";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import * as fontkit from "fontkit";
import { parseConfig, type Config } from "../../pipeline/article/config.ts";
import { buildInvoice } from "../../pipeline/invoice/statement.ts";
import type { BillingEntry } from "../../pipeline/invoice/ledger.ts";
import { contractorInvoice, monthDocuments, writerInvoiceDraft, writerStatement } from "../../pipeline/invoice/print-model.ts";
import { documentPdf } from "../../pipeline/invoice/pdf.ts";
import { recordsIndexCsv } from "../../pipeline/invoice/records-index.ts";
import { SAMPLE_ROOT } from "../support/repo.ts";

/**
 * Statements as PDFs: the same bytes for the same inputs, Japanese text a reader can select and
 * search (read back with pdf.js), glyphs that are really in the embedded font (the silent CJK
 * subsetting bug draws blanks while text extraction still works), and an index row per file.
 */
const parsed = parseConfig(
  `${await readFile(path.join(SAMPLE_ROOT, "kawaraban.config.yml"), "utf8")}\ncontractor:\n  name: 一般社団法人ひばり野ワークス\n  registrationNumber: T4500000000012\n`,
);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
const config: Config = { ...parsed.config, documents: { writerStatement: "purchase-statement", writerInvoiceDraft: true } };

const entry = (writer: string, n: number, title = "ひばり野中央公園の秋の収穫祭に行ってきました"): BillingEntry => ({
  id: `articles/2026/11/${writer}-${n}.md`,
  path: `articles/2026/11/${writer}-${n}.md`,
  writer,
  title,
  month: "2026-11",
  mergedAt: `2026-11-${String(n + 1).padStart(2, "0")}`,
  commit: "c",
  fee: 15000,
  breakdown: [{ label: "基本", amount: 15000 }],
  publishedOn: "2026-11-05",
  contentKey: `${writer}-${n}`,
});
const invoice = (entries: BillingEntry[]) => buildInvoice("2026-11", { entries, refused: [], violations: [] }, [], new Set(), config, () => undefined);

async function pdfText(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  let text = "";
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    text += content.items.map((item) => ("str" in item ? item.str : "")).join("");
  }
  return { pages: pdf.numPages, text };
}

/** Every embedded TrueType subset, opened with fontkit: how many glyphs, and how many have no outline. */
function embeddedFonts(bytes: Buffer): { glyphs: number; empty: number }[] {
  const raw = bytes.toString("latin1");
  return [...raw.matchAll(/\/FontFile2 (\d+) 0 R/g)].map(([, id]) => {
    const start = raw.indexOf("stream\n", raw.indexOf(`\n${id} 0 obj`)) + "stream\n".length;
    const end = raw.indexOf("\nendstream", start);
    const font = fontkit.create(inflateSync(bytes.subarray(start, end))) as fontkit.Font;
    let empty = 0;
    for (let g = 1; g < font.numGlyphs; g++) if (font.getGlyph(g).path.commands.length === 0) empty++;
    return { glyphs: font.numGlyphs - 1, empty };
  });
}

describe("statements as PDF", () => {
  const doc = invoice([entry("hinata", 0), entry("hinata", 1, "駅前商店街に新しくできた手作りパンのお店"), entry("hibari-npo", 2), entry("komorebi", 3)]);

  it("is the same bytes on every run, with selectable Japanese text on one A4 page per document", async () => {
    for (const { model } of monthDocuments(doc, config)) {
      const a = await documentPdf(model);
      expect(a.equals(await documentPdf(model)), model.number).toBe(true);
      const { pages, text } = await pdfText(a);
      expect(pages, model.number).toBe(1);
      for (const needed of [model.title, model.number, model.to.line.replace(/\s/g, "")])
        expect(text.replace(/\s/g, ""), model.number).toContain(needed.replace(/\s/g, ""));
    }
    const statement = await pdfText(await documentPdf(writerStatement(doc, doc.writers.find((w) => w.writer === "hinata")!, config)));
    expect(statement.text).toContain("仕入明細書");
    expect(statement.text).toContain("駅前商店街に新しくできた手作りパンのお店");
    expect(statement.text).toContain("支払予定日: 2027年1月6日");
  });

  it("embeds glyphs with outlines for what it writes (not blank subset glyphs)", async () => {
    const fonts = embeddedFonts(await documentPdf(writerStatement(doc, doc.writers[0]!, config)));
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.glyphs).toBeGreaterThan(10);
      expect(f.empty).toBeLessThanOrEqual(2); // the space characters
    }
  });

  it("leaves the draft's note for the writer out of the PDF, as out of the printout", async () => {
    const hinata = doc.writers.find((w) => w.writer === "hinata")!;
    const { text } = await pdfText(await documentPdf(writerInvoiceDraft(doc, hinata, config)));
    expect(text).toContain("請求書");
    expect(text).not.toContain("kawaraban が作った下書き");
  });

  it("survives any title a writer can give an article", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 200 }), async (title) => {
        const d = invoice([entry("hinata", 0, title)]);
        const bytes = await documentPdf(writerStatement(d, d.writers[0]!, config));
        expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
      }),
      { numRuns: 25 },
    );
  });

  it("indexes each file by number, date, amount and counterparty", () => {
    const models = monthDocuments(doc, config).map((d) => d.model);
    const csv = recordsIndexCsv(models).split("\r\n");
    expect(csv[0]).toBe("番号,取引年月日,金額,取引先,書類,ファイル");
    expect(csv).toContain(
      `BILL-202611-hinata,2026-12-01,${doc.writers.find((w) => w.writer === "hinata")!.subtotal + 3000},日向 さくら,請求書（下書き）,BILL-202611-hinata.pdf`,
    );
    expect(csv).toContain(
      `INV-202611-contractor,2026-12-01,${contractorInvoice(doc, config)!.amount.value},一般社団法人ひばり野ワークス,請求書,INV-202611-contractor.pdf`,
    );
    expect(csv.filter(Boolean)).toHaveLength(1 + models.length);
  });
});

describe("invoice --format pdf", () => {
  it("writes a PDF per document and the month's index, naming each file as the index does", async () => {
    const { copySampleContent } = await import("../support/sample-repo.ts");
    const { runCli } = await import("../support/cli.ts");
    const { gitAt } = await import("../support/repo.ts");
    const root = await copySampleContent();
    gitAt(root, "2026-11-01T10:00:00+09:00", "init", "-q", "-b", "main");
    gitAt(root, "2026-11-01T10:00:00+09:00", "add", "-A");
    gitAt(root, "2026-11-01T10:00:00+09:00", "commit", "-q", "-m", "start");
    const out = path.join(root, "pdf");
    const result = await runCli(["invoice", "--month", "2026-11", "--format", "pdf", "--out", out], root, {}, new Date("2026-12-02T00:00:00Z"));
    expect(result.code, result.stderr).toBe(0);
    const files = (await readdir(out)).sort();
    const index = (await readFile(path.join(out, "index-2026-11.csv"), "utf8")).split("\r\n").slice(1).filter(Boolean);
    expect(index.length).toBeGreaterThan(0);
    expect(files.filter((f) => f.endsWith(".pdf"))).toEqual(index.map((row) => row.split(",").at(-1)).sort());
  });
});
