import type { GithubClient } from "./client.ts";
import type { Repo } from "./pr-report.ts";

export const invoiceMarker = (month: string) => `<!-- kawaraban:invoice=${month} -->`;
export const INVOICE_LABEL = "原稿料";
export const DESK_MARKER = "<!-- kawaraban:desk -->";
export const DESK_LABEL = "依頼の状況";

export interface MarkedIssue {
  marker: string;
  title: string;
  label: string;
  labelDescription: string;
  body: string;
}

/** An issue kawaraban keeps up to date, found by its hidden marker among its label's issues and updated in place. */
export async function upsertMarkedIssue(client: GithubClient, repo: Repo, issue: MarkedIssue): Promise<{ number: number; created: boolean }> {
  const issues = await client.paginate(client.rest.issues.listForRepo, { ...repo, state: "all", labels: issue.label, per_page: 100 });
  const existing = issues.find((i) => !i.pull_request && i.body?.includes(issue.marker));
  const text = `${issue.marker}\n${issue.body}`;
  if (existing) {
    await client.rest.issues.update({ ...repo, issue_number: existing.number, title: issue.title, body: text });
    return { number: existing.number, created: false };
  }
  const labels = await client.paginate(client.rest.issues.listLabelsForRepo, { ...repo, per_page: 100 });
  if (!labels.some((l) => l.name === issue.label)) {
    await client.rest.issues.createLabel({ ...repo, name: issue.label, color: "1d76db", description: issue.labelDescription });
  }
  const created = await client.rest.issues.create({ ...repo, title: issue.title, body: text, labels: [issue.label] });
  return { number: created.data.number, created: true };
}

/** One issue per month for city staff. */
export function upsertInvoiceIssue(client: GithubClient, repo: Repo, month: string, body: string): Promise<{ number: number; created: boolean }> {
  return upsertMarkedIssue(client, repo, {
    marker: invoiceMarker(month),
    title: `原稿料の集計（${month.slice(0, 4)} 年 ${Number(month.slice(5))} 月分）`,
    label: INVOICE_LABEL,
    labelDescription: "月ごとの原稿料の集計（市の担当者向け）",
    body,
  });
}
