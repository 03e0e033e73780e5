import type { InvoiceDocument } from "./statement.ts";
import { escapeMarkdown, inlineCode } from "../github/findings.ts";
import { dateJa } from "./document-facts.ts";

const yen = (n: number) => `${n < 0 ? "−" : ""}¥${Math.abs(n).toLocaleString("ja-JP")}`;
/** Titles, names and reasons are writer or staff text: no links, images, mentions or HTML reach the issue. */
const cell = (s: string) => escapeMarkdown(s);

/** A summary table for an issue or a job summary. */
export function invoiceMarkdown(doc: InvoiceDocument): string {
  const [y, m] = doc.month.split("-");
  const lines = [`### ${y} 年 ${Number(m)} 月分の原稿料${doc.closed ? "（締め済み）" : ""}`, ""];
  if (doc.writers.length === 0) lines.push("この月に支払う原稿料はありません。", "");
  else {
    if (doc.paidOn) {
      const due = doc.totals.withholdingTax > 0 && doc.withholdingDueOn ? `。源泉所得税の納期限は ${dateJa(doc.withholdingDueOn)}` : "";
      const contractor = doc.contractor?.paidOn ? `市から${doc.contractor.name}への支払日は ${dateJa(doc.contractor.paidOn)}、` : "";
      lines.push(`${contractor}ライターへの支払日は ${dateJa(doc.paidOn)}${due}です。`, "");
    }
    lines.push(...writerTable(doc));
  }
  if (doc.policyViolations?.length) {
    lines.push(
      "#### main への入れ方の決まりに沿っていないコミット（確認してください）",
      "",
      "日時がありえないもの（未来の日付や、先に入ったコミットより前の日付）は支払いを保留しています。内容を確かめて、支払う月を `kawaraban.config.yml` の `billing.accepted` に書いてください。日時がありえる範囲のものは、その日時の月に集計しています（違っていれば同じように `billing.accepted` で直せます）。",
      "",
      ...doc.policyViolations.map(
        (v) =>
          `- ${v.held ? "**保留**" : "集計済み"} ${inlineCode(v.commit.slice(0, 7))}（記録上の日時 ${inlineCode(v.recordedAt)}）: ${cell(v.reason)}。${v.paths.slice(0, 5).map(inlineCode).join("、")}${v.paths.length > 5 ? ` ほか ${v.paths.length - 5} 件` : ""}`,
      ),
      "",
    );
  }
  if (doc.excluded?.length) {
    lines.push("#### 集計に入れなかったファイル（確認してください）", "", ...doc.excluded.map((e) => `- ${inlineCode(e.path)}: ${cell(e.reason)}`), "");
  }
  return lines.join("\n");
}

function writerTable(doc: InvoiceDocument): string[] {
  const lines = ["| ライター | 区分 | 記事数 | 小計（税抜） | 消費税 | 源泉徴収 | 支払額 |", "| --- | --- | ---: | ---: | ---: | ---: | ---: |"];
  for (const w of doc.writers) {
    lines.push(
      `| ${cell(w.invoiceName)}（${cell(w.writer)}） | ${w.type === "corporation" ? "法人" : "個人"}${w.registrationNumber ? "・登録あり" : ""} | ${w.articles.length} | ${yen(w.subtotal)} | ${yen(w.consumptionTax)} | ${yen(w.withholdingTax)} | ${yen(w.payment)} |`,
    );
  }
  const t = doc.totals;
  lines.push(
    `| **合計** | | ${doc.writers.reduce((n, w) => n + w.articles.length, 0)} | ${yen(t.subtotal)} | ${yen(t.consumptionTax)} | ${yen(t.withholdingTax)} | **${yen(t.payment)}** |`,
    "",
  );
  const notes = doc.writers.flatMap((w) => [
    ...w.articles.filter((a) => a.note).map((a) => `${w.writer}: ${cell(a.title)}（${a.note}）`),
    ...w.adjustments.map((a) => `${w.writer}: 調整 ${yen(a.amount)}（${cell(a.reason)}、承認 ${cell(a.approver)}${a.note ? `、${a.note}` : ""}）`),
  ]);
  if (notes.length) lines.push(...notes.map((n) => `- ${n}`), "");
  return lines;
}

/** A Mermaid bar chart of the last months' payments per writer (GitHub renders it in issues). */
export function paymentsChart(docs: readonly InvoiceDocument[]): string {
  const months = docs.map((d) => d.month);
  const writers = [...new Set(docs.flatMap((d) => d.writers.map((w) => w.writer)))].sort();
  const max = Math.max(1, ...docs.flatMap((d) => d.writers.map((w) => w.payment)));
  const lines = [
    "```mermaid",
    "xychart-beta",
    '  title "ライター別の支払額（円）"',
    `  x-axis [${months.map((m) => `"${m}"`).join(", ")}]`,
    `  y-axis "支払額" 0 --> ${Math.ceil(max * 1.1)}`,
  ];
  for (const writer of writers) {
    lines.push(`  bar [${docs.map((d) => d.writers.find((w) => w.writer === writer)?.payment ?? 0).join(", ")}]`);
  }
  lines.push("```", "", `棒の順: ${writers.join("、")}`);
  return lines.join("\n");
}
