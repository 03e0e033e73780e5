import { git, GitError } from "./git.ts";

export interface ChangedFiles {
  /** Added, modified, copied, renamed (new name) or untracked files, repository-relative. */
  changed: string[];
  deleted: string[];
  /** Renamed files: new path → old path. */
  renamed: Map<string, string>;
  base: string;
}

export class UnknownRefError extends Error {}

/**
 * Files changed since the merge base of `ref` and HEAD, including uncommitted and untracked
 * work (what a writer checking locally expects). In a pull request's CI checkout the work
 * tree is clean, so this is exactly the PR's diff. Paths are relative to `root` (`--relative`), so
 * a kawaraban repository nested in a bigger one still gets its own paths.
 */
export async function changedSince(root: string, ref: string): Promise<ChangedFiles> {
  let base: string;
  try {
    base = (await git(root, ["merge-base", ref, "HEAD"])).trim();
  } catch (error) {
    const detail = error instanceof GitError ? error.stderr.trim() : String(error);
    throw new UnknownRefError(
      `比較の基準「${ref}」が git で見つかりません（${detail.split("\n")[0]}）。ブランチ名やコミットを確認してください（CI では fetch-depth: 0 が必要です）。`,
    );
  }
  const [diff, untracked] = await Promise.all([
    git(root, ["diff", "--name-status", "-z", "-M", "--no-ext-diff", "--relative", base, "--"]),
    git(root, ["ls-files", "-z", "--others", "--exclude-standard"]),
  ]);
  const result: ChangedFiles = { changed: [], deleted: [], renamed: new Map(), base };
  const fields = diff.split("\0").filter((f) => f !== "");
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++] ?? "";
    if (status.startsWith("R") || status.startsWith("C")) {
      const from = fields[i++] ?? "";
      const to = fields[i++] ?? "";
      result.changed.push(to);
      if (status.startsWith("R")) result.renamed.set(to, from);
    } else if (status.startsWith("D")) {
      result.deleted.push(fields[i++] ?? "");
    } else {
      result.changed.push(fields[i++] ?? "");
    }
  }
  result.changed.push(...untracked.split("\0").filter((f) => f !== ""));
  result.changed = [...new Set(result.changed)].sort();
  return result;
}
