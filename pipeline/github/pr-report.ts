import type { GithubClient } from "./client.ts";
import type { CheckReportDocument } from "./report-input.ts";
import { findingsOf, SUMMARY_MARKER, type Finding } from "./findings.ts";
import { addedLines } from "./diff.ts";
import { planReview, fixedBody } from "./review.ts";
import { countsOf, renderSummary } from "./summary.ts";
import { EDITORIAL_LABELS, managedLabelNames, plannedLabel, type ReviewFact } from "./labels.ts";
import { publishChecks } from "./checks.ts";

export interface Repo {
  owner: string;
  repo: string;
}

export interface PullFacts {
  number: number;
  headSha: string;
  draft: boolean;
  merged: boolean;
  /** The PR author's login. */
  author: string;
  files: { filename: string; status: string; patch?: string; previous_filename?: string }[];
  /** How many files GitHub says the PR changes (its file list stops at 3,000). */
  changedFiles: number;
  reviews: ReviewFact[];
}

export interface PrReportInput {
  client: GithubClient;
  repo: Repo;
  pull: PullFacts;
  report: CheckReportDocument;
  repositoryUrl?: string;
  cityStaff: readonly string[];
  /** The login the token posts as: only comments by it carry markers kawaraban trusts. */
  botLogin: string;
  /** Protected paths this PR changes, under every name (the summary's notice). */
  protectedChanged: readonly string[];
  log: (line: string) => void;
}

export interface PrReportOutcome {
  summaryCommentId?: number;
  lineComments: number;
  fixedMarked: number;
  label?: string;
  checks: "check-run" | "status" | "none";
  /** Steps GitHub refused (403 from a read-only token, 422, 404): logged and skipped, the rest still posted. */
  degraded: string[];
  summary: string;
}

/** Earlier "fixed" marks updated per run: with the other calls, one run stays far under the API budget. */
export const MAX_FIXED_UPDATES = 20;

/** The facts of a PR the report needs, read once (four paginated lists at most). */
export async function readPullFacts(client: GithubClient, repo: Repo, number: number): Promise<PullFacts> {
  const { data: pull } = await client.rest.pulls.get({ ...repo, pull_number: number });
  const files = await client.paginate(client.rest.pulls.listFiles, { ...repo, pull_number: number, per_page: 100 });
  const reviews = await client.paginate(client.rest.pulls.listReviews, { ...repo, pull_number: number, per_page: 100 });
  return {
    number,
    headSha: pull.head.sha,
    draft: pull.draft === true,
    merged: pull.merged === true,
    author: pull.user?.login ?? "",
    files: files.map((f) => ({
      filename: f.filename,
      status: f.status,
      patch: f.patch,
      ...(f.previous_filename && { previous_filename: f.previous_filename }),
    })),
    changedFiles: pull.changed_files,
    reviews: reviews.map((r) => ({ user: r.user?.login ?? "", state: r.state, commitId: r.commit_id ?? undefined })),
  };
}

/**
 * Posts or updates everything for one PR, most important first: the sticky summary, the check
 * run branch protection requires, the editorial label, then line comments and "fixed" marks.
 * GitHub refusing one call (403, 404, 422) is logged and skipped; the rest is still posted.
 */
export async function reportToPullRequest(input: PrReportInput): Promise<PrReportOutcome> {
  const { client, repo, pull, report, log } = input;
  const degraded: string[] = [];
  const attempt = async <T>(step: string, run: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === undefined || status < 400 || status >= 500 || (status === 403 && /rate limit/i.test((error as Error).message))) throw error;
      degraded.push(step);
      log(`kawaraban report: GitHub refused to ${step} (HTTP ${status}); continuing without it`);
      return undefined;
    }
  };
  const own = (login: string | undefined) => login === input.botLogin;
  const findings: Finding[] = findingsOf(report);
  const changed = new Map(pull.files.map((f) => [f.filename, addedLines(f.patch)]));
  const existingReview = (await client.paginate(client.rest.pulls.listReviewComments, { ...repo, pull_number: pull.number, per_page: 100 }))
    .filter((c) => own(c.user?.login))
    .map((c) => ({ id: c.id, body: c.body }));
  const plan = planReview(findings, changed, existingReview, input.repositoryUrl);
  const fixed = plan.fixed.slice(0, MAX_FIXED_UPDATES);

  const summary = renderSummary(report, {
    repositoryUrl: input.repositoryUrl,
    inlinePosted: plan.comments.length,
    outsideDiff: plan.outsideDiff,
    overCap: plan.overCap,
    fixedSincePreviousPush: plan.fixed.length,
    configChanged: [...input.protectedChanged],
  });
  const comments = await client.paginate(client.rest.issues.listComments, { ...repo, issue_number: pull.number, per_page: 100 });
  // A marker in someone else's comment is only text: a writer cannot take over the summary.
  const sticky = comments.find((c) => own(c.user?.login) && c.body?.includes(SUMMARY_MARKER));
  const written = await attempt("write the summary comment", async () =>
    sticky
      ? (await client.rest.issues.updateComment({ ...repo, comment_id: sticky.id, body: summary })).data
      : (await client.rest.issues.createComment({ ...repo, issue_number: pull.number, body: summary })).data,
  );

  const counts = countsOf(report);
  const checks = await publishChecks({ client, repo, headSha: pull.headSha, findings, counts, attempt });

  const label = plannedLabel({
    draft: pull.draft,
    merged: pull.merged,
    errors: counts.errors,
    reviews: pull.reviews,
    headSha: pull.headSha,
    cityStaff: input.cityStaff,
  });
  if (label) await attempt("update labels", () => syncLabel(client, repo, pull.number, label));

  let lineComments = 0;
  if (plan.comments.length > 0) {
    const posted = await attempt("post review comments", () =>
      client.rest.pulls.createReview({ ...repo, pull_number: pull.number, commit_id: pull.headSha, event: "COMMENT", comments: plan.comments }),
    );
    if (posted) lineComments = plan.comments.length;
  }
  let fixedMarked = 0;
  for (const comment of fixed) {
    const done = await attempt("update a review comment", () =>
      client.rest.pulls.updateReviewComment({ ...repo, comment_id: comment.id, body: fixedBody(comment.body) }),
    );
    if (done) fixedMarked++;
  }
  return { summaryCommentId: written?.id, lineComments, fixedMarked, label, checks, degraded, summary };
}

export async function syncLabel(client: GithubClient, repo: Repo, pr: number, wanted: string): Promise<void> {
  const existing = new Set((await client.paginate(client.rest.issues.listLabelsForRepo, { ...repo, per_page: 100 })).map((l) => l.name));
  const definition = Object.values(EDITORIAL_LABELS).find((l) => l.name === wanted)!;
  if (!existing.has(wanted)) {
    try {
      await client.rest.issues.createLabel({ ...repo, ...definition });
    } catch (error) {
      // Another PR's report created it a moment ago: that is the label we wanted.
      if ((error as { status?: number }).status !== 422) throw error;
    }
  }
  const current = (await client.rest.issues.listLabelsOnIssue({ ...repo, issue_number: pr, per_page: 100 })).data.map((l) => l.name);
  for (const name of current) {
    if (name !== wanted && managedLabelNames.includes(name)) await client.rest.issues.removeLabel({ ...repo, issue_number: pr, name });
  }
  if (!current.includes(wanted)) await client.rest.issues.addLabels({ ...repo, issue_number: pr, labels: [wanted] });
}
