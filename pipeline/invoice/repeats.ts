import type { HistoryCommit } from "../git/history.ts";
import type { Article } from "../article/article.ts";
import { classifyArticlePath } from "../article/article-path.ts";
import { sha256 } from "../hash.ts";
import type { BillingEntry, Judge, RefusedArticle } from "./ledger.ts";
import { underArticles, type Identity } from "./identities.ts";
import { NearCopyIndex, comparableText, sketchOf, type Sketch } from "./near-copy.ts";

/** The body as written, front matter aside. */
const bodyOf = (article: Article) =>
  article.raw
    .split("\n")
    .slice(article.bodyStartLine - 1)
    .join("\n");

/** What makes a copy a copy: the same title over the same body (front matter aside, whitespace folded). */
export function contentKeyOf(article: Article): string {
  return sha256(article.frontMatter.title, bodyOf(article).replace(/\s+/g, " ").trim());
}

/** What a near-copy is judged on (near-copy.ts): the title and the body as a reader reads them. */
export const sketchOfArticle = (article: Article): Sketch => sketchOf(comparableText(article.frontMatter.title, bodyOf(article)));

const percent = (n: number) => `${Math.round(n * 100)}%`;

/**
 * An article is paid once, whatever path it comes under. In the order they reached the branch,
 * a later entry is not billed when its body is a copy of one already billed, when it is an
 * article already billed (same writer and title) that was deleted earlier and came back, or when
 * it is a near-copy of one already billed (near-copy.ts) — unless city staff accepted its commit
 * in `billing.accepted` (two articles can be alike for a reason: a series, a correction). A new
 * article that only shares a title (a monthly column) is still billed: the earlier one was never
 * deleted. City staff see each one left out, with the reason.
 */
export function withoutRepeats(
  entries: BillingEntry[],
  people: Identity[],
  history: readonly HistoryCommit[],
  refused: RefusedArticle[],
  sketches: ReadonlyMap<BillingEntry, Sketch>,
  staffAccepted: (sha: string) => boolean,
): BillingEntry[] {
  const identityOf = new Map(people.map((p) => [p.id, p]));
  const commitIndex = new Map(history.map((c, i) => [c.sha, i]));
  const ordered = [...entries].sort((a, b) => commitIndex.get(a.commit)! - commitIndex.get(b.commit)! || a.id.localeCompare(b.id));
  const byContent = new Map<string, BillingEntry>();
  const byWork = new Map<string, BillingEntry[]>();
  const near = new NearCopyIndex<BillingEntry>();
  const kept: BillingEntry[] = [];
  for (const entry of ordered) {
    const at = commitIndex.get(entry.commit)!;
    const work = JSON.stringify([entry.writer, entry.title]);
    const copyOf = byContent.get(entry.contentKey);
    const cameBack = (byWork.get(work) ?? []).find((earlier) => identityOf.get(earlier.id)!.events.some((e) => e.kind === "delete" && e.index <= at));
    const repeat = copyOf ?? cameBack;
    const sketch = sketches.get(entry);
    if (repeat) {
      refused.push({
        path: entry.path,
        month: entry.month,
        reason: `${repeat.path}（${repeat.month} に支払い済み）と同じ記事のため、もう一度は支払いません。`,
      });
      continue;
    }
    const alike = sketch && !staffAccepted(entry.commit) ? near.find(sketch) : undefined;
    if (alike) {
      const short = entry.commit.slice(0, 7);
      refused.push({
        path: entry.path,
        month: entry.month,
        reason: `${alike.value.path}（${alike.value.month} に支払い済み）と、題名と本文の ${percent(alike.overlap)} が同じです（似ている記事）。支払いを保留しています。別の記事として支払うときは、市の担当者が kawaraban.config.yml の billing.accepted に「${short}: 支払う月」を書きます。`,
      });
      continue;
    }
    kept.push(entry);
    byContent.set(entry.contentKey, entry);
    byWork.set(work, [...(byWork.get(work) ?? []), entry]);
    if (sketch) near.add(sketch, entry);
  }
  return kept;
}

/** Whether a deletion is half of a move: the same writer's same title added in the same commit. */
export async function movedAway(commit: HistoryCommit, index: number, before: Article, judge: Judge): Promise<boolean> {
  for (const c of commit.changes) {
    if (c.status !== "A" || !underArticles(c.path) || classifyArticlePath(c.path).kind !== "article") continue;
    const after = (await judge({ index, path: c.path })).article;
    if (after && after.frontMatter.writer === before.frontMatter.writer && after.frontMatter.title === before.frontMatter.title) return true;
  }
  return false;
}

export function withoutMoves(entries: BillingEntry[], people: Identity[], history: readonly HistoryCommit[]): BillingEntry[] {
  const identityOf = new Map(people.map((p) => [p.id, p]));
  const commitIndex = new Map(history.map((c, i) => [c.sha, i]));
  const sorted = [...entries].sort((a, b) => commitIndex.get(a.commit)! - commitIndex.get(b.commit)! || a.id.localeCompare(b.id));
  const kept: BillingEntry[] = [];
  const keptByWork = new Map<string, BillingEntry[]>();
  for (const entry of sorted) {
    const billedAt = commitIndex.get(entry.commit)!;
    const work = JSON.stringify([entry.writer, entry.title]);
    // A move git could not see as a rename: the same writer's same title, deleted in the very commit that adds this one.
    const moved = (keptByWork.get(work) ?? []).some((earlier) => identityOf.get(earlier.id)!.events.some((e) => e.kind === "delete" && e.index === billedAt));
    if (moved) continue;
    kept.push(entry);
    keptByWork.set(work, [...(keptByWork.get(work) ?? []), entry]);
  }
  return kept;
}
