import { git, isGitRepository, mainRef } from "../git/git.ts";

/**
 * Which of `paths` are on the default branch already (delivered: a deadline passed after that
 * is no longer the writer's problem). `main` when the repository has it, else HEAD; no git: none.
 */
export async function pathsOnMain(root: string, paths: readonly string[]): Promise<Set<string>> {
  if (paths.length === 0 || !(await isGitRepository(root))) return new Set();
  const ref = await mainRef(root);
  const listed = await git(root, ["ls-tree", "-r", "-z", "--name-only", ref, "--", ...new Set(paths)]).catch(() => "");
  return new Set(listed.split("\0").filter(Boolean));
}
