import type { GithubClient } from "./client.ts";
import type { Repo } from "./pr-report.ts";
import { EDITORIAL_LABELS } from "./labels.ts";

export interface LabelSpec {
  name: string;
  /** Hex without `#`, as GitHub takes it. */
  color: string;
  description: string;
}

/** The label the 記事の依頼 form applies: GitHub applies a form's label only if it exists, and a repository made from the template has none. */
export const BRIEF_LABEL: LabelSpec = {
  name: "記事の依頼",
  color: "0075ca",
  description: "記事の依頼（フォームから）。kawaraban の窓口が依頼のファイルにします",
};
export const DESK_LABEL: LabelSpec = { name: "依頼の状況", color: "1d76db", description: "依頼（briefs/）の状況。kawaraban が毎日更新します" };
export const INVOICE_LABEL: LabelSpec = { name: "原稿料", color: "1d76db", description: "月ごとの原稿料の集計（市の担当者向け）" };

/** Every label the product depends on (setup creates them; the bots create the ones they use when missing). */
export const PRODUCT_LABELS: readonly LabelSpec[] = [BRIEF_LABEL, DESK_LABEL, INVOICE_LABEL, ...Object.values(EDITORIAL_LABELS)];

/** Creates the labels the repository lacks (one list, one create each); another run creating one meanwhile is fine. */
export async function ensureLabels(client: GithubClient, repo: Repo, wanted: readonly LabelSpec[]): Promise<string[]> {
  const existing = new Set((await client.paginate(client.rest.issues.listLabelsForRepo, { ...repo, per_page: 100 })).map((l) => l.name));
  const created: string[] = [];
  for (const label of wanted.filter((l) => !existing.has(l.name))) {
    await client.rest.issues.createLabel({ ...repo, ...label }).then(
      () => created.push(label.name),
      (error: { status?: number }) => {
        if (error.status !== 422) throw error; // created meanwhile
      },
    );
  }
  return created;
}
