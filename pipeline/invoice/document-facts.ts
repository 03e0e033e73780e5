import type { Config } from "../article/config.ts";
import { lastDayOf } from "./statement.ts";

/**
 * What every document carries besides the amounts, derived from the month and the config alone,
 * so re-running an invoice gives the same bytes:
 * - 発行日: the first day after the month (when the month's work is complete);
 * - the document number: the month and the payee's handle, the same on every run;
 * - 支払予定日: from `payer.paymentDue` (the end of next month by default).
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

export function documentFacts(month: string, payee: string, config: Config, kind: "statement" | "invoice" | "bill"): DocumentFacts {
  const [, when, day] = /^(next-month|month-after-next)-(.+)$/.exec(config.payer.paymentDue)!;
  const dueMonth = addMonths(month, when === "next-month" ? 1 : 2);
  const dueOn = day === "end" ? lastDayOf(dueMonth) : `${dueMonth}-${day!.padStart(2, "0")}`;
  return {
    issuedOn: `${addMonths(month, 1)}-01`,
    number: `${{ statement: "PAY", invoice: "INV", bill: "BILL" }[kind]}-${month.replace("-", "")}-${payee}`,
    dueOn,
  };
}

export const dateJa = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** Organisations are addressed 御中 and 貴社, people 様 and 貴殿. */
export const honorific = (type: string) => (type === "corporation" ? { to: "御中", you: "貴社" } : { to: "様", you: "貴殿" });
