import type { GithubClient } from "./client.ts";
import type { Repo } from "./pr-report.ts";

export const invoiceMarker = (month: string) => `<!-- kawaraban:invoice=${month} -->`;
export const INVOICE_LABEL = "原稿料";

/** One issue per month for city staff, found by its hidden marker and updated in place. */
export async function upsertInvoiceIssue(client: GithubClient, repo: Repo, month: string, body: string): Promise<{ number: number; created: boolean }> {
  const marker = invoiceMarker(month);
  const issues = await client.paginate(client.rest.issues.listForRepo, { ...repo, state: "all", labels: INVOICE_LABEL, per_page: 100 });
  const existing = issues.find((i) => !i.pull_request && i.body?.includes(marker));
  const text = `${marker}\n${body}`;
  const title = `原稿料の集計（${month.slice(0, 4)} 年 ${Number(month.slice(5))} 月分）`;
  if (existing) {
    await client.rest.issues.update({ ...repo, issue_number: existing.number, title, body: text });
    return { number: existing.number, created: false };
  }
  const labels = await client.paginate(client.rest.issues.listLabelsForRepo, { ...repo, per_page: 100 });
  if (!labels.some((l) => l.name === INVOICE_LABEL)) {
    await client.rest.issues.createLabel({ ...repo, name: INVOICE_LABEL, color: "1d76db", description: "月ごとの原稿料の集計（市の担当者向け）" });
  }
  const created = await client.rest.issues.create({ ...repo, title, body: text, labels: [INVOICE_LABEL] });
  return { number: created.data.number, created: true };
}
