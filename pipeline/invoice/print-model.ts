import type { Config } from "../article/config.ts";
import type { InvoiceDocument, WriterStatement } from "./statement.ts";
import { consumptionTax, rateTextsOn, taxRatesOn } from "./tax.ts";
import { lastDayOf } from "./calendar.ts";
import { dateJa, documentFacts, honorific } from "./document-facts.ts";

/**
 * One printed document as data: what it says, in order, with nothing about how it is drawn.
 * The HTML page (html.ts) and the PDF (pdf.ts) are two renderings of the same model, and the
 * month's index of electronic records (index.ts) reads its number, date, amount and counterparty.
 */
export interface PrintDocument {
  /** The file name without extension (the document number: the same on every run). */
  file: string;
  kind: "支払通知書" | "仕入明細書" | "請求書（下書き）" | "請求書";
  title: string;
  pageTitle: string;
  issuedOn: string;
  number: string;
  to: { line: string; extra: string[] };
  from: { text: string; strong?: boolean; blank?: boolean }[];
  lead: string;
  amount: { label: string; value: number };
  due: string;
  columns: { label: string; numeric?: boolean }[];
  rows: { cells: string[]; notes?: string[] }[];
  totals: { label: string; amount: number; negative?: boolean; strong?: boolean }[];
  after: string[];
  notes: { text: string; screenOnly?: boolean }[];
  /** The record's counterparty as the paying office files it. */
  counterparty: string;
}

export const yen = (n: number) => `${n < 0 ? "−" : ""}${Math.abs(n).toLocaleString("ja-JP")}円`;
export const monthJa = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;
/** "10%" → "10％", as Japanese documents print it. */
export const pct = (rate: string) => rate.replace("%", "％");

/** The month's rates: as recorded on the statement, or (statements frozen before they were) from the config. */
const ratesOf = (doc: InvoiceDocument, config: Config) => doc.rates ?? rateTextsOn(lastDayOf(doc.month), config);
type Rates = ReturnType<typeof ratesOf>;

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

function taxTotals(subtotal: number, tax: number, status: "registered" | "unregistered" | "none", rates: Rates): PrintDocument["totals"] {
  const c = pct(rates.consumption);
  if (status === "registered")
    return [
      { label: `${c}対象 合計（税抜）`, amount: subtotal },
      { label: `消費税（${c}）`, amount: tax },
    ];
  if (status === "unregistered")
    return [
      { label: "小計", amount: subtotal },
      { label: `消費税相当額（${c}）`, amount: tax },
    ];
  return [{ label: "小計（消費税なし）", amount: subtotal }];
}

const withholdingTotal = (w: WriterStatement): PrintDocument["totals"] =>
  w.type === "corporation" ? [] : [{ label: "源泉徴収税額（所得税及び復興特別所得税）", amount: w.withholdingTax, negative: true }];

export const withholdingNote = (rates: Rates) =>
  `源泉徴収税額は、小計（消費税を除く）に ${pct(rates.withholding)}（100 万円を超える部分は ${pct(rates.withholdingOver)}）を掛け、1 円未満を切り捨てたものです。`;

/** A writer's articles and adjustments: the day each was accepted (or the month as the period), what it is, the amount. */
function writerRows(w: WriterStatement, month: string): PrintDocument["rows"] {
  return [
    ...w.articles.map((a) => ({
      cells: [a.mergedAt, `原稿料「${a.title}」`, yen(a.fee)],
      notes: [
        a.brief && `依頼 ${a.brief}`,
        a.publishedOn && `公開日 ${a.publishedOn}`,
        a.breakdown && `内訳: ${a.breakdown.map((p) => `${p.label} ${yen(p.amount)}`).join(" ＋ ")}`,
        a.note,
      ].filter((n): n is string => Boolean(n)),
    })),
    ...w.adjustments.map((a) => ({
      cells: [a.date ?? `${monthJa(month)}分`, `調整: ${a.reason}`, yen(a.amount)],
      notes: [`承認: ${a.approver}${a.note ? `、${a.note}` : ""}`],
    })),
  ];
}

const LINE_COLUMNS = [{ label: "受付日" }, { label: "内容" }, { label: "金額", numeric: true }];

/**
 * One statement per writer, made by whoever pays the writers (README「書類の種類」):
 * - 支払通知書 by default: the payer's notice of what it pays and withholds;
 * - 仕入明細書 for a registered writer who charges consumption tax, when the config asks for it
 *   (`documents.writerStatement: purchase-statement`): a statement the payer makes and the
 *   writer confirms, which the payer keeps in place of a qualified invoice (消費税法第30条第9項第3号).
 */
export function writerStatement(doc: InvoiceDocument, w: WriterStatement, config: Config): PrintDocument {
  const purchase = config.documents.writerStatement === "purchase-statement" && Boolean(w.registrationNumber) && w.chargesConsumptionTax;
  const payer = writersPayer(doc, config);
  const title = purchase ? "仕入明細書" : "支払通知書";
  const facts = documentFacts(doc.month, w.writer, config, "statement");
  const { to, you } = addressee(w, config);
  const rates = ratesOf(doc, config);
  const confirmation = purchase
    ? `この仕入明細書は、適格請求書発行事業者である${you}の確認を受けたものとして保存します。記載内容に誤りがある場合は、受け取ってから 14 日以内にお知らせください。期限までにご連絡がない場合は、確認いただいたものとします。`
    : "記載内容に誤りがある場合は、受け取ってから 14 日以内にお知らせください。";
  return {
    file: facts.number,
    kind: title,
    title,
    pageTitle: `${title} ${monthJa(doc.month)}分 ${w.invoiceName}`,
    issuedOn: facts.issuedOn,
    number: facts.number,
    to: { line: `${w.invoiceName} ${to}`, extra: w.registrationNumber ? [`登録番号 ${w.registrationNumber}`] : [] },
    from: [
      { text: "作成者（支払者）" },
      { text: payer.name, strong: true },
      ...(payer.registrationNumber ? [{ text: `登録番号 ${payer.registrationNumber}` }] : []),
      ...(payer.address ? [{ text: payer.address }] : []),
      { text: `対象期間 ${monthJa(doc.month)}分` },
    ],
    lead: `下記のとおり、${you}への原稿料をお支払いします。`,
    amount: { label: "お支払額", value: w.payment },
    due: `支払予定日: ${dateJa(facts.dueOn)}`,
    columns: LINE_COLUMNS,
    rows: writerRows(w, doc.month),
    totals: [...taxTotals(w.subtotal, w.consumptionTax, taxStatus(w), rates), ...withholdingTotal(w), { label: "お支払額", amount: w.payment, strong: true }],
    after: [],
    notes: [{ text: `${confirmation}連絡先: ${payer.contact ?? payer.name}。${w.type === "corporation" ? "" : withholdingNote(rates)}` }],
    counterparty: w.invoiceName,
  };
}

/**
 * A 請求書 draft a writer issues under their own name (`documents.writerInvoiceDraft: true`): for
 * offices whose accounting rules pay only against the payee's 請求書, and for registered writers
 * who keep their own qualified invoices (消費税法第57条の4). Address and bank account stay blank:
 * the writer fills them in by hand, so they never enter the repository.
 */
export function writerInvoiceDraft(doc: InvoiceDocument, w: WriterStatement, config: Config): PrintDocument {
  const payer = writersPayer(doc, config);
  const facts = documentFacts(doc.month, w.writer, config, "bill");
  const rates = ratesOf(doc, config);
  const status = taxStatus(w);
  const billed = w.subtotal + w.consumptionTax;
  // 「税込」 only where there is a consumption tax to include (a registered writer's qualified invoice).
  const billedLabel = status === "registered" ? "ご請求額（税込）" : "ご請求額";
  return {
    file: facts.number,
    kind: "請求書（下書き）",
    title: "請求書",
    pageTitle: `請求書（下書き） ${monthJa(doc.month)}分 ${w.invoiceName}`,
    issuedOn: facts.issuedOn,
    number: facts.number,
    to: { line: `${payer.name} 御中`, extra: [] },
    from: [
      { text: w.invoiceName, strong: true },
      ...(w.registrationNumber ? [{ text: `登録番号 ${w.registrationNumber}` }] : []),
      { text: "住所 ＿＿＿＿＿＿＿＿＿＿＿＿", blank: true },
      { text: "連絡先 ＿＿＿＿＿＿＿＿＿＿", blank: true },
      { text: `対象期間 ${monthJa(doc.month)}分` },
    ],
    lead: "下記のとおり、原稿料をご請求いたします。",
    amount: { label: billedLabel, value: billed },
    due: `お支払期限: ${dateJa(facts.dueOn)}`,
    columns: LINE_COLUMNS,
    rows: writerRows(w, doc.month),
    totals: [
      ...taxTotals(w.subtotal, w.consumptionTax, status, rates),
      { label: billedLabel, amount: billed, strong: true },
      ...withholdingTotal(w),
      ...(w.type === "corporation" ? [] : [{ label: "差引お振込額", amount: w.payment }]),
    ],
    after: ["お振込先: ＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿"],
    notes: [
      ...(w.type === "corporation" ? [] : [{ text: withholdingNote(rates) }]),
      {
        text: "この請求書は kawaraban が作った下書きです（この一文は印刷されません）。内容を確かめ、住所・連絡先・お振込先を書き入れてから、ご自身の名前で発行してください。",
        screenOnly: true,
      },
    ],
    counterparty: w.invoiceName,
  };
}

/** The community's (contractor's) invoice to the city for the month's total, when the config names one. */
export function contractorInvoice(doc: InvoiceDocument, config: Config): PrintDocument | undefined {
  const contractor = config.contractor;
  if (!contractor) return undefined;
  // The contractor charges consumption tax on the whole amount, whatever each writer does.
  const tax = doc.contractor?.consumptionTax ?? consumptionTax(doc.totals.subtotal, taxRatesOn(lastDayOf(doc.month), config));
  const facts = documentFacts(doc.month, "contractor", config, "invoice");
  const status = contractor.registrationNumber ? "registered" : "unregistered";
  return {
    file: facts.number,
    kind: "請求書",
    title: "請求書",
    pageTitle: `請求書 ${monthJa(doc.month)}分 ${contractor.name}`,
    issuedOn: facts.issuedOn,
    number: facts.number,
    to: { line: `${doc.payer} 御中`, extra: [] },
    from: [
      { text: contractor.name, strong: true },
      ...(contractor.registrationNumber ? [{ text: `登録番号 ${contractor.registrationNumber}` }] : []),
      ...(contractor.address ? [{ text: contractor.address }] : []),
      ...(contractor.contact ? [{ text: `連絡先 ${contractor.contact}` }] : []),
      { text: `対象期間 ${monthJa(doc.month)}分` },
    ],
    lead: "市民ライター記事の制作業務について、下記のとおりご請求いたします。",
    amount: { label: "ご請求額", value: doc.totals.subtotal + tax },
    due: `お支払期限: ${dateJa(facts.dueOn)}`,
    columns: [{ label: "ライター" }, { label: "記事数", numeric: true }, { label: "金額（税抜）", numeric: true }],
    rows: doc.writers.map((w) => ({ cells: [w.invoiceName, String(w.articles.length), yen(w.subtotal)] })),
    totals: taxTotals(doc.totals.subtotal, tax, status, ratesOf(doc, config)),
    after: [],
    notes: [],
    counterparty: contractor.name,
  };
}

/** Every document of the month, each with the name of its HTML page (README「書類の種類」). */
export function monthDocuments(doc: InvoiceDocument, config: Config): { html: string; model: PrintDocument }[] {
  const out: { html: string; model: PrintDocument }[] = [];
  for (const w of doc.writers) {
    out.push({ html: `statement-${doc.month}-${w.writer}.html`, model: writerStatement(doc, w, config) });
    if (config.documents.writerInvoiceDraft) out.push({ html: `invoice-draft-${doc.month}-${w.writer}.html`, model: writerInvoiceDraft(doc, w, config) });
  }
  const contractor = contractorInvoice(doc, config);
  if (contractor) out.push({ html: `contractor-invoice-${doc.month}.html`, model: contractor });
  return out;
}
