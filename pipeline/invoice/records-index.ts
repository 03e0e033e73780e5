import { rowsCsv } from "./csv.ts";
import type { PrintDocument } from "./print-model.ts";

/**
 * The month's index of its PDFs, as the 電子帳簿保存法 search requirements ask of electronic
 * records (施行規則 第4条第1項: searchable by 取引年月日, 取引金額 and 取引先, with ranges and in
 * combination): one row per file in the NTA's 索引簿 layout (番号, 日付, 金額, 取引先, 備考), so a
 * spreadsheet's filters do the searching. The date is the document's issue date; the amount is
 * the one it states (お支払額 or ご請求額); the counterparty is the party other than the payer.
 */
export function recordsIndexCsv(documents: readonly PrintDocument[]): string {
  const header = ["番号", "取引年月日", "金額", "取引先", "書類", "ファイル"];
  const rows = [...documents]
    .sort((a, b) => a.number.localeCompare(b.number))
    .map((d) => [d.number, d.issuedOn, d.amount.value, d.counterparty, d.kind, `${d.file}.pdf`]);
  return rowsCsv([header, ...rows]);
}

export const recordsIndexFile = (month: string) => `index-${month}.csv`;
