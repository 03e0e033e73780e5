import { parseArgs } from "node:util";
import path from "node:path";
import { existsSync } from "node:fs";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { buildReport, repositoryUrlFromEnv, type CheckReport } from "../diagnostics/report.ts";
import { formatPretty } from "../diagnostics/format/pretty.ts";
import { formatJson } from "../diagnostics/format/json.ts";
import { formatSarif } from "../diagnostics/format/sarif.ts";
import { formatGithub } from "../diagnostics/format/github.ts";
import { CONFIG_FILE, loadConfig, type Config } from "../article/config.ts";
import { fixArticleFile, type FixOutcome } from "../checks/prose/fix.ts";
import { applyBaseline, readBaseline } from "../checks/baseline.ts";
import { ARTICLES_DIR, discoverArticles, type Discovery } from "../article/discover.ts";
import { changedSince, UnknownRefError } from "../git/changed.ts";
import { runCore, type CheckedArticle } from "../core/check.ts";
import { articleBytes } from "../core/admit.ts";
import { workTree } from "../source/work-tree.ts";
import { mainBranch } from "../source/main-branch.ts";
import { deliveredBriefs } from "../desk/delivered-briefs.ts";
import type { Snapshot } from "../source/snapshot.ts";
import { CACHE_DIR } from "../cache-dir.ts";
import { jstDate } from "../jst.ts";
import { readBriefBook } from "../desk/read-briefs.ts";
import { BRIEFS_DIR } from "../desk/brief.ts";
import { EXIT, UsageError, findRoot, useColor, type Io } from "../cli-io.ts";
import { VERSION } from "../version.ts";
import { findRule } from "../rule-catalog.ts";
import { report } from "../diagnostics/rules.ts";
import { mergeLineSuggestions } from "../diagnostics/merge-suggestions.ts";
import { inputRules } from "../diagnostics/input-rules.ts";

export const FORMATS = ["pretty", "json", "sarif", "github"] as const;
export type Format = (typeof FORMATS)[number];

export const checkHelp = `使い方: kawaraban check [パス…] [--changed-since <git-ref>] [--format pretty|json|sarif|github] [--fix]

  パスを省くと articles/ のすべての記事を確認します。
  --changed-since <ref>  <ref> から変わった記事だけを確認します（プルリクエスト用）
  --format <形式>        出力形式（pretty: 人が読む形、json、sarif、github: Actions の注釈）
  --fix                  表記など、安全に直せるものを記事ファイルに書き込んで直します
  --no-cache             前回の結果を使わずに、すべて確認し直します
  --no-baseline          ベースライン（kawaraban.baseline.json）にある既存の指摘も表示します
`;

export interface CheckRun {
  root: string;
  config: Config;
  outcomes: CheckedArticle[];
  report: CheckReport;
  fixes: FixOutcome[];
  exitCode: number;
}

export function parseCheckArgs(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string", default: "pretty" },
      "changed-since": { type: "string" },
      "no-cache": { type: "boolean" },
      fix: { type: "boolean" },
      "no-baseline": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (!FORMATS.includes(values.format as Format)) {
    throw new UsageError(`--format には ${FORMATS.join(", ")} のどれかを指定してください（指定: ${values.format}）。`);
  }
  return {
    format: values.format as Format,
    changedSince: values["changed-since"],
    paths: positionals,
    help: values.help === true,
    cache: values["no-cache"] !== true,
    fix: values.fix === true,
    baseline: values["no-baseline"] !== true,
  };
}

/** The check core shared by `check` and `start`: config, targets, stages, report, exit code. */
export interface CheckOptions {
  paths: string[];
  changedSince?: string;
  cache?: boolean;
  fix?: boolean;
  /** false: report findings the baseline already knows (used to write the baseline itself). */
  baseline?: boolean;
}

export async function runCheck(io: Io, options: CheckOptions): Promise<CheckRun | { configFailure: Diagnostic[] }> {
  const root = await findRoot(io.cwd);
  const tree = await workTree(root);
  const loaded = await loadConfig(tree);
  if (!loaded.ok) return { configFailure: loaded.diagnostics };
  const config = loaded.config;
  const cacheDir = options.cache === false ? undefined : path.join(root, CACHE_DIR, "prose");
  if (!io.lintWorkers?.length && (!cacheDir || !existsSync(cacheDir))) {
    // No findings cache (CI, a fresh clone): textlint will surely be needed, so start loading it now.
    void import("../checks/prose/textlint.mjs").then((m) => m.warmUp(root));
  }
  const fullRun = !options.changedSince && options.paths.length === 0;
  const targets = options.changedSince
    ? await discoverChanged(tree, root, io.cwd, options.changedSince, options.paths)
    : { ...(await discoverArticles(tree, root, io.cwd, options.paths)), assets: [], briefs: [] };
  const fixes: FixOutcome[] = [];
  if (options.fix) {
    for (const article of targets.articles) {
      const outcome = await fixArticleFile(root, tree, article, articleBytes(config));
      if (outcome) fixes.push(outcome);
    }
  }
  const main = await mainBranch(root);
  const book = await readBriefBook(tree, config);
  const deliveredBy = main && (await deliveredBriefs(root, main.ref, main.snapshot, config, book.briefs));
  const core = await runCore({
    snapshot: tree,
    config,
    lintRoot: root,
    articles: targets.articles,
    images: fullRun ? (await tree.list("assets")).map((e) => e.path) : targets.assets,
    briefFiles: fullRun ? (await tree.list(BRIEFS_DIR)).map((e) => e.path) : targets.briefs,
    briefs: {
      briefs: book.briefs,
      today: jstDate(io.now?.() ?? new Date()),
      delivered: await presentIn(main?.snapshot, targets.articles),
      ...(deliveredBy && { deliveredBy }),
    },
    imageCacheDir: options.cache === false ? undefined : path.join(root, CACHE_DIR, "images"),
    prose: { enabled: true, cacheDir, prestarted: io.lintWorkers },
    fullRun,
  });
  let diagnostics = [...targets.diagnostics, ...core.diagnostics];
  let baselined: number | undefined;
  const baseline =
    options.baseline === false
      ? undefined
      : await readBaseline(root).catch((error: Error) => {
          throw new UsageError(error.message);
        });
  if (baseline) ({ kept: diagnostics, baselined } = applyBaseline(diagnostics, baseline, core.lineTexts));
  diagnostics = mergeLineSuggestions(diagnostics, core.lineTexts);
  const report = buildReport(
    [...targets.articles, ...targets.diagnostics.map((d) => d.path), ...core.diagnostics.filter((d) => d.source === "config").map((d) => d.path)],
    diagnostics,
  );
  if (baselined !== undefined) report.summary.baselined = baselined;
  report.images = core.images;
  report.stats = Object.fromEntries(core.articles.filter((o) => o.stats).map((o) => [o.path, o.stats!]));
  return { root, config, outcomes: core.articles, report, fixes, exitCode: exitCodeFor(diagnostics) };
}

/** Which of `paths` the default branch has already (delivered: their deadlines no longer matter). */
async function presentIn(main: Snapshot | undefined, paths: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const p of main ? paths : []) if (await main!.entry(p)) found.add(p);
  return found;
}

export function exitCodeFor(diagnostics: readonly Diagnostic[]): number {
  if (diagnostics.some((d) => d.internal || (d.source === "config" && d.severity === "error"))) return EXIT.failure;
  return diagnostics.some((d) => d.severity === "error") ? EXIT.contentErrors : EXIT.ok;
}

interface ChangedTargets extends Discovery {
  assets: string[];
  briefs: string[];
}

async function discoverChanged(tree: Snapshot, root: string, cwd: string, ref: string, paths: string[]): Promise<ChangedTargets> {
  let changed: Awaited<ReturnType<typeof changedSince>>;
  try {
    changed = await changedSince(root, ref);
  } catch (error) {
    if (error instanceof UnknownRefError) throw new UsageError(error.message);
    throw error;
  }
  // Dot-folders are not filtered out: what a PR hides there is reported, never skipped.
  const underArticles = changed.changed.filter((p) => p.startsWith(`${ARTICLES_DIR}/`));
  // PRs that only add or replace photos still get their images checked.
  const assets = changed.changed.filter((p) => p.startsWith("assets/"));
  const briefs = changed.changed.filter((p) => p.startsWith(`${BRIEFS_DIR}/`));
  // Markdown added elsewhere was most likely meant as an article: say where articles go.
  const misplaced = changed.changed
    .filter(
      (p) =>
        !p.startsWith(`${ARTICLES_DIR}/`) &&
        /\.(md|markdown)$/i.test(p) &&
        !/^(README|CHANGELOG|CONTRIBUTING|LICENSE|SECURITY)\.md$/i.test(p) &&
        !p.startsWith("docs/") &&
        !p.startsWith(".github/"),
    )
    .map((p) =>
      report(
        inputRules.notArticle,
        p,
        `記事は ${ARTICLES_DIR}/ の中に置いてください（例: ${ARTICLES_DIR}/2026/12/satoyama-walk.md）。ここに置いた Markdown は確認も公開もされません。`,
        undefined,
        { severity: "warning" },
      ),
    );
  if (underArticles.length === 0) return { articles: [], diagnostics: misplaced, assets, briefs };
  // The changed files go through the same discovery as explicit paths, so they get identical treatment.
  const discovery = await discoverArticles(tree, root, root, underArticles);
  discovery.diagnostics.push(...misplaced);
  if (paths.length === 0) return { ...discovery, assets, briefs };
  const wanted = await discoverArticles(tree, root, cwd, paths);
  const keep = new Set(wanted.articles);
  return { articles: discovery.articles.filter((a) => keep.has(a)), diagnostics: discovery.diagnostics, assets, briefs };
}

export function render(report: CheckReport, format: Format, io: Io): string {
  const repositoryUrl = repositoryUrlFromEnv(io.env);
  switch (format) {
    case "json":
      return formatJson(report);
    case "sarif":
      return formatSarif(report, { repositoryUrl, version: VERSION, findRule });
    case "github":
      return formatGithub(report);
    default:
      return formatPretty(report, { color: useColor(io.stdout, io.env), repositoryUrl });
  }
}

export async function checkCommand(argv: string[], io: Io): Promise<number> {
  const args = parseCheckArgs(argv);
  if (args.help) {
    io.stdout.write(checkHelp);
    return EXIT.ok;
  }
  const run = await runCheck(io, args);
  if ("configFailure" in run) {
    io.stdout.write(render(buildReport([CONFIG_FILE], run.configFailure), args.format, io));
    if (args.format !== "pretty") io.stderr.write(`${CONFIG_FILE} に問題があるため確認を中止しました。\n`);
    return EXIT.failure;
  }
  if (run.fixes.length > 0) {
    // With a machine format, stdout stays one document; the notes go to stderr.
    (args.format === "pretty" ? io.stdout : io.stderr).write(`${describeFixes(run.fixes)}\n`);
  }
  io.stdout.write(render(run.report, args.format, io));
  return run.exitCode;
}

export function describeFixes(fixes: readonly FixOutcome[]): string {
  return fixes
    .map((f) => {
      const counts = Object.entries(f.applied)
        .map(([rule, n]) => `${rule} ${n} 件`)
        .join("、");
      return f.skipped ? `修正を見送りました: ${f.path}（${f.skipped}。${counts}）` : `修正しました: ${f.path}（${counts}）`;
    })
    .join("\n");
}

export { CACHE_DIR };
