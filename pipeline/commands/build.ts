import path from "node:path";
import { parseArgs } from "node:util";
import { EXIT, UsageError, type Io } from "../cli-io.ts";
import { openRepository } from "./repository.ts";
import { buildSite } from "../site/build.ts";
import { siteContext } from "../site/model.ts";
import { jstDate } from "../jst.ts";
import { logSafe } from "../text-safety.ts";

export const buildHelp = `使い方: kawaraban build [--out dist] [--base-url <URL>]

  公開する記事からサイトを作ります（記事・一覧・カテゴリー・タグ・ライターのページ、
  フィード、サイトマップ）。下書きと、公開日がまだ来ていない記事は含めません。
  --out       書き出すフォルダー（既定 dist）
  --base-url  公開先の URL（既定は kawaraban.config.yml の site.baseUrl）
`;

export async function buildCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { out: { type: "string", default: "dist" }, "base-url": { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    io.stdout.write(buildHelp);
    return EXIT.ok;
  }
  const repository = await openRepository(io);
  if ("exitCode" in repository) return repository.exitCode;
  const { root, config, tree } = repository;
  let ctx: ReturnType<typeof siteContext>;
  try {
    ctx = siteContext(config, values["base-url"], jstDate(io.now?.() ?? new Date()));
  } catch {
    throw new UsageError("--base-url には https:// から始まる URL を指定してください。");
  }
  const out = path.resolve(io.cwd, values.out!);
  const result = await buildSite(root, config, ctx, out, io.cwd, { repository: io.env.GITHUB_REPOSITORY, searchCache: io.searchCache, tree });
  io.stdout.write(`${writeSummary(result, path.relative(io.cwd, out) || ".")}\n`);
  return EXIT.ok;
}

/** Scheduled articles beyond this many are counted, not listed: a city may schedule a month ahead. */
const LISTED_SCHEDULED = 5;

export function writeSummary(result: Awaited<ReturnType<typeof buildSite>>, out: string): string {
  const reused = result.reused ? `（変わっていない記事 ${result.reused} 件は前回のものをそのまま使用）` : "";
  const lines = [
    `サイトを作りました: 記事 ${result.articles} 件、ページ ${result.pages} 枚${reused} → ${out}/（npx kawaraban preview --built --out ${out} で、公開されたときと同じ形で見られます）`,
  ];
  const scheduled = result.skipped.filter((s) => s.scheduled);
  // File names and reasons carry writer text: made single-line and inert for CI logs.
  for (const s of result.skipped.filter((s) => !s.scheduled)) lines.push(`  公開しないもの: ${logSafe(s.path)}（${logSafe(s.reason)}）`);
  for (const s of scheduled.slice(0, LISTED_SCHEDULED)) lines.push(`  公開日待ちの記事: ${logSafe(s.path)}（${logSafe(s.reason)}）`);
  if (scheduled.length > LISTED_SCHEDULED) lines.push(`  ほかに公開日待ちの記事が ${scheduled.length - LISTED_SCHEDULED} 件あります`);
  return lines.join("\n");
}
