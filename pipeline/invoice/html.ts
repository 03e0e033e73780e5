import type { Config } from "../article/config.ts";
import type { InvoiceDocument, WriterStatement } from "./statement.ts";
import { dateJa } from "./document-facts.ts";
import { esc, page } from "./html-page.ts";
import { contractorInvoice, writerInvoiceDraft, writerStatement, yen, type PrintDocument } from "./print-model.ts";

/** A printed document (print-model.ts) as an A4 HTML page to open in a browser and print. */
export function documentHtml(d: PrintDocument): string {
  const lines = d.from.map((l) => `<div${l.blank ? ' class="blank"' : ""}>${l.strong ? `<strong>${esc(l.text)}</strong>` : esc(l.text)}</div>`).join("");
  const th = d.columns.map((c) => `<th${c.numeric ? ' class="num"' : ""}>${esc(c.label)}</th>`).join("");
  const rows = d.rows.map((r) => {
    const cells = r.cells.map((text, i) => {
      const notes = i === 1 && r.notes ? r.notes.map((n) => `<div class="note">${esc(n)}</div>`).join("") : "";
      return `<td${d.columns[i]?.numeric ? ' class="num"' : ""}>${esc(text)}${notes}</td>`;
    });
    return `<tr>${cells.join("")}</tr>`;
  });
  const span = d.columns.length - 1;
  const totals = d.totals.map((t) => {
    const amount = `${t.negative ? "−" : ""}${yen(t.amount)}`;
    return t.strong
      ? `<tr><td colspan="${span}"><strong>${esc(t.label)}</strong></td><td class="num"><strong>${amount}</strong></td></tr>`
      : `<tr><td colspan="${span}">${esc(t.label)}</td><td class="num">${amount}</td></tr>`;
  });
  const body = `<h1>${esc(d.title)}</h1>
<div class="docmeta"><div>発行日 ${dateJa(d.issuedOn)}</div><div>番号 ${esc(d.number)}</div></div>
<div class="parties">
  <div><div class="to">${esc(d.to.line)}</div>${d.to.extra.map((e) => `<div>${esc(e)}</div>`).join("")}</div>
  <div class="from">${lines}</div>
</div>
<p>${esc(d.lead)}</p>
<div class="amount"><span>${esc(d.amount.label)}</span><strong>${yen(d.amount.value)}</strong></div>
<p>${esc(d.due)}</p>
<table>
<thead><tr>${th}</tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
<tbody class="totals">
${totals.join("\n")}
</tbody>
</table>
${[...d.after.map((a) => `<p>${esc(a)}</p>`), ...d.notes.map((n) => `<p class="note${n.screenOnly ? " screen-only" : ""}">${esc(n.text)}</p>`)].join("\n")}`;
  return page(d.pageTitle, body);
}

export const writerStatementHtml = (doc: InvoiceDocument, w: WriterStatement, config: Config) => documentHtml(writerStatement(doc, w, config));
export const writerInvoiceDraftHtml = (doc: InvoiceDocument, w: WriterStatement, config: Config) => documentHtml(writerInvoiceDraft(doc, w, config));
export function contractorInvoiceHtml(doc: InvoiceDocument, config: Config): string | undefined {
  const d = contractorInvoice(doc, config);
  return d && documentHtml(d);
}
