import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { EXIT, UsageError, findRoot, type Io } from "../cli-io.ts";
import { loadConfig } from "../article/config.ts";
import { buildSite } from "../site/build.ts";
import { siteContext } from "../site/model.ts";
import { jstDate } from "../jst.ts";
import { readRecords, writeRecords, RECORDS_DIR } from "../channels/records.ts";
import { publishToWebhook } from "../channels/webhook.ts";
import { exportForNote } from "../channels/note-export.ts";

export const CHANNELS = ["pages", "webhook", "note-export"] as const;

export const publishHelp = `使い方: kawaraban publish [--channel pages|webhook|note-export] [--out dist]
       kawaraban publish --channel note-export --record <記事のパス> --url <投稿した URL>

  公開する記事を、選んだ先に届けます。届けた記録は ${RECORDS_DIR}/<channel>.json に残し、
  同じ内容をもう一度届けることはありません（内容が変わった記事は更新として届けます）。
  pages        GitHub Pages 用のサイトを --out に作ります（公開は publish.yml が行います）
  webhook      市の CMS やチャットに、記事を JSON で送ります（channels.webhook.url、
               署名の鍵は環境変数 KAWARABAN_WEBHOOK_SECRET）
  note-export  note に貼り付けるための記事・写真・手順書を --out/note/ に書き出します
`;

export async function publishCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { channel: { type: "string", default: "pages" }, out: { type: "string", default: "dist" }, record: { type: "string" }, url: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    io.stdout.write(publishHelp);
    return EXIT.ok;
  }
  const channel = values.channel as (typeof CHANNELS)[number];
  if (!CHANNELS.includes(channel)) throw new UsageError(`--channel には ${CHANNELS.join(", ")} のどれかを指定してください。`);
  const root = await findRoot(io.cwd);
  const loaded = await loadConfig(root);
  if (!loaded.ok) throw new UsageError(`kawaraban.config.yml に問題があります: ${loaded.diagnostics[0]?.message ?? ""}`);
  const config = loaded.config;
  const now = () => io.now?.() ?? new Date();
  const records = await readRecords(root, channel);

  if (values.record) {
    if (channel !== "note-export" || !values.url || !/^https:\/\//.test(values.url)) throw new UsageError("--record は --channel note-export と --url https://… と一緒に使います。");
    const previous = records[values.record];
    if (!previous) throw new UsageError(`${values.record} はまだ書き出していません。先に publish --channel note-export を実行してください。`);
    records[values.record] = { ...previous, url: values.url, publishedAt: now().toISOString() };
    await writeRecords(root, channel, records);
    io.stdout.write(`記録しました: ${values.record} → ${values.url}（${RECORDS_DIR}/${channel}.json をコミットしてください）\n`);
    return EXIT.ok;
  }

  const ctx = siteContext(config, undefined, jstDate(now()));
  const out = channel === "pages" ? path.resolve(io.cwd, values.out!) : await mkdtemp(path.join(tmpdir(), "kawaraban-site-"));
  try {
    const site = await buildSite(root, config, ctx, out, io.cwd, { temporary: channel !== "pages" });
    if (channel === "pages") {
      for (const item of site.items) if (records[item.source]?.hash !== item.hash) records[item.source] = { hash: item.hash, url: item.url, publishedAt: now().toISOString() };
      await writeRecords(root, channel, records);
      io.stdout.write(`GitHub Pages 用のサイトを作りました（記事 ${site.articles} 件）→ ${path.relative(io.cwd, out) || "."}/\n`);
      return EXIT.ok;
    }
    if (channel === "webhook") {
      const url = config.channels.webhook?.url;
      const secret = io.env.KAWARABAN_WEBHOOK_SECRET;
      if (!url) throw new UsageError("kawaraban.config.yml に channels.webhook.url を書いてください。");
      if (!secret) throw new UsageError("環境変数 KAWARABAN_WEBHOOK_SECRET（署名の鍵）がありません。リポジトリには書かず、Actions の secrets に入れてください。");
      const result = await publishToWebhook(site.items, records, { url, secret, now, backoffMs: Number(io.env.KAWARABAN_WEBHOOK_BACKOFF_MS ?? 1000) });
      await writeRecords(root, channel, records);
      io.stdout.write(`webhook: 新規 ${result.created.length} 件、更新 ${result.updated.length} 件、変更なし ${result.unchanged.length} 件${result.failed.length ? `、失敗 ${result.failed.length} 件` : ""}\n`);
      for (const f of result.failed) io.stderr.write(`届けられませんでした: ${f.source}（${f.error}）。次の実行で再送します。\n`);
      return result.failed.length ? EXIT.contentErrors : EXIT.ok;
    }
    const written = await exportForNote(site.items, records, path.resolve(io.cwd, values.out!), out, ctx.basePath);
    // Exported, waiting for the editor to post it and record its URL.
    for (const item of site.items) if (records[item.source]?.hash !== item.hash) records[item.source] = { hash: item.hash, publishedAt: now().toISOString() };
    await writeRecords(root, channel, records);
    io.stdout.write(`note 用に ${written.length} 件を書き出しました → ${path.relative(io.cwd, path.resolve(io.cwd, values.out!, "note"))}/（各フォルダーの checklist.md の手順で投稿してください）\n`);
    return EXIT.ok;
  } finally {
    if (channel !== "pages") await rm(out, { recursive: true, force: true });
  }
}
