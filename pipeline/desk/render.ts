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

const TABLE_HEAD = ["| 状態 | 締め切り | 依頼 | ライター | 原稿料 | 記事 |", "| --- | --- | --- | --- | ---: | --- |"];

function row(b: DeskBrief, links: ReadonlyMap<string, string>): string {
  const title = `${escapeMarkdown(b.title)}${b.issue ? `（#${b.issue}）` : ""}<br>${inlineCode(b.id)}`;
  const article = b.article
    ? `${inlineCode(b.article)}${b.branch ? `（${inlineCode(b.branch)}）` : ""}`
    : links.get(b.id)
      ? `[Web で書き始める](${links.get(b.id)})`
      : "—";
  return `| ${status(b)} | ${b.deadline} | ${title} | ${b.writer ? escapeMarkdown(b.writer) : "募集中"} | ${yen(b.fee)}${b.feeApproved ? "" : "（料金表）"} | ${article} |`;
}

function writersAndFees(doc: DeskDocument): string[] {
  const lines = [`### ライターの ${monthJa(doc.month)} 締め切りの依頼`, "", "| ライター | 依頼 |", "| --- | --- |"];
  for (const w of doc.writers) lines.push(`| ${escapeMarkdown(w.name)}（${escapeMarkdown(w.writer)}） | ${load(w)} |`);
  lines.push("", `${monthJa(doc.month)}の原稿料: 納品済み **${yen(doc.fees.billed)}**、執筆中・確認中の見込み ${yen(doc.fees.committed)}`, "");
  return lines;
}

/** Every brief, for the job summary (or a file): titles are writer and editor text, escaped. */
export function deskMarkdown(doc: DeskDocument, links: ReadonlyMap<string, string> = new Map()): string {
  const lines = [`## 依頼の状況（${doc.today} 時点）`, ""];
  const overdue = doc.briefs.filter((b) => b.overdue);
  if (overdue.length) lines.push(`> [!WARNING]`, `> 締め切りを過ぎた依頼が ${overdue.length} 件あります。`, "");
  if (doc.briefs.length === 0) lines.push("依頼はまだありません。", "");
  else lines.push(...TABLE_HEAD, ...doc.briefs.map((b) => row(b, links)), "");
  return [...lines, ...writersAndFees(doc)].join("\n");
}

/** GitHub refuses an issue body over 65,536 characters; the desk issue stays well under it. */
export const DESK_ISSUE_LIMIT = 60_000;
const RECENT_DAYS = 31;

/**
 * The pinned 依頼の状況 issue, at any number of briefs: work still open (募集中・執筆中・確認中) in
 * full, deliveries and withdrawals of the last month, the rest counted with a link to the full
 * list (`detailsUrl`: the run's job summary). Rows that would pass GitHub's limit are counted too.
 */
export function deskIssueMarkdown(doc: DeskDocument, links: ReadonlyMap<string, string>, detailsUrl?: string, limit = DESK_ISSUE_LIMIT): string {
  const since = new Date(Date.parse(`${doc.today}T00:00:00Z`) - RECENT_DAYS * 86_400_000).toISOString().slice(0, 10);
  const active = doc.briefs.filter((b) => b.state === "open" || b.state === "assigned" || b.state === "in-review");
  const recent = doc.briefs.filter((b) => !active.includes(b) && (b.deliveredOn ?? b.deadline) >= since);
  const older = doc.briefs.length - active.length - recent.length;
  const head = [`## 依頼の状況（${doc.today} 時点）`, ""];
  const overdue = doc.briefs.filter((b) => b.overdue);
  if (overdue.length) head.push(`> [!WARNING]`, `> 締め切りを過ぎた依頼が ${overdue.length} 件あります。`, "");
  const tail = writersAndFees(doc);
  const full = detailsUrl ? `[すべての依頼の一覧](${detailsUrl})` : "ジョブの概要（Actions の実行結果）";
  let size = [...head, ...tail].join("\n").length + 600;
  const rows: string[] = [];
  let left = 0;
  for (const b of [...active, ...recent]) {
    const r = row(b, links);
    if (size + r.length + 1 > limit) left++;
    else {
      rows.push(r);
      size += r.length + 1;
    }
  }
  const body = doc.briefs.length === 0 ? ["依頼はまだありません。", ""] : rows.length ? [...TABLE_HEAD, ...rows, ""] : [];
  const notes: string[] = [];
  if (older > 0) notes.push(`${RECENT_DAYS} 日より前に納品・取り下げになった依頼 ${older} 件は、${full}にあります。`);
  if (left > 0) notes.push(`ほかに ${left} 件の依頼があります（イシューの文字数の上限のため、${full}に載せています）。`);
  return [...head, ...body, ...notes.flatMap((n) => [n, ""]), ...tail].join("\n");
}
