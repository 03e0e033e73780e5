import type { Config } from "../article/config.ts";
import { lastDayOf, openDay, openDaysAfter, payerClosed } from "./calendar.ts";

/**
 * What every document carries besides the amounts, derived from the month and the config alone,
 * so re-running an invoice gives the same bytes:
 * - 発行日: the first day after the month (when the month's work is complete);
 * - the document number: the month and the payee's handle, the same on every run;
 * - 支払予定日: when the payee is paid (payment-dates below).
 */
export interface DocumentFacts {
  issuedOn: string;
  number: string;
  dueOn: string;
}

const addMonths = (month: string, n: number) => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
};

/** `next-month-20`, `month-after-next-end`: the calendar day for the work of `month`, before any holiday. */
function dueDay(month: string, due: string): string {
  const [, when, day] = /^(next-month|month-after-next)-(.+)$/.exec(due)!;
  const dueMonth = addMonths(month, when === "next-month" ? 1 : 2);
  return day === "end" ? lastDayOf(dueMonth) : `${dueMonth}-${day!.padStart(2, "0")}`;
}

/**
 * When the city pays for the work of `month` (its writers directly, or the contractor):
 * `payer.paymentDue`, moved off weekends, holidays, the city's year-end closure and bank
 * holidays to the business day before (`payer.ifClosed: earlier`, the default) or after.
 */
export function payerPaysOn(month: string, config: Config): string {
  return openDay(dueDay(month, config.payer.paymentDue), payerClosed(config.payer.yearEndClosure), config.payer.ifClosed);
}

/**
 * When the writers are paid: the city's date, or with a contractor, the contractor's own date
 * (`contractor.paymentDue`: N business days after the city pays it, or a fixed day) — never on
 * or before the day the city pays the contractor, whatever holidays do to either date.
 */
export function writersPaidOn(month: string, config: Config): string {
  const city = payerPaysOn(month, config);
  const contractor = config.contractor;
  if (!contractor) return city;
  const closed = payerClosed(BANK_ONLY);
  const after = /^after-payer-(\d+)$/.exec(contractor.paymentDue);
  if (after) return openDaysAfter(city, Number(after[1]), closed);
  const own = openDay(dueDay(month, contractor.paymentDue), closed, config.payer.ifClosed);
  const earliest = openDaysAfter(city, 1, closed);
  return [own, earliest].sort()[1]!; // the later of the two dates
}

/** A contractor (an NPO, a company) keeps no city year-end closure of its own: only the banks'. */
const BANK_ONLY = { from: "12-31", to: "01-03" };

export function documentFacts(month: string, payee: string, config: Config, kind: "statement" | "invoice" | "bill"): DocumentFacts {
  return {
    issuedOn: `${addMonths(month, 1)}-01`,
    number: `${{ statement: "PAY", invoice: "INV", bill: "BILL" }[kind]}-${month.replace("-", "")}-${payee}`,
    dueOn: kind === "invoice" ? payerPaysOn(month, config) : writersPaidOn(month, config),
  };
}

export const dateJa = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/**
 * How a document addresses its payee: people 様 (and 貴殿 in the text); every organisation 御中,
 * and in the text 貴社 for a company, 貴法人 for another corporation (NPO法人, 一般社団法人…),
 * 貴団体 for a group that is not a corporation — or what the config says (`honorific: 貴協会`).
 */
export function honorific(payee: { type: string; invoiceName: string; honorific?: string }): { to: string; you: string } {
  if (payee.type === "individual" || payee.type === "unknown") return { to: "様", you: "貴殿" };
  if (payee.honorific) return { to: "御中", you: payee.honorific };
  if (payee.type === "group") return { to: "御中", you: "貴団体" };
  return { to: "御中", you: /株式会社|有限会社|合同会社|合名会社|合資会社/.test(payee.invoiceName) ? "貴社" : "貴法人" };
}
