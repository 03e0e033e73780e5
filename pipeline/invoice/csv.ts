import iconv from "iconv-lite";
import type { InvoiceDocument } from "./statement.ts";

/**
 * CSV for city staff's Excel: RFC 4180 quoting, CRLF, UTF-8 with a BOM (so Excel reads the
 * Japanese correctly) — or CP932 for older accounting systems, refusing loudly any character
 * CP932 cannot hold (a payee's name must never silently become "?").
 */
type Cell = string | number;

/** Text that Excel would take for a formula is prefixed with an apostrophe (CSV injection). */
export function textCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function field(cell: Cell): string {
  if (typeof cell === "number") return String(cell);
  const text = textCell(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const rowsCsv = (lines: Cell[][]) => `${lines.map((line) => line.map(field).join(",")).join("\r\n")}\r\n`;
const rows = rowsCsv;

export const typeName = { individual: "個人", corporation: "法人", group: "団体", unknown: "不明" } as const;

export function summaryCsv(doc: InvoiceDocument): string {
  const header = ["対象月", "ライター", "支払先名義", "区分", "登録番号", "記事数", "小計（税抜）", "消費税", "源泉徴収税額", "支払額"];
  const body = doc.writers.map((w) => [
    doc.month,
    w.writer,
    w.invoiceName,
    typeName[w.type],
    w.registrationNumber ?? "",
    w.articles.length,
    w.subtotal,
    w.consumptionTax,
    w.withholdingTax,
    w.payment,
  ]);
  const total = [
    doc.month,
    "合計",
    "",
    "",
    "",
    doc.writers.reduce((n, w) => n + w.articles.length, 0),
    doc.totals.subtotal,
    doc.totals.consumptionTax,
    doc.totals.withholdingTax,
    doc.totals.payment,
  ];
  return rows([header, ...body, total]);
}

export function detailCsv(doc: InvoiceDocument): string {
  const header = ["対象月", "ライター", "支払先名義", "種類", "記事・内容", "ファイル", "受付日", "公開日", "金額", "内訳", "備考"];
  const body: Cell[][] = [];
  for (const w of doc.writers) {
    for (const a of w.articles)
      body.push([
        doc.month,
        w.writer,
        w.invoiceName,
        "原稿料",
        a.title,
        a.path,
        a.mergedAt,
        a.publishedOn ?? "",
        a.fee,
        (a.breakdown ?? []).map((p) => `${p.label} ${p.amount}`).join(" + "),
        [a.brief && `依頼 ${a.brief}`, a.note].filter(Boolean).join(" "),
      ]);
    for (const a of w.adjustments)
      body.push([
        doc.month,
        w.writer,
        w.invoiceName,
        "調整",
        a.reason,
        "",
        a.date ?? "",
        "",
        a.amount,
        "",
        [`承認: ${a.approver}`, a.note].filter(Boolean).join(" "),
      ]);
  }
  return rows([header, ...body]);
}

export class EncodingError extends Error {}

export function encodeCsv(text: string, encoding: "utf8" | "cp932"): Buffer {
  if (encoding === "utf8") return Buffer.from(`\ufeff${text}`, "utf8");
  const bytes = iconv.encode(text, "cp932");
  const back = iconv.decode(bytes, "cp932");
  if (back !== text) {
    const chars = [...text];
    const backChars = [...back];
    const index = chars.findIndex((c, i) => c !== backChars[i]);
    const line = text.slice(0, text.indexOf(chars[index]!)).split("\r\n").length;
    throw new EncodingError(`「${chars[index]}」（${line} 行目）は Shift_JIS（CP932）で表せません。UTF-8 の CSV を使うか、名前の表記を確認してください。`);
  }
  return bytes;
}
