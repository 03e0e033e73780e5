import type { Config, Writer } from "../article/config.ts";
import type { Ledger } from "./ledger.ts";
import { firstOpenMonth, type Adjustment } from "./books.ts";
import { consumptionTax, rateTextsOn, taxRatesOn, withholdingTax } from "./tax.ts";
import { lastDayOf, withholdingDueDate } from "./calendar.ts";
import { payerPaysOn, writersPaidOn } from "./document-facts.ts";

/** 個人, 法人, or 任意団体 (an unincorporated group, withheld from like a person: 所得税基本通達 204-1); unknown when not in the config. */
export type PayeeType = "individual" | "corporation" | "group" | "unknown";

export interface InvoiceArticle {
  path: string;
  title: string;
  /** When it reached main (the billing date). */
  mergedAt: string;
  /** Its publication date on the site. */
  publishedOn?: string;
  fee: number;
  /** How the fee was built, when more than the base rate. */
  breakdown?: { label: string; amount: number }[];
  /** The brief it was written for. */
  brief?: string;
  note?: string;
}

export interface InvoiceAdjustment {
  amount: number;
  reason: string;
  approver: string;
  /** The transaction day, when city staff wrote one (otherwise the month is the period). */
  date?: string;
  note?: string;
}

export interface WriterStatement {
  writer: string;
  invoiceName: string;
  type: PayeeType;
  registrationNumber?: string;
  chargesConsumptionTax: boolean;
  articles: InvoiceArticle[];
  adjustments: InvoiceAdjustment[];
  subtotal: number;
  consumptionTax: number;
  withholdingTax: number;
  payment: number;
}

export interface Totals {
  subtotal: number;
  consumptionTax: number;
  withholdingTax: number;
  payment: number;
}

/** `kawaraban invoice --format json` (DESIGN.md contract, version 1; extra fields are additions). */
export interface InvoiceDocument {
  version: 1;
  month: string;
  closed: boolean;
  payer: string;
  writers: WriterStatement[];
  totals: Totals;
  /** Files on the branch that were not billed this month, with the reason (for city staff to follow up). */
  excluded?: { path: string; reason: string }[];
  /**
   * With a contractor as the order desk: its 請求書 to the payer for the month, the sum of its
   * writers' fees with consumption tax on the whole (the contractor, not the city, pays the writers).
   */
  contractor?: { name: string; subtotal: number; consumptionTax: number; total: number; paidOn?: string };
  /** The rates in force for the month, as configured ("10%"), printed on the documents. */
  rates?: { consumption: string; withholding: string; withholdingOver: string };
  /** When the writers are paid (YYYY-MM-DD, a business day): by the payer, or the contractor when there is one. */
  paidOn?: string;
  /** 源泉所得税の納期限 for this payment: the 10th of the month after `paidOn`, moved off closed days. */
  withholdingDueOn?: string;
  /** Commits on main this month that broke the merge policy (their articles are held, listed in `excluded`). */
  policyViolations?: { commit: string; recordedAt: string; reason: string; paths: string[]; held: boolean }[];
}

/**
 * One month's statements, a pure function of the ledger, the books and the config. Anything
 * that belongs to a closed month but is not in its frozen statement (a late adjustment) is
 * booked in the first open month after it, with a note.
 */
export function buildInvoice(
  month: string,
  ledger: Ledger,
  adjustments: readonly Adjustment[],
  closed: ReadonlySet<string>,
  config: Config,
  frozen: (m: string) => InvoiceDocument | undefined,
): InvoiceDocument {
  const bookedIn = (m: string) => firstOpenMonth(m, closed);
  const late = (m: string) => (m !== month ? `${Number(m.slice(5))} 月分（締め済み）から繰り越し` : undefined);
  const frozenPaths = new Map<string, Set<string>>();
  const frozenIn = (m: string) => {
    if (!frozenPaths.has(m)) frozenPaths.set(m, new Set(frozen(m)?.writers.flatMap((w) => w.articles.map((a) => a.path)) ?? []));
    return frozenPaths.get(m)!;
  };

  const byWriter = new Map<string, { articles: InvoiceArticle[]; adjustments: InvoiceAdjustment[] }>();
  const slot = (writer: string) => {
    if (!byWriter.has(writer)) byWriter.set(writer, { articles: [], adjustments: [] });
    return byWriter.get(writer)!;
  };
  for (const e of ledger.entries) {
    if (closed.has(e.month) && frozenIn(e.month).has(e.path)) continue; // already paid in its month
    if (bookedIn(e.month) !== month) continue;
    slot(e.writer).articles.push({
      path: e.path,
      title: e.title,
      mergedAt: e.mergedAt,
      ...(e.publishedOn && { publishedOn: e.publishedOn }),
      fee: e.fee,
      ...(e.breakdown && (e.breakdown.length > 1 || e.brief) && { breakdown: e.breakdown }),
      ...(e.brief && { brief: e.brief }),
      ...((late(e.month) || e.note) && { note: [late(e.month), e.note].filter(Boolean).join("。") }),
    });
  }
  for (const a of adjustments) {
    if (bookedIn(a.month) !== month) continue;
    slot(a.writer).adjustments.push({
      amount: a.amount,
      reason: a.reason,
      approver: a.approver,
      ...(a.date && { date: a.date }),
      ...(late(a.month) && { note: late(a.month) }),
    });
  }

  const rates = taxRatesOn(lastDayOf(month), config);
  const writers = [...byWriter.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([handle, items]): WriterStatement => {
      const profile: Writer | undefined = Object.hasOwn(config.writers, handle) ? config.writers[handle] : undefined;
      const subtotal = items.articles.reduce((n, a) => n + a.fee, 0) + items.adjustments.reduce((n, a) => n + a.amount, 0);
      const charges = profile?.chargesConsumptionTax ?? false;
      const tax = charges ? consumptionTax(subtotal, rates) : 0;
      // 源泉徴収 on manuscript fees is for payees other than corporations (所得税法 第204条第1項第1号).
      const withholding = profile?.type === "corporation" ? 0 : withholdingTax(subtotal, rates);
      items.articles.sort((a, b) => a.mergedAt.localeCompare(b.mergedAt) || a.path.localeCompare(b.path));
      return {
        writer: handle,
        invoiceName: profile?.invoiceName ?? handle,
        type: profile?.type ?? "unknown",
        ...(profile?.registrationNumber && { registrationNumber: profile.registrationNumber }),
        chargesConsumptionTax: charges,
        articles: items.articles,
        adjustments: items.adjustments,
        subtotal,
        consumptionTax: tax,
        withholdingTax: withholding,
        payment: subtotal + tax - withholding,
      };
    });
  const sum = (key: keyof Totals) => writers.reduce((n, w) => n + w[key], 0);
  const excluded = ledger.refused.filter((r) => r.month === month).map(({ path, reason }) => ({ path, reason }));
  const policyViolations = ledger.violations
    .filter((v) => v.month === month)
    .map(({ commit, recordedAt, reason, paths, held }) => ({ commit, recordedAt, reason, paths, held }));
  return {
    version: 1,
    month,
    closed: false,
    payer: config.payer.name,
    writers,
    totals: { subtotal: sum("subtotal"), consumptionTax: sum("consumptionTax"), withholdingTax: sum("withholdingTax"), payment: sum("payment") },
    rates: rateTextsOn(lastDayOf(month), config),
    paidOn: writersPaidOn(month, config),
    withholdingDueOn: withholdingDueDate(writersPaidOn(month, config)),
    ...(config.contractor && { contractor: { ...contractorTotals(config.contractor.name, sum("subtotal"), rates), paidOn: payerPaysOn(month, config) } }),
    ...(excluded.length > 0 && { excluded }),
    ...(policyViolations.length > 0 && { policyViolations }),
  };
}

function contractorTotals(name: string, subtotal: number, rates: ReturnType<typeof taxRatesOn>) {
  const tax = consumptionTax(subtotal, rates);
  return { name, subtotal, consumptionTax: tax, total: subtotal + tax };
}
