import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { EXIT, UsageError, findRoot, type Io } from "../cli-io.ts";
import { loadConfig, type Config } from "../article/config.ts";
import { workTree } from "../source/work-tree.ts";
import { isGitRepository, mainRef } from "../git/git.ts";
import { readLedger } from "../invoice/ledger.ts";
import { jstMonth } from "../jst.ts";
import { readBooks, BooksError, snapshotFile, CLOSED_FILE, type Books } from "../invoice/books.ts";
import { buildInvoice, type InvoiceDocument } from "../invoice/statement.ts";
import { summaryCsv, detailCsv, encodeCsv, EncodingError } from "../invoice/csv.ts";
import { invoiceMarkdown, paymentsChart } from "../invoice/markdown.ts";
import { documentHtml } from "../invoice/html.ts";
import { documentPdf } from "../invoice/pdf.ts";
import { monthDocuments } from "../invoice/print-model.ts";
import { recordsIndexCsv, recordsIndexFile } from "../invoice/records-index.ts";
import { containedJoin } from "../contained-path.ts";
import { yearDocument, yearMonths } from "../invoice/year.ts";
import { YEAR_TABLES, yearCsv, yearFileName, yearHtml, yearMarkdown } from "../invoice/year-outputs.ts";

export const invoiceHelp = `使い方: kawaraban invoice --month YYYY-MM [--format json|csv|md|html|pdf] [--out <フォルダー>]
                         [--encoding utf8|cp932] [--close]
       kawaraban invoice --year YYYY [--format json|md|csv|html] [--out <フォルダー>]

  その月にマージされた記事の原稿料を、ライターごとに集計します（源泉徴収・消費税を含む）。
  --format json  集計（既定）     csv  Excel 用（--out で明細 CSV も）
  --format md    表（Markdown）   html 印刷用の書類（支払通知書など。--out が必要）
  --format pdf   書類の PDF（文字を選べる。電子で渡す・保存する用）と索引 index-<月>.csv（--out が必要）
  --encoding cp932  CSV を Shift_JIS（CP932）で書き出します（表せない文字があれば止まります）
  --close        その月を締めます（invoices/<月>.json に結果を固定し、以後は変わりません）
  --issue        市の担当者向けのイシューに、集計と直近 12 か月のグラフを書き込みます（GITHUB_TOKEN）
  --year YYYY    その年の支払先ごとの合計（支払調書用。支払が確定した年で集計）と、
                 支払った月ごとの源泉所得税と納期限（納付用）。--out では表ごとに別のファイル
`;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Everything an invoice is computed from, read once. */
export interface InvoiceSources {
  root: string;
  config: Config;
  books: Books;
  ledger: Awaited<ReturnType<typeof readLedger>>;
  frozen: (month: string) => InvoiceDocument | undefined;
}

/** `now` bounds the dates the ledger trusts: a commit dated after it is not trusted. */
export async function loadInvoiceSources(root: string, now = new Date()): Promise<InvoiceSources> {
  const loaded = await loadConfig(await workTree(root));
  if (!loaded.ok) throw new UsageError(`kawaraban.config.yml に問題があります: ${loaded.diagnostics[0]?.message ?? ""}`);
  if (!(await isGitRepository(root))) throw new UsageError("git の履歴がないため、原稿料を集計できません（git clone したリポジトリで実行してください）。");
  let books: Books;
  try {
    books = await readBooks(root);
  } catch (error) {
    if (error instanceof BooksError) throw new UsageError(error.message);
    throw error;
  }
  const ref = await mainRef(root);
  const ledger = await readLedger(root, ref, now);
  const snapshots = new Map<string, InvoiceDocument>();
  for (const month of books.closed) {
    const file = path.join(root, snapshotFile(month));
    const text = await readFile(file, "utf8").catch(() => {
      throw new UsageError(`${month} は締め済みですが、${snapshotFile(month)} がありません。`);
    });
    snapshots.set(month, JSON.parse(text) as InvoiceDocument);
  }
  return { root, config: loaded.config, books, ledger, frozen: (m) => snapshots.get(m) };
}

/** The month's statement: the frozen one for a closed month, computed otherwise. */
export function invoiceFor(sources: InvoiceSources, month: string): InvoiceDocument {
  return sources.frozen(month) ?? buildInvoice(month, sources.ledger, sources.books.adjustments, sources.books.closed, sources.config, sources.frozen);
}

export const currentMonth = (io: Pick<Io, "now">) => jstMonth(io.now?.() ?? new Date());

export async function invoiceCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      month: { type: "string" },
      year: { type: "string" },
      format: { type: "string", default: "json" },
      out: { type: "string" },
      encoding: { type: "string", default: "utf8" },
      close: { type: "boolean" },
      issue: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(invoiceHelp);
    return EXIT.ok;
  }
  if (values.year !== undefined) return yearCommand(io, values.year, values.format!, values.out, values.encoding!);
  const month = values.month;
  if (!month || !MONTH.test(month)) throw new UsageError("--month には 2026-11 のように年と月を指定してください。");
  if (!["json", "csv", "md", "html", "pdf"].includes(values.format!))
    throw new UsageError("--format には json, csv, md, html, pdf のどれかを指定してください。");
  if (values.encoding !== "utf8" && values.encoding !== "cp932") throw new UsageError("--encoding には utf8 か cp932 を指定してください。");
  const root = await findRoot(io.cwd);
  const sources = await loadInvoiceSources(root, io.now?.());
  const doc = invoiceFor(sources, month);
  const out = values.out ? path.resolve(io.cwd, values.out) : undefined;

  if (values.close) return closeMonth(io, sources, month, doc);
  if (values.issue) return postIssue(io, sources, month, doc);
  switch (values.format) {
    case "json":
      io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
      break;
    case "md":
      io.stdout.write(invoiceMarkdown(doc));
      break;
    case "csv": {
      const summary = encodedCsv(summaryCsv(doc), values.encoding);
      const detail = encodedCsv(detailCsv(doc), values.encoding);
      if (!out) {
        io.stdout.write(summary.toString(values.encoding === "utf8" ? "utf8" : "latin1"));
        break;
      }
      await mkdir(out, { recursive: true });
      await writeFile(path.join(out, `invoice-${month}.csv`), summary);
      await writeFile(path.join(out, `invoice-${month}-detail.csv`), detail);
      io.stderr.write(`CSV を書き出しました: ${path.relative(io.cwd, out) || "."}/invoice-${month}.csv（集計）、invoice-${month}-detail.csv（明細）\n`);
      break;
    }
    case "html":
    case "pdf": {
      if (!out) throw new UsageError(`--format ${values.format} には --out（書き出すフォルダー）が必要です。`);
      await writeDocuments(io, out, doc, sources.config, values.format);
      break;
    }
  }
  return EXIT.ok;
}

/** The month's printable documents: HTML pages to print, or PDFs with their index of records. */
async function writeDocuments(io: Io, out: string, doc: InvoiceDocument, config: Config, format: "html" | "pdf"): Promise<void> {
  await mkdir(out, { recursive: true });
  const documents = monthDocuments(doc, config);
  for (const d of documents) {
    if (format === "html") await writeFile(containedJoin(out, d.html), documentHtml(d.model));
    else await writeFile(containedJoin(out, `${d.model.file}.pdf`), await documentPdf(d.model));
  }
  const where = path.relative(io.cwd, out) || ".";
  if (format === "html") {
    io.stderr.write(`印刷用の書類を ${documents.length} 件書き出しました（${where}/）。ブラウザーで開いて印刷してください。\n`);
    return;
  }
  await writeFile(containedJoin(out, recordsIndexFile(doc.month)), encodeCsv(recordsIndexCsv(documents.map((d) => d.model)), "utf8"));
  io.stderr.write(`PDF を ${documents.length} 件と、索引 ${recordsIndexFile(doc.month)} を書き出しました（${where}/）。\n`);
}

async function closeMonth(io: Io, sources: InvoiceSources, month: string, doc: InvoiceDocument): Promise<number> {
  if (sources.books.closed.has(month)) {
    io.stdout.write(`${month} はすでに締め済みです（${snapshotFile(month)}）。\n`);
    return EXIT.ok;
  }
  if (month >= currentMonth(io)) throw new UsageError(`${month} はまだ終わっていないため、締められません。`);
  const frozen: InvoiceDocument = { ...doc, closed: true };
  await mkdir(path.join(sources.root, path.dirname(snapshotFile(month))), { recursive: true });
  await writeFile(path.join(sources.root, snapshotFile(month)), `${JSON.stringify(frozen, null, 2)}\n`);
  const closed = [...sources.books.closed, month].sort();
  await writeFile(
    path.join(sources.root, CLOSED_FILE),
    `# 締めた月（この月の明細は invoices/<月>.json に固定され、以後変わりません）\n${closed.map((m) => `- "${m}"`).join("\n")}\n`,
  );
  io.stdout.write(`${month} を締めました。${snapshotFile(month)} と ${CLOSED_FILE} をコミットしてください。以後の調整は翌月以降に計上されます。\n`);
  return EXIT.ok;
}

/** The last `count` months up to `month`, oldest first. */
export function monthsUpTo(month: string, count: number): string[] {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

async function postIssue(io: Io, sources: InvoiceSources, month: string, doc: InvoiceDocument): Promise<number> {
  const { githubFromEnv } = await import("../github/env-client.ts");
  const { upsertInvoiceIssue } = await import("../github/marked-issue.ts");
  const {
    client,
    repo: { owner, repo },
    botLogin,
  } = githubFromEnv(io);
  const history = monthsUpTo(month, 12).map((m) => invoiceFor(sources, m));
  const body = [
    invoiceMarkdown(doc),
    "#### 直近 12 か月の支払額",
    "",
    paymentsChart(history),
    "",
    "CSV と印刷用の明細書は、このワークフローの実行結果（Artifacts）からダウンロードできます。金額は `kawaraban.config.yml` の料金表と `invoices/adjustments.yml` から計算しています。",
  ].join("\n");
  const result = await upsertInvoiceIssue(client, { owner, repo }, month, body, botLogin);
  io.stdout.write(`イシュー #${result.number} を${result.created ? "作成" : "更新"}しました。\n`);
  return EXIT.ok;
}

/**
 * `--year`: the writers' table for the 支払調書 and the withholding table for the 納付 (year.ts).
 * JSON and Markdown go to stdout (both tables); with --out, each table is its own file in the
 * format asked (CSV, Markdown or HTML).
 */
async function yearCommand(io: Io, year: string, format: string, outArg: string | undefined, encoding: string): Promise<number> {
  if (!/^\d{4}$/.test(year)) throw new UsageError("--year には 2026 のように年を指定してください。");
  if (!["json", "csv", "md", "html"].includes(format)) throw new UsageError("--year の --format には json, csv, md, html のどれかを指定してください。");
  if (encoding !== "utf8" && encoding !== "cp932") throw new UsageError("--encoding には utf8 か cp932 を指定してください。");
  if ((format === "csv" || format === "html") && !outArg)
    throw new UsageError(`--year の --format ${format} には --out（書き出すフォルダー）が必要です（表ごとに別のファイルにします）。`);
  const sources = await loadInvoiceSources(await findRoot(io.cwd), io.now?.());
  const doc = yearDocument(
    year,
    yearMonths(year).map((m) => invoiceFor(sources, m)),
    sources.config,
  );
  if (format === "json") {
    io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    return EXIT.ok;
  }
  if (!outArg) {
    io.stdout.write(YEAR_TABLES.map((t) => yearMarkdown(doc, t)).join("\n"));
    return EXIT.ok;
  }
  const out = path.resolve(io.cwd, outArg);
  await mkdir(out, { recursive: true });
  const written: string[] = [];
  for (const table of YEAR_TABLES) {
    const file = yearFileName(year, table, format);
    const text = format === "csv" ? yearCsv(doc, table) : format === "md" ? yearMarkdown(doc, table) : yearHtml(doc, table);
    await writeFile(containedJoin(out, file), format === "csv" ? encodedCsv(text, encoding) : text);
    written.push(file);
  }
  io.stderr.write(`年間の集計を書き出しました: ${written.map((f) => `${path.relative(io.cwd, out) || "."}/${f}`).join("、")}\n`);
  return EXIT.ok;
}

/** CSV bytes in the encoding asked, or a usage error naming the character CP932 cannot hold. */
function encodedCsv(text: string, encoding: string): Buffer {
  try {
    return encodeCsv(text, encoding as "utf8" | "cp932");
  } catch (error) {
    if (error instanceof EncodingError) throw new UsageError(error.message);
    throw error;
  }
}
