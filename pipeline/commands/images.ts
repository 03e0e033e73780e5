import { rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { EXIT, UsageError, type Io } from "../cli-io.ts";
import { buildReport } from "../diagnostics/report.ts";
import { render, CACHE_DIR, exitCodeFor } from "./check.ts";
import { openRepository } from "./repository.ts";
import { toRepoPath } from "../article/repo-path.ts";
import { checkImages, listAssets, photoNameProblems, ASSETS } from "../images/stage.ts";
import { imageLimits } from "../images/limits.ts";
import { fixImage } from "../images/fix.ts";
import { folderSink, variantsLine, writeVariants } from "../images/variants.ts";
import { formatBytes } from "../source/decode.ts";

export const imagesHelp = `使い方: kawaraban images [パス…] [--fix] [--variants] [--out dist]

  assets/ の画像を確認します（形式、大きさ、位置情報などの個人情報、壊れていないか）。
  --fix       画像を直して上書きします: 向きを補正し、位置情報を含むすべての撮影情報を削除し、
              大きすぎれば縮小し、同じ形式で画質を保ったまま軽くします。
  --variants  サイト用に AVIF・WebP・JPEG の幅違いの画像を --out（既定 dist）に書き出します。
`;

export async function imagesCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { fix: { type: "boolean" }, variants: { type: "boolean" }, out: { type: "string", default: "dist" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    io.stdout.write(imagesHelp);
    return EXIT.ok;
  }
  const repository = await openRepository(io);
  if ("exitCode" in repository) return repository.exitCode;
  const { root, tree, config } = repository;
  const limits = imageLimits(config);
  const all = await listAssets(tree);
  const paths = positionals.length === 0 ? all : selectImages(root, io.cwd, positionals, all);
  const ctx = { snapshot: tree, limits, keepBuffers: true };
  let result = await checkImages(ctx, paths, new Map());

  if (values.fix) {
    const lines: string[] = [];
    for (const { info, buffer } of result.usable) {
      const outcome = await fixImage(buffer!, info, limits);
      if (!outcome.output) continue;
      const target = path.join(root, info.path);
      await writeFile(`${target}.kawaraban-fix.tmp`, outcome.output);
      await rename(`${target}.kawaraban-fix.tmp`, target);
      lines.push(`直しました: ${info.path}（${outcome.notes.join("、")}）`);
    }
    io.stdout.write(lines.length ? `${lines.join("\n")}\n` : "自動で直せる画像はありませんでした。\n");
    result = await checkImages(ctx, paths, new Map()); // what is left, read back from disk
    const left = result.diagnostics.filter((d) => d.severity === "error");
    io.stdout.write(
      `写真の修正: 直したもの ${lines.length} 枚。${left.length ? `自動では直せないものが ${left.length} 件あります（下の一覧。撮り直すか、別の写真に差し替えてください）。` : "写真に残っているエラーはありません。"}\n`,
    );
  }
  if (values.variants) {
    const out = path.resolve(io.cwd, values.out);
    const sink = folderSink(out);
    const written = await writeVariants(
      tree,
      result.usable.map((u) => u.info),
      sink,
      path.join(root, CACHE_DIR, "images", "variants"),
    );
    await sink.flush();
    io.stdout.write(`${variantsLine(written, path.relative(io.cwd, out) || ".")}\n`);
  }
  const report = buildReport(paths, [...photoNameProblems(paths, all), ...result.diagnostics]);
  const before = result.images.reduce((n, i) => n + i.bytes, 0);
  const after = result.images.reduce((n, i) => n + i.after, 0);
  io.stdout.write(render(report, "pretty", io));
  io.stdout.write(`画像 ${result.images.length} 枚: ${formatBytes(before)}${after < before ? `（--fix で ${formatBytes(after)} にできます）` : ""}\n`);
  // This command looks at photo files only: say so, so a clean result is not read as "the article is fine".
  io.stdout.write("※ これは写真のファイルだけの確認です。記事（文章・front matter・写真の参照）は npx kawaraban check で確認してください。\n");
  return exitCodeFor(result.diagnostics);
}

function selectImages(root: string, cwd: string, inputs: string[], all: readonly string[]): string[] {
  const selected = new Set<string>();
  for (const input of inputs) {
    const repoPath = toRepoPath(root, path.resolve(cwd, input));
    if (!repoPath || !(repoPath === ASSETS || repoPath.startsWith(`${ASSETS}/`))) throw new UsageError(`画像は assets/ の中のものを指定してください: ${input}`);
    const matches = all.filter((a) => a === repoPath || a.startsWith(`${repoPath}/`));
    for (const m of matches.length ? matches : [repoPath]) selected.add(m);
  }
  return [...selected].sort();
}
