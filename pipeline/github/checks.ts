import type { GithubClient } from "./client.ts";
import type { CheckReportDocument } from "./report-input.ts";
import type { Finding } from "./findings.ts";
import type { Repo } from "./pr-report.ts";

/** GitHub accepts at most 50 annotations per check-run request. */
export const ANNOTATIONS_PER_REQUEST = 50;

const level = { error: "failure", warning: "warning", info: "notice" } as const;

export function annotationsOf(findings: readonly Finding[]) {
  return findings.map((f) => {
    const line = f.line ?? 1;
    const endLine = f.endLine ?? line;
    return {
      path: f.path,
      start_line: line,
      end_line: endLine,
      // Columns are only allowed when the annotation stays on one line.
      ...(endLine === line && f.column !== undefined && { start_column: f.column, end_column: f.endColumn ?? f.column }),
      annotation_level: level[f.severity],
      message: f.message,
      title: f.ruleId,
    };
  });
}

interface Publish {
  client: GithubClient;
  repo: Repo;
  headSha: string;
  findings: Finding[];
  report: CheckReportDocument;
  attempt: <T>(step: string, run: () => Promise<T>) => Promise<T | undefined>;
}

/** A check run with every finding as an annotation (batched), or a commit status if the token cannot create check runs. */
export async function publishChecks({ client, repo, headSha, findings, report, attempt }: Publish): Promise<"check-run" | "status" | "none"> {
  const { errors, warnings } = report.summary;
  const conclusion = errors > 0 ? "failure" : "success";
  const title = errors > 0 ? `エラー ${errors} 件・警告 ${warnings} 件` : warnings > 0 ? `警告 ${warnings} 件` : "問題なし";
  const annotations = annotationsOf(findings);
  const run = await attempt("create a check run", async () => {
    const output = (batch: typeof annotations) => ({ title, summary: `瓦版チェック: ${title}`, annotations: batch });
    const created = await client.rest.checks.create({
      ...repo,
      name: "kawaraban",
      head_sha: headSha,
      status: "completed",
      conclusion,
      output: output(annotations.slice(0, ANNOTATIONS_PER_REQUEST)),
    });
    for (let i = ANNOTATIONS_PER_REQUEST; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) {
      await client.rest.checks.update({ ...repo, check_run_id: created.data.id, output: output(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST)) });
    }
    return created;
  });
  if (run) return "check-run";
  const status = await attempt("set a commit status", () =>
    client.rest.repos.createCommitStatus({ ...repo, sha: headSha, state: errors > 0 ? "failure" : "success", context: "kawaraban", description: `瓦版チェック: ${title}` }),
  );
  return status ? "status" : "none";
}
