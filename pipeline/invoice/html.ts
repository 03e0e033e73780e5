import type { Config } from "../article/config.ts";
import type { InvoiceDocument, WriterStatement } from "./statement.ts";
import { consumptionTax, rateTextsOn, taxRatesOn } from "./tax.ts";
import { lastDayOf } from "./calendar.ts";
import { dateJa, documentFacts, honorific } from "./document-facts.ts";
import { esc, yen, monthJa, page, linesTable, pct, taxRows, taxStatus, withholdingRow, withholdingNote } from "./html-page.ts";

/** The month's rates: as recorded on the statement, or (statements frozen before they were) from the config. */
const ratesOf = (doc: InvoiceDocument, config: Config) => doc.rates ?? rateTextsOn(lastDayOf(doc.month), config);
/** The payee as the documents address them, with the config's own wording when it has one. */
const addressee = (w: WriterStatement, config: Config) =>
  honorific({ ...w, ...(Object.hasOwn(config.writers, w.writer) && { honorific: config.writers[w.writer]!.honorific }) });

/** Who pays the writers: the contractor when it is the order desk (never the city), the payer otherwise. */
function writersPayer(doc: InvoiceDocument, config: Config) {
  const contractor = config.contractor;
  return contractor
    ? { name: contractor.name, registrationNumber: contractor.registrationNumber, address: contractor.address, contact: contractor.contact }
    : { name: doc.payer, registrationNumber: undefined, address: config.payer.address, contact: config.payer.contact };
}

/** Where a payee reports an error: the configured contact, or else the paying office itself. */
function contactOf(payer: { name: string; contact?: string }): string {
  return payer.contact ?? payer.name;
}

/**
 * One printable statement per writer, made by whoever pays the writers (README「書類の種類」):
 * - 支払通知書 by default: the payer's notice of what it pays and withholds;
 * - 仕入明細書 for a registered writer who charges consumption tax, when the config asks for it
 *   (`documents.writerStatement: purchase-statement`): a statement the payer makes and the
 *   writer confirms, which the payer keeps in place of a qualified invoice (消費税法第30条第9項第3号).
 */
export function writerStatementHtml(doc: InvoiceDocument, w: WriterStatement, config: Config): string {
  const purchase = config.documents.writerStatement === "purchase-statement" && Boolean(w.registrationNumber) && w.chargesConsumptionTax;
  const payer = writersPayer(doc, config);
  const title = purchase ? "仕入明細書" : "支払通知書";
  const facts = documentFacts(doc.month, w.writer, config, "statement");
  const { to, you } = addressee(w, config);
  const rates = ratesOf(doc, config);
  const confirmation = purchase
    ? `この仕入明細書は、適格請求書発行事業者である${you}の確認を受けたものとして保存します。記載内容に誤りがある場合は、受け取ってから 14 日以内にお知らせください。期限までにご連絡がない場合は、確認いただいたものとします。`
    : "記載内容に誤りがある場合は、受け取ってから 14 日以内にお知らせください。";
  const body = `<h1>${title}</h1>
<div class="docmeta"><div>発行日 ${dateJa(facts.issuedOn)}</div><div>番号 ${esc(facts.number)}</div></div>
<div class="parties">
  <div><div class="to">${esc(w.invoiceName)} ${to}</div>${w.registrationNumber ? `<div>登録番号 ${esc(w.registrationNumber)}</div>` : ""}</div>
  <div class="from"><div>作成者（支払者）</div><div><strong>${esc(payer.name)}</strong></div>${payer.registrationNumber ? `<div>登録番号 ${esc(payer.registrationNumber)}</div>` : ""}${payer.address ? `<div>${esc(payer.address)}</div>` : ""}<div>対象期間 ${monthJa(doc.month)}分</div></div>
</div>
<p>下記のとおり、${you}への原稿料をお支払いします。</p>
<div class="amount"><span>お支払額</span><strong>${yen(w.payment)}</strong></div>
<p>支払予定日: ${dateJa(facts.dueOn)}</p>
${linesTable(
  w,
  doc.month,
  `${taxRows(w, rates)}
${withholdingRow(w)}
<tr><td colspan="2"><strong>お支払額</strong></td><td class="num"><strong>${yen(w.payment)}</strong></td></tr>`,
)}
<p class="note">${confirmation}連絡先: ${esc(contactOf(payer))}。${w.type === "corporation" ? "" : withholdingNote(rates)}</p>`;
  return page(`${title} ${monthJa(doc.month)}分 ${w.invoiceName}`, body);
}

/**
 * A 請求書 draft a writer issues under their own name (`documents.writerInvoiceDraft: true`): for
 * offices whose accounting rules pay only against the payee's 請求書, and for registered writers
 * who keep their own qualified invoices (消費税法第57条の4). Address and bank account stay blank:
 * the writer fills them in by hand, so they never enter the repository.
 */
export function writerInvoiceDraftHtml(doc: InvoiceDocument, w: WriterStatement, config: Config): string {
  const payer = writersPayer(doc, config);
  const facts = documentFacts(doc.month, w.writer, config, "bill");
  const rates = ratesOf(doc, config);
  const status = taxStatus(w);
  const billed = w.subtotal + w.consumptionTax;
  // 「税込」 only where there is a consumption tax to include (a registered writer's qualified invoice).
  const billedLabel = status === "registered" ? "ご請求額（税込）" : "ご請求額";
  const body = `<h1>請求書</h1>
<div class="docmeta"><div>発行日 ${dateJa(facts.issuedOn)}</div><div>番号 ${esc(facts.number)}</div></div>
<div class="parties">
  <div><div class="to">${esc(payer.name)} 御中</div></div>
  <div class="from"><div><strong>${esc(w.invoiceName)}</strong></div>${w.registrationNumber ? `<div>登録番号 ${esc(w.registrationNumber)}</div>` : ""}<div class="blank">住所 ＿＿＿＿＿＿＿＿＿＿＿＿</div><div class="blank">連絡先 ＿＿＿＿＿＿＿＿＿＿</div><div>対象期間 ${monthJa(doc.month)}分</div></div>
</div>
<p>下記のとおり、原稿料をご請求いたします。</p>
<div class="amount"><span>${billedLabel}</span><strong>${yen(billed)}</strong></div>
<p>お支払期限: ${dateJa(facts.dueOn)}</p>
${linesTable(
  w,
  doc.month,
  `${taxRows(w, rates)}
<tr><td colspan="2"><strong>${billedLabel}</strong></td><td class="num"><strong>${yen(billed)}</strong></td></tr>
${withholdingRow(w)}
${w.type === "corporation" ? "" : `<tr><td colspan="2">差引お振込額</td><td class="num">${yen(w.payment)}</td></tr>`}`,
)}
<p>お振込先: ＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿</p>
${w.type === "corporation" ? "" : `<p class="note">${withholdingNote(rates)}</p>`}
<p class="note screen-only">この請求書は kawaraban が作った下書きです（この一文は印刷されません）。内容を確かめ、住所・連絡先・お振込先を書き入れてから、ご自身の名前で発行してください。</p>`;
  return page(`請求書（下書き） ${monthJa(doc.month)}分 ${w.invoiceName}`, body);
}

/** The community's (contractor's) invoice to the city for the month's total, when the config names one. */
export function contractorInvoiceHtml(doc: InvoiceDocument, config: Config): string | undefined {
  const contractor = config.contractor;
  if (!contractor) return undefined;
  // The contractor charges consumption tax on the whole amount, whatever each writer does.
  const tax = doc.contractor?.consumptionTax ?? consumptionTax(doc.totals.subtotal, taxRatesOn(lastDayOf(doc.month), config));
  const facts = documentFacts(doc.month, "contractor", config, "invoice");
  const rate = pct(ratesOf(doc, config).consumption);
  const body = `<h1>請求書</h1>
<div class="docmeta"><div>発行日 ${dateJa(facts.issuedOn)}</div><div>番号 ${esc(facts.number)}</div></div>
<div class="parties">
  <div><div class="to">${esc(doc.payer)} 御中</div></div>
  <div class="from"><div><strong>${esc(contractor.name)}</strong></div>${contractor.registrationNumber ? `<div>登録番号 ${esc(contractor.registrationNumber)}</div>` : ""}${contractor.address ? `<div>${esc(contractor.address)}</div>` : ""}${contractor.contact ? `<div>連絡先 ${esc(contractor.contact)}</div>` : ""}<div>対象期間 ${monthJa(doc.month)}分</div></div>
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
${
  contractor.registrationNumber
    ? `<tr><td colspan="2">${rate}対象 合計（税抜）</td><td class="num">${yen(doc.totals.subtotal)}</td></tr>\n<tr><td colspan="2">消費税（${rate}）</td><td class="num">${yen(tax)}</td></tr>`
    : `<tr><td colspan="2">小計</td><td class="num">${yen(doc.totals.subtotal)}</td></tr>\n<tr><td colspan="2">消費税相当額（${rate}）</td><td class="num">${yen(tax)}</td></tr>`
}
</tbody>
</table>`;
  return page(`請求書 ${monthJa(doc.month)}分 ${contractor.name}`, body);
}
