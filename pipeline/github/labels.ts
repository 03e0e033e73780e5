/** Editorial labels, one at a time, kept in sync with the PR's state. */
export const EDITORIAL_LABELS = {
  drafting: { name: "執筆中", color: "c5def5", description: "ライターが執筆中（下書きのプルリクエスト）" },
  awaitingReview: { name: "レビュー待ち", color: "fbca04", description: "編集担当の確認待ち" },
  changesRequested: { name: "修正依頼", color: "d93f0b", description: "エラーがある、または修正を依頼中" },
  approved: { name: "承認済み", color: "0e8a16", description: "市の担当者が承認" },
  published: { name: "公開済み", color: "5319e7", description: "マージされ、公開された" },
} as const;

export type EditorialLabel = (typeof EDITORIAL_LABELS)[keyof typeof EDITORIAL_LABELS]["name"];

export interface PrState {
  draft: boolean;
  merged: boolean;
  errors: number;
  /** Every review, oldest first: the latest per reviewer counts. */
  reviews: { user: string; state: string }[];
  /** GitHub handles of city staff whose approval counts (empty: any approval). */
  cityStaff: readonly string[];
}

/** The one label the PR should carry now; undefined leaves labels alone (merged: the publish job decides). */
export function plannedLabel(pr: PrState): EditorialLabel | undefined {
  if (pr.merged) return undefined;
  if (pr.draft) return EDITORIAL_LABELS.drafting.name;
  const latest = new Map<string, string>();
  for (const r of pr.reviews) if (r.state !== "COMMENTED") latest.set(r.user.toLowerCase(), r.state);
  const states = [...latest.entries()];
  if (pr.errors > 0 || states.some(([, s]) => s === "CHANGES_REQUESTED")) return EDITORIAL_LABELS.changesRequested.name;
  const staff = new Set(pr.cityStaff.map((h) => h.toLowerCase()));
  if (states.some(([user, s]) => s === "APPROVED" && (staff.size === 0 || staff.has(user)))) return EDITORIAL_LABELS.approved.name;
  return EDITORIAL_LABELS.awaitingReview.name;
}

export const managedLabelNames = Object.values(EDITORIAL_LABELS).map((l) => l.name) as string[];
