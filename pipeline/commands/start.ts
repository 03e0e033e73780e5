import { EXIT, type Io } from "../cli-io.ts";
import { runCheck, render } from "./check.ts";
import path from "node:path";
import { buildSite } from "../site/build.ts";
import { siteContext } from "../site/model.ts";
import { jstDate } from "../jst.ts";
import { writeSummary } from "./build.ts";
import { UsageError } from "../cli-io.ts";
import { currentMonth, invoiceFor, loadInvoiceSources } from "./invoice.ts";
import { invoiceMarkdown } from "../invoice/markdown.ts";
import { buildReport } from "../diagnostics/report.ts";
import { CONFIG_FILE } from "../article/config.ts";
import { formatBytes } from "../source/decode.ts";

/**
 * `npm start`: the main job on the repository's own content, offline and without accounts
 * (check → site → this month's fees → the order desk).
 * Each step reports in Japanese; the exit code is the worst of the steps.
 */
export async function startCommand(_argv: string[], io: Io): Promise<number> {
  io.stdout.write("■ 記事の確認（kawaraban check）\n");
  const run = await runCheck(io, { paths: [] });
  if ("configFailure" in run) {
    io.stdout.write(render(buildReport([CONFIG_FILE], run.configFailure), "pretty", io));
    return EXIT.failure;
  }
  io.stdout.write(render(run.report, "pretty", io));
  if (run.report.images) {
    const { files, bytes, after } = run.report.images;
    io.stdout.write(`画像 ${files.length} 枚（${formatBytes(bytes)}${after < bytes ? `、--fix で ${formatBytes(after)}` : ""}）\n`);
  }
  io.stdout.write("\n■ サイトの作成（kawaraban build）\n");
  const site = await buildSite(
    run.root,
    run.config,
    siteContext(run.config, undefined, jstDate(io.now?.() ?? new Date())),
    path.join(run.root, "dist"),
    io.cwd,
  );
  io.stdout.write(`${writeSummary(site, path.relative(io.cwd, path.join(run.root, "dist")) || "dist")}\n`);
  io.stdout.write("\n■ 今月の原稿料（kawaraban invoice）\n");
  io.stdout.write(await invoiceSummary(run.root, io));
  io.stdout.write("\n■ 依頼の状況（kawaraban desk）\n");
  const { deskCommand } = await import("./desk.ts");
  await deskCommand([], io).catch((error: unknown) => {
    if (!(error instanceof UsageError)) throw error;
    io.stdout.write(`${error.message}\n`);
  });
  return run.exitCode;
}

/** This month's summary; when nothing is billed yet this month, also the latest month that has any. */
async function invoiceSummary(root: string, io: Io): Promise<string> {
  let sources: Awaited<ReturnType<typeof loadInvoiceSources>>;
  try {
    sources = await loadInvoiceSources(root, io.now?.());
  } catch (error) {
    if (error instanceof UsageError) return `${error.message}\n`;
    throw error;
  }
  const month = currentMonth(io);
  const now = invoiceFor(sources, month);
  if (now.writers.length > 0) return invoiceMarkdown(now);
  const latest = sources.ledger.entries
    .map((e) => e.month)
    .sort()
    .pop();
  const note = `${month.replace("-", " 年 ")} 月分はまだありません。`;
  return latest ? `${note}直近の ${latest} 分:\n\n${invoiceMarkdown(invoiceFor(sources, latest))}` : `${note}\n`;
}
