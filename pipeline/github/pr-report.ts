import type { GithubClient } from "./client.ts";
import type { CheckReportDocument } from "./report-input.ts";
import { findingsOf, SUMMARY_MARKER, type Finding } from "./findings.ts";
import { addedLines } from "./diff.ts";
import { planReview, fixedBody } from "./review.ts";
import { renderSummary } from "./summary.ts";
import { EDITORIAL_LABELS, managedLabelNames, plannedLabel } from "./labels.ts";
import { publishChecks } from "./checks.ts";

export interface Repo {
  owner: string;
  repo: string;
}

export interface PrReportInput {
  client: GithubClient;
  repo: Repo;
  pr: number;
  report: CheckReportDocument;
  repositoryUrl?: string;
  cityStaff: readonly string[];
  /** Repository paths whose change needs city staff's approval. */
  protectedPaths: readonly string[];
  log: (line: string) => void;
}

export interface PrReportOutcome {
  summaryCommentId?: number;
  lineComments: number;
  fixedMarked: number;
  label?: string;
  checks: "check-run" | "status" | "none";
  /** Steps the token was not allowed to do (a fork's read-only token): the report went to the job summary instead. */
  degraded: string[];
  summary: string;
}

/** HTTP 403 without a rate limit: the token may not do this (e.g. a PR from a fork). */
export function isForbidden(error: unknown): boolean {
  const e = error as { status?: number; message?: string };
  return e?.status === 403 && !/rate limit/i.test(e.message ?? "");
}

/**
 * Posts or updates everything for one PR: line comments on changed lines, marks on fixed
 * ones, the sticky summary, the check run (or a commit status), and the editorial label.
 * Each write that the token is not allowed to do degrades (logged, listed in `degraded`)
 * instead of failing the rest; other errors propagate.
 */
export async function reportToPullRequest(input: PrReportInput): Promise<PrReportOutcome> {
  const { client, repo, pr, report, log } = input;
  const degraded: string[] = [];
  const attempt = async <T>(step: string, run: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (error) {
      if (!isForbidden(error)) throw error;
      degraded.push(step);
      log(`kawaraban report: the token may not ${step} (HTTP 403); continuing without it`);
      return undefined;
    }
  };

  const { data: pull } = await client.rest.pulls.get({ ...repo, pull_number: pr });
  const files = await client.paginate(client.rest.pulls.listFiles, { ...repo, pull_number: pr, per_page: 100 });
  const changed = new Map(files.map((f) => [f.filename, addedLines(f.patch)]));
  const configChanged = files.map((f) => f.filename).filter((f) => input.protectedPaths.includes(f));
  const findings: Finding[] = findingsOf(report);

  const existingReview = await client.paginate(client.rest.pulls.listReviewComments, { ...repo, pull_number: pr, per_page: 100 });
  const plan = planReview(
    findings,
    changed,
    existingReview.map((c) => ({ id: c.id, body: c.body })),
    input.repositoryUrl,
  );
  let lineComments = 0;
  if (plan.comments.length > 0) {
    const posted = await attempt("post review comments", () =>
      client.rest.pulls.createReview({ ...repo, pull_number: pr, commit_id: pull.head.sha, event: "COMMENT", comments: plan.comments }),
    );
    if (posted) lineComments = plan.comments.length;
  }
  let fixedMarked = 0;
  for (const comment of plan.fixed) {
    const done = await attempt("update review comments", () => client.rest.pulls.updateReviewComment({ ...repo, comment_id: comment.id, body: fixedBody(comment.body) }));
    if (done) fixedMarked++;
  }

  const summary = renderSummary(report, {
    repositoryUrl: input.repositoryUrl,
    inlinePosted: lineComments,
    outsideDiff: plan.outsideDiff,
    overCap: plan.overCap + (plan.comments.length - lineComments),
    fixedSincePreviousPush: plan.fixed.length,
    configChanged,
  });
  const comments = await client.paginate(client.rest.issues.listComments, { ...repo, issue_number: pr, per_page: 100 });
  const sticky = comments.find((c) => c.body?.includes(SUMMARY_MARKER));
  const written = await attempt("write the summary comment", async () =>
    sticky
      ? (await client.rest.issues.updateComment({ ...repo, comment_id: sticky.id, body: summary })).data
      : (await client.rest.issues.createComment({ ...repo, issue_number: pr, body: summary })).data,
  );

  const checks = await publishChecks({ client, repo, headSha: pull.head.sha, findings, report, attempt });

  const reviews = await client.paginate(client.rest.pulls.listReviews, { ...repo, pull_number: pr, per_page: 100 });
  const label = plannedLabel({
    draft: pull.draft === true,
    merged: pull.merged === true,
    errors: report.summary.errors,
    reviews: reviews.map((r) => ({ user: r.user?.login ?? "", state: r.state })),
    cityStaff: input.cityStaff,
  });
  if (label) await attempt("update labels", () => syncLabel(client, repo, pr, label));

  return { summaryCommentId: written?.id, lineComments, fixedMarked, label, checks, degraded, summary };
}

/** After a successful publish: the merged PRs that brought this commit get 公開済み. */
export async function markPublished(client: GithubClient, repo: Repo, sha: string): Promise<number[]> {
  const pulls = await client.paginate(client.rest.repos.listPullRequestsAssociatedWithCommit, { ...repo, commit_sha: sha, per_page: 100 });
  const merged = pulls.filter((p) => p.merged_at).map((p) => p.number);
  for (const number of merged) await syncLabel(client, repo, number, EDITORIAL_LABELS.published.name);
  return merged;
}

async function syncLabel(client: GithubClient, repo: Repo, pr: number, wanted: string): Promise<void> {
  const existing = new Set((await client.paginate(client.rest.issues.listLabelsForRepo, { ...repo, per_page: 100 })).map((l) => l.name));
  const definition = Object.values(EDITORIAL_LABELS).find((l) => l.name === wanted)!;
  if (!existing.has(wanted)) await client.rest.issues.createLabel({ ...repo, ...definition });
  const current = (await client.rest.issues.listLabelsOnIssue({ ...repo, issue_number: pr, per_page: 100 })).data.map((l) => l.name);
  for (const name of current) {
    if (name !== wanted && managedLabelNames.includes(name)) await client.rest.issues.removeLabel({ ...repo, issue_number: pr, name });
  }
  if (!current.includes(wanted)) await client.rest.issues.addLabels({ ...repo, issue_number: pr, labels: [wanted] });
}
