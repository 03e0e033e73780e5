import type { Config } from "../article/config.ts";

/** The writer's page of the published site, opened on this brief (`/write/?brief=2026-12/satoyama`). */
export function writerPageLink(config: Config, briefId: string): string {
  const url = new URL("write/", config.site.baseUrl.endsWith("/") ? config.site.baseUrl : `${config.site.baseUrl}/`);
  url.searchParams.set("brief", briefId);
  return url.href;
}
import type { GithubClient } from "../github/client.ts";
import type { Repo } from "../github/pr-report.ts";
import { escapeMarkdown } from "../github/findings.ts";
import type { BriefBook } from "./read-briefs.ts";
import type { DeskDocument, PendingClaim } from "./desk.ts";
import { claimBrief, type ClaimRequest } from "./claim.ts";
import { editorLink } from "./editor-link.ts";
import { proposeFile } from "./propose.ts";
import { deskPullMarker, type DeskPull } from "./pulls.ts";

/** What answering needs: the repository, the desk as it stands, and what this run has done so far. */
export interface DeskRun {
  client: GithubClient;
  repo: Repo;
  config: Config;
  book: BriefBook;
  doc: DeskDocument;
  repositoryUrl: string;
  /** The desk's own open PRs; proposals made in this run are added. */
  deskPulls: DeskPull[];
  /** Claims and assignments waiting for an editor (they count against capacity). */
  pending: PendingClaim[];
  blobSha: (path: string) => Promise<string | undefined>;
  result: { answered: number; claimsProposed: string[]; briefsProposed: string[] };
}

/** The hidden marker of an answer: the request it answers (`c<comment id>`, `e<event id>`, `i<issue>`). */
export const answerMarker = (request: string) => `<!-- kawaraban:desk-reply=${request} -->`;
export const branchOf = (prefix: "brief" | "claim", id: string) => `desk/${prefix}-${id.replace("/", "-")}`;

export async function reply(run: DeskRun, issue: number, request: string, text: string): Promise<void> {
  await run.client.rest.issues.createComment({ ...run.repo, issue_number: issue, body: `${answerMarker(request)}\n${text}` });
  run.result.answered++;
}

/**
 * Answers one request to take a brief: a writer's `/引き受けます`, an editor's `/依頼する`, or an
 * editor's side-bar assignment. A pending claim for the brief (a desk PR) blocks another one; if
 * that PR answers this very request (an earlier run stopped before replying), the reply is sent now.
 */
export async function answerClaim(run: DeskRun, issue: number, request: string, briefId: string, claim: ClaimRequest): Promise<void> {
  const waiting = run.deskPulls.find((p) => p.kind === "claim" && p.brief === briefId);
  if (waiting) {
    const text =
      waiting.request === request
        ? `依頼の引き受けを記録するプルリクエストを作りました: ${waiting.url}`
        : "この依頼は、ほかの引き受けを確認中です。編集担当の判断をお待ちください。";
    return reply(run, issue, request, text);
  }
  const claimed = claimBrief(run.doc, run.book.briefs.get(briefId), claim, run.config, run.doc.today, run.pending);
  if (!claimed.ok) return reply(run, issue, request, escapeMarkdown(claimed.message));
  const writer = claimed.brief.writer!;
  const marker = deskPullMarker({ kind: "claim", brief: briefId, writer, request });
  const url = await proposeFile(run.client, run.repo, {
    branch: branchOf("claim", briefId),
    path: claimed.brief.path,
    text: claimed.text,
    title: `依頼の引き受け: ${claimed.brief.title}（${writer}）`,
    body: `#${issue} の依頼を ${writer} さんが引き受けます。編集担当が確かめてマージしてください。\n\n${marker}`,
    blobSha: await run.blobSha(claimed.brief.path),
  });
  run.deskPulls.push({ number: 0, kind: "claim", brief: briefId, writer, request, url });
  run.pending.push({ brief: briefId, writer });
  run.result.claimsProposed.push(briefId);
  const account = run.config.writers[writer]?.github;
  if (account) await run.client.rest.issues.addAssignees({ ...run.repo, issue_number: issue, assignees: [account] });
  const link = editorLink(run.repositoryUrl, "main", { ...claimed.brief, writer });
  await reply(
    run,
    issue,
    request,
    `${escapeMarkdown(claimed.message)}\n\n- 記録のプルリクエスト: ${url}\n- [記事を書くページで書き始める](${writerPageLink(run.config, briefId)})（入力欄に書くだけ。書きながら確認され、写真の位置情報は端末で消えます）\n- [GitHub の画面で記事を書き始める](${link})（ファイルの場所と front matter が入っています）`,
  );
}
