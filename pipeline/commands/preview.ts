import { parseArgs } from "node:util";
import { EXIT, UsageError, type Io } from "../cli-io.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { runCheck } from "./check.ts";
import { openRepository } from "./repository.ts";
import { serveBuilt, startPreview } from "../site/preview.ts";
import { existsSync } from "node:fs";
import path from "node:path";

/** Ctrl+C in a terminal, SIGTERM from an editor or a process manager: the temp folder goes either way. */
const untilStopped = () =>
  new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
import { jstDate } from "../jst.ts";

export const previewHelp = `使い方: kawaraban preview [--port 4000]
       kawaraban preview --built [--out dist] [--port 4000]

  書いている記事を、公開されたときの見た目で確かめます（下書きや公開日前の記事も表示）。
  保存するたびに作り直して、ブラウザーを自動で再読み込みします。指摘は、その段落の下に表示します。
  まだ表示できない記事（日付の誤りなど）は、その記事のアドレスに直すところの一覧を表示します。
  --built  kawaraban build で作ったフォルダーを、GitHub Pages と同じ形で見ます（作り直しません）
  このパソコンの中（127.0.0.1）だけで見られます。終わるときは Ctrl+C を押します。
`;

/** Findings per article path, from the same check as `kawaraban check`. */
export function findingsFor(io: Io): () => Promise<Map<string, Diagnostic[]>> {
  return async () => {
    const run = await runCheck(io, { paths: [] });
    const map = new Map<string, Diagnostic[]>();
    if ("configFailure" in run) return map;
    for (const file of run.report.files) map.set(file.path, file.messages);
    return map;
  };
}

export async function previewCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string", default: "4000" },
      built: { type: "boolean" },
      out: { type: "string", default: "dist" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(previewHelp);
    return EXIT.ok;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError("--port には 0〜65535 の番号を指定してください。");
  const repository = await openRepository(io);
  if ("exitCode" in repository) return repository.exitCode;
  const log = (line: string) => io.stderr.write(`${line}\n`);
  if (values.built) {
    const dir = path.resolve(io.cwd, values.out!);
    if (!existsSync(path.join(dir, "index.html")))
      throw new UsageError(`${values.out}/index.html がありません。先に npx kawaraban build --out ${values.out} を実行してください。`);
    const site = await serveBuilt(dir, repository.config, port, log);
    io.stdout.write(`作ったサイト: ${site.url} をブラウザーで開いてください（${values.out}/ をそのまま表示しています。終わるときは Ctrl+C）\n`);
    await untilStopped();
    await site.close();
    return EXIT.ok;
  }
  const preview = await startPreview({
    root: repository.root,
    config: repository.config,
    port,
    check: findingsFor(io),
    today: jstDate(io.now?.() ?? new Date()),
    log,
  });
  io.stdout.write(`プレビュー: ${preview.url} をブラウザーで開いてください（保存すると自動で更新されます。終わるときは Ctrl+C）\n`);
  await untilStopped();
  await preview.close();
  return EXIT.ok;
}
