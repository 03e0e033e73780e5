import type { Config } from "../article/config.ts";
import { briefYaml, type Brief } from "./brief.ts";
import { hasRoom, type DeskDocument, type PendingClaim } from "./desk.ts";

/**
 * Taking a brief, from its issue: a writer's `/引き受けます`, or an editor's `/依頼する <handle>`.
 * Pure: the desk as it is, who asks, and today → the brief's new text, or why not (Japanese,
 * posted as the reply). A writer is who the config says their GitHub login is; an editor is in
 * `github.editors`. A writer's own claim stops at their monthly capacity; an editor may assign
 * past it, with a warning.
 */
export type ClaimResult = { ok: true; brief: Brief; text: string; message: string } | { ok: false; message: string };

export type ClaimRequest =
  | { kind: "claim"; login: string }
  | { kind: "assign"; login: string; writer: string }
  /** GitHub's side-bar assignee, and who set it (it counts only when that is an editor). */
  | { kind: "assignee"; login: string; writer: string };

export const isEditor = (config: Config, login: string) => config.github.editors.some((e) => e.toLowerCase() === login.toLowerCase());

export const writerOfLogin = (config: Config, login: string) =>
  Object.entries(config.writers).find(([, w]) => w.github?.toLowerCase() === login.toLowerCase())?.[0];

export function claimBrief(
  doc: DeskDocument,
  brief: Brief | undefined,
  request: ClaimRequest,
  config: Config,
  today: string,
  pending: readonly PendingClaim[] = [],
): ClaimResult {
  if (!brief) return { ok: false, message: "このイシューに対応する依頼（briefs/ のファイル）が見つかりません。依頼が main に入るまでお待ちください。" };
  const state = doc.briefs.find((b) => b.id === brief.id)?.state;
  if (state === "cancelled") return { ok: false, message: `依頼「${brief.title}」は取り下げられています。` };
  if (state === "delivered" || state === "in-review") return { ok: false, message: `依頼「${brief.title}」は、すでに記事が出ています。` };
  let writer: string | undefined;
  if (request.kind === "claim") {
    writer = writerOfLogin(config, request.login);
    if (!writer)
      return {
        ok: false,
        message: `@${request.login} さんは kawaraban.config.yml の writers に GitHub ユーザー名（github:）が登録されていません。編集担当に登録を頼んでください。`,
      };
  } else {
    if (!isEditor(config, request.login)) {
      const how = request.kind === "assignee" ? "GitHub の画面で担当者にしても、依頼の割り当てにはなりません。" : "";
      return { ok: false, message: `${how}依頼を割り当てられるのは編集担当（kawaraban.config.yml の github.editors）だけです。` };
    }
    if (!Object.hasOwn(config.writers, request.writer))
      return { ok: false, message: `ライター「${request.writer}」は kawaraban.config.yml の writers にありません。` };
    writer = request.writer;
  }
  if (brief.writer && brief.writer !== writer) return { ok: false, message: `依頼「${brief.title}」は ${brief.writer} さんが引き受けています。` };
  if (brief.writer === writer) return { ok: false, message: `依頼「${brief.title}」は、すでに ${writer} さんの担当です。` };
  const room = hasRoom(doc, writer, brief.deadline.slice(0, 7), pending);
  const over = !room.ok
    ? `${writer} さんは ${brief.deadline.slice(0, 7)} 締め切りの依頼を ${room.load} 件引き受けていて、上限（${room.capacity} 件）に達しています。`
    : "";
  if (over && request.kind === "claim") return { ok: false, message: `${over}編集担当に相談してください。` };
  const updated: Brief = { ...brief, writer, assignedOn: today };
  const message = `${writer} さんが依頼「${brief.title}」（締め切り ${brief.deadline}）を引き受けました。${over ? `注意: ${over}` : ""}`;
  return { ok: true, brief: updated, text: briefYaml(updated), message };
}
