import type { Config } from "../article/config.ts";
import type { AdmittedArticle } from "../article/gate.ts";
import { APPROVALS_FILE, briefIdOf, briefPathOf, parseApprovals, parseBrief, resolveBrief } from "../desk/brief.ts";
import type { FeePart } from "./fees.ts";

const yen = (n: number) => `¥${n.toLocaleString("ja-JP")}`;

/**
 * The fee an article's brief sets, as it stood when the article was billed (the brief and the
 * approvals at that commit: a fee changed after the merge changes nothing). A brief's own fee
 * replaces the rate card only when city staff approved exactly that amount in
 * briefs/approvals.yml (CODEOWNERS: city staff only); otherwise the rate card applies and the
 * line says why. Pure: the caller gives the files' texts at that commit.
 */
export function briefFee(
  article: AdmittedArticle,
  config: Config,
  textAt: (path: string) => string | undefined,
  briefPaths: readonly string[] = [],
): { brief?: string; breakdown?: FeePart[]; note?: string } {
  const ref = article.frontMatter.brief;
  if (!ref) return {};
  // A bare name (`satoyama`) is the one brief of that name at that commit.
  const ids = new Map(briefPaths.flatMap((p) => { const id = briefIdOf(p); return id ? [[id, { id }] as const] : []; }));
  const id = resolveBrief(ids, ref).brief?.id ?? ref;
  const text = textAt(briefPathOf(id));
  const brief = text === undefined ? undefined : parseBrief(briefPathOf(id), text, config).brief;
  if (!brief) return { brief: id, note: `依頼「${id}」がこの時点の briefs/ にないため、料金表どおりです` };
  if (brief.fee === undefined) return { brief: id };
  const approved = parseApprovals(textAt(APPROVALS_FILE)).get(id);
  if (approved !== brief.fee) {
    return { brief: id, note: `依頼の原稿料（${yen(brief.fee)}）は市の承認（briefs/approvals.yml）がないため、料金表どおりにしました` };
  }
  return { brief: id, breakdown: [{ label: `依頼「${brief.title}」の原稿料`, amount: brief.fee }] };
}
