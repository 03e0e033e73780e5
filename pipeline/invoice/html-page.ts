import { escapeHtml as esc } from "../text-safety.ts";
export { esc };
import type { InvoiceDocument, WriterStatement } from "./statement.ts";

/** What every printed document shares: the A4 page, amounts in yen, and the rows of a writer's lines. */
export const yen = (n: number) => `${n < 0 ? "−" : ""}${Math.abs(n).toLocaleString("ja-JP")}円`;
export const monthJa = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;

const STYLE = `
@page { size: A4; margin: 14mm 14mm 12mm; }
@page wide { size: A4 landscape; margin: 12mm 12mm; }
body.landscape main { page: wide; max-width: 273mm; }
body.landscape table { font-size: 8.5pt; }
* { box-sizing: border-box; }
body { font-family: "Hiragino Mincho ProN", "Yu Mincho", "Noto Serif CJK JP", serif; color: #111; margin: 0; line-height: 1.45; font-size: 10pt; }
main { max-width: 182mm; margin: 0 auto; }
h1 { font-size: 17pt; text-align: center; letter-spacing: .3em; margin: 0 0 4mm; border-bottom: 2px solid #111; padding-bottom: 1.5mm; }
p { margin: 2mm 0; }
.parties { display: flex; justify-content: space-between; gap: 8mm; margin-bottom: 4mm; }
.to { font-size: 13pt; border-bottom: 1px solid #111; padding-bottom: 1mm; }
.from { text-align: right; font-size: 9pt; }
.amount { border: 2px solid #111; padding: 2mm 5mm; font-size: 14pt; margin: 3mm 0 4mm; display: flex; justify-content: space-between; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 3mm; }
th, td { border: 1px solid #555; padding: 1mm 2mm; vertical-align: top; }
th { background: #eee; font-weight: normal; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.totals td:first-child { text-align: right; }
.note { font-size: 8pt; color: #333; line-height: 1.35; }
td .note { margin-top: .3mm; }
.docmeta { text-align: right; font-size: 9pt; }
.blank { color: #555; }
tr { break-inside: avoid; }
@media print { .screen-only { display: none; } }
@media screen { body { background: #f4f4f4; } main { background: #fff; padding: 16mm; margin: 8mm auto; box-shadow: 0 1px 6px rgba(0,0,0,.15); } }
`;

export const page = (title: string, body: string, orientation: "portrait" | "landscape" = "portrait") =>
  `<!doctype html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">\n<title>${esc(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body${orientation === "landscape" ? ' class="landscape"' : ""}>\n<main>\n${body}\n</main>\n</body>\n</html>\n`;

/** A writer's articles and adjustments as table rows: the day it was accepted (or the period), content with publication date and fee breakdown, amount. */
export function lineRows(w: WriterStatement, month: string): string {
  return [
    ...w.articles.map(
      (a) =>
        `<tr><td>${esc(a.mergedAt)}</td><td>原稿料「${esc(a.title)}」${a.brief ? `<div class="note">依頼 ${esc(a.brief)}</div>` : ""}${a.publishedOn ? `<div class="note">公開日 ${esc(a.publishedOn)}</div>` : ""}${a.breakdown ? `<div class="note">内訳: ${a.breakdown.map((p) => `${esc(p.label)} ${yen(p.amount)}`).join(" ＋ ")}</div>` : ""}${a.note ? `<div class="note">${esc(a.note)}</div>` : ""}</td><td class="num">${yen(a.fee)}</td></tr>`,
    ),
    ...w.adjustments.map(
      (a) =>
        `<tr><td>${esc(a.date ?? `${monthJa(month)}分`)}</td><td>調整: ${esc(a.reason)}<div class="note">承認: ${esc(a.approver)}${a.note ? `、${esc(a.note)}` : ""}</div></td><td class="num">${yen(a.amount)}</td></tr>`,
    ),
  ].join("\n");
}

export type RateTexts = NonNullable<InvoiceDocument["rates"]>;
/** "10%" → "10％", as Japanese documents print it. */
export const pct = (rate: string) => rate.replace("%", "％");

/**
 * How a payee's tax shows, by their status (消費税法 第57条の4, 第57条の5): a registered writer
 * charging consumption tax gets the qualified-invoice wording (amount per rate, the rate, the
 * tax); one who charges it without registration gets 「消費税相当額」 and nothing that reads as a
 * qualified invoice; one who charges none gets a plain subtotal.
 */
export function taxStatus(w: WriterStatement): "registered" | "unregistered" | "none" {
  if (!w.chargesConsumptionTax) return "none";
  return w.registrationNumber ? "registered" : "unregistered";
}

/** The tax rows of a writer's document, worded by their tax status. */
export function taxRows(w: WriterStatement, rates: RateTexts): string {
  const c = pct(rates.consumption);
  const row = (label: string, amount: number) => `<tr><td colspan="2">${label}</td><td class="num">${yen(amount)}</td></tr>`;
  switch (taxStatus(w)) {
    case "registered":
      return `${row(`${c}対象 合計（税抜）`, w.subtotal)}\n${row(`消費税（${c}）`, w.consumptionTax)}`;
    case "unregistered":
      return `${row("小計", w.subtotal)}\n${row(`消費税相当額（${c}）`, w.consumptionTax)}`;
    case "none":
      return row("小計（消費税なし）", w.subtotal);
  }
}

export const withholdingRow = (w: WriterStatement) =>
  w.type === "corporation" ? "" : `<tr><td colspan="2">源泉徴収税額（所得税及び復興特別所得税）</td><td class="num">−${yen(w.withholdingTax)}</td></tr>`;

export const withholdingNote = (rates: RateTexts) =>
  `源泉徴収税額は、小計（消費税を除く）に ${pct(rates.withholding)}（100 万円を超える部分は ${pct(rates.withholdingOver)}）を掛け、1 円未満を切り捨てたものです。`;

/** A writer's lines with their totals (the statement and the writer's 請求書 differ only in the totals). */
export const linesTable = (w: WriterStatement, month: string, totals: string) => `<table>
<thead><tr><th>受付日</th><th>内容</th><th class="num">金額</th></tr></thead>
<tbody>
${lineRows(w, month)}
</tbody>
<tbody class="totals">
${totals}
</tbody>
</table>`;
