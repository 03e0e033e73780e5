import type { Article } from "../article/article.ts";
import type { BriefBook } from "../desk/read-briefs.ts";
import { resolveBrief } from "../desk/brief.ts";
import type { FeePart } from "./fees.ts";
import type { BillingEntry } from "./ledger.ts";

const yen = (n: number) => `¥${n.toLocaleString("ja-JP")}`;

/**
 * The fee an article's brief sets, as it stood when the article was billed (the briefs and the
 * approvals at that commit: a fee changed after the merge changes nothing). A brief's own fee
 * replaces the rate card only when city staff approved exactly that amount in
 * briefs/approvals.yml (CODEOWNERS: city staff only); otherwise the rate card applies and the
 * line says why. Pure: the caller gives the brief book of that commit.
 */
export function briefFee(article: Article, book: Pick<BriefBook, "briefs" | "approvals">): { brief?: string; breakdown?: FeePart[]; note?: string } {
  const ref = article.frontMatter.brief;
  if (!ref) return {};
  // A bare name (`satoyama`) is the one brief of that name at that commit.
  const brief = resolveBrief(book.briefs, ref).brief;
  if (!brief) return { brief: ref, note: `依頼「${ref}」がこの時点の briefs/ にないため、料金表どおりです` };
  if (brief.fee === undefined) return { brief: brief.id };
  if (book.approvals.get(brief.id) !== brief.fee) {
    return { brief: brief.id, note: `依頼の原稿料（${yen(brief.fee)}）は市の承認（briefs/approvals.yml）がないため、料金表どおりにしました` };
  }
  return { brief: brief.id, breakdown: [{ label: `依頼「${brief.title}」の原稿料`, amount: brief.fee }] };
}

/**
 * A brief is one piece of work, paid once: the first article that delivered it (in the order
 * they reached main) gets the brief's fee; any later article citing the same brief is paid at
 * the rate card, with a note saying where the brief's fee went. `entries` are in billing order.
 */
export function briefFeesOnce(entries: readonly BillingEntry[], rateCards: ReadonlyMap<BillingEntry, FeePart[]>): BillingEntry[] {
  const deliveredBy = new Map<string, BillingEntry>();
  return entries.map((entry) => {
    if (!entry.brief) return entry;
    const first = deliveredBy.get(entry.brief);
    if (!first) {
      deliveredBy.set(entry.brief, entry);
      return entry;
    }
    const note = `依頼「${entry.brief}」は ${first.path}（${first.month}）で納品済みです${entry.feeFromBrief ? "。依頼の原稿料はそちらで支払ったため、この記事は料金表どおりにしました" : ""}`;
    const notes = [entry.note, note].filter(Boolean).join("。");
    if (!entry.feeFromBrief) return { ...entry, note: notes };
    const breakdown = rateCards.get(entry) ?? [];
    const { feeFromBrief: _, ...rest } = entry;
    return { ...rest, breakdown, fee: breakdown.reduce((n, part) => n + part.amount, 0), note: notes };
  });
}
