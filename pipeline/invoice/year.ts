import type { InvoiceDocument } from "./statement.ts";
import { rowsCsv } from "./csv.ts";

/**
 * The year's figures city staff need at year end, summed from the twelve monthly statements
 * (frozen ones for closed months), in exact integer yen:
 * - per writer, what was paid and withheld, for the 報酬、料金、契約金及び賞金の支払調書. For
 *   manuscript fees (所得税法 第204条第1項第1号) the statement is filed for a payee whose payments
 *   in the year exceed ¥50,000; only individuals are withheld from, so only they are flagged.
 * - per month, the withholding to pay to the tax office and its due date: the 10th of the next
 *   month. Manuscript fees are outside the semiannual special rule (納期の特例, 第216条 covers
 *   salaries and some professionals' fees only), so there is no half-year schedule for them. A due
 *   date on a holiday moves to the next business day; that is left to the office's calendar.
 * No My Number and no address is stored or needed here: the statement form adds them.
 */
export const STATEMENT_THRESHOLD = 50_000;

export interface YearWriter {
  writer: string;
  invoiceName: string;
  type: "individual" | "corporation" | "unknown";
  articles: number;
  subtotal: number;
  consumptionTax: number;
  withholdingTax: number;
  payment: number;
  /** Paid amount in the year (tax included), the figure the 支払調書 threshold is read against. */
  paidTotal: number;
  statementRequired: boolean;
}

export interface YearDocument {
  version: 1;
  year: string;
  writers: YearWriter[];
  months: { month: string; withholdingTax: number; dueDate: string }[];
  /** What is paid to the tax office, per due date (one per month). */
  withholdingPayments: { period: string; withholdingTax: number; dueDate: string }[];
  totals: { subtotal: number; consumptionTax: number; withholdingTax: number; payment: number };
}

const nextMonth10 = (month: string) => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-10` : `${y}-${String(m + 1).padStart(2, "0")}-10`;
};

export function yearDocument(year: string, months: readonly InvoiceDocument[]): YearDocument {
  const byWriter = new Map<string, YearWriter>();
  for (const doc of months) {
    for (const w of doc.writers) {
      const entry = byWriter.get(w.writer) ?? {
        writer: w.writer,
        invoiceName: w.invoiceName,
        type: w.type,
        articles: 0,
        subtotal: 0,
        consumptionTax: 0,
        withholdingTax: 0,
        payment: 0,
        paidTotal: 0,
        statementRequired: false,
      };
      entry.invoiceName = w.invoiceName;
      entry.articles += w.articles.length;
      entry.subtotal += w.subtotal;
      entry.consumptionTax += w.consumptionTax;
      entry.withholdingTax += w.withholdingTax;
      entry.payment += w.payment;
      byWriter.set(w.writer, entry);
    }
  }
  const writers = [...byWriter.values()]
    .map((w) => {
      const paidTotal = w.subtotal + w.consumptionTax;
      return { ...w, paidTotal, statementRequired: w.type === "individual" && paidTotal > STATEMENT_THRESHOLD };
    })
    .sort((a, b) => (a.writer < b.writer ? -1 : 1));
  const monthRows = months.map((d) => ({ month: d.month, withholdingTax: d.totals.withholdingTax, dueDate: nextMonth10(d.month) }));
  const withholdingPayments = monthRows.map((m) => ({ period: m.month, withholdingTax: m.withholdingTax, dueDate: m.dueDate }));
  const sum = (key: "subtotal" | "consumptionTax" | "withholdingTax" | "payment") => writers.reduce((n, w) => n + w[key], 0);
  return {
    version: 1,
    year,
    writers,
    months: monthRows,
    withholdingPayments,
    totals: { subtotal: sum("subtotal"), consumptionTax: sum("consumptionTax"), withholdingTax: sum("withholdingTax"), payment: sum("payment") },
  };
}

const typeName = { individual: "個人", corporation: "法人", unknown: "不明" } as const;

export function yearCsv(doc: YearDocument): string {
  const header = ["年", "ライター", "支払先名義", "区分", "記事数", "小計（税抜）", "消費税", "支払金額（税込）", "源泉徴収税額", "差引支払額", "支払調書"];
  const body = doc.writers.map((w) => [
    doc.year,
    w.writer,
    w.invoiceName,
    typeName[w.type],
    w.articles,
    w.subtotal,
    w.consumptionTax,
    w.paidTotal,
    w.withholdingTax,
    w.payment,
    w.statementRequired ? "提出が必要" : "",
  ]);
  const payments = doc.withholdingPayments.map((p) => [
    doc.year,
    "源泉所得税の納付",
    p.period,
    "",
    "",
    "",
    "",
    "",
    p.withholdingTax,
    "",
    `納期限 ${p.dueDate}`,
  ]);
  return rowsCsv([header, ...body, ...payments]);
}
