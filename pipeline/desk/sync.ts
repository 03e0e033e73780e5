import { escapeMarkdown } from "../github/findings.ts";
import { BudgetExhausted } from "../github/budget.ts";
import { answerClaim, answerMarker, branchOf, reply, type DeskRun } from "./answer.ts";
import { isEditor, writerOfLogin, type ClaimRequest } from "./claim.ts";
import { briefFromForm, formLabels, parseFormBody } from "./issue-form.ts";
import { proposeFile } from "./propose.ts";
import { deskPullMarker } from "./pulls.ts";

/**
 * The desk's work on GitHub, from the default branch's checkout (a privileged job that never runs
 * anything from an issue). For each open 記事の依頼 issue, on its own — one failure is reported and
 * never stops the others:
 * - an issue form from an editor or city staff (or one an editor confirmed with `/登録する`)
 *   without a brief becomes a pull request adding the brief; anyone else's form gets one reply;
 * - each unanswered `/引き受けます` or `/依頼する <handle>`, and an editor's side-bar assignment,
 *   is answered; an accepted one becomes a pull request recording the writer.
 * Markers are trusted only in the bot's own comments and PRs. Every step is idempotent: answers
 * carry the request they answer, proposals converge (proposeFile), and a request whose PR exists
 * is answered from it.
 */
export const BRIEF_LABEL = "記事の依頼";
const CLAIM = /^\/引き受けます\s*$/;
const ASSIGN = /^\/依頼する\s+@?([a-z0-9][a-z0-9-]*)\s*$/;
const REGISTER = /^\/登録する\s*$/;
const formMarker = "<!-- kawaraban:desk-form -->";

export interface SyncOptions {
  botLogin: string;
  template: string;
  /** Only issues updated since then (ISO), or every open one. */
  since?: string;
}

export interface SyncFailure {
  issue: number;
  message: string;
}

export interface SyncResult {
  briefsProposed: string[];
  answered: number;
  claimsProposed: string[];
  failures: SyncFailure[];
  /** Issues left for the next run (the API budget ran out). */
  postponed: number[];
}

type Issue = Awaited<ReturnType<DeskRun["client"]["rest"]["issues"]["listForRepo"]>>["data"][number];

export async function syncDesk(run: DeskRun, options: SyncOptions): Promise<SyncResult> {
  const { client, repo } = run;
  const issues = (
    await client.paginate(client.rest.issues.listForRepo, {
      ...repo,
      state: "open",
      labels: BRIEF_LABEL,
      per_page: 100,
      ...(options.since && { since: options.since }),
    })
  )
    .filter((i) => !i.pull_request)
    .sort((a, b) => a.number - b.number);
  const failures: SyncFailure[] = [];
  const postponed: number[] = [];
  for (const [n, issue] of issues.entries()) {
    try {
      await syncIssue(run, issue, options);
    } catch (error) {
      if (error instanceof BudgetExhausted) {
        postponed.push(...issues.slice(n).map((i) => i.number));
        break;
      }
      failures.push({ issue: issue.number, message: (error as Error).message.split("\n")[0]!.slice(0, 300) });
    }
  }
  return { ...run.result, failures, postponed };
}

async function syncIssue(run: DeskRun, issue: Issue, options: SyncOptions): Promise<void> {
  const { client, repo, config } = run;
  const brief = [...run.book.briefs.values()].find((b) => b.issue === issue.number);
  const comments = await client.paginate(client.rest.issues.listComments, { ...repo, issue_number: issue.number, per_page: 100 });
  // Only the bot's own comments carry markers it trusts: anyone can type one.
  const mine = comments.filter((c) => c.user?.login === options.botLogin).map((c) => c.body ?? "");
  const answered = new Set(mine.flatMap((body) => [...body.matchAll(/<!-- kawaraban:desk-reply=([cei]\d+) -->/g)].map((m) => m[1]!)));
  const requests = comments.filter((c) => c.user?.login && c.user.login !== options.botLogin && !answered.has(`c${c.id}`));
  const firstLine = (c: (typeof comments)[number]) => (c.body ?? "").trim().split("\n")[0]!.trim();
  if (!brief) {
    const trusted = (login: string | undefined) =>
      login !== undefined && (isEditor(config, login) || config.github.cityStaff.some((s) => s.toLowerCase() === login.toLowerCase()));
    const confirmation = requests.find((c) => REGISTER.test(firstLine(c)) && trusted(c.user?.login));
    if (!trusted(issue.user?.login) && !confirmation) {
      if (!answered.has(`i${issue.number}`)) {
        await reply(
          run,
          issue.number,
          `i${issue.number}`,
          "この依頼は、編集担当の確認を待っています。編集担当がこのイシューに「/登録する」と書くと、依頼のファイルを作ります。",
        );
      }
      return;
    }
    const request = confirmation ? `c${confirmation.id}` : `i${issue.number}`;
    // Proposed once per request: a brief PR an editor closed is not proposed again until an editor asks (/登録する).
    if (answered.has(request)) return;
    return proposeBrief(
      run,
      issue,
      options,
      mine.some((b) => b.includes(formMarker)),
      request,
    );
  }
  await sideBarAssignment(run, issue, brief.id, Boolean(brief.writer), answered, options.botLogin);
  for (const comment of requests) {
    const line = firstLine(comment);
    const assign = ASSIGN.exec(line);
    const login = comment.user!.login;
    const request: ClaimRequest | undefined = CLAIM.test(line) ? { kind: "claim", login } : assign ? { kind: "assign", login, writer: assign[1]! } : undefined;
    if (request) await answerClaim(run, issue.number, `c${comment.id}`, brief.id, request);
  }
}

/**
 * An assignment made in GitHub's side bar counts as an editor's only when an editor made it
 * (anyone with triage rights can use the side bar); the desk's own assignments are not requests.
 */
async function sideBarAssignment(run: DeskRun, issue: Issue, briefId: string, taken: boolean, answered: ReadonlySet<string>, botLogin: string): Promise<void> {
  const assignees = (issue.assignees ?? []).flatMap((a) => (a?.login ? [a.login] : []));
  if (taken || assignees.length !== 1) return;
  const events = await run.client.paginate(run.client.rest.issues.listEvents, { ...run.repo, issue_number: issue.number, per_page: 100 });
  const event = events.filter((e) => e.event === "assigned" && "assignee" in e && e.assignee?.login === assignees[0]).at(-1);
  const actor = event?.actor?.login;
  if (!event || !actor || actor === botLogin || answered.has(`e${event.id}`)) return;
  const writer = writerOfLogin(run.config, assignees[0]!);
  if (!writer) {
    await reply(
      run,
      issue.number,
      `e${event.id}`,
      `担当者の @${escapeMarkdown(assignees[0]!)} さんは kawaraban.config.yml の writers に登録されていないため、依頼の割り当てにはなりません。`,
    );
    return;
  }
  await answerClaim(run, issue.number, `e${event.id}`, briefId, { kind: "assignee", login: actor, writer });
}

/** The issue form → a brief PR (or one reply listing what to fix). */
async function proposeBrief(run: DeskRun, issue: Issue, options: SyncOptions, toldProblems: boolean, request: string): Promise<void> {
  const form = briefFromForm(parseFormBody(issue.body ?? "", formLabels(options.template)), run.config, issue.number);
  if (!form.ok) {
    if (!toldProblems) {
      const list = form.problems.map((p) => `- ${escapeMarkdown(p)}`).join("\n");
      await run.client.rest.issues.createComment({
        ...run.repo,
        issue_number: issue.number,
        body: `${formMarker}\n依頼のファイルを作れませんでした。イシューを編集して、次の点を直してください。\n\n${list}`,
      });
      run.result.answered++;
    }
    return;
  }
  if (run.book.briefs.has(form.id) || run.deskPulls.some((p) => p.kind === "brief" && p.brief === form.id)) return;
  const url = await proposeFile(run.client, run.repo, {
    branch: branchOf("brief", form.id),
    path: form.path,
    text: form.text,
    title: `依頼の登録: ${form.fields.title}（#${issue.number}）`,
    body: `#${issue.number} の依頼を ${form.path} に登録します。編集担当が内容を確かめてマージしてください。\n\n${deskPullMarker({ kind: "brief", brief: form.id, request })}`,
  });
  run.deskPulls.push({ number: 0, kind: "brief", brief: form.id, request, url });
  run.result.briefsProposed.push(form.id);
  await run.client.rest.issues.createComment({
    ...run.repo,
    issue_number: issue.number,
    body: `${formMarker}\n${answerMarker(request)}\n依頼のファイルを作りました: ${url}\nマージされると、ライターはこのイシューに「/引き受けます」と書いて引き受けられます。`,
  });
  run.result.answered++;
}
