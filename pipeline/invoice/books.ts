import { readFile } from "node:fs/promises";
import path from "node:path";
import * as z from "zod";
import { parseSafeYaml } from "../article/safe-yaml.ts";

/**
 * City staff's books in the repository (reviewable, and owned by city staff in CODEOWNERS):
 * - invoices/adjustments.yml — signed corrections and extras, each with a reason and an approver;
 * - invoices/closed.yml — closed months; a closed month's statement is frozen in
 *   invoices/<YYYY-MM>.json and never recomputed.
 */
export const INVOICES_DIR = "invoices";
export const ADJUSTMENTS_FILE = `${INVOICES_DIR}/adjustments.yml`;
export const CLOSED_FILE = `${INVOICES_DIR}/closed.yml`;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "月は 2026-11 のように書いてください" });

export const adjustmentSchema = z
  .strictObject({
    // A handle as in the config (it names the statement's file): never a path or a prototype key.
    writer: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: "writer はハンドル名（半角英小文字・数字・ハイフン）で書いてください" }),
    month,
    amount: z
      .string()
      .regex(/^-?(0|[1-9][0-9]{0,11})$/, { error: "amount は符号付きの半角数字（円）で書いてください（例: -5000）" })
      .transform(Number),
    reason: z.string().min(1, { error: "reason（理由）を書いてください" }),
    approver: z.string().min(1, { error: "approver（承認した人）を書いてください" }),
    /** The day of the transaction (取引年月日 on a 仕入明細書); without it, documents show the month as the period. */
    date: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, { error: "date は 2026-11-20 のように「年-月-日」で書いてください" })
      .optional(),
  })
  .refine((a) => !a.date || a.date.startsWith(`${a.month}-`), { error: "date は month と同じ月の日付にしてください", path: ["date"] });
export type Adjustment = z.output<typeof adjustmentSchema>;

export interface Books {
  adjustments: Adjustment[];
  closed: Set<string>;
}

export class BooksError extends Error {}

async function readYaml(root: string, file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path.join(root, file), "utf8");
  } catch {
    return undefined; // no corrections, no closed months yet
  }
  const parsed = parseSafeYaml(text);
  if (parsed.problems.length > 0) throw new BooksError(`${file}: ${parsed.problems[0]!.message}`);
  return parsed.data;
}

export async function readBooks(root: string): Promise<Books> {
  const rawAdjustments = (await readYaml(root, ADJUSTMENTS_FILE)) ?? [];
  const adjustments = z.array(adjustmentSchema).safeParse(rawAdjustments);
  if (!adjustments.success) {
    const issue = adjustments.error.issues[0]!;
    throw new BooksError(`${ADJUSTMENTS_FILE} の ${Number(issue.path[0]) + 1} 番目: ${issue.message}`);
  }
  const rawClosed = (await readYaml(root, CLOSED_FILE)) ?? [];
  const closed = z.array(month).safeParse(rawClosed);
  if (!closed.success) throw new BooksError(`${CLOSED_FILE}: 締めた月を 2026-10 のような一覧で書いてください`);
  return { adjustments: adjustments.data, closed: new Set(closed.data) };
}

export const snapshotFile = (m: string) => `${INVOICES_DIR}/${m}.json`;

export function nextMonth(m: string): string {
  const [y, mm] = m.split("-").map(Number) as [number, number];
  return mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, "0")}`;
}

/** The first month from `m` on that is not closed: where anything late for `m` is booked. */
export function firstOpenMonth(m: string, closed: ReadonlySet<string>): string {
  let month = m;
  while (closed.has(month)) month = nextMonth(month);
  return month;
}
