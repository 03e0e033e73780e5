import { spawn } from "node:child_process";
import { git } from "./git.ts";

export interface FileChange {
  status: "A" | "M" | "D" | "R";
  path: string;
  /** For renames: the old path. */
  from?: string;
}

export interface HistoryCommit {
  sha: string;
  /** Committer date: when this commit reached the branch (a merge's date for a merged PR). */
  date: Date;
  changes: FileChange[];
}

/**
 * The first-parent history of `ref` (a merge counts as one commit: the day the PR reached
 * the branch), oldest first, with renames detected — in one `git log` process, whatever
 * the number of files.
 */
export async function firstParentHistory(root: string, ref: string, paths: readonly string[]): Promise<HistoryCommit[]> {
  const out = await git(root, [
    "log",
    ref,
    "--first-parent",
    "--diff-merges=first-parent",
    "--reverse",
    "-M",
    "--name-status",
    "-z",
    "--format=%x1e%H%x1f%cI",
    "--",
    ...paths,
  ]);
  const commits: HistoryCommit[] = [];
  for (const record of out.split("\x1e").slice(1)) {
    const headerEnd = record.indexOf("\0") === -1 ? record.length : record.indexOf("\0");
    const header = record.slice(0, headerEnd).replace(/\n+$/, "");
    const [sha, date] = header.split("\x1f");
    const fields = record.slice(headerEnd + 1).split("\0").map((f) => f.replace(/^\n+/, "")).filter((f) => f !== "");
    const changes: FileChange[] = [];
    for (let i = 0; i < fields.length; ) {
      const status = fields[i++]!;
      if (status.startsWith("R") || status.startsWith("C")) {
        const from = fields[i++]!;
        const to = fields[i++]!;
        changes.push(status.startsWith("R") ? { status: "R", path: to, from } : { status: "A", path: to });
      } else {
        changes.push({ status: (status[0] === "D" ? "D" : status[0] === "A" ? "A" : "M") as FileChange["status"], path: fields[i++]! });
      }
    }
    commits.push({ sha: sha!, date: new Date(date!), changes });
  }
  return commits;
}

/**
 * Reads many blobs (`<commit>:<path>`) through one `git cat-file --batch` process.
 * Missing objects come back as undefined.
 */
export async function readBlobs(root: string, specs: readonly string[]): Promise<(string | undefined)[]> {
  if (specs.length === 0) return [];
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["cat-file", "--batch"], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`git cat-file exited with ${code}`));
      const data = Buffer.concat(chunks);
      const results: (string | undefined)[] = [];
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
        results.push(data.subarray(offset, offset + size).toString("utf8"));
        offset += size + 1; // content, then a newline
      }
      resolve(results);
    });
    child.stdin.end(`${specs.join("\n")}\n`);
  });
}
