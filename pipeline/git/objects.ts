import { spawn } from "node:child_process";
import { git } from "./git.ts";
import { readBlobBytes } from "./history.ts";

/**
 * A commit's files read as data from git's object store: never checked out, never run. The
 * privileged report job judges a pull request's head this way, in its own checkout of the
 * default branch.
 */
export async function hasCommit(root: string, sha: string): Promise<boolean> {
  return git(root, ["cat-file", "-e", `${sha}^{commit}`]).then(
    () => true,
    () => false,
  );
}

export type TreeFile = { ok: true; bytes: Buffer } | { ok: false; reason: "missing" | "not-a-file" | "too-large"; size?: number };

/** Files at `sha` by path, each bounded by `maxBytes` before a byte of it is read. */
export async function readTreeFiles(root: string, sha: string, paths: readonly string[], maxBytes: number): Promise<Map<string, TreeFile>> {
  const result = new Map<string, TreeFile>();
  if (paths.length === 0) return result;
  const out = await batchCheck(root, paths.map((p) => `${sha}:${p}`));
  const wanted: { path: string; id: string }[] = [];
  out.forEach((line, i) => {
    const path = paths[i]!;
    const [id, type, size] = line.split(" ");
    if (line.endsWith(" missing") || !id) result.set(path, { ok: false, reason: "missing" });
    else if (type !== "blob") result.set(path, { ok: false, reason: "not-a-file" });
    else if (Number(size) > maxBytes) result.set(path, { ok: false, reason: "too-large", size: Number(size) });
    else wanted.push({ path, id });
  });
  const bytes = await readBlobBytes(root, wanted.map((w) => w.id));
  wanted.forEach((w, i) => result.set(w.path, bytes[i] ? { ok: true, bytes: bytes[i]! } : { ok: false, reason: "missing" }));
  return result;
}

/** Every file path under `dir` at `sha`, with its mode (120000: a symlink). */
export async function listTree(root: string, sha: string, dir: string): Promise<Map<string, string>> {
  const out = await git(root, ["ls-tree", "-r", "-z", sha, "--", dir]);
  const files = new Map<string, string>();
  for (const entry of out.split("\0")) {
    const tab = entry.indexOf("\t");
    if (tab === -1) continue;
    files.set(entry.slice(tab + 1), entry.slice(0, entry.indexOf(" ")));
  }
  return files;
}

function batchCheck(root: string, specs: readonly string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["cat-file", "--batch-check"], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(Buffer.concat(chunks).toString("utf8").split("\n").slice(0, specs.length)) : reject(new Error(`git cat-file exited with ${code}`))));
    // Paths with a newline cannot be asked for on this protocol; they are reported as missing.
    child.stdin.end(`${specs.map((s) => s.replace(/\n/g, "\uFFFD")).join("\n")}\n`);
  });
}
