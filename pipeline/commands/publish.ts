import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { EXIT, UsageError, type Io } from "../cli-io.ts";
import { openRepository } from "./repository.ts";
import { buildSite } from "../site/build.ts";
import { siteContext } from "../site/model.ts";
import { jstDate } from "../jst.ts";
import { readRecords, writeRecords, RECORDS_DIR } from "../channels/records.ts";
import { CHANNEL_REGISTRY, CHANNELS } from "../channels/registry.ts";

export { CHANNELS };

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
    options: {
      channel: { type: "string", default: "pages" },
      out: { type: "string", default: "dist" },
      record: { type: "string" },
      url: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(publishHelp);
    return EXIT.ok;
  }
  const channel = values.channel!;
  const chosen = CHANNEL_REGISTRY.get(channel);
  if (!chosen) throw new UsageError(`--channel には ${CHANNELS.join(", ")} のどれかを指定してください。`);
  const repository = await openRepository(io);
  if ("exitCode" in repository) return repository.exitCode;
  const { root, config, tree } = repository;
  const now = () => io.now?.() ?? new Date();
  const records = await readRecords(root, channel);

  if (values.record) {
    if (channel !== "note-export" || !values.url || !/^https:\/\//.test(values.url))
      throw new UsageError("--record は --channel note-export と --url https://… と一緒に使います。");
    const previous = records[values.record];
    if (!previous) throw new UsageError(`${values.record} はまだ書き出していません。先に publish --channel note-export を実行してください。`);
    records[values.record] = { ...previous, url: values.url, publishedAt: now().toISOString() };
    await writeRecords(root, channel, records);
    io.stdout.write(`記録しました: ${values.record} → ${values.url}（${RECORDS_DIR}/${channel}.json をコミットしてください）\n`);
    return EXIT.ok;
  }

  const ctx = siteContext(config, undefined, jstDate(now()));
  const out = path.resolve(io.cwd, values.out!);
  const siteDir = chosen.buildsIntoOut ? out : await mkdtemp(path.join(tmpdir(), "kawaraban-site-"));
  try {
    const site = await buildSite(root, config, ctx, siteDir, io.cwd, { temporary: !chosen.buildsIntoOut, repository: io.env.GITHUB_REPOSITORY, tree });
    const code = await chosen.deliver({ io, config, site, siteDir, basePath: ctx.basePath, out, records, now });
    await writeRecords(root, channel, records);
    return code;
  } finally {
    if (!chosen.buildsIntoOut) await rm(siteDir, { recursive: true, force: true });
  }
}
