import { rm } from "node:fs/promises";
import path from "node:path";
import { git } from "../git/git.ts";

/**
 * The engine and the city's content, by path. A city's repository is made from the template, so it
 * shares no history with it: updates cannot be merged. `kawaraban upgrade` instead brings the
 * engine's paths from an upstream tag as they are there (new files added, removed ones removed)
 * and never touches anything else: the city's articles, photos, briefs, books, config, notation
 * dictionaries, lint profile, baseline and CODEOWNERS.
 */
export const ENGINE_PATHS = [
  "pipeline",
  "bin",
  "tests",
  "docs",
  ".ci",
  ".github/workflows",
  ".github/rulesets",
  ".github/dependabot.yml",
  ".github/ISSUE_TEMPLATE/article-brief.yml",
  ".github/ISSUE_TEMPLATE/bug-report.yml",
  ".github/ISSUE_TEMPLATE/config.yml",
  ".github/pull_request_template.md",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "biome.json",
  "vitest.config.ts",
  ".gitattributes",
  ".gitignore",
  "README.md",
];

export class UpgradeError extends Error {}

export interface UpgradeResult {
  /** The upstream commit the engine now matches. */
  commit: string;
  added: string[];
  changed: string[];
  removed: string[];
}

/**
 * Brings the engine from `from` (a git URL or a local path) at `to` (a tag or branch; the
 * default branch when absent) into `root`'s work tree and index, for the city to review and commit.
 * The work tree must be clean, so nothing of the city's is ever mixed into the change.
 */
export async function upgradeEngine(root: string, from: string, to?: string): Promise<UpgradeResult> {
  if ((await git(root, ["status", "--porcelain"])).trim())
    throw new UpgradeError("変更がまだコミットされていません。コミットするか戻してから実行してください。");
  const ref = "refs/kawaraban/upstream";
  const source = to ? (to.startsWith("refs/") ? to : `refs/tags/${to}`) : "HEAD";
  try {
    await git(root, ["fetch", "--quiet", "--no-tags", from, `+${source}:${ref}`]);
  } catch (error) {
    if (!to) throw new UpgradeError(`${from} から取得できませんでした: ${(error as Error).message.slice(0, 200)}`);
    // A branch name instead of a tag.
    await git(root, ["fetch", "--quiet", "--no-tags", from, `+refs/heads/${to}:${ref}`]).catch((e: Error) => {
      throw new UpgradeError(`${from} に ${to} がありません: ${e.message.slice(0, 200)}`);
    });
  }
  const commit = (await git(root, ["rev-parse", `${ref}^{commit}`])).trim();
  const theirs = new Set(lines(await git(root, ["ls-tree", "-r", "--name-only", commit, "--", ...ENGINE_PATHS])));
  const ours = new Set(lines(await git(root, ["ls-files", "--", ...ENGINE_PATHS])));
  const removed = [...ours].filter((f) => !theirs.has(f)).sort();
  for (const f of removed) {
    await git(root, ["rm", "--quiet", "--cached", "--", f]);
    await rm(path.join(root, f), { force: true });
  }
  if (theirs.size > 0) await git(root, ["checkout", commit, "--", ...ENGINE_PATHS.filter((p) => [...theirs].some((f) => f === p || f.startsWith(`${p}/`)))]);
  const staged = lines(await git(root, ["diff", "--cached", "--name-status", "--no-renames"]));
  const added = staged.filter((l) => l.startsWith("A\t")).map((l) => l.slice(2));
  const changed = staged.filter((l) => l.startsWith("M\t")).map((l) => l.slice(2));
  await git(root, ["update-ref", "-d", ref]);
  return { commit, added, changed, removed };
}

const lines = (text: string) => text.split("\n").filter(Boolean);
