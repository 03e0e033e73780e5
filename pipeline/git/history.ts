import { git } from "./git.ts";

export interface FileChange {
  status: "A" | "M" | "D" | "R";
  path: string;
  /** For renames: the old path. */
  from?: string;
  /** The file's blob after the change (read by id, which is much faster than by commit:path). */
  blob: string;
  /** git's mode after the change (100644, 100755, 120000, 160000; 000000 for a deletion). */
  mode: string;
}

export interface HistoryCommit {
  sha: string;
  /** Committer date: when this commit reached the branch (a merge's date for a merged PR). */
  date: Date;
  /** How many parents: 2 or more for a merge commit, 0 for the root. */
  parents: number;
  /** Who made the commit (GitHub's merge and squash commits: noreply@github.com). Writer-controlled outside GitHub. */
  committerEmail: string;
  changes: FileChange[];
}

/**
 * The first-parent history of `ref` (a merge counts as one commit: the day the PR reached
 * the branch), oldest first, with renames detected — in one `git log` process, whatever
 * the number of files. `keep` selects the paths of interest.
 */
export async function firstParentHistory(root: string, ref: string, keep: (path: string) => boolean): Promise<HistoryCommit[]> {
  const out = await git(root, [
    "log",
    ref,
    "--first-parent",
    "--diff-merges=first-parent",
    "--reverse",
    "-M",
    "--raw",
    "--no-abbrev",
    "-z",
    "--format=%x1e%H%x1f%cI",
    // No pathspec: git's pathspec filtering doubles the time of this pass; filtering here is cheap.
  ]);
  const identities = await commitIdentities(root, ref);
  const commits: HistoryCommit[] = [];
  for (const record of out.split("\x1e")) {
    if (record === "") continue;
    const fields = record.split("\0");
    const [sha, date] = fields[0]!.trim().split("\x1f");
    const changes: FileChange[] = [];
    for (let i = 1; i < fields.length; ) {
      let meta = fields[i++]!;
      if (meta.charCodeAt(0) === 10) meta = meta.trimStart();
      if (meta.charCodeAt(0) !== 58 /* ":" */) continue;
      // ":100644 100644 <old blob> <new blob> <status>"
      const [, mode, , blob, status] = meta.slice(1).split(" ") as [string, string, string, string, string];
      if (status.startsWith("R") || status.startsWith("C")) {
        const from = fields[i++]!;
        const to = fields[i++]!;
        const change: FileChange = status.startsWith("R") ? { status: "R", path: to, from, blob, mode } : { status: "A", path: to, blob, mode };
        if (keep(to) || keep(from)) changes.push(change);
      } else {
        const path = fields[i++]!;
        // A type change (T: a file replaced by a link) is a modification with a new mode.
        if (keep(path)) changes.push({ status: status === "D" ? "D" : status === "A" ? "A" : "M", path, blob, mode });
      }
    }
    const who = identities.get(sha!);
    commits.push({ sha: sha!, date: new Date(date!), parents: who?.parents ?? 0, committerEmail: who?.committerEmail ?? "", changes });
  }
  return commits;
}

/**
 * Parents and committer of each first-parent commit, in a second pass: the committer's email is
 * free text (any byte but NUL and newline), so it is read NUL-separated, apart from the records
 * above that are split on a control character.
 */
async function commitIdentities(root: string, ref: string): Promise<Map<string, { parents: number; committerEmail: string }>> {
  const out = await git(root, ["log", ref, "--first-parent", "-z", "--format=%H%x00%P%x00%ce"]);
  const tokens = out.split("\0");
  const found = new Map<string, { parents: number; committerEmail: string }>();
  for (let i = 0; i + 2 < tokens.length; i += 3) {
    const parents = tokens[i + 1]!.trim();
    found.set(tokens[i]!.trim(), { parents: parents === "" ? 0 : parents.split(" ").length, committerEmail: tokens[i + 2]! });
  }
  return found;
}
