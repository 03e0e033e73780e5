import { lstat, readdir } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { report } from "../diagnostics/rules.ts";
import { inputRules } from "../diagnostics/input-rules.ts";
import { toRepoPath, fromRepoPath } from "./repo-path.ts";
import { classifyArticlePath } from "./article-path.ts";

import { ARTICLES_DIR } from "./paths.ts";

export { ARTICLES_DIR };

export interface Discovery {
  /** Repository-relative paths of the Markdown articles to check. */
  articles: string[];
  /** Paths that are not articles or cannot be checked; each one is reported, never skipped. */
  diagnostics: Diagnostic[];
}

/** Sorts a path into the result by the one article rule (see article-path.ts). */
function classify(repoPath: string, result: Discovery): void {
  const where = classifyArticlePath(repoPath);
  if (where.kind === "article") result.articles.push(repoPath);
  else if (where.kind === "invalid") result.diagnostics.push(report(inputRules.notArticle, repoPath, where.message, undefined, { severity: where.severity }));
}

/**
 * What to check: every article under `articles/` by default, or the given paths (files or
 * folders, relative to `cwd`). Symbolic links are reported and never followed.
 */
export async function discoverArticles(root: string, cwd: string, inputs: readonly string[]): Promise<Discovery> {
  const result: Discovery = { articles: [], diagnostics: [] };
  if (inputs.length === 0) {
    await walk(root, ARTICLES_DIR, result, { implicit: true });
  } else {
    for (const input of inputs) await addInput(root, cwd, input, result);
  }
  result.articles = [...new Set(result.articles)].sort();
  return result;
}

async function addInput(root: string, cwd: string, input: string, result: Discovery): Promise<void> {
  const abs = path.resolve(cwd, input);
  const repoPath = toRepoPath(root, abs);
  const shown = input.split(path.sep).join("/");
  if (repoPath === undefined) {
    result.diagnostics.push(report(inputRules.outsideRepo, shown, "リポジトリの外のファイルは確認できません。記事は articles/ に置いてください。"));
    return;
  }
  const stat = await lstat(abs).catch(() => undefined);
  if (!stat) {
    result.diagnostics.push(report(inputRules.notFound, repoPath, "ファイルが見つかりません。パスが正しいか確認してください。"));
  } else if (stat.isSymbolicLink()) {
    result.diagnostics.push(report(inputRules.symlink, repoPath, "シンボリックリンクは使えません。ファイルそのものを置いてください。"));
  } else if (stat.isDirectory()) {
    await walk(root, repoPath, result, { implicit: false });
  } else {
    classify(repoPath, result);
  }
}

async function walk(root: string, dir: string, result: Discovery, { implicit }: { implicit: boolean }): Promise<void> {
  let entries;
  try {
    entries = await readdir(fromRepoPath(root, dir), { withFileTypes: true });
  } catch (error) {
    if (implicit && (error as NodeJS.ErrnoException).code === "ENOENT") return; // no articles yet
    result.diagnostics.push(report(inputRules.unreadable, dir, "フォルダーを読み込めませんでした。", undefined, { cause: error }));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    // Dot-folders are walked too: what is hidden there must be reported, never silently skipped.
    const child = `${dir}/${entry.name}`;
    if (entry.isSymbolicLink()) {
      result.diagnostics.push(report(inputRules.symlink, child, "シンボリックリンクは使えません。ファイルそのものを置いてください。"));
    } else if (entry.isDirectory()) {
      await walk(root, child, result, { implicit });
    } else {
      classify(child, result);
    }
  }
}
