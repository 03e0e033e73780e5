import { isGitRepository, mainRef } from "../git/git.ts";
import { commitSnapshot } from "./commit.ts";
import type { Snapshot } from "./snapshot.ts";

/** The default branch as it stands (what is delivered already), or undefined outside git or before the first commit. */
export async function mainBranch(root: string): Promise<{ ref: string; snapshot: Snapshot } | undefined> {
  if (!(await isGitRepository(root))) return undefined;
  const ref = await mainRef(root);
  const snapshot = await commitSnapshot(root, ref).catch(() => undefined);
  return snapshot && { ref, snapshot };
}
