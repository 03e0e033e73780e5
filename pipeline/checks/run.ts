import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { report } from "../diagnostics/rules.ts";
import { inputRules } from "../diagnostics/input-rules.ts";
import { DEFAULT_ARTICLE_BYTES, type Config } from "../article/config.ts";
import { loadArticle, type Article } from "../article/article.ts";
import { checkFrontMatter } from "./frontmatter.ts";
import { checkImageRefs } from "./image-refs.ts";

export interface CheckContext {
  root: string;
  config: Config;
  gitSymlinks: ReadonlySet<string>;
}

export interface ArticleOutcome {
  path: string;
  article?: Article;
  diagnostics: Diagnostic[];
}

/**
 * Loads and checks one article. A stage that throws is a bug in kawaraban, not a problem
 * with the article: it becomes one internal diagnostic for this file (cause kept) and the
 * other files still run.
 */
export async function checkArticle(ctx: CheckContext, path: string): Promise<ArticleOutcome> {
  const diagnostics: Diagnostic[] = [];
  try {
    const loaded = await loadArticle(ctx.root, path, {
      maxBytes: ctx.config.limits.articleBytes ?? DEFAULT_ARTICLE_BYTES,
      gitSymlinks: ctx.gitSymlinks,
    });
    diagnostics.push(...loaded.diagnostics);
    const article = loaded.article;
    if (!article) return { path, diagnostics };
    const fm = checkFrontMatter(article, ctx.config);
    diagnostics.push(...fm.diagnostics);
    if (fm.frontMatter) article.frontMatter = fm.frontMatter;
    diagnostics.push(...(await checkImageRefs(article, ctx.root)));
    return { path, article, diagnostics };
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

export async function checkArticles(ctx: CheckContext, paths: readonly string[]): Promise<ArticleOutcome[]> {
  const outcomes: ArticleOutcome[] = [];
  for (const path of paths) outcomes.push(await checkArticle(ctx, path));
  return outcomes;
}
