import type { Article } from "../article/article.ts";
import type { BriefBook } from "../desk/read-briefs.ts";
import { resolveBrief } from "../desk/brief.ts";
import type { FeePart } from "./fees.ts";

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
