import type { GithubClient } from "./client.ts";
import type { Finding } from "./findings.ts";
import type { Repo } from "./pr-report.ts";

/** GitHub accepts at most 50 annotations per check-run request. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** Annotations per run (three requests): errors first; the rest are counted in the check's summary. */
export const MAX_ANNOTATIONS = 150;
/** The check run branch protection requires (README「ブランチの保護」). */
export const CHECK_NAME = "記事の判定";

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
  counts: { errors: number; warnings: number };
  attempt: <T>(step: string, run: () => Promise<T>) => Promise<T | undefined>;
}

const order = { error: 0, warning: 1, info: 2 } as const;

/** What the check run annotates, errors first: readability statistics (info) stay in the PR summary, as an annotation would show them on the line. */
export const annotated = (findings: readonly Finding[]) => findings.filter((f) => f.severity !== "info").sort((a, b) => order[a.severity] - order[b.severity]);

/** A check run with the findings as annotations (capped, batched), or a commit status if the token cannot create check runs. */
export async function publishChecks({ client, repo, headSha, findings, counts, attempt }: Publish): Promise<"check-run" | "status" | "none"> {
  const { errors, warnings } = counts;
  const conclusion = errors > 0 ? "failure" : "success";
  const title = errors > 0 ? `エラー ${errors} 件・警告 ${warnings} 件` : warnings > 0 ? `警告 ${warnings} 件` : "問題なし";
  const ranked = annotated(findings);
  const annotations = annotationsOf(ranked.slice(0, MAX_ANNOTATIONS));
  const left = ranked.length - annotations.length;
  const run = await attempt("create a check run", async () => {
    const summary = `瓦版チェック: ${title}${left > 0 ? `（注釈は ${MAX_ANNOTATIONS} 件まで。ほかの ${left} 件はプルリクエストのまとめのコメントにあります）` : ""}`;
    const output = (batch: typeof annotations) => ({ title, summary, annotations: batch });
    const created = await client.rest.checks.create({
      ...repo,
      name: CHECK_NAME,
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
    client.rest.repos.createCommitStatus({
      ...repo,
      sha: headSha,
      state: errors > 0 ? "failure" : "success",
      context: CHECK_NAME,
      description: `瓦版チェック: ${title}`,
    }),
  );
  return status ? "status" : "none";
}
