import path from "node:path";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import type { ArticleText } from "../../article/article.ts";
import { TextlintConfigError } from "./textlint-config.mjs";
import { remarkFor } from "../markdown.ts";
import { proseFingerprint } from "./fingerprint.ts";
import { lintArticle, proseFindings } from "./findings.ts";
import { textStats, type TextStats } from "../stats.ts";
import { ProseCache, sha256 } from "./cache.ts";
import { LintPool, LintTimeoutError } from "./pool.ts";
import { poolWorkers, WORKER_THRESHOLD } from "./prestart.mjs";
import type { TextlintMessage } from "./textlint.mjs";
import type { Worker } from "node:worker_threads";
import { report } from "../../diagnostics/rules.ts";
import { internalDiagnostic } from "../../diagnostics/input-rules.ts";
import { limitRules } from "../../article/structure-limits.ts";

/**
 * An article whose lint takes longer than this is refused with a clear diagnostic: within the
 * gate's limits an article lints in a few seconds, so this only fires on an input the limits
 * did not foresee, and the writer learns what to do instead of waiting on a slow check.
 */
export const LINT_BUDGET_MS = 30_000;

export interface ProseResult {
  diagnostics: Diagnostic[];
  stats: TextStats;
}

export interface ProseOptions {
  /** Folder for the findings cache; undefined turns caching off. */
  cacheDir?: string;
  /** Override the pool size (tests); defaults to the machine's parallelism for large runs. */
  workers?: number;
  /** Workers already loading textlint (started by the launcher); used, or terminated if not needed. */
  prestarted?: Worker[];
  /** Tests: the per-article lint budget (LINT_BUDGET_MS otherwise). */
  lintBudgetMs?: number;
}

/** Runs textlint, remark-lint, the accessibility rules and the statistics over loaded articles. */
export interface ProseRun {
  results: Map<string, ProseResult>;
  /** How many articles were answered from the cache, and how many were linted. */
  cacheHits: number;
  linted: number;
}

export async function lintProse(root: string, articles: readonly ArticleText[], options: ProseOptions = {}): Promise<ProseRun> {
  const results = new Map<string, ProseResult>();
  if (articles.length === 0) return { results, cacheHits: 0, linted: 0 };
  const cache = new ProseCache(options.cacheDir);
  const fingerprint = await proseFingerprint(root);
  const misses: { article: ArticleText; key: string }[] = [];
  await Promise.all(
    articles.map(async (article) => {
      const key = sha256(fingerprint, article.raw);
      const hit = await cache.get(key);
      if (hit) {
        results.set(article.path, { stats: hit.stats, diagnostics: hit.diagnostics.map((d) => ({ ...d, path: article.path }) as Diagnostic) });
        article.images = hit.images;
      } else misses.push({ article, key });
    }),
  );
  const run = { results, cacheHits: articles.length - misses.length, linted: misses.length };
  if (misses.length === 0) {
    await Promise.all((options.prestarted ?? []).map((w) => w.terminate()));
    return run;
  }

  const wanted = options.workers ?? (misses.length >= WORKER_THRESHOLD ? poolWorkers() : 0);
  // Prestarted workers are already loading textlint: even one article goes to them.
  const prestarted = options.prestarted ?? [];
  const poolSize = Math.max(wanted, prestarted.length);
  const budget = options.lintBudgetMs ?? LINT_BUDGET_MS;
  // The budget starts when a loaded worker starts the article (pool.ts): loading and queueing never count.
  const pool = poolSize >= 1 && (prestarted.length > 0 || poolSize > 1) ? new LintPool(poolSize, prestarted, budget) : undefined;
  // textlint (and its tokenizer dictionary) loads only when something is not in the cache.
  const linter = pool ? undefined : await (await import("./textlint.mjs")).textlintFor(root);
  // remark's plugins load while the worker lints, not after it.
  const remark = remarkFor(root);
  remark.catch(() => undefined); // awaited (and its error reported) below
  try {
    const prose = async ({ article, key }: { article: ArticleText; key: string }) => {
      const absPath = path.join(root, article.path);
      // The article's own processing time: its lint where it ran, and its remark and a11y checks here.
      let ownMs = 0;
      const lintText = async (text: string) => {
        if (pool) {
          const reply = await pool.lint({ root, absPath, raw: text });
          ownMs += reply.elapsedMs;
          return reply.messages;
        }
        const started = performance.now();
        const messages = await linter!.lint(text, absPath);
        ownMs += performance.now() - started;
        return messages;
      };
      let messages: TextlintMessage[];
      try {
        messages = await lintArticle(article, lintText);
      } catch (error) {
        if (error instanceof TextlintConfigError) throw error; // everyone's configuration: reported once
        // Anything else that breaks on this article (a rule's bug) fails this article alone.
        if (!(error instanceof LintTimeoutError))
          return void results.set(article.path, { diagnostics: [internalDiagnostic(article.path, error)], stats: textStats(article.tree) });
        const diagnostics = [
          report(
            limitRules.time,
            article.path,
            `この記事の確認が ${Math.round(budget / 1000)} 秒で終わらなかったため、途中で止めました。記事を分けるか、長い段落や表を短くしてください。`,
          ),
        ];
        return void results.set(article.path, { diagnostics, stats: textStats(article.tree) }); // never cached
      }
      const processor = await remark;
      const started = performance.now();
      const diagnostics = await proseFindings(article, messages, processor);
      ownMs += performance.now() - started;
      if (ownMs > budget) {
        diagnostics.push(
          report(
            limitRules.time,
            article.path,
            `この記事の確認に ${Math.round(ownMs / 1000)} 秒かかりました（上限 ${Math.round(budget / 1000)} 秒）。記事を分けるか、長い段落や表を短くしてください。`,
          ),
        );
        return void results.set(article.path, { diagnostics, stats: textStats(article.tree) }); // never cached: a faster machine may pass it
      }
      const stats = textStats(article.tree);
      results.set(article.path, { diagnostics, stats });
      await cache.set(key, { stats, images: article.images, diagnostics: diagnostics.map(({ path: _path, ...rest }) => rest) });
    };
    if (pool) await Promise.all(misses.map(prose));
    else for (const miss of misses) await prose(miss); // CPU-bound: one at a time
  } finally {
    await pool?.close();
  }
  return run;
}
