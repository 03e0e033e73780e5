import { spawn } from "node:child_process";
import { git } from "./git.ts";

export interface FileChange {
  status: "A" | "M" | "D" | "R";
  path: string;
  /** For renames: the old path. */
  from?: string;
  /** The file's blob after the change (read by id, which is much faster than by commit:path). */
  blob: string;
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
      const [, , , blob, status] = meta.slice(1).split(" ") as [string, string, string, string, string];
      if (status.startsWith("R") || status.startsWith("C")) {
        const from = fields[i++]!;
        const to = fields[i++]!;
        const change: FileChange = status.startsWith("R") ? { status: "R", path: to, from, blob } : { status: "A", path: to, blob };
        if (keep(to) || keep(from)) changes.push(change);
      } else {
        const path = fields[i++]!;
        if (keep(path)) changes.push({ status: status === "D" ? "D" : status === "A" ? "A" : "M", path, blob });
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

/** Object sizes (by id, or by `<rev>:<path>`) through one `git cat-file --batch-check` process (missing: undefined). */
export async function blobSizes(root: string, ids: readonly string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  if (ids.length === 0) return sizes;
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn("git", ["cat-file", "--batch-check"], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(Buffer.concat(chunks).toString("utf8")) : reject(new Error(`git cat-file exited with ${code}`))));
    child.stdin.end(`${ids.join("\n")}\n`);
  });
  // One output line per input, in order: keyed by what the caller asked for (an id, or `<rev>:<path>`).
  out.split("\n").slice(0, ids.length).forEach((line, i) => {
    const [, type, size] = line.split(" ");
    if (type === "blob" && size !== undefined) sizes.set(ids[i]!, Number(size));
  });
  return sizes;
}

/**
 * Reads many objects (blob ids, or `<commit>:<path>`) through one `git cat-file --batch` process.
 * Missing objects come back as undefined. Callers bound the sizes first (blobSizes): a blob in
 * history is as untrusted as a file in the tree.
 */
export async function readBlobs(root: string, specs: readonly string[]): Promise<(string | undefined)[]> {
  return (await readBlobBytes(root, specs)).map((b) => b?.toString("utf8"));
}

/** readBlobs, as bytes (images). */
export async function readBlobBytes(root: string, specs: readonly string[]): Promise<(Buffer | undefined)[]> {
  if (specs.length === 0) return [];
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["cat-file", "--batch"], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`git cat-file exited with ${code}`));
      const data = Buffer.concat(chunks);
      const results: (Buffer | undefined)[] = [];
      let offset = 0;
      for (let i = 0; i < specs.length; i++) {
        const newline = data.indexOf(10, offset);
        const header = data.subarray(offset, newline).toString("utf8");
        offset = newline + 1;
        if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
          results.push(undefined);
          continue;
        }
        const size = Number(header.split(" ")[2]);
        results.push(data.subarray(offset, offset + size));
        offset += size + 1; // content, then a newline
      }
      resolve(results);
    });
    child.stdin.end(`${specs.join("\n")}\n`);
  });
}
