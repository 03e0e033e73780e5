/** Editorial labels, one at a time, kept in sync with the PR's state. */
export const EDITORIAL_LABELS = {
  drafting: { name: "執筆中", color: "c5def5", description: "ライターが執筆中（下書きのプルリクエスト）" },
  awaitingReview: { name: "レビュー待ち", color: "fbca04", description: "編集担当の確認待ち" },
  changesRequested: { name: "修正依頼", color: "d93f0b", description: "エラーがある、または修正を依頼中" },
  approved: { name: "承認済み", color: "0e8a16", description: "市の担当者が承認" },
  published: { name: "公開済み", color: "5319e7", description: "マージされ、公開された" },
} as const;

export type EditorialLabel = (typeof EDITORIAL_LABELS)[keyof typeof EDITORIAL_LABELS]["name"];

export interface ReviewFact {
  user: string;
  state: string;
  /** The commit the review was given on. */
  commitId?: string;
}

export interface PrState {
  draft: boolean;
  merged: boolean;
  errors: number;
  /** Every review, oldest first: the latest per reviewer counts. */
  reviews: readonly ReviewFact[];
  headSha: string;
  /** GitHub handles of city staff whose approval counts; empty means nobody's does (a config error). */
  cityStaff: readonly string[];
}

/** Each reviewer's latest decision (comments are not decisions; a dismissal withdraws one). */
function latestDecisions(reviews: readonly ReviewFact[]): Map<string, ReviewFact> {
  const latest = new Map<string, ReviewFact>();
  for (const r of reviews) {
    if (r.state === "COMMENTED" || r.state === "PENDING") continue;
    latest.set(r.user.toLowerCase(), r);
  }
  return latest;
}

/** A configured city-staff member's approval stands on exactly this head (a later push needs a new one). */
export function staffApprovedHead(reviews: readonly ReviewFact[], headSha: string, cityStaff: readonly string[]): boolean {
  const staff = new Set(cityStaff.map((h) => h.toLowerCase()));
  return [...latestDecisions(reviews)].some(([user, r]) => staff.has(user) && r.state === "APPROVED" && r.commitId === headSha);
}

/** The one label the PR should carry now; undefined leaves labels alone (merged: the publish job decides). */
export function plannedLabel(pr: PrState): EditorialLabel | undefined {
  if (pr.merged) return undefined;
  if (pr.draft) return EDITORIAL_LABELS.drafting.name;
  const decisions = [...latestDecisions(pr.reviews).values()];
  if (pr.errors > 0 || decisions.some((r) => r.state === "CHANGES_REQUESTED")) return EDITORIAL_LABELS.changesRequested.name;
  if (staffApprovedHead(pr.reviews, pr.headSha, pr.cityStaff)) return EDITORIAL_LABELS.approved.name;
  return EDITORIAL_LABELS.awaitingReview.name;
}

export const managedLabelNames = Object.values(EDITORIAL_LABELS).map((l) => l.name) as string[];
