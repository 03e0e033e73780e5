import { escapeHtml as esc } from "../text-safety.ts";
export { esc };
import type { WriterStatement } from "./statement.ts";

/** What every printed document shares: the A4 page, amounts in yen, and the rows of a writer's lines. */
export const yen = (n: number) => `${n < 0 ? "−" : ""}${Math.abs(n).toLocaleString("ja-JP")}円`;
export const monthJa = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;

const STYLE = `
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "Hiragino Mincho ProN", "Yu Mincho", "Noto Serif CJK JP", serif; color: #111; margin: 0; line-height: 1.6; font-size: 10.5pt; }
main { max-width: 178mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 18pt; text-align: center; letter-spacing: .3em; margin: 0 0 6mm; border-bottom: 2px solid #111; padding-bottom: 2mm; }
.parties { display: flex; justify-content: space-between; gap: 8mm; margin-bottom: 6mm; }
.to { font-size: 13pt; border-bottom: 1px solid #111; padding-bottom: 1mm; }
.from { text-align: right; font-size: 9.5pt; }
.amount { border: 2px solid #111; padding: 3mm 5mm; font-size: 14pt; margin: 4mm 0 6mm; display: flex; justify-content: space-between; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 5mm; }
th, td { border: 1px solid #555; padding: 1.5mm 2.5mm; vertical-align: top; }
th { background: #eee; font-weight: normal; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.totals td:first-child { text-align: right; }
.note { font-size: 8.5pt; color: #333; }
.docmeta { text-align: right; font-size: 9pt; }
.blank { color: #555; }
tr { break-inside: avoid; }
@media screen { body { background: #f4f4f4; } main { background: #fff; padding: 16mm; margin: 8mm auto; box-shadow: 0 1px 6px rgba(0,0,0,.15); } }
`;

export const page = (title: string, body: string) =>
  `<!doctype html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">\n<title>${esc(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`;

/** A writer's articles and adjustments as table rows: date it reached main, content with publication date and fee breakdown, amount. */
export function lineRows(w: WriterStatement): string {
  return [
    ...w.articles.map(
      (a) =>
        `<tr><td>${esc(a.mergedAt)}</td><td>原稿料「${esc(a.title)}」${a.brief ? `<div class="note">依頼 ${esc(a.brief)}</div>` : ""}${a.publishedOn ? `<div class="note">公開日 ${esc(a.publishedOn)}</div>` : ""}${a.breakdown ? `<div class="note">内訳: ${a.breakdown.map((p) => `${esc(p.label)} ${yen(p.amount)}`).join(" ＋ ")}</div>` : ""}${a.note ? `<div class="note">${esc(a.note)}</div>` : ""}</td><td class="num">${yen(a.fee)}</td></tr>`,
    ),
    ...w.adjustments.map(
      (a) =>
        `<tr><td></td><td>調整: ${esc(a.reason)}<div class="note">承認: ${esc(a.approver)}${a.note ? `、${esc(a.note)}` : ""}</div></td><td class="num">${yen(a.amount)}</td></tr>`,
    ),
  ].join("\n");
}

/** The tax rows: the amount per rate and the tax, or a subtotal without consumption tax. */
export function taxRows(w: WriterStatement): string {
  return w.chargesConsumptionTax
    ? `<tr><td colspan="2">10％対象 合計（税抜）</td><td class="num">${yen(w.subtotal)}</td></tr>\n<tr><td colspan="2">消費税（10％）</td><td class="num">${yen(w.consumptionTax)}</td></tr>`
    : `<tr><td colspan="2">小計（消費税なし）</td><td class="num">${yen(w.subtotal)}</td></tr>`;
}

export const withholdingRow = (w: WriterStatement) =>
  w.type === "corporation" ? "" : `<tr><td colspan="2">源泉徴収税額（所得税及び復興特別所得税）</td><td class="num">−${yen(w.withholdingTax)}</td></tr>`;

export const WITHHOLDING_NOTE = "源泉徴収税額は、小計（消費税を除く）に 10.21％（100 万円を超える部分は 20.42％）を掛け、1 円未満を切り捨てたものです。";

/** A writer's lines with their totals (the statement and the writer's 請求書 differ only in the totals). */
export const linesTable = (w: WriterStatement, dateHeader: string, totals: string) => `<table>
<thead><tr><th>${dateHeader}</th><th>内容</th><th class="num">金額</th></tr></thead>
<tbody>
${lineRows(w)}
</tbody>
<tbody class="totals">
${totals}
</tbody>
</table>`;
