/**
 * The one reader of repository content. Every stage that needs an article, a photo, a brief or
 * the config gets it from a `Snapshot`: the work tree (`check`, `build`), one commit's git
 * objects (the PR verdict, autofix) or one version in main's history (the ledger). A snapshot
 * reports what git would record for each entry (its kind) and reads bytes only up to a cap, so
 * no stage can follow a link, read a submodule or swallow an oversized blob by accident.
 */

/** What git records for a path: 100644 file, 100755 executable, 120000 symlink, 160000 submodule. */
export type EntryKind = "file" | "executable" | "symlink" | "submodule";

export interface Entry {
  /** Repository-relative, with `/`. */
  path: string;
  kind: EntryKind;
  /** Bytes, when known without reading (git objects, lstat). */
  size?: number;
  /** The work tree only: when the file last changed (caches key on size and mtime, as git's index does). */
  mtimeMs?: number;
}

export type ReadProblem = "missing" | "not-file" | "too-large" | "outside" | "unreadable";

export type Read = { ok: true; bytes: Buffer } | { ok: false; problem: ReadProblem; kind?: EntryKind; size?: number; cause?: unknown };

export interface Snapshot {
  /** Where the content comes from (shown to people in a few messages). */
  readonly source: "work-tree" | "commit" | "history";
  /** The entry at `path`, or undefined when nothing is there (a folder is not an entry). */
  entry(path: string): Promise<Entry | undefined>;
  /** Every entry below `dir` (all depths), sorted by path. */
  list(dir: string): Promise<Entry[]>;
  /** A regular file's bytes, refused past `cap` bytes before any byte is read. */
  read(path: string, cap: number): Promise<Read>;
}

/** Reads several files at once (one git process for a commit or history snapshot). */
export async function readMany(snapshot: Snapshot, paths: readonly string[], cap: number): Promise<Map<string, Read>> {
  const batch = (snapshot as Partial<BatchReader>).readBatch;
  if (batch) return batch.call(snapshot, paths, cap);
  const out = new Map<string, Read>();
  for (const p of paths) out.set(p, await snapshot.read(p, cap));
  return out;
}

export interface BatchReader {
  readBatch(paths: readonly string[], cap: number): Promise<Map<string, Read>>;
}

/** git's mode strings as entry kinds (trees are not entries). */
export function kindOfMode(mode: string): EntryKind | undefined {
  if (mode === "100644") return "file";
  if (mode === "100755") return "executable";
  if (mode === "120000") return "symlink";
  if (mode === "160000") return "submodule";
  return undefined;
}

/** The refusal for an entry that is not a plain file (every snapshot refuses the same way). */
export function notRegular(entry: Entry | undefined): Read | undefined {
  if (!entry) return { ok: false, problem: "missing" };
  if (entry.kind !== "file") return { ok: false, problem: "not-file", kind: entry.kind };
  return undefined;
}
