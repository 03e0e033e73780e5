import type { GithubClient } from "./client.ts";
import type { Repo } from "./pr-report.ts";
import { DESK_LABEL, INVOICE_LABEL, ensureLabels, type LabelSpec } from "./repo-labels.ts";

export const invoiceMarker = (month: string) => `<!-- kawaraban:invoice=${month} -->`;
export const DESK_MARKER = "<!-- kawaraban:desk -->";

export interface MarkedIssue {
  marker: string;
  title: string;
  label: LabelSpec;
  body: string;
  /** Only an issue this login opened is kawaraban's: anyone can write the marker into an issue of their own. */
  botLogin: string;
}

/** The issue kawaraban keeps for a marker (its own, with its label), with its body. */
export async function findMarkedIssue(
  client: GithubClient,
  repo: Repo,
  issue: Pick<MarkedIssue, "marker" | "label" | "botLogin">,
): Promise<{ number: number; body: string } | undefined> {
  const issues = await client.paginate(client.rest.issues.listForRepo, { ...repo, state: "all", labels: issue.label.name, per_page: 100 });
  const found = issues.find((i) => !i.pull_request && i.user?.login === issue.botLogin && i.body?.includes(issue.marker));
  return found && { number: found.number, body: found.body ?? "" };
}

/** An issue kawaraban keeps up to date, found by its hidden marker among its own issues and updated in place. */
export async function upsertMarkedIssue(client: GithubClient, repo: Repo, issue: MarkedIssue): Promise<{ number: number; created: boolean }> {
  const existing = await findMarkedIssue(client, repo, issue);
  const text = `${issue.marker}\n${issue.body}`;
  if (existing) {
    await client.rest.issues.update({ ...repo, issue_number: existing.number, title: issue.title, body: text });
    return { number: existing.number, created: false };
  }
  await ensureLabels(client, repo, [issue.label]);
  const created = await client.rest.issues.create({ ...repo, title: issue.title, body: text, labels: [issue.label.name] });
  return { number: created.data.number, created: true };
}

/** One issue per month for city staff. */
export function upsertInvoiceIssue(
  client: GithubClient,
  repo: Repo,
  month: string,
  body: string,
  botLogin: string,
): Promise<{ number: number; created: boolean }> {
  return upsertMarkedIssue(client, repo, {
    marker: invoiceMarker(month),
    title: `原稿料の集計（${month.slice(0, 4)} 年 ${Number(month.slice(5))} 月分）`,
    label: INVOICE_LABEL,
    body,
    botLogin,
  });
}

export { DESK_LABEL };
