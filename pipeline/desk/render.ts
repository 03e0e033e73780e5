import { escapeMarkdown, inlineCode } from "../github/findings.ts";
import type { DeskBrief, DeskDocument } from "./desk.ts";

const stateJa = { open: "募集中", assigned: "執筆中", "in-review": "確認中", delivered: "納品済み", cancelled: "取り下げ" } as const;
const yen = (n: number) => `¥${n.toLocaleString("ja-JP")}`;
const monthJa = (m: string) => `${m.slice(0, 4)} 年 ${Number(m.slice(5))} 月`;
const load = (w: DeskDocument["writers"][number]) =>
  w.capacity === undefined
    ? `${w.load} 件`
    : `${w.load} / ${w.capacity} 件${w.over ? "（上限を超えています）" : w.room ? `（あと ${w.room} 件）` : "（上限）"}`;
const status = (b: DeskBrief) => `${stateJa[b.state]}${b.overdue ? "・締め切り超過" : ""}`;

/** The desk for a terminal. */
export function deskPretty(doc: DeskDocument): string {
  const lines = [`依頼の状況（${doc.today} 時点）`, ""];
  if (doc.briefs.length === 0) lines.push("依頼はまだありません（briefs/ に依頼のファイルを置きます）。");
  for (const b of doc.briefs)
    lines.push(
      `  ［${status(b)}］ ${b.deadline}  ${b.id}  ${b.title}${b.writer ? `（${b.writer}）` : ""}  ${yen(b.fee)}${b.fee && !b.feeApproved && b.state !== "delivered" ? "（料金表）" : ""}`,
    );
  lines.push("", `ライターの ${monthJa(doc.month)} 締め切りの依頼:`);
  for (const w of doc.writers) lines.push(`  ${w.writer}（${w.name}）: ${load(w)}`);
  lines.push("", `${monthJa(doc.month)}の原稿料: 納品済み ${yen(doc.fees.billed)}、執筆中・確認中の見込み ${yen(doc.fees.committed)}`);
  return `${lines.join("\n")}\n`;
}

/** The desk as the pinned 依頼の状況 issue (or a job summary): titles are writer and editor text, escaped. */
export function deskMarkdown(doc: DeskDocument, links: ReadonlyMap<string, string> = new Map()): string {
  const lines = [`## 依頼の状況（${doc.today} 時点）`, ""];
  const overdue = doc.briefs.filter((b) => b.overdue);
  if (overdue.length) lines.push(`> [!WARNING]`, `> 締め切りを過ぎた依頼が ${overdue.length} 件あります。`, "");
  if (doc.briefs.length === 0) lines.push("依頼はまだありません。", "");
  else {
    lines.push("| 状態 | 締め切り | 依頼 | ライター | 原稿料 | 記事 |", "| --- | --- | --- | --- | ---: | --- |");
    for (const b of doc.briefs) {
      const title = `${escapeMarkdown(b.title)}${b.issue ? `（#${b.issue}）` : ""}<br>${inlineCode(b.id)}`;
      const article = b.article
        ? `${inlineCode(b.article)}${b.branch ? `（${inlineCode(b.branch)}）` : ""}`
        : links.get(b.id)
          ? `[Web で書き始める](${links.get(b.id)})`
          : "—";
      lines.push(
        `| ${status(b)} | ${b.deadline} | ${title} | ${b.writer ? escapeMarkdown(b.writer) : "募集中"} | ${yen(b.fee)}${b.feeApproved ? "" : "（料金表）"} | ${article} |`,
      );
    }
    lines.push("");
  }
  lines.push(`### ライターの ${monthJa(doc.month)} 締め切りの依頼`, "", "| ライター | 依頼 |", "| --- | --- |");
  for (const w of doc.writers) lines.push(`| ${escapeMarkdown(w.name)}（${escapeMarkdown(w.writer)}） | ${load(w)} |`);
  lines.push("", `${monthJa(doc.month)}の原稿料: 納品済み **${yen(doc.fees.billed)}**、執筆中・確認中の見込み ${yen(doc.fees.committed)}`, "");
  return lines.join("\n");
}
