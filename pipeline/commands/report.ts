import { appendFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { EXIT, UsageError, findRoot, type Io } from "../cli-io.ts";
import { loadConfig } from "../article/config.ts";
import { createGithubClient } from "../github/client.ts";
import { HostileReportError, readCheckReport, type CheckReportDocument } from "../github/report-input.ts";
import { reportToPullRequest, markPublished } from "../github/pr-report.ts";
import { renderSummary } from "../github/summary.ts";
import { formatGithub } from "../diagnostics/format/github.ts";
import { repositoryUrlFromEnv } from "../diagnostics/report.ts";
import { runCheck } from "./check.ts";

export const reportHelp = `使い方: kawaraban report (--pr <番号> | --head-sha <コミット>) [--from report.json]
       kawaraban report --from report.json --job-summary

  チェックの結果をプルリクエストに書き込みます（まとめのコメント、変更した行へのコメント、
  チェック、ラベル）。GitHub Actions の環境変数 GITHUB_TOKEN・GITHUB_REPOSITORY・
  GITHUB_API_URL を使います（手元では個人のトークンを GITHUB_TOKEN に入れます）。
  --from を省くと、その場でプルリクエストの変更をチェックします。
  --job-summary  GitHub には書き込まず、まとめを $GITHUB_STEP_SUMMARY に書き出します。
  --published <コミット>  公開したコミットのプルリクエストに「公開済み」のラベルを付けます。
`;

/** Files whose change in a PR needs city staff's approval (rates, writers, rules, automation). */
export const PROTECTED_PATHS = [
  "kawaraban.config.yml",
  ".textlintrc.json",
  ".remarkrc.json",
  "prh.yml",
  "proper-nouns.yml",
  "kawaraban.baseline.json",
  "package.json",
  "package-lock.json",
  ".github/CODEOWNERS",
];

export async function reportCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      pr: { type: "string" },
      "head-sha": { type: "string" },
      from: { type: "string" },
      "job-summary": { type: "boolean" },
      published: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(reportHelp);
    return EXIT.ok;
  }
  const log = (line: string) => io.stderr.write(`${line}\n`);
  const repositoryUrl = repositoryUrlFromEnv(io.env);
  let report: CheckReportDocument | undefined;
  if (values.from) {
    try {
      report = await readCheckReport(values.from);
    } catch (error) {
      if (error instanceof HostileReportError) throw new UsageError(`チェック結果のファイルを受け付けられません（${error.message}）。何も書き込んでいません。`);
      throw new UsageError(`チェック結果のファイル（${values.from}）を読めません: ${(error as Error).message}`);
    }
  }
  if (values["job-summary"]) {
    if (!report) throw new UsageError("--job-summary には --from が必要です。");
    await writeJobSummary(io, renderSummary(report, { repositoryUrl, inlinePosted: 0, outsideDiff: 0, overCap: 0, fixedSincePreviousPush: 0 }));
    return EXIT.ok;
  }

  const token = io.env.GITHUB_TOKEN;
  const [owner, repo] = (io.env.GITHUB_REPOSITORY ?? "").split("/");
  if (!token) throw new UsageError("GITHUB_TOKEN がありません。Actions では自動で設定されます。手元では個人用アクセストークンを設定してください。");
  if (!owner || !repo) throw new UsageError("GITHUB_REPOSITORY（owner/repo の形）がありません。");
  const client = createGithubClient({ token, baseUrl: io.env.GITHUB_API_URL, log, fast: io.env.KAWARABAN_TEST_FAST_GITHUB === "1" });
  if (values.published) {
    if (!/^[0-9a-f]{40}$/.test(values.published)) throw new UsageError("--published には公開したコミット（40 桁）を指定してください。");
    const prs = await markPublished(client, { owner, repo }, values.published);
    io.stdout.write(prs.length ? `「公開済み」にしました: ${prs.map((n) => `#${n}`).join("、")}\n` : "このコミットに対応するマージ済みのプルリクエストはありません。\n");
    return EXIT.ok;
  }
  const pr = values.pr ? Number(values.pr) : await findPullRequest(client, { owner, repo }, values["head-sha"]);
  if (!Number.isInteger(pr) || pr <= 0) throw new UsageError("--pr にはプルリクエストの番号を指定してください。");

  const root = await findRoot(io.cwd);
  const config = await loadConfig(root);
  if (!report) {
    const { data: pull } = await client.rest.pulls.get({ owner, repo, pull_number: pr });
    const run = await runCheck(io, { paths: [], changedSince: pull.base.sha });
    if ("configFailure" in run) throw new UsageError("kawaraban.config.yml に問題があるため、チェックできません。");
    report = (await import("../diagnostics/format/json.ts")).reportDocument(run.report);
  }
  const outcome = await reportToPullRequest({
    client,
    repo: { owner, repo },
    pr,
    report,
    repositoryUrl,
    cityStaff: config.ok ? config.config.github.cityStaff : [],
    protectedPaths: PROTECTED_PATHS,
    log,
  });
  if (outcome.degraded.length > 0) {
    // Never a lost report: what could not be posted goes to the job summary and the log.
    log(`kawaraban report: このトークンでは PR に書き込めない操作がありました（${outcome.degraded.join("、")}）。フォークからの PR ではよくあることです。結果はジョブの概要と注釈に書き出しました。`);
    await writeJobSummary(io, outcome.summary);
    const files = report.files.map((f) => ({ path: f.path, messages: f.messages.map((m) => ({ ...m, path: f.path })) }));
    io.stdout.write(formatGithub({ files, summary: report.summary }));
  }
  io.stdout.write(
    `PR #${pr}: まとめ${outcome.summaryCommentId ? `（コメント ${outcome.summaryCommentId}）` : "は書き込めず"}、行へのコメント ${outcome.lineComments} 件、修正済みにした指摘 ${outcome.fixedMarked} 件、${
      outcome.checks === "check-run" ? "チェック" : outcome.checks === "status" ? "コミットステータス" : "チェックなし"
    }、ラベル ${outcome.label ?? "変更なし"}\n`,
  );
  return EXIT.ok;
}

async function writeJobSummary(io: Io, markdown: string): Promise<void> {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (file) await appendFile(file, `${markdown}\n`);
  else io.stdout.write(`${markdown}\n`);
}

/** The PR is looked up from the head commit through the API, never taken from an artifact. */
async function findPullRequest(client: ReturnType<typeof createGithubClient>, repo: { owner: string; repo: string }, headSha: string | undefined): Promise<number> {
  if (!headSha || !/^[0-9a-f]{40}$/.test(headSha)) throw new UsageError("--pr か --head-sha（40 桁のコミット ID）を指定してください。");
  const open = await client.paginate(client.rest.pulls.list, { ...repo, state: "open", per_page: 100 });
  const match = open.find((p) => p.head.sha === headSha);
  if (!match) throw new UsageError(`コミット ${headSha.slice(0, 7)} を先頭に持つ、開いているプルリクエストが見つかりません。`);
  return match.number;
}
