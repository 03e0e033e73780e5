import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { EXIT, UsageError, findRoot, type Io } from "../cli-io.ts";
import { loadConfig, type Config } from "../article/config.ts";
import { workTree } from "../source/work-tree.ts";
import { isGitRepository, git, mainRef } from "../git/git.ts";
import { jstDate } from "../jst.ts";
import { containedJoin } from "../contained-path.ts";
import { readLedger } from "../invoice/ledger.ts";
import { readBriefBook, type BriefBook } from "../desk/read-briefs.ts";
import { deskDocument, type DeskDocument, type InReview } from "../desk/desk.ts";
import { deskIssueMarkdown, deskMarkdown, deskPretty } from "../desk/render.ts";
import { readOpenPulls } from "../desk/pulls.ts";
import { syncDesk } from "../desk/sync.ts";
import type { DeskRun } from "../desk/answer.ts";
import { deskStateMarker, readDeskState, sinceOf, type DeskState } from "../desk/state.ts";
import { DESK_MARKER, findMarkedIssue, upsertMarkedIssue } from "../github/marked-issue.ts";
import { BRIEF_LABEL, DESK_LABEL, ensureLabels } from "../github/repo-labels.ts";
import { limitRequests } from "../github/budget.ts";
import { escapeMarkdown } from "../github/findings.ts";
import { CACHE_DIR } from "../cache-dir.ts";
import { claimBrief, type ClaimRequest } from "../desk/claim.ts";
import { briefFromForm, BRIEF_FORM, formLabels, parseFormBody } from "../desk/issue-form.ts";
import { editorLink } from "../desk/editor-link.ts";
import { githubFromEnv } from "../github/env-client.ts";

export const deskHelp = `使い方: kawaraban desk [--format pretty|json|md] [--issue]
       kawaraban desk claim --number <イシューの番号> --login <GitHub ユーザー名>
       kawaraban desk assign --number <イシューの番号> --login <編集担当> --writer <ハンドル名>
       kawaraban desk brief --number <イシューの番号> --body-file <イシューの本文>
       kawaraban desk link --brief <依頼>
       kawaraban desk sync [--full]

  依頼（briefs/）の状況を一覧にします: 募集中・執筆中・確認中・納品済み、締め切り超過、
  ライターごとの今月の依頼の数と上限（writers.<名前>.capacity）、今月の原稿料。
  --issue         「依頼の状況」イシューを書き換えます（GITHUB_TOKEN と GITHUB_REPOSITORY）
  claim / assign  依頼のイシューの「/引き受けます」「/依頼する ハンドル名」を依頼のファイルに記録します
  brief           「記事の依頼」フォームの本文から依頼のファイルを作ります
  link            ライターが GitHub の画面で書き始めるためのリンクを出します
  sync            依頼のイシューを見て、依頼のファイルと引き受けの記録をプルリクエストにし、返事をします
                  （GitHub Actions の desk.yml から使います。GITHUB_TOKEN と GITHUB_REPOSITORY。--full は
                  前回から変わっていないイシューも含めて、すべてを見直します）
`;

interface DeskSources {
  root: string;
  config: Config;
  book: BriefBook;
  doc: DeskDocument;
}

/** The desk from the working tree (briefs), main's history (deliveries) and, when given, the open PRs (reviews). */
async function loadDesk(io: Io, inReview: readonly InReview[] = []): Promise<DeskSources> {
  const root = await findRoot(io.cwd);
  const tree = await workTree(root);
  const loaded = await loadConfig(tree);
  if (!loaded.ok) throw new UsageError(`kawaraban.config.yml に問題があります: ${loaded.diagnostics[0]?.message ?? ""}`);
  const config = loaded.config;
  const book = await readBriefBook(tree, config);
  const today = jstDate(io.now?.() ?? new Date());
  const entries = (await isGitRepository(root)) ? (await readLedger(root, await mainRef(root), io.now?.())).entries : [];
  const doc = deskDocument({ briefs: book.briefs, approvals: book.approvals, entries, inReview, config, today });
  return { root, config, book, doc };
}

export async function deskCommand(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv[0] && !argv[0].startsWith("-") ? [argv[0], ...argv.slice(1)] : [undefined, ...argv];
  const { values } = parseArgs({
    args: rest,
    options: {
      format: { type: "string", default: "pretty" },
      issue: { type: "boolean" },
      number: { type: "string" },
      login: { type: "string" },
      writer: { type: "string" },
      "body-file": { type: "string" },
      brief: { type: "string" },
      reply: { type: "boolean" },
      full: { type: "boolean" },
      help: { type: "boolean" },
    },
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout.write(deskHelp);
    return EXIT.ok;
  }
  switch (sub) {
    case undefined:
      return view(io, values.format!, values.issue === true);
    case "claim":
    case "assign":
      return claim(io, sub, values);
    case "brief":
      return briefFromIssue(io, values);
    case "link":
      return link(io, values.brief);
    case "sync":
      return sync(io, values.full === true);
    default:
      throw new UsageError(`不明なサブコマンドです: ${sub}\n\n${deskHelp}`);
  }
}

async function view(io: Io, format: string, postIssue: boolean): Promise<number> {
  if (!["pretty", "json", "md"].includes(format)) throw new UsageError("--format には pretty, json, md のどれかを指定してください。");
  // With GitHub at hand, the open PRs say which briefs are in review; offline, none is.
  const github = io.env.GITHUB_TOKEN && io.env.GITHUB_REPOSITORY ? githubFromEnv(io) : undefined;
  const sources = await loadDesk(io, github ? (await openPulls(io, github)).inReview : []);
  const { doc, book } = sources;
  for (const d of book.diagnostics) io.stderr.write(`${d.path}: ${d.message}\n`);
  const links = editorLinks(io, sources);
  if (format === "json") io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  else io.stdout.write(format === "md" ? deskMarkdown(doc, links) : deskPretty(doc));
  if (postIssue) await postDeskIssue(io, github ?? githubFromEnv(io), sources, links, { retry: [] });
  return EXIT.ok;
}

const openPulls = async (io: Io, { client, repo, botLogin }: ReturnType<typeof githubFromEnv>) => {
  const root = await findRoot(io.cwd);
  const loaded = await loadConfig(await workTree(root));
  if (!loaded.ok) throw new UsageError(`kawaraban.config.yml に問題があります: ${loaded.diagnostics[0]?.message ?? ""}`);
  return readOpenPulls(client, repo, loaded.config, botLogin, path.join(root, CACHE_DIR, "desk"));
};

const repositoryUrlOf = (io: Io) => (io.env.GITHUB_REPOSITORY ? `${io.env.GITHUB_SERVER_URL ?? "https://github.com"}/${io.env.GITHUB_REPOSITORY}` : undefined);

/** A web-editor link for every assigned brief not yet written (when the repository is known). */
function editorLinks(io: Io, { doc, book }: DeskSources): Map<string, string> {
  const links = new Map<string, string>();
  const repositoryUrl = repositoryUrlOf(io);
  if (!repositoryUrl) return links;
  for (const b of doc.briefs) {
    const brief = book.briefs.get(b.id);
    if (brief?.writer && b.state === "assigned") links.set(b.id, editorLink(repositoryUrl, "main", { ...brief, writer: brief.writer }));
  }
  return links;
}

/**
 * The 依頼の状況 issue (bounded: open work in full, recent deliveries, the rest counted) and the
 * run's job summary (every brief; the issue links to it). The desk's state rides in the issue.
 */
async function postDeskIssue(
  io: Io,
  { client, repo, botLogin }: ReturnType<typeof githubFromEnv>,
  sources: DeskSources,
  links: ReadonlyMap<string, string>,
  state: DeskState,
): Promise<void> {
  if (io.env.GITHUB_STEP_SUMMARY) await writeFile(io.env.GITHUB_STEP_SUMMARY, deskMarkdown(sources.doc, links), { flag: "a" });
  const runUrl = io.env.GITHUB_RUN_ID && repositoryUrlOf(io) ? `${repositoryUrlOf(io)}/actions/runs/${io.env.GITHUB_RUN_ID}` : undefined;
  const body = `${deskStateMarker(state)}\n${deskIssueMarkdown(sources.doc, links, runUrl)}`;
  const result = await upsertMarkedIssue(client, repo, { marker: DESK_MARKER, title: "依頼の状況", label: DESK_LABEL, body, botLogin });
  io.stderr.write(`イシュー #${result.number} を${result.created ? "作成" : "更新"}しました。\n`);
}

const issueNumber = (text: string | undefined) => {
  if (!text || !/^[1-9][0-9]{0,8}$/.test(text)) throw new UsageError("--number にはイシューの番号を指定してください。");
  return Number(text);
};

/** Records a claim or an assignment in the brief's file; prints `{ ok, path?, message }` for the workflow to post. */
async function claim(io: Io, kind: "claim" | "assign", values: { number?: string; login?: string; writer?: string; reply?: boolean }): Promise<number> {
  const number = issueNumber(values.number);
  if (!values.login || !/^[A-Za-z0-9-]{1,39}$/.test(values.login)) throw new UsageError("--login には GitHub ユーザー名を指定してください。");
  if (kind === "assign" && !values.writer) throw new UsageError("--writer にはライターのハンドル名を指定してください。");
  const { root, config, book, doc } = await loadDesk(io);
  const brief = [...book.briefs.values()].find((b) => b.issue === number);
  const request: ClaimRequest = kind === "claim" ? { kind, login: values.login } : { kind, login: values.login, writer: values.writer! };
  const result = claimBrief(doc, brief, request, config, doc.today);
  if (result.ok) await writeFile(containedJoin(root, result.brief.path), result.text);
  if (values.reply) {
    // The answer on the issue, and the writer as its assignee (GitHub drops a login without access).
    const assignee = result.ok ? (kind === "claim" ? values.login : config.writers[result.brief.writer!]?.github) : undefined;
    await replyOnIssue(io, number, result.message, assignee);
  }
  io.stdout.write(
    `${JSON.stringify(result.ok ? { ok: true, path: result.brief.path, brief: result.brief.id, message: result.message } : { ok: false, message: result.message })}\n`,
  );
  return result.ok ? EXIT.ok : EXIT.contentErrors;
}

/** The issue form's body → a new brief file; prints `{ ok, path?, problems? }`. */
async function briefFromIssue(io: Io, values: { number?: string; "body-file"?: string }): Promise<number> {
  const number = issueNumber(values.number);
  if (!values["body-file"]) throw new UsageError("--body-file にはイシューの本文のファイルを指定してください。");
  const root = await findRoot(io.cwd);
  const loaded = await loadConfig(await workTree(root));
  if (!loaded.ok) throw new UsageError(`kawaraban.config.yml に問題があります: ${loaded.diagnostics[0]?.message ?? ""}`);
  const template = await readFile(path.join(root, BRIEF_FORM), "utf8").catch(() => {
    throw new UsageError(`${BRIEF_FORM}（記事の依頼のフォーム）がありません。テンプレートからコピーしてください。`);
  });
  const body = await readFile(path.resolve(io.cwd, values["body-file"]), "utf8");
  const result = briefFromForm(parseFormBody(body, formLabels(template)), loaded.config, number);
  if (!result.ok) {
    io.stdout.write(`${JSON.stringify({ ok: false, problems: result.problems })}\n`);
    return EXIT.contentErrors;
  }
  const target = containedJoin(root, result.path);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, result.text, { flag: "wx" }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "EEXIST") throw new UsageError(`${result.path} はすでにあります。フォームの「ファイル名」を変えてください。`);
    throw error;
  });
  io.stdout.write(`${JSON.stringify({ ok: true, path: result.path, brief: result.id })}\n`);
  return EXIT.ok;
}

async function link(io: Io, id: string | undefined): Promise<number> {
  if (!id) throw new UsageError("--brief には依頼の名前（2026-12/satoyama など）を指定してください。");
  const { book } = await loadDesk(io);
  const brief = book.briefs.get(id);
  if (!brief) throw new UsageError(`依頼「${id}」は briefs/ にありません。`);
  if (!brief.writer) throw new UsageError(`依頼「${id}」はまだだれも引き受けていません（リンクはライターが決まってから作ります）。`);
  const repositoryUrl = `${io.env.GITHUB_SERVER_URL ?? "https://github.com"}/${io.env.GITHUB_REPOSITORY ?? "OWNER/REPO"}`;
  io.stdout.write(`${editorLink(repositoryUrl, "main", { ...brief, writer: brief.writer })}\n`);
  return EXIT.ok;
}

async function replyOnIssue(io: Io, issue: number, message: string, assignee: string | undefined): Promise<void> {
  const { client, repo } = githubFromEnv(io);
  const { escapeMarkdown } = await import("../github/findings.ts");
  await client.rest.issues.createComment({ ...repo, issue_number: issue, body: escapeMarkdown(message) });
  if (assignee) await client.rest.issues.addAssignees({ ...repo, issue_number: issue, assignees: [assignee] });
}

/** Requests one desk run may make: far under GITHUB_TOKEN's 1,000 an hour, whatever strangers do. */
export const DESK_BUDGET = 400;

/**
 * The desk's work on GitHub (desk.yml): labels it needs, briefs from issue forms, answers to
 * claims, then the desk issue. Bounded by DESK_BUDGET; `--full` (the daily run) reads every open
 * brief issue, other runs only those updated since the last run. Exit 1 when some issue failed
 * (each is in the job summary; the others were still handled).
 */
async function sync(io: Io, full: boolean): Promise<number> {
  const github = githubFromEnv(io);
  const { client, repo, botLogin } = github;
  const budget = limitRequests(client, DESK_BUDGET);
  const startedAt = (io.now?.() ?? new Date()).toISOString();
  const root = await findRoot(io.cwd);
  const template = await readFile(path.join(root, BRIEF_FORM), "utf8").catch(() => {
    throw new UsageError(`${BRIEF_FORM}（記事の依頼のフォーム）がありません。テンプレートからコピーしてください。`);
  });
  await ensureLabels(client, repo, [BRIEF_LABEL, DESK_LABEL]);
  const state = readDeskState((await findMarkedIssue(client, repo, { marker: DESK_MARKER, label: DESK_LABEL, botLogin }))?.body);
  const pulls = await openPulls(io, github);
  const sources = await loadDesk(io, pulls.inReview);
  const blobSha = async (file: string) => (await git(sources.root, ["rev-parse", "--verify", "--quiet", `HEAD:${file}`]).catch(() => "")).trim() || undefined;
  const run: DeskRun = {
    client,
    repo,
    config: sources.config,
    book: sources.book,
    doc: sources.doc,
    repositoryUrl: repositoryUrlOf(io) ?? "https://github.com/OWNER/REPO",
    deskPulls: pulls.desk,
    pending: pulls.desk.flatMap((p) => (p.kind === "claim" && p.writer ? [{ brief: p.brief, writer: p.writer }] : [])),
    blobSha,
    result: { briefsProposed: [], answered: 0, claimsProposed: [] },
  };
  const since = sinceOf(state, full);
  const result = await syncDesk(run, { botLogin, template, ...(since && { since }) });
  io.stdout.write(`${JSON.stringify({ briefsProposed: result.briefsProposed, answered: result.answered, claimsProposed: result.claimsProposed })}\n`);
  const report = [
    ...result.failures.map((f) => `- #${f.issue}: 処理できませんでした（${escapeMarkdown(f.message)}）。次の実行でもう一度試します。`),
    ...(result.postponed.length ? [`- API の呼び出しの上限（${DESK_BUDGET} 回）に達したため、#${result.postponed.join("、#")} は次の実行で処理します。`] : []),
    ...(pulls.unread
      ? [`- 開いているプルリクエストのうち ${pulls.unread} 件は、次の実行で読みます（確認中の依頼がまだ「執筆中」に見えることがあります）。`]
      : []),
  ];
  if (report.length && io.env.GITHUB_STEP_SUMMARY)
    await writeFile(io.env.GITHUB_STEP_SUMMARY, `### 依頼の窓口の実行\n\n${report.join("\n")}\n\n`, { flag: "a" });
  for (const line of report) io.stderr.write(`${line}\n`);
  const next: DeskState = { synced: startedAt, retry: [...result.failures.map((f) => f.issue), ...result.postponed] };
  await postDeskIssue(io, github, sources, editorLinks(io, sources), next).catch((error: unknown) => {
    io.stderr.write(`「依頼の状況」イシューを書き換えられませんでした: ${(error as Error).message}\n`);
  });
  io.stderr.write(`GitHub API の呼び出し: ${budget.used} 回（上限 ${DESK_BUDGET} 回）\n`);
  return result.failures.length > 0 ? EXIT.contentErrors : EXIT.ok;
}
