import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { report } from "../diagnostics/rules.ts";
import { inputRules } from "../diagnostics/input-rules.ts";
import { notRegular, type Entry, type Read, type Snapshot } from "../source/snapshot.ts";
import { refusal } from "../source/decode.ts";
import { toRepoPath } from "./repo-path.ts";
import { classifyArticlePath } from "./article-path.ts";
import { ARTICLES_DIR } from "./paths.ts";

export { ARTICLES_DIR };

export interface Discovery {
  /** Repository-relative paths of the Markdown articles to check. */
  articles: string[];
  /** Paths that are not articles or cannot be checked; each one is reported, never skipped. */
  diagnostics: Diagnostic[];
}

/**
 * What to check: every article under `articles/` by default, or the given paths (files or
 * folders, relative to `cwd`), as the snapshot lists them. A link is an entry like any other and
 * is refused when read, never followed; whatever is not an article is reported.
 */
export async function discoverArticles(snapshot: Snapshot, root: string, cwd: string, inputs: readonly string[]): Promise<Discovery> {
  const result: Discovery = { articles: [], diagnostics: [] };
  if (inputs.length === 0) {
    for (const entry of await snapshot.list(ARTICLES_DIR)) classify(entry, result);
  } else {
    for (const input of inputs) await addInput(snapshot, root, cwd, input, result);
  }
  result.articles = [...new Set(result.articles)].sort();
  return result;
}

/** Sorts an entry into the result by the one article rule (see article-path.ts); a link or submodule is refused as such. */
function classify(entry: Entry, result: Discovery): void {
  const repoPath = entry.path;
  const refused = notRegular(entry);
  if (refused && entry.kind !== "executable" && classifyArticlePath(repoPath).kind !== "placeholder") {
    result.diagnostics.push(refusal(repoPath, refused as Exclude<Read, { ok: true }>, 0));
    return;
  }
  const where = classifyArticlePath(repoPath);
  if (where.kind === "article") result.articles.push(repoPath);
  else if (where.kind === "invalid") result.diagnostics.push(report(inputRules.notArticle, repoPath, where.message, undefined, { severity: where.severity }));
}

async function addInput(snapshot: Snapshot, root: string, cwd: string, input: string, result: Discovery): Promise<void> {
  const repoPath = toRepoPath(root, path.resolve(cwd, input));
  if (repoPath === undefined) {
    result.diagnostics.push(
      report(inputRules.outsideRepo, input.split(path.sep).join("/"), "リポジトリの外のファイルは確認できません。記事は articles/ に置いてください。"),
    );
    return;
  }
  const entry = await snapshot.entry(repoPath);
  if (entry) return classify(entry, result);
  const inside = await snapshot.list(repoPath);
  if (inside.length > 0) for (const e of inside) classify(e, result);
  else result.diagnostics.push(report(inputRules.notFound, repoPath, "ファイルが見つかりません。パスが正しいか確認してください。"));
}
