import type { GithubClient } from "../github/client.ts";
import type { Repo } from "../github/pr-report.ts";
import type { Config } from "../article/config.ts";
import { escapeMarkdown } from "../github/findings.ts";
import type { BriefBook } from "./read-briefs.ts";
import type { DeskDocument } from "./desk.ts";
import { claimBrief, writerOfLogin, type ClaimRequest } from "./claim.ts";
import { briefFromForm, formLabels, parseFormBody } from "./issue-form.ts";
import { editorLink } from "./editor-link.ts";

/**
 * The desk's work on GitHub, from the default branch's checkout (a privileged job that never
 * runs anything from an issue): each open 記事の依頼 issue without a brief gets a pull request
 * adding one; each unanswered `/引き受けます` or `/依頼する <handle>` comment is answered, and an
 * accepted one becomes a pull request recording the writer in the brief. Idempotent: answers
 * carry a marker with the comment's id, and a brief's pending pull request blocks a second claim.
 * An issue assigned in GitHub's side bar to one registered writer counts as an editor's assignment.
 */
export const BRIEF_LABEL = "記事の依頼";
const replyMarker = (commentId: number) => `<!-- kawaraban:desk-reply=${commentId} -->`;
const assigneeMarker = (login: string) => `<!-- kawaraban:desk-assignee=${login.toLowerCase()} -->`;
const formMarker = "<!-- kawaraban:desk-form -->";
const CLAIM = /^\/引き受けます\s*$/;
const ASSIGN = /^\/依頼する\s+@?([a-z0-9][a-z0-9-]*)\s*$/;

export interface SyncContext {
  client: GithubClient;
  repo: Repo;
  config: Config;
  book: BriefBook;
  doc: DeskDocument;
  template: string;
  repositoryUrl: string;
  /** The blob sha of a file on main (to update it through the contents API), from the checkout. */
  blobSha: (path: string) => Promise<string | undefined>;
}

export interface SyncResult {
  briefsProposed: string[];
  answered: number;
  claimsProposed: string[];
}

const branchOf = (prefix: string, id: string) => `desk/${prefix}-${id.replace("/", "-")}`;

export async function syncDesk(ctx: SyncContext): Promise<SyncResult> {
  const { client, repo } = ctx;
  const result: SyncResult = { briefsProposed: [], answered: 0, claimsProposed: [] };
  const issues = (await client.paginate(client.rest.issues.listForRepo, { ...repo, state: "open", labels: BRIEF_LABEL, per_page: 100 })).filter(
    (i) => !i.pull_request,
  );
  const labels = formLabels(ctx.template);
  for (const issue of issues.slice(0, 200)) {
    const brief = [...ctx.book.briefs.values()].find((b) => b.issue === issue.number);
    const comments = await client.paginate(client.rest.issues.listComments, { ...repo, issue_number: issue.number, per_page: 100 });
    const answered = new Set(comments.flatMap((c) => [...(c.body ?? "").matchAll(/<!-- kawaraban:desk-reply=(\d+) -->/g)].map((m) => Number(m[1]))));
    if (!brief) {
      await proposeBrief(
        ctx,
        issue.number,
        issue.body ?? "",
        labels,
        comments.some((c) => c.body?.includes(formMarker)),
        result,
      );
      continue;
    }
    // An editor may also assign from GitHub's side bar: one assignee who is a registered writer.
    const assignees = (issue.assignees ?? []).map((a) => a?.login).filter((l): l is string => Boolean(l));
    const assignedWriter = assignees.length === 1 ? writerOfLogin(ctx.config, assignees[0]!) : undefined;
    const noted = comments.some((c) => c.body?.includes(assigneeMarker(assignees[0] ?? "")));
    // (The desk assigns a claimed issue itself; its pending pull request says so already.)
    if (!brief.writer && assignedWriter && !noted && !(await openPullFor(ctx, branchOf("claim", brief.id)))) {
      await answerClaim(ctx, issue.number, assigneeMarker(assignees[0]!), brief.id, { kind: "assignee", writer: assignedWriter }, result);
    }
    for (const comment of comments) {
      if (answered.has(comment.id) || !comment.user?.login || comment.user.type === "Bot") continue;
      const first = (comment.body ?? "").trim().split("\n")[0]!.trim();
      const assign = ASSIGN.exec(first);
      const request: ClaimRequest | undefined = CLAIM.test(first)
        ? { kind: "claim", login: comment.user.login }
        : assign
          ? { kind: "assign", login: comment.user.login, writer: assign[1]! }
          : undefined;
      if (!request) continue;
      await answerClaim(ctx, issue.number, replyMarker(comment.id), brief.id, request, result);
    }
  }
  return result;
}

async function reply(ctx: SyncContext, issue: number, text: string): Promise<void> {
  await ctx.client.rest.issues.createComment({ ...ctx.repo, issue_number: issue, body: text });
}

/** A branch from main with one file written, and a pull request for it (the desk's changes go through review like any other). */
async function proposeFile(ctx: SyncContext, branch: string, path: string, text: string, title: string, body: string): Promise<string> {
  const { client, repo } = ctx;
  const main = await client.rest.git.getRef({ ...repo, ref: "heads/main" });
  await client.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: main.data.object.sha });
  const sha = await ctx.blobSha(path);
  await client.rest.repos.createOrUpdateFileContents({
    ...repo,
    path,
    branch,
    message: title,
    content: Buffer.from(text, "utf8").toString("base64"),
    ...(sha && { sha }),
  });
  const pr = await client.rest.pulls.create({ ...repo, head: branch, base: "main", title, body });
  return pr.data.html_url;
}

async function openPullFor(ctx: SyncContext, branch: string): Promise<boolean> {
  const pulls = await ctx.client.rest.pulls.list({ ...ctx.repo, state: "open", head: `${ctx.repo.owner}:${branch}`, per_page: 1 });
  return pulls.data.length > 0;
}

async function proposeBrief(
  ctx: SyncContext,
  issue: number,
  body: string,
  labels: Map<string, string>,
  toldProblems: boolean,
  result: SyncResult,
): Promise<void> {
  const form = briefFromForm(parseFormBody(body, labels), ctx.config, issue);
  if (!form.ok) {
    if (!toldProblems)
      await reply(
        ctx,
        issue,
        `${formMarker}\n依頼のファイルを作れませんでした。イシューを編集して、次の点を直してください。\n\n${form.problems.map((p) => `- ${escapeMarkdown(p)}`).join("\n")}`,
      );
    return;
  }
  const branch = branchOf("brief", form.id);
  if (ctx.book.briefs.has(form.id) || (await openPullFor(ctx, branch))) return;
  const url = await proposeFile(
    ctx,
    branch,
    form.path,
    form.text,
    `依頼の登録: ${form.fields.title}（#${issue}）`,
    `#${issue} の依頼を ${form.path} に登録します。編集担当が内容を確かめてマージしてください。`,
  );
  await reply(
    ctx,
    issue,
    `${formMarker}\n依頼のファイルを作りました: ${url}\nマージされると、ライターはこのイシューに「/引き受けます」と書いて引き受けられます。`,
  );
  result.briefsProposed.push(form.id);
}

async function answerClaim(ctx: SyncContext, issue: number, marker: string, id: string, request: ClaimRequest, result: SyncResult): Promise<void> {
  const branch = branchOf("claim", id);
  if (await openPullFor(ctx, branch)) {
    await reply(ctx, issue, `${marker}\nこの依頼は、ほかの引き受けを確認中です。編集担当の判断をお待ちください。`);
    result.answered++;
    return;
  }
  const claimed = claimBrief(ctx.doc, ctx.book.briefs.get(id), request, ctx.config, ctx.doc.today);
  if (!claimed.ok) {
    await reply(ctx, issue, `${marker}\n${escapeMarkdown(claimed.message)}`);
    result.answered++;
    return;
  }
  const writer = claimed.brief.writer!;
  const url = await proposeFile(
    ctx,
    branch,
    claimed.brief.path,
    claimed.text,
    `依頼の引き受け: ${claimed.brief.title}（${writer}）`,
    `#${issue} の依頼を ${writer} さんが引き受けます。編集担当が確かめてマージしてください。`,
  );
  const account = ctx.config.writers[writer]?.github;
  if (account) await ctx.client.rest.issues.addAssignees({ ...ctx.repo, issue_number: issue, assignees: [account] });
  const link = editorLink(ctx.repositoryUrl, "main", { ...claimed.brief, writer });
  await reply(
    ctx,
    issue,
    `${marker}\n${escapeMarkdown(claimed.message)}\n\n- 記録のプルリクエスト: ${url}\n- [GitHub の画面で記事を書き始める](${link})（ファイルの場所と front matter が入っています）`,
  );
  result.answered++;
  result.claimsProposed.push(id);
}
