import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { mapConcurrent } from "../concurrency.ts";
import { report } from "../diagnostics/rules.ts";
import { inputRules } from "../diagnostics/input-rules.ts";
import type { Config } from "../article/config.ts";
import type { Article } from "../article/article.ts";
import { admitFile, type AdmittedArticle } from "../article/gate.ts";
import { checkImageRefs } from "./image-refs.ts";
import { lintProse, type ProseOptions } from "./prose/stage.ts";
import type { TextStats } from "./stats.ts";
import { TextlintConfigError, TEXTLINTRC } from "./prose/textlint-config.mjs";
import { RemarkConfigError, REMARKRC } from "./markdown.ts";
import { defineRule } from "../diagnostics/rules.ts";

export interface CheckContext {
  root: string;
  config: Config;
  gitSymlinks: ReadonlySet<string>;
  prose?: ProseOptions & { enabled?: boolean };
}

export interface ArticleOutcome {
  path: string;
  /** Safe to lint: within every limit of the gate. */
  article?: Article;
  /** Passed the gate: what build, the ledger and the channels take. */
  admitted?: AdmittedArticle;
  diagnostics: Diagnostic[];
  stats?: TextStats;
}

export const lintConfigRule = defineRule({ id: "config/lint", source: "config", severity: "error", title: "校正ツールの設定に誤りがあります" });

/**
 * Loads and checks one article. A stage that throws is a bug in kawaraban, not a problem
 * with the article: it becomes one internal diagnostic for this file (cause kept) and the
 * other files still run.
 */
export async function checkArticle(ctx: CheckContext, path: string): Promise<ArticleOutcome> {
  const diagnostics: Diagnostic[] = [];
  try {
    const gate = await admitFile(ctx.root, path, ctx.config, { gitSymlinks: ctx.gitSymlinks });
    diagnostics.push(...gate.diagnostics);
    return { path, article: gate.article, admitted: gate.admitted, diagnostics };
  } catch (error) {
    diagnostics.push(internalDiagnostic(path, error));
    return { path, diagnostics };
  }
}

export function internalDiagnostic(path: string, error: unknown): Diagnostic {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    ...report(inputRules.internal, path, `kawaraban の内部でエラーが起きました（記事の問題ではなく不具合です。開発者に知らせてください）: ${detail}`, undefined, {
      cause: error,
    }),
    internal: true,
  };
}

/**
 * Structure first (cheap, per file), then prose for every article that loaded (batched:
 * cache, workers), then image references (which the prose cache can answer without parsing).
 */
export async function checkArticles(ctx: CheckContext, paths: readonly string[]): Promise<{ outcomes: ArticleOutcome[]; failures: Diagnostic[] }> {
  const outcomes = await mapConcurrent(paths, READ_CONCURRENCY, (path) => checkArticle(ctx, path));
  const failures: Diagnostic[] = [];
  const loaded = outcomes.filter((o) => o.article);
  if (ctx.prose?.enabled !== false) await addProse(ctx, loaded, failures);
  for (const outcome of loaded) {
    try {
      outcome.diagnostics.push(...(await checkImageRefs(outcome.article!, ctx.root)));
    } catch (error) {
      outcome.diagnostics.push(internalDiagnostic(outcome.path, error));
    }
  }
  return { outcomes, failures };
}

/** Reading is I/O-bound: a few files in flight keep the disk busy while the CPU parses. */
const READ_CONCURRENCY = 16;


async function addProse(ctx: CheckContext, loaded: ArticleOutcome[], failures: Diagnostic[]): Promise<void> {
  try {
    const prose = await lintProse(ctx.root, loaded.map((o) => o.article!), ctx.prose);
    for (const outcome of loaded) {
      const result = prose.results.get(outcome.path);
      if (!result) continue;
      outcome.diagnostics.push(...result.diagnostics);
      outcome.stats = result.stats;
    }
  } catch (error) {
    if (error instanceof TextlintConfigError || error instanceof RemarkConfigError) {
      const file = error instanceof TextlintConfigError ? TEXTLINTRC : REMARKRC;
      failures.push(report(lintConfigRule, file, error.message, undefined, { cause: error }));
    } else {
      failures.push(...loaded.map((o) => internalDiagnostic(o.path, error)));
    }
  }
}
