import { git } from "./git.ts";

/** Whether the object store has this commit (the privileged jobs fetch a PR's head as objects first). */
export async function hasCommit(root: string, sha: string): Promise<boolean> {
  return git(root, ["cat-file", "-e", `${sha}^{commit}`]).then(
    () => true,
    () => false,
  );
}
