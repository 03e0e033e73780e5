import type { Config } from "../article/config.ts";
import type { InvoiceDocument, PayeeType } from "./statement.ts";
import { withholdingDueDate } from "./calendar.ts";
import { writersPaidOn } from "./document-facts.ts";

/**
 * The year's figures for whoever pays the writers (the city, or the contractor when it is the
 * order desk), in exact integer yen, summed from the monthly statements (frozen ones for closed
 * months). Two tables, on two different bases, because the law counts them differently:
 *
 * - **Writers, for the 支払調書** (報酬、料金、契約金及び賞金の支払調書, 所得税法 第225条第1項
 *   第3号): amounts whose payment became fixed (支払の確定) in the year — the work accepted in the
 *   year's months, paid or not yet. December's work paid in January belongs to this year's
 *   調書 and is shown as unpaid (未払, 内書き). The 提出範囲 for manuscript fees is a payee paid
 *   over ¥50,000 in the year; it includes corporations and groups nothing was withheld from (the
 *   NTA's instructions: 法人に支払われる報酬、料金等で源泉徴収の対象とならないものも提出).
 * - **Withholding, for the 納付** (所得税法 第204条第1項): the tax is withheld when paid and due
 *   the 10th of the month after the payment, moved off holidays (calendar.ts). So this table holds
 *   the payments made in the year, whichever month's work they paid. Manuscript fees are outside
 *   the semiannual special rule (納期の特例, 第216条), so there is one 納付 per payment month.
 *
 * No My Number and no address is stored or needed here: the 調書 form adds them.
 */
export const STATEMENT_THRESHOLD = 50_000;

export interface YearWriter {
  writer: string;
  invoiceName: string;
  type: PayeeType;
  registrationNumber?: string;
  articles: number;
  subtotal: number;
  consumptionTax: number;
  /** 支払金額: fixed in the year, consumption tax included (the figure the threshold is read against). */
  paidTotal: number;
  withholdingTax: number;
  payment: number;
  /** Of the above, what is paid only after the year ends (未払, shown 内書き on the 調書). */
  unpaid: { paidTotal: number; withholdingTax: number };
  statementRequired: boolean;
}

export interface YearWithholding {
  /** The payment day (YYYY-MM-DD). */
  paidOn: string;
  /** The months of work it paid. */
  workMonths: string[];
  withholdingTax: number;
  /** 納期限. */
  dueDate: string;
}

export interface YearDocument {
  version: 2;
  year: string;
  writers: YearWriter[];
  withholding: YearWithholding[];
  totals: { subtotal: number; consumptionTax: number; paidTotal: number; withholdingTax: number; payment: number; withheldInYear: number };
}

/** When a statement's writers are paid: recorded on it, or (statements frozen before it was) from the config. */
export const paidOnOf = (doc: InvoiceDocument, config: Config) => doc.paidOn ?? writersPaidOn(doc.month, config);

/** The months of statements the year needs: its twelve, and the earlier ones that may be paid in it. */
export function yearMonths(year: string): string[] {
  const y = Number(year);
  return Array.from({ length: 16 }, (_, i) => {
    const d = new Date(Date.UTC(y - 1, 8 + i, 1)); // from September of the year before
    return d.toISOString().slice(0, 7);
  });
}

export function yearDocument(year: string, docs: readonly InvoiceDocument[], config: Config): YearDocument {
  const writers = yearWriters(
    year,
    docs.filter((d) => d.month.startsWith(`${year}-`)),
    config,
  );
  // A month with no statement is no payment.
  const withholding = yearWithholding(
    docs.filter((d) => d.writers.length > 0 && paidOnOf(d, config).startsWith(`${year}-`)),
    config,
  );
  const sum = (key: "subtotal" | "consumptionTax" | "paidTotal" | "withholdingTax" | "payment") => writers.reduce((n, w) => n + w[key], 0);
  return {
    version: 2,
    year,
    writers,
    withholding,
    totals: {
      subtotal: sum("subtotal"),
      consumptionTax: sum("consumptionTax"),
      paidTotal: sum("paidTotal"),
      withholdingTax: sum("withholdingTax"),
      payment: sum("payment"),
      withheldInYear: withholding.reduce((n, w) => n + w.withholdingTax, 0),
    },
  };
}

function yearWriters(year: string, docs: readonly InvoiceDocument[], config: Config): YearWriter[] {
  const byWriter = new Map<string, YearWriter>();
  for (const doc of docs) {
    const unpaidAtYearEnd = paidOnOf(doc, config) > `${year}-12-31`;
    for (const w of doc.writers) {
      const entry = byWriter.get(w.writer) ?? {
        writer: w.writer,
        invoiceName: w.invoiceName,
        type: w.type,
        articles: 0,
        subtotal: 0,
        consumptionTax: 0,
        paidTotal: 0,
        withholdingTax: 0,
        payment: 0,
        unpaid: { paidTotal: 0, withholdingTax: 0 },
        statementRequired: false,
      };
      Object.assign(entry, { invoiceName: w.invoiceName, type: w.type }, w.registrationNumber && { registrationNumber: w.registrationNumber });
      entry.articles += w.articles.length;
      entry.subtotal += w.subtotal;
      entry.consumptionTax += w.consumptionTax;
      entry.paidTotal += w.subtotal + w.consumptionTax;
      entry.withholdingTax += w.withholdingTax;
      entry.payment += w.payment;
      if (unpaidAtYearEnd) {
        entry.unpaid.paidTotal += w.subtotal + w.consumptionTax;
        entry.unpaid.withholdingTax += w.withholdingTax;
      }
      byWriter.set(w.writer, entry);
    }
  }
  return [...byWriter.values()].map((w) => ({ ...w, statementRequired: w.paidTotal > STATEMENT_THRESHOLD })).sort((a, b) => (a.writer < b.writer ? -1 : 1));
}

function yearWithholding(docs: readonly InvoiceDocument[], config: Config): YearWithholding[] {
  const byDay = new Map<string, YearWithholding>();
  for (const doc of docs) {
    const paidOn = paidOnOf(doc, config);
    const row = byDay.get(paidOn) ?? { paidOn, workMonths: [], withholdingTax: 0, dueDate: withholdingDueDate(paidOn) };
    row.workMonths.push(doc.month);
    row.withholdingTax += doc.totals.withholdingTax;
    byDay.set(paidOn, row);
  }
  return [...byDay.values()].sort((a, b) => a.paidOn.localeCompare(b.paidOn));
}
