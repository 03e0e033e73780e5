import type { YearDocument } from "./year.ts";
import { rowsCsv, typeName } from "./csv.ts";
import { escapeMarkdown } from "../github/findings.ts";
import { esc, page, yen } from "./html-page.ts";
import { dateJa } from "./document-facts.ts";

/**
 * The year's two tables, each on its own in every format (one kind of row per file, so sorting and
 * filtering in Excel never mix writers with tax payments): `writers` for the 支払調書, and
 * `withholding` for the 納付. Column names are plain Japanese; amounts are integer yen.
 */
export type YearTable = "writers" | "withholding";
export const YEAR_TABLES: readonly YearTable[] = ["writers", "withholding"];

const TITLES: Record<YearTable, (year: string) => string> = {
  writers: (y) => `${y}年 支払先ごとの原稿料（支払調書用）`,
  withholding: (y) => `${y}年 源泉所得税の納付（支払った月ごと）`,
};

const WRITER_HEADER = [
  "ライター",
  "支払先名義",
  "区分",
  "登録番号",
  "記事数",
  "小計（税抜）",
  "消費税",
  "支払金額（税込）",
  "うち未払",
  "源泉徴収税額",
  "うち未徴収",
  "差引支払額",
  "支払調書",
];
const WITHHOLDING_HEADER = ["支払日", "対象の月", "源泉徴収税額", "納期限"];

const workMonthsJa = (months: readonly string[]) => months.map((m) => `${Number(m.slice(0, 4))}年${Number(m.slice(5))}月分`).join("・");

function writerRows(doc: YearDocument): (string | number)[][] {
  return doc.writers.map((w) => [
    w.writer,
    w.invoiceName,
    typeName[w.type],
    w.registrationNumber ?? "",
    w.articles,
    w.subtotal,
    w.consumptionTax,
    w.paidTotal,
    w.unpaid.paidTotal,
    w.withholdingTax,
    w.unpaid.withholdingTax,
    w.payment,
    w.statementRequired ? "提出が必要" : "",
  ]);
}

function withholdingRows(doc: YearDocument): (string | number)[][] {
  return doc.withholding.map((p) => [p.paidOn, workMonthsJa(p.workMonths), p.withholdingTax, p.dueDate]);
}

export function yearCsv(doc: YearDocument, table: YearTable): string {
  return table === "writers" ? rowsCsv([WRITER_HEADER, ...writerRows(doc)]) : rowsCsv([WITHHOLDING_HEADER, ...withholdingRows(doc)]);
}

const mdRow = (cells: (string | number)[]) => `| ${cells.map((c) => (typeof c === "number" ? c.toLocaleString("ja-JP") : escapeMarkdown(c))).join(" | ")} |`;

export function yearMarkdown(doc: YearDocument, table: YearTable): string {
  const [header, rows] = table === "writers" ? [WRITER_HEADER, writerRows(doc)] : [WITHHOLDING_HEADER, withholdingRows(doc)];
  const lines = [`### ${TITLES[table](doc.year)}`, "", mdRow(header), `| ${header.map(() => "---").join(" | ")} |`, ...rows.map(mdRow), ""];
  if (rows.length === 0) lines.splice(2, lines.length, "この年の行はありません。", "");
  lines.push(table === "writers" ? WRITERS_NOTE : WITHHOLDING_NOTE, "");
  return lines.join("\n");
}

const WRITERS_NOTE =
  "その年に支払が確定した（記事を受け付けた）月の原稿料です。翌年に支払うものは「うち未払」に含めて示します。1 年の支払金額が 5 万円を超える支払先（個人・法人・団体）は、報酬、料金、契約金及び賞金の支払調書の提出が必要です（所得税法第 225 条第 1 項第 3 号）。";
const WITHHOLDING_NOTE =
  "その年に支払った原稿料から預かった源泉所得税です。納期限は支払った月の翌月 10 日（所得税法第 204 条第 1 項）で、土日・祝日・年末年始に当たるときは次の日です（国税通則法第 10 条第 2 項）。原稿料は納期の特例の対象外です。";

/** A printable page per table (A4 landscape for the wide writers table). */
export function yearHtml(doc: YearDocument, table: YearTable): string {
  const title = TITLES[table](doc.year);
  const [header, rows] = table === "writers" ? [WRITER_HEADER, writerRows(doc)] : [WITHHOLDING_HEADER, withholdingRows(doc)];
  const cell = (c: string | number, i: number) =>
    typeof c === "number" ? `<td class="num">${i === 4 ? c : yen(c)}</td>` : `<td>${esc(/^\d{4}-\d{2}-\d{2}$/.test(c) ? dateJa(c) : c)}</td>`;
  const body = `<h1>${esc(title)}</h1>
<table>
<thead><tr>${header.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead>
<tbody>
${rows.map((r) => `<tr>${r.map(cell).join("")}</tr>`).join("\n") || `<tr><td colspan="${header.length}">この年の行はありません。</td></tr>`}
</tbody>
</table>
<p class="note">${esc(table === "writers" ? WRITERS_NOTE : WITHHOLDING_NOTE)}</p>`;
  return page(title, body, table === "writers" ? "landscape" : "portrait");
}

export const yearFileName = (year: string, table: YearTable, ext: string) => `invoice-${year}-${table}.${ext}`;
