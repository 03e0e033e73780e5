import type { Config } from "../article/config.ts";
import type { InvoiceDocument, WriterStatement } from "./statement.ts";
import { consumptionTax, taxRatesOn } from "./tax.ts";
import { lastDayOf } from "./statement.ts";
import { dateJa, documentFacts, honorific } from "./document-facts.ts";

import { escapeHtml as esc } from "../text-safety.ts";
const yen = (n: number) => `${n < 0 ? "−" : ""}${Math.abs(n).toLocaleString("ja-JP")}円`;
const monthJa = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;

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
tr { break-inside: avoid; }
@media screen { body { background: #f4f4f4; } main { background: #fff; padding: 16mm; margin: 8mm auto; box-shadow: 0 1px 6px rgba(0,0,0,.15); } }
`;

const page = (title: string, body: string) =>
  `<!doctype html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">\n<title>${esc(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`;

/**
 * One printable statement per writer. The payer computes it, so it is a 支払明細書; for a
 * registered writer it doubles as a 仕入明細書 (a qualified invoice the writer confirms), with
 * their registration number, the amount per tax rate and the tax. For a writer without
 * registration it carries no T-number and states the amount as a non-qualified payment.
 */
export function writerStatementHtml(doc: InvoiceDocument, w: WriterStatement, config: Config): string {
  const qualified = Boolean(w.registrationNumber) && w.chargesConsumptionTax;
  // With a contractor as the order desk, the contractor pays its writers: the city is never named as their payer.
  const contractor = config.contractor;
  const payer = contractor?.name ?? doc.payer;
  const contact = contractor ? contractor.contact : config.payer.contact;
  const title = contractor ? "支払通知書" : qualified ? "支払明細書（仕入明細書）" : "支払明細書";
  const facts = documentFacts(doc.month, w.writer, config, "statement");
  const { to, you } = honorific(w.type);
  const rows = [
    ...w.articles.map(
      (a) =>
        `<tr><td>${esc(a.mergedAt)}</td><td>原稿料「${esc(a.title)}」${a.publishedOn ? `<div class="note">公開日 ${esc(a.publishedOn)}</div>` : ""}${a.breakdown ? `<div class="note">内訳: ${a.breakdown.map((p) => `${esc(p.label)} ${yen(p.amount)}`).join(" ＋ ")}</div>` : ""}${a.note ? `<div class="note">${esc(a.note)}</div>` : ""}</td><td class="num">${yen(a.fee)}</td></tr>`,
    ),
    ...w.adjustments.map((a) => `<tr><td></td><td>調整: ${esc(a.reason)}<div class="note">承認: ${esc(a.approver)}${a.note ? `、${esc(a.note)}` : ""}</div></td><td class="num">${yen(a.amount)}</td></tr>`),
  ].join("\n");
  const taxRow = w.chargesConsumptionTax
    ? `<tr><td colspan="2">10％対象 合計（税抜）</td><td class="num">${yen(w.subtotal)}</td></tr>\n<tr><td colspan="2">消費税（10％）</td><td class="num">${yen(w.consumptionTax)}</td></tr>`
    : `<tr><td colspan="2">小計（消費税なし）</td><td class="num">${yen(w.subtotal)}</td></tr>`;
  const withholding = w.type === "corporation" ? "" : `<tr><td colspan="2">源泉徴収税額（所得税及び復興特別所得税）</td><td class="num">−${yen(w.withholdingTax)}</td></tr>`;
  const body = `<h1>${title}</h1>
<div class="docmeta"><div>発行日 ${dateJa(facts.issuedOn)}</div><div>番号 ${esc(facts.number)}</div></div>
<div class="parties">
  <div><div class="to">${esc(w.invoiceName)} ${to}</div>${w.registrationNumber ? `<div>登録番号 ${esc(w.registrationNumber)}</div>` : ""}</div>
  <div class="from"><div>作成者（支払者）</div><div><strong>${esc(payer)}</strong></div>${contractor?.registrationNumber ? `<div>登録番号 ${esc(contractor.registrationNumber)}</div>` : ""}${contractor?.address ? `<div>${esc(contractor.address)}</div>` : ""}<div>対象期間 ${monthJa(doc.month)}分</div></div>
</div>
<p>下記のとおり、原稿料をお支払いします。</p>
<div class="amount"><span>お支払額</span><strong>${yen(w.payment)}</strong></div>
<p>支払予定日: ${dateJa(facts.dueOn)}</p>
<table>
<thead><tr><th>受付日（main に入った日）</th><th>内容</th><th class="num">金額</th></tr></thead>
<tbody>
${rows}
</tbody>
<tbody class="totals">
${taxRow}
${withholding}
<tr><td colspan="2"><strong>お支払額</strong></td><td class="num"><strong>${yen(w.payment)}</strong></td></tr>
</tbody>
</table>
<p class="note">${
    qualified && !contractor
      ? `この明細書は、適格請求書発行事業者である${you}の確認を受けた仕入明細書として保存します。記載内容に誤りがある場合は、受け取ってから 14 日以内にお知らせください。期限までにご連絡がない場合は、確認いただいたものとします。`
      : "記載内容に誤りがある場合は、受け取ってから 14 日以内にお知らせください。"
  }${contact ? `連絡先: ${esc(contact)}。` : ""}${w.type === "corporation" ? "" : "源泉徴収税額は、小計（消費税を除く）に 10.21％（100 万円を超える部分は 20.42％）を掛け、1 円未満を切り捨てたものです。"}</p>`;
  return page(`${title} ${monthJa(doc.month)}分 ${w.invoiceName}`, body);
}

/** The community's (contractor's) invoice to the city for the month's total, when the config names one. */
export function contractorInvoiceHtml(doc: InvoiceDocument, config: Config): string | undefined {
  const contractor = config.contractor;
  if (!contractor) return undefined;
  // The contractor charges consumption tax on the whole amount, whatever each writer does.
  const tax = consumptionTax(doc.totals.subtotal, taxRatesOn(lastDayOf(doc.month), config));
  const facts = documentFacts(doc.month, "contractor", config, "invoice");
  const body = `<h1>請求書</h1>
<div class="docmeta"><div>発行日 ${dateJa(facts.issuedOn)}</div><div>番号 ${esc(facts.number)}</div></div>
<div class="parties">
  <div><div class="to">${esc(doc.payer)} 御中</div></div>
  <div class="from"><div><strong>${esc(contractor.name)}</strong></div>${contractor.registrationNumber ? `<div>登録番号 ${esc(contractor.registrationNumber)}</div>` : ""}${contractor.address ? `<div>${esc(contractor.address)}</div>` : ""}${contractor.contact ? `<div>${esc(contractor.contact)}</div>` : ""}<div>対象期間 ${monthJa(doc.month)}分</div></div>
</div>
<p>市民ライター記事の制作業務について、下記のとおりご請求いたします。</p>
<div class="amount"><span>ご請求額</span><strong>${yen(doc.totals.subtotal + tax)}</strong></div>
<p>お支払期限: ${dateJa(facts.dueOn)}</p>
<table>
<thead><tr><th>ライター</th><th class="num">記事数</th><th class="num">金額（税抜）</th></tr></thead>
<tbody>
${doc.writers.map((w) => `<tr><td>${esc(w.invoiceName)}</td><td class="num">${w.articles.length}</td><td class="num">${yen(w.subtotal)}</td></tr>`).join("\n")}
</tbody>
<tbody class="totals">
<tr><td colspan="2">10％対象 合計（税抜）</td><td class="num">${yen(doc.totals.subtotal)}</td></tr>
<tr><td colspan="2">消費税（10％）</td><td class="num">${yen(tax)}</td></tr>
</tbody>
</table>`;
  return page(`請求書 ${monthJa(doc.month)}分 ${contractor.name}`, body);
}
