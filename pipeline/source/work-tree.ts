import { lstatSync, type Stats } from "node:fs";
import { open, readdir, realpath } from "node:fs/promises";
import path from "node:path";
import { git } from "../git/git.ts";
import { kindOfMode, notRegular, type Entry, type EntryKind, type Read, type Snapshot } from "./snapshot.ts";

/**
 * The working tree as a snapshot. What git would record decides an entry's kind: a path the
 * index holds as a link, a submodule or an executable is one, whatever the checkout made of it
 * (with `core.symlinks=false` a link is a small text file). Untracked files are judged by the
 * file system, except their executable bit (on Windows mounts every file looks executable).
 * Nothing is followed: a link is an entry of kind `symlink`, and a file whose folder leads out
 * of the repository through a link is refused as `outside`.
 */
export async function workTree(root: string): Promise<Snapshot> {
  const modes = await indexModes(root);
  return new WorkTree(path.resolve(root), modes);
}

/** What opens the same work tree on another thread: its folder and the index's modes as read here. */
export interface WorkTreeState {
  root: string;
  modes: ReadonlyMap<string, EntryKind>;
}

/** A work-tree snapshot's state (plain data, sent to a helper thread), else undefined. */
export function workTreeState(snapshot: Snapshot): WorkTreeState | undefined {
  return snapshot instanceof WorkTree ? { root: snapshot.root, modes: snapshot.modes } : undefined;
}

/** The same work tree on this thread, judging entries as the thread that read the index does (no second git run). */
export function workTreeFrom(state: WorkTreeState): Snapshot {
  return new WorkTree(state.root, state.modes);
}

/**
 * lstat, synchronously: a site build asks for every article's entry, and 4,000 promise-based
 * calls cost ~130 ms of the main thread in libuv round trips; the call itself takes microseconds.
 */
function statOf(abs: string): Stats | undefined {
  try {
    return lstatSync(abs, { throwIfNoEntry: false });
  } catch {
    return undefined; // not a folder on the way, no permission: no entry, as before
  }
}

class WorkTree implements Snapshot {
  readonly source = "work-tree" as const;
  private realRoot?: Promise<string>;
  private readonly realDirs = new Map<string, Promise<string>>();

  constructor(
    readonly root: string,
    readonly modes: ReadonlyMap<string, EntryKind>,
  ) {}

  private abs(repoPath: string): string {
    return path.join(this.root, ...repoPath.split("/"));
  }

  async entry(repoPath: string): Promise<Entry | undefined> {
    if (!safeRepoPath(repoPath)) return undefined;
    const stat = statOf(this.abs(repoPath));
    if (!stat) return undefined;
    const tracked = this.modes.get(repoPath);
    if (tracked && tracked !== "file") return { path: repoPath, kind: tracked, size: stat.size };
    if (stat.isSymbolicLink()) return { path: repoPath, kind: "symlink", size: stat.size };
    if (!stat.isFile()) return undefined;
    return { path: repoPath, kind: "file", size: stat.size, mtimeMs: stat.mtimeMs };
  }

  async list(dir: string): Promise<Entry[]> {
    const out: Entry[] = [];
    const walk = async (rel: string): Promise<void> => {
      const entries = await readdir(this.abs(rel), { withFileTypes: true }).catch(() => []);
      for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const child = `${rel}/${e.name}`;
        const tracked = this.modes.get(child);
        if (tracked && tracked !== "file") out.push({ path: child, kind: tracked });
        else if (e.isSymbolicLink()) out.push({ path: child, kind: "symlink" });
        else if (e.isDirectory()) await walk(child);
        else if (e.isFile()) out.push({ path: child, kind: "file" });
      }
    };
    if (safeRepoPath(dir)) await walk(dir);
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  async read(repoPath: string, cap: number): Promise<Read> {
    if (!safeRepoPath(repoPath)) return { ok: false, problem: "outside" };
    let entry: Entry | undefined;
    try {
      entry = await this.entry(repoPath);
    } catch (cause) {
      return { ok: false, problem: "unreadable", cause };
    }
    const refused = notRegular(entry);
    if (refused) return refused;
    const abs = this.abs(repoPath);
    // A parent folder may itself be a link that leads out of the repository.
    const [rootReal, dirReal] = await Promise.all([(this.realRoot ??= realpath(this.root)), this.realDir(path.dirname(abs))]).catch(() => ["", ""]);
    if (!rootReal || !inside(rootReal, path.join(dirReal, path.basename(abs)))) return { ok: false, problem: "outside" };
    if (entry!.size! > cap) return { ok: false, problem: "too-large", size: entry!.size };
    try {
      const bytes = await readAtMost(abs, entry!.size!, cap + 1);
      return bytes.length > cap ? { ok: false, problem: "too-large", size: bytes.length } : { ok: true, bytes };
    } catch (cause) {
      return { ok: false, problem: "unreadable", cause };
    }
  }

  /** A folder's real path, once per run (realpath reads every component: six system calls a file). */
  private realDir(dir: string): Promise<string> {
    let real = this.realDirs.get(dir);
    if (!real) this.realDirs.set(dir, (real = realpath(dir)));
    return real;
  }
}

/** A repository-relative path as git writes it: no empty, `.` or `..` component, no backslash or NUL. */
export function safeRepoPath(repoPath: string): boolean {
  if (repoPath === "" || repoPath.includes("\0") || repoPath.includes("\\") || repoPath.startsWith("/")) return false;
  return repoPath.split("/").every((p) => p !== "" && p !== "." && p !== "..");
}

function inside(root: string, abs: string): boolean {
  const rel = path.relative(root, abs);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}

/**
 * Modes git records for tracked paths that are not plain files (links, submodules, executables).
 * One git process: outside a repository ls-files fails and no path has a recorded mode (each
 * spawn costs the main thread tens of milliseconds, a tenth of an incremental build).
 */
async function indexModes(root: string): Promise<Map<string, EntryKind>> {
  const modes = new Map<string, EntryKind>();
  const out = await git(root, ["ls-files", "-s", "-z"]).catch(() => "");
  for (const record of out.split("\0")) {
    const tab = record.indexOf("\t");
    if (tab === -1) continue;
    const kind = kindOfMode(record.slice(0, record.indexOf(" ")));
    if (kind && kind !== "file") modes.set(record.slice(tab + 1), kind);
  }
  return modes;
}

/**
 * Reads up to `limit` bytes. The buffer starts at the size lstat saw (plus one byte, to notice
 * a file that grew since): allocating the whole limit for every article cost more than reading.
 */
async function readAtMost(abs: string, expected: number, limit: number): Promise<Buffer> {
  const handle = await open(abs, "r");
  try {
    let buffer = Buffer.alloc(Math.min(limit, expected + 1));
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) {
        if (buffer.length >= limit) break;
        const bigger = Buffer.alloc(Math.min(limit, buffer.length * 2));
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
      }
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}
