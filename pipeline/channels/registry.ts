import path from "node:path";
import { EXIT, UsageError } from "../cli-io.ts";
import { logSafe } from "../text-safety.ts";
import type { Channel } from "./channel.ts";
import { publishToWebhook } from "./webhook.ts";
import { exportForNote } from "./note-export.ts";

const markChanged = (ctx: Parameters<Channel["deliver"]>[0], withUrl: boolean) => {
  for (const item of ctx.site.items) {
    if (ctx.records[item.source]?.hash !== item.hash)
      ctx.records[item.source] = { hash: item.hash, ...(withUrl && { url: item.url }), publishedAt: ctx.now().toISOString() };
  }
};

const pages: Channel = {
  name: "pages",
  buildsIntoOut: true,
  async deliver(ctx) {
    markChanged(ctx, true);
    ctx.io.stdout.write(`GitHub Pages 用のサイトを作りました（記事 ${ctx.site.articles} 件）→ ${logSafe(path.relative(ctx.io.cwd, ctx.siteDir) || ".")}/\n`);
    return EXIT.ok;
  },
};

const webhook: Channel = {
  name: "webhook",
  buildsIntoOut: false,
  async deliver(ctx) {
    const url = ctx.config.channels.webhook?.url;
    const secret = ctx.io.env.KAWARABAN_WEBHOOK_SECRET;
    if (!url) throw new UsageError("kawaraban.config.yml に channels.webhook.url を書いてください。");
    if (!secret) throw new UsageError("環境変数 KAWARABAN_WEBHOOK_SECRET（署名の鍵）がありません。リポジトリには書かず、Actions の secrets に入れてください。");
    const result = await publishToWebhook(ctx.site.items, ctx.records, {
      url,
      secret,
      now: ctx.now,
      backoffMs: Number(ctx.io.env.KAWARABAN_WEBHOOK_BACKOFF_MS ?? 1000),
    });
    ctx.io.stdout.write(
      `webhook: 新規 ${result.created.length} 件、更新 ${result.updated.length} 件、変更なし ${result.unchanged.length} 件${result.failed.length ? `、失敗 ${result.failed.length} 件` : ""}\n`,
    );
    for (const f of result.failed) ctx.io.stderr.write(`届けられませんでした: ${logSafe(f.source)}（${logSafe(f.error)}）。次の実行で再送します。\n`);
    return result.failed.length ? EXIT.contentErrors : EXIT.ok;
  },
};

const noteExport: Channel = {
  name: "note-export",
  buildsIntoOut: false,
  async deliver(ctx) {
    const { written, failed } = await exportForNote(ctx.site.items, ctx.records, ctx.out, ctx.siteDir, ctx.basePath);
    // Exported, waiting for the editor to post it and record its URL.
    const exported = new Set(written.map((w) => w.source));
    for (const item of ctx.site.items) {
      if (exported.has(item.source) && ctx.records[item.source]?.hash !== item.hash)
        ctx.records[item.source] = { hash: item.hash, publishedAt: ctx.now().toISOString() };
    }
    ctx.io.stdout.write(
      `note 用に ${written.length} 件を書き出しました → ${logSafe(path.relative(ctx.io.cwd, path.join(ctx.out, "note")))}/（各フォルダーの checklist.md の手順で投稿してください）\n`,
    );
    for (const f of failed) ctx.io.stderr.write(`書き出せませんでした: ${logSafe(f.source)}（${logSafe(f.error)}）。ほかの記事は書き出してあります。\n`);
    return failed.length ? EXIT.contentErrors : EXIT.ok;
  },
};

export const CHANNEL_REGISTRY: ReadonlyMap<string, Channel> = new Map([pages, webhook, noteExport].map((c) => [c.name, c]));
export const CHANNELS = [...CHANNEL_REGISTRY.keys()];
