import { isGitRepository, mainRef } from "../git/git.ts";
import { commitSnapshot } from "./commit.ts";
import type { Snapshot } from "./snapshot.ts";

/** The default branch as it stands (what is delivered already), or undefined outside git or before the first commit. */
export async function mainSnapshot(root: string): Promise<Snapshot | undefined> {
  if (!(await isGitRepository(root))) return undefined;
  const ref = await mainRef(root);
  return commitSnapshot(root, ref).catch(() => undefined);
}
