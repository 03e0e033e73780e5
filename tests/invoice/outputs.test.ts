import { describe, it, expect } from "vitest";
import fc from "fast-check";
import iconv from "iconv-lite";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { buildInvoice, type InvoiceDocument } from "../../pipeline/invoice/statement.ts";
import { summaryCsv, detailCsv, encodeCsv, textCell, EncodingError } from "../../pipeline/invoice/csv.ts";
import { writerStatementHtml, writerInvoiceDraftHtml, contractorInvoiceHtml } from "../../pipeline/invoice/html.ts";
import { invoiceMarkdown, paymentsChart } from "../../pipeline/invoice/markdown.ts";
import { parseConfig, type Config } from "../../pipeline/article/config.ts";
import type { BillingEntry } from "../../pipeline/invoice/ledger.ts";
import { REPO_ROOT, SAMPLE_ROOT } from "../support/repo.ts";

const parsed = parseConfig(
  `${await readFile(path.join(SAMPLE_ROOT, "kawaraban.config.yml"), "utf8")}\ncontractor:\n  name: 一般社団法人ひばり野ワークス\n  registrationNumber: T4500000000012\n`,
);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
const config: Config = parsed.config;

const entry = (writer: string, fee: number, title = "記事", n = 1): BillingEntry => ({
  id: `articles/${writer}-${n}.md`,
  path: `articles/${writer}-${n}.md`,
  writer,
  title,
  month: "2026-11",
  mergedAt: `2026-11-${String(n).padStart(2, "0")}`,
  commit: "c",
  fee,
  breakdown: [{ label: "基本", amount: fee }],
  publishedOn: "2026-11-01",
  contentKey: `${writer}-${n}`,
});
const invoice = (entries: BillingEntry[]) => buildInvoice("2026-11", { entries, refused: [], violations: [] }, [], new Set(), config, () => undefined);

describe("statements", () => {
  it("a corporation has no withholding; a writer without registration is charged no consumption tax", () => {
    const doc = invoice([entry("hibari-npo", 20000), entry("komorebi", 15000)]);
    expect(doc.writers.map((w) => [w.writer, w.consumptionTax, w.withholdingTax, w.payment])).toEqual([
      ["hibari-npo", 2000, 0, 22000],
      ["komorebi", 0, 1531, 13469],
    ]);
  });

  it("applies the million-yen threshold per payment (one monthly statement)", () => {
    const doc = invoice(Array.from({ length: 100 }, (_, i) => entry("hinata", 15000, "記事", i + 1)));
    expect(doc.writers[0]!.subtotal).toBe(1_500_000);
    expect(doc.writers[0]!.withholdingTax).toBe(204_200);
  });

  it("keeps its sums: payment = subtotal + tax − withholding, and totals = the sum of writers", () => {
    const writers = ["hinata", "komorebi", "hibari-npo"];
    fc.assert(
      fc.property(fc.array(fc.record({ w: fc.constantFrom(...writers), fee: fc.integer({ min: 0, max: 2_000_000 }) }), { maxLength: 40 }), (items) => {
        const doc = invoice(items.map((it, i) => entry(it.w, it.fee, "記事", (i % 28) + 1)));
        for (const w of doc.writers) if (w.payment !== w.subtotal + w.consumptionTax - w.withholdingTax || w.withholdingTax < 0) return false;
        const sum = (k: "subtotal" | "consumptionTax" | "withholdingTax" | "payment") => doc.writers.reduce((n, w) => n + w[k], 0);
        return doc.totals.subtotal === sum("subtotal") && doc.totals.payment === sum("payment") && doc.totals.withholdingTax === sum("withholdingTax");
      }),
    );
  });

  it("renders byte-identical outputs when run again", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100000 }), { maxLength: 10 }), (fees) => {
        const a = invoice(fees.map((f, i) => entry("hinata", f, "記事", i + 1)));
        const b = invoice(fees.map((f, i) => entry("hinata", f, "記事", i + 1)));
        return (
          JSON.stringify(a) === JSON.stringify(b) &&
          summaryCsv(a) === summaryCsv(b) &&
          invoiceMarkdown(a) === invoiceMarkdown(b) &&
          a.writers.every((w, i) => writerStatementHtml(a, w, config) === writerStatementHtml(b, b.writers[i]!, config))
        );
      }),
      { numRuns: 30 },
    );
  });
});

describe("CSV for Excel", () => {
  const doc: InvoiceDocument = invoice([entry("hinata", 15000, '=HYPERLINK("http://evil")'), entry("komorebi", 15000, "「まち」の記事, その2")]);

  it("is UTF-8 with a BOM and CRLF, quoted per RFC 4180, with Japanese headers", () => {
    const bytes = encodeCsv(detailCsv(doc), "utf8");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    expect(text.split("\r\n")[0]).toBe("対象月,ライター,支払先名義,種類,記事・内容,ファイル,受付日,公開日,金額,内訳,備考");
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text).toContain('"「まち」の記事, その2"');
  });

  it("defuses formula injection in text cells, leaving numbers alone", () => {
    expect(detailCsv(doc)).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(["=1", "+1", "-1", "@SUM(A1)", "\tx"].map(textCell)).toEqual(["'=1", "'+1", "'-1", "'@SUM(A1)", "'\tx"]);
    expect(summaryCsv(invoice([entry("hinata", 15000)]))).toContain(",15000,1500,1531,14969\r\n");
  });

  it("writes Shift_JIS (CP932) for older systems, and refuses characters it cannot hold", () => {
    const sjis = encodeCsv(summaryCsv(doc), "cp932");
    expect(iconv.decode(sjis, "cp932")).toBe(summaryCsv(doc));
    const bad = invoice([entry("hinata", 15000, "𠮷野家さんの取材")]);
    expect(() => encodeCsv(detailCsv(bad), "cp932")).toThrow(EncodingError);
    expect(() => encodeCsv(detailCsv(bad), "cp932")).toThrow(/「𠮷」（2 行目）は Shift_JIS/);
  });
});

describe("printable statements", () => {
  const doc = invoice([entry("hinata", 15000, "<script>alert(1)</script>"), entry("komorebi", 15000), entry("hibari-npo", 20000)]);
  // The city pays its writers directly: no contractor in the config.
  const direct = { ...config, contractor: undefined, payer: { ...config.payer, contact: "広報広聴課 0123-45-6789", address: "ひばり野市中央1-1" } } as Config;
  const purchase = { ...direct, documents: { ...direct.documents, writerStatement: "purchase-statement" } } as Config;

  it("renders each document type as its golden file (one per flow, reviewable in the repository)", async () => {
    const { writeFile, readFile: read } = await import("node:fs/promises");
    const golden = async (name: string, actual: string) => {
      const file = path.join(REPO_ROOT, "tests/fixtures/invoice", name);
      if (process.env.UPDATE_GOLDEN === "1") await writeFile(file, actual);
      expect(actual, name).toBe(await read(file, "utf8"));
    };
    const hinata = doc.writers.find((w) => w.writer === "hinata")!;
    const npo = doc.writers.find((w) => w.writer === "hibari-npo")!;
    await golden("notice-individual.html", writerStatementHtml(doc, hinata, direct));
    await golden("purchase-statement-corporation.html", writerStatementHtml(doc, npo, purchase));
    await golden("invoice-draft-individual.html", writerInvoiceDraftHtml(doc, hinata, direct));
    await golden("contractor-notice.html", writerStatementHtml(doc, hinata, config));
    await golden("contractor-invoice.html", contractorInvoiceHtml(doc, config)!);
  });

  it("gives a 支払通知書 by default, with issue date, number, due date, the payer's address and contact", () => {
    const html = writerStatementHtml(doc, doc.writers.find((w) => w.writer === "hinata")!, direct);
    for (const needed of [
      "<h1>支払通知書</h1>",
      "日向 さくら 様",
      "登録番号 T7012345678904",
      "ひばり野市中央1-1",
      "発行日 2026年12月1日",
      "番号 PAY-202611-hinata",
      "支払予定日: 2026年12月28日", // the 31st is in the year-end closure: the business day before
      "連絡先: 広報広聴課 0123-45-6789",
      "貴殿への原稿料",
    ]) {
      expect(html, needed).toContain(needed);
    }
    expect(html).not.toContain("仕入明細書");
  });

  it("carries what a qualified invoice needs as a 仕入明細書 for a registered writer, when the payer asks for that form", () => {
    const html = writerStatementHtml(doc, doc.writers.find((w) => w.writer === "hinata")!, purchase);
    for (const needed of [
      "<h1>仕入明細書</h1>",
      "日向 さくら 様",
      "登録番号 T7012345678904",
      "ひばり野市 市民協働部 広報広聴課",
      "2026年11月分",
      "10％対象 合計（税抜）",
      "15,000円",
      "消費税（10％）",
      "1,500円",
      "源泉徴収税額",
      "−1,531円",
      "14,969円",
      "@page { size: A4",
      "発行日 2026年12月1日",
      "番号 PAY-202611-hinata",
      "支払予定日: 2026年12月28日",
      "連絡先: 広報広聴課 0123-45-6789",
      "貴殿",
    ]) {
      expect(html, needed).toContain(needed);
    }
    expect(html).not.toContain("<script>alert");
  });

  it("shows each article's publication date beside the date it reached main, and how its fee was built", () => {
    const built = {
      ...entry("hinata", 17022),
      breakdown: [
        { label: "基本", amount: 15000 },
        { label: "文字数 9 字 × 2.5 円", amount: 22 },
        { label: "写真 2 枚 × 1,000 円", amount: 2000 },
      ],
    };
    const d = buildInvoice("2026-11", { entries: [built], refused: [], violations: [] }, [], new Set(), config, () => undefined);
    const html = writerStatementHtml(d, d.writers[0]!, direct);
    expect(html).toContain("公開日 2026-11-01");
    expect(html).toContain("内訳: 基本 15,000円 ＋ 文字数 9 字 × 2.5 円 22円 ＋ 写真 2 枚 × 1,000 円 2,000円");
    expect(html).toContain("<th>受付日</th>");
  });

  it("drafts a 請求書 a writer issues under their own name: to the payer 御中, with blanks for address and bank account", () => {
    const hinata = doc.writers.find((w) => w.writer === "hinata")!;
    const html = writerInvoiceDraftHtml(doc, hinata, direct);
    for (const needed of [
      "<h1>請求書</h1>",
      "ひばり野市 市民協働部 広報広聴課 御中",
      "日向 さくら",
      "登録番号 T7012345678904",
      "番号 BILL-202611-hinata",
      "ご請求額（税込）",
      "16,500円",
      "消費税（10％）",
      "差引お振込額",
      "14,969円",
      "お振込先: ＿",
      "住所 ＿",
    ]) {
      expect(html, needed).toContain(needed);
    }
    // With a contractor, the writer bills the contractor, not the city.
    const viaContractor = writerInvoiceDraftHtml(doc, hinata, config);
    expect(viaContractor).toContain("一般社団法人ひばり野ワークス 御中");
    expect(viaContractor).not.toContain("ひばり野市 市民協働部");
  });

  it("addresses every organisation 御中, and in the text as its kind: 貴社, 貴法人, 貴団体, or the config's own word", () => {
    const npo = doc.writers.find((w) => w.writer === "hibari-npo")!;
    const html = writerStatementHtml(doc, npo, purchase);
    expect(html).toContain("特定非営利活動法人ひばり野まちづくりネット 御中");
    expect(html).toContain("貴法人");
    expect(html).not.toContain("貴社");
    expect(html).not.toContain(" 様");
    const company = writerStatementHtml(doc, { ...npo, invoiceName: "株式会社ひばり野企画" }, purchase);
    expect(company).toContain("貴社への原稿料");
    const group = writerStatementHtml(doc, { ...npo, type: "group", invoiceName: "ひばり野子育てサークル" }, purchase);
    expect(group).toContain("ひばり野子育てサークル 御中");
    expect(group).toContain("貴団体への原稿料");
    const own = { ...purchase, writers: { ...purchase.writers, "hibari-npo": { ...purchase.writers["hibari-npo"]!, honorific: "貴協会" } } } as Config;
    expect(writerStatementHtml(doc, npo, own)).toContain("貴協会への原稿料");
  });

  it("words tax by the payee's status and prints the configured rates, never 「税込」 where no tax is charged", () => {
    const komorebi = doc.writers.find((w) => w.writer === "komorebi")!; // charges no consumption tax
    const draft = writerInvoiceDraftHtml(doc, komorebi, direct);
    expect(draft).not.toContain("税込");
    expect(draft).toContain("小計（消費税なし）");
    // Charges consumption tax without a registration: 「消費税相当額」, no qualified-invoice wording.
    const unregistered = { ...doc.writers.find((w) => w.writer === "hinata")! };
    delete unregistered.registrationNumber;
    const plain = writerInvoiceDraftHtml(doc, unregistered, direct);
    expect(plain).toContain("消費税相当額（10％）");
    expect(plain).not.toContain("税込");
    expect(plain).not.toContain("対象 合計");
    // Rates as configured: a document for a month at 8 % says 8 %, and the withholding note its own rates.
    const eight = { ...direct, tax: { ...direct.tax, consumption: [{ from: "2019-10-01", rate: "8%" }] } } as Config;
    const d8 = buildInvoice("2026-11", { entries: [entry("hinata", 15000)], refused: [], violations: [] }, [], new Set(), eight, () => undefined);
    const html = writerStatementHtml(d8, d8.writers[0]!, eight);
    expect(html).toContain("8％対象 合計（税抜）");
    expect(html).toContain("消費税（8％）");
    expect(html).not.toContain("10％");
    expect(html).toContain("10.21％（100 万円を超える部分は 20.42％）");
  });

  it("dates each adjustment row, or shows the month as its period", () => {
    const adjustments = [
      { writer: "hinata", month: "2026-11", amount: 3000, reason: "写真の追加", approver: "hibarino-koho", date: "2026-11-20" },
      { writer: "hinata", month: "2026-11", amount: -1000, reason: "差し替え", approver: "hibarino-koho" },
    ];
    const d = buildInvoice("2026-11", { entries: [entry("hinata", 15000)], refused: [], violations: [] }, adjustments, new Set(), config, () => undefined);
    const html = writerStatementHtml(d, d.writers[0]!, direct);
    expect(html).toContain("<tr><td>2026-11-20</td><td>調整: 写真の追加");
    expect(html).toContain("<tr><td>2026年11月分</td><td>調整: 差し替え");
    expect(detailCsv(d)).toContain("調整,写真の追加,,2026-11-20,");
  });

  it("never says git's 'main' to a payee: documents and CSVs speak of 受付日", () => {
    const visible = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, "").replace(/<[^>]+>/g, "");
    for (const w of doc.writers) {
      expect(visible(writerStatementHtml(doc, w, direct))).not.toMatch(/\bmain\b/);
      expect(visible(writerInvoiceDraftHtml(doc, w, direct))).not.toMatch(/\bmain\b/);
    }
    expect(visible(contractorInvoiceHtml(doc, config)!)).not.toMatch(/\bmain\b/);
    expect(detailCsv(doc) + summaryCsv(doc)).not.toMatch(/\bmain\b/);
  });

  it("with a contractor as the order desk, names the contractor as the writers' payer, never the city", () => {
    for (const w of doc.writers) {
      const html = writerStatementHtml(doc, w, config);
      expect(html).toContain("<h1>支払通知書</h1>");
      expect(html).toContain("一般社団法人ひばり野ワークス");
      expect(html).not.toContain("ひばり野市 市民協働部");
    }
    const invoiceHtml = contractorInvoiceHtml(doc, config)!;
    expect(invoiceHtml).toContain(`${(50_000).toLocaleString("ja-JP")}円`); // the sum of its writers' fees
    expect(doc.contractor).toEqual({
      name: "一般社団法人ひばり野ワークス",
      subtotal: doc.writers.reduce((n, w) => n + w.subtotal, 0),
      consumptionTax: 5000,
      total: 55000,
      paidOn: "2026-12-28",
    });
    // The contractor pays its writers after the city pays it (five business days by default), never on the same day.
    expect(doc.paidOn).toBe("2027-01-06"); // 29, 30 December, then the banks reopen on 4 January
  });

  it("gives a writer without registration no T-number and no qualified-invoice wording", () => {
    const html = writerStatementHtml(doc, doc.writers.find((w) => w.writer === "komorebi")!, purchase);
    expect(html).toContain("<h1>支払通知書</h1>");
    expect(html).not.toMatch(/T\d{13}/);
    expect(html).not.toContain("仕入明細書");
  });

  it("makes the community's invoice to the city when the config names a contractor", () => {
    const html = contractorInvoiceHtml(doc, config)!;
    expect(html).toContain("一般社団法人ひばり野ワークス");
    expect(html).toContain("登録番号 T4500000000012");
    expect(html).toContain("55,000円"); // 50,000 + 10 %
    expect(html).toContain("番号 INV-202611-contractor");
  });

  it("summarises in Markdown with a Mermaid chart of the last months", () => {
    expect(invoiceMarkdown(doc)).toContain("| 日向 さくら（hinata） | 個人・登録あり | 1 | ¥15,000 | ¥1,500 | ¥1,531 | ¥14,969 |");
    const chart = paymentsChart([doc, { ...doc, month: "2026-12", writers: [] }]);
    expect(chart).toContain("xychart-beta");
    expect(chart).toContain('x-axis ["2026-11", "2026-12"]');
    expect(chart).toContain("bar [14969, 0]");
  });
});

describe("fees", () => {
  it("adds the per-character rate (fractions dropped) and the per-photo fee, never anything from front matter", async () => {
    const { feeFor } = await import("../../pipeline/invoice/fees.ts");
    const { admitSource } = await import("../support/admit.ts");
    // Three references, two photos: the same file under another URL (a query string) is one photo.
    const text = (extra: string) =>
      `---\ntitle: t\nwriter: hinata\ndate: 2026-11-01\nsummary: s\n${extra}---\n\n朝市に行きました。\n\n![野菜の並ぶテント](../../../assets/a.jpg)\n\n![買い物客](../../../assets/b.jpg)\n\n![買い物客](../../../assets/b.jpg?2)\n`;
    const photos = { "assets/a.jpg": "x", "assets/b.jpg": "y" };
    const plain = (await admitSource("articles/2026/11/a.md", text(""), config, photos)).article!;
    const hito = (await admitSource("articles/2026/11/a.md", text("category: hito\n"), config, photos)).article!;
    // A fee in the front matter is an error at the gate: such an article is never billed at all.
    expect((await admitSource("articles/2026/11/a.md", text("fee: 999999\n"), config)).article).toBeUndefined();
    const withRates = { ...config, rates: { ...config.rates, perCharacter: "2.5", perPhoto: 1000 } } as Config;
    expect(feeFor(withRates, plain)).toBe(15000 + 22 + 2000); // 9 × 2.5 = 22.5 → 22
    expect(feeFor(withRates, hito)).toBe(20000 + 22 + 2000);
    expect(feeFor(config, plain)).toBe(15000);
  });
});
