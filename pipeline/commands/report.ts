import { appendFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { EXIT, UsageError, type Io } from "../cli-io.ts";
import { createGithubClient } from "../github/client.ts";
import { HostileReportError, readCheckReport, type CheckReportDocument } from "../github/report-input.ts";
import { reportToPullRequest, readPullFacts } from "../github/pr-report.ts";
import { staffApprovedHead } from "../github/labels.ts";
import { jstDate } from "../jst.ts";
import { renderSummary } from "../github/summary.ts";
import { deriveVerdict } from "../github/verdict.ts";
import { protectedNames } from "../core/protected.ts";
import { hasCommit } from "../git/objects.ts";
import { reportDocument } from "../diagnostics/format/json.ts";
import { repositoryUrlFromEnv } from "../diagnostics/report.ts";
import { openRepository } from "./repository.ts";

export const reportHelp = `使い方: kawaraban report (--head-sha <コミット> | --pr <番号>) [--from report.json]
       kawaraban report --from report.json --job-summary

  プルリクエストの判定を、その先頭のコミットの中身（git のオブジェクト）から、このリポジトリの
  kawaraban と設定で計算し直して書き込みます（まとめのコメント、変更した行へのコメント、
  チェック「記事の判定」、ラベル）。PR のファイルはチェックアウトも実行もしません。
  先に git fetch origin <コミット> でオブジェクトを取り込んでおきます。
  GitHub Actions の環境変数 GITHUB_TOKEN・GITHUB_REPOSITORY・GITHUB_API_URL を使います。
  --from         チェックのジョブの結果（参考: 画像を実際に読み込んだ結果だけを使います）
  --job-summary  GitHub には書き込まず、まとめを $GITHUB_STEP_SUMMARY に書き出します。
  --label-published  いま公開中の記事のプルリクエストに「公開済み」のラベルを付けます（公開のあとに実行）。
`;

export async function reportCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      pr: { type: "string" },
      "head-sha": { type: "string" },
      from: { type: "string" },
      "job-summary": { type: "boolean" },
      "label-published": { type: "boolean" },
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
  const repository = await openRepository(io);
  if ("exitCode" in repository) return repository.exitCode;
  const { root, config } = repository;
  if (values["label-published"]) {
    const { labelPublished } = await import("../github/published.ts");
    const prs = await labelPublished(client, { owner, repo }, root, config, jstDate(io.now?.() ?? new Date()));
    io.stdout.write(prs.length ? `「公開済み」にしました: ${prs.map((n) => `#${n}`).join("、")}\n` : "新しく「公開済み」にするプルリクエストはありません。\n");
    return EXIT.ok;
  }
  if (config.github.cityStaff.length === 0) {
    throw new UsageError(
      "kawaraban.config.yml の github.cityStaff に、承認する市の担当者の GitHub ユーザー名を書いてください（空のままでは、誰の承認も「承認済み」になりません）。",
    );
  }
  const sharing = values.pr ? [Number(values.pr)] : await findPullRequests(client, { owner, repo }, values["head-sha"]);
  const number = sharing[0];
  if (number === undefined) {
    io.stdout.write(
      `コミット ${values["head-sha"]!.slice(0, 7)} を先頭に持つ、開いているプルリクエストはありません（新しいコミットがプッシュされたか、閉じられました）。何もしません。\n`,
    );
    return EXIT.ok;
  }
  if (!Number.isInteger(number) || number <= 0) throw new UsageError("--pr にはプルリクエストの番号を指定してください。");
  const pull = await readPullFacts(client, { owner, repo }, number);
  if (values["head-sha"] && pull.headSha !== values["head-sha"]) {
    // A newer push has its own run coming: reporting on an old head would only confuse.
    io.stdout.write(`PR #${number} はすでに新しいコミット（${pull.headSha.slice(0, 7)}）に進んでいます。古いコミットの結果は書き込みません。\n`);
    return EXIT.ok;
  }
  if (!(await hasCommit(root, pull.headSha))) {
    throw new UsageError(
      `コミット ${pull.headSha.slice(0, 7)} がこのリポジトリにありません。先に git fetch origin ${pull.headSha} を実行してください（チェックアウトはしません）。`,
    );
  }
  const staffApproved = staffApprovedHead(pull.reviews, pull.headSha, config.github.cityStaff);
  const derived = await deriveVerdict({
    root,
    config,
    headSha: pull.headSha,
    files: pull.files,
    changedFiles: pull.changedFiles,
    sharedWith: sharing.slice(1),
    advisory: report,
    staffApprovedHead: staffApproved,
    author: pull.author,
  });
  const document = reportDocument(derived);
  const outcome = await reportToPullRequest({
    client,
    repo: { owner, repo },
    pull,
    report: document,
    repositoryUrl,
    cityStaff: config.github.cityStaff,
    botLogin: io.env.KAWARABAN_BOT_LOGIN ?? "github-actions[bot]",
    protectedChanged: protectedNames(pull.files),
    log,
  });
  await writeJobSummary(io, outcome.summary);
  if (outcome.degraded.length > 0) {
    // Never a lost report: what could not be posted is in the job summary and the log.
    log(
      `kawaraban report: GitHub が受け付けなかった操作がありました（${outcome.degraded.join("、")}）。ほかの書き込みは済ませ、結果はジョブの概要にも書き出しました。`,
    );
  }
  io.stdout.write(
    `PR #${number}: まとめ${outcome.summaryCommentId ? `（コメント ${outcome.summaryCommentId}）` : "は書き込めず"}、行へのコメント ${outcome.lineComments} 件、修正済みにした指摘 ${outcome.fixedMarked} 件、${
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

/**
 * The open PRs whose head is this commit, lowest number first, looked up through the API (never
 * taken from an artifact; a fork's PR is found too). More than one: the verdict fails closed.
 */
async function findPullRequests(
  client: ReturnType<typeof createGithubClient>,
  repo: { owner: string; repo: string },
  headSha: string | undefined,
): Promise<number[]> {
  if (!headSha || !/^[0-9a-f]{40}$/.test(headSha)) throw new UsageError("--pr か --head-sha（40 桁のコミット ID）を指定してください。");
  const open = await client.paginate(client.rest.pulls.list, { ...repo, state: "open", per_page: 100 });
  return open
    .filter((p) => p.head.sha === headSha)
    .map((p) => p.number)
    .sort((a, b) => a - b);
}
