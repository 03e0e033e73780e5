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
import { deskDocument, type DeskDocument } from "../desk/desk.ts";
import { briefsInReview } from "../desk/in-review.ts";
import { deskMarkdown, deskPretty } from "../desk/render.ts";
import { claimBrief, type ClaimRequest } from "../desk/claim.ts";
import { briefFromForm, BRIEF_FORM, formLabels, parseFormBody } from "../desk/issue-form.ts";
import { editorLink } from "../desk/editor-link.ts";
import { githubFromEnv } from "../github/env-client.ts";

export const deskHelp = `使い方: kawaraban desk [--format pretty|json|md] [--issue]
       kawaraban desk claim --number <イシューの番号> --login <GitHub ユーザー名>
       kawaraban desk assign --number <イシューの番号> --login <編集担当> --writer <ハンドル名>
       kawaraban desk brief --number <イシューの番号> --body-file <イシューの本文>
       kawaraban desk link --brief <依頼>
       kawaraban desk sync

  依頼（briefs/）の状況を一覧にします: 募集中・執筆中・確認中・納品済み、締め切り超過、
  ライターごとの今月の依頼の数と上限（writers.<名前>.capacity）、今月の原稿料。
  --issue         「依頼の状況」イシューを書き換えます（GITHUB_TOKEN と GITHUB_REPOSITORY）
  claim / assign  依頼のイシューの「/引き受けます」「/依頼する ハンドル名」を依頼のファイルに記録します
  brief           「記事の依頼」フォームの本文から依頼のファイルを作ります
  link            ライターが GitHub の画面で書き始めるためのリンクを出します
  sync            依頼のイシューを見て、依頼のファイルと引き受けの記録をプルリクエストにし、返事をします
                  （GitHub Actions の desk.yml から使います。GITHUB_TOKEN と GITHUB_REPOSITORY）
`;

interface DeskSources {
  root: string;
  config: Config;
  book: BriefBook;
  doc: DeskDocument;
}

async function loadDesk(io: Io): Promise<DeskSources> {
  const root = await findRoot(io.cwd);
  const tree = await workTree(root);
  const loaded = await loadConfig(tree);
  if (!loaded.ok) throw new UsageError(`kawaraban.config.yml に問題があります: ${loaded.diagnostics[0]?.message ?? ""}`);
  const config = loaded.config;
  const book = await readBriefBook(tree, config);
  const today = jstDate(io.now?.() ?? new Date());
  let entries: Awaited<ReturnType<typeof readLedger>>["entries"] = [];
  let inReview: Awaited<ReturnType<typeof briefsInReview>> = [];
  if (await isGitRepository(root)) {
    const main = await mainRef(root);
    entries = (await readLedger(root, main)).entries;
    inReview = await briefsInReview(root, config, main);
  }
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
      return sync(io);
    default:
      throw new UsageError(`不明なサブコマンドです: ${sub}\n\n${deskHelp}`);
  }
}

async function view(io: Io, format: string, postIssue: boolean): Promise<number> {
  if (!["pretty", "json", "md"].includes(format)) throw new UsageError("--format には pretty, json, md のどれかを指定してください。");
  const sources = await loadDesk(io);
  const { doc, book } = sources;
  for (const d of book.diagnostics) io.stderr.write(`${d.path}: ${d.message}\n`);
  const markdown = deskMarkdown(doc, editorLinks(io, sources));
  if (format === "json") io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  else io.stdout.write(format === "md" ? markdown : deskPretty(doc));
  if (postIssue) await postDeskIssue(io, markdown);
  return EXIT.ok;
}

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

async function postDeskIssue(io: Io, markdown: string): Promise<void> {
  // The Actions job summary shows the desk too (and is the view when the issue cannot be written).
  if (io.env.GITHUB_STEP_SUMMARY) await writeFile(io.env.GITHUB_STEP_SUMMARY, markdown, { flag: "a" });
  const { client, repo } = githubFromEnv(io);
  const { upsertMarkedIssue, DESK_MARKER, DESK_LABEL } = await import("../github/marked-issue.ts");
  const result = await upsertMarkedIssue(client, repo, {
    marker: DESK_MARKER,
    title: "依頼の状況",
    label: DESK_LABEL,
    labelDescription: "依頼（briefs/）の状況。kawaraban が毎日更新します",
    body: markdown,
  });
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

/** The desk's work on GitHub (desk.yml): briefs from new issue forms, answers to claims, then the desk issue. */
async function sync(io: Io): Promise<number> {
  const { client, repo } = githubFromEnv(io);
  const sources = await loadDesk(io);
  const { syncDesk } = await import("../desk/sync.ts");
  const template = await readFile(path.join(sources.root, BRIEF_FORM), "utf8").catch(() => {
    throw new UsageError(`${BRIEF_FORM}（記事の依頼のフォーム）がありません。テンプレートからコピーしてください。`);
  });
  const blobSha = async (file: string) => (await git(sources.root, ["rev-parse", "--verify", "--quiet", `HEAD:${file}`]).catch(() => "")).trim() || undefined;
  const result = await syncDesk({
    client,
    repo,
    config: sources.config,
    book: sources.book,
    doc: sources.doc,
    template,
    repositoryUrl: repositoryUrlOf(io)!,
    blobSha,
  });
  io.stdout.write(`${JSON.stringify(result)}\n`);
  await postDeskIssue(io, deskMarkdown(sources.doc, editorLinks(io, sources)));
  return EXIT.ok;
}
