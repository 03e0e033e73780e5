import { git } from "../git/git.ts";
import { GitObjects } from "./git-objects.ts";
import { kindOfMode, notRegular, type BatchReader, type Entry, type Read, type Snapshot } from "./snapshot.ts";

interface TreeEntry extends Entry {
  id: string;
}

/**
 * One commit's tree, read as data from git's object store: never checked out, never run. The
 * privileged report job and autofix judge a pull request's head this way, in their own checkout
 * of the default branch. The tree is listed once (`git ls-tree -r --long`: mode, id and size of
 * every entry), so an entry's kind is what the commit records, not what a blob says.
 */
export async function commitSnapshot(root: string, sha: string, objects = new GitObjects(root)): Promise<Snapshot & BatchReader> {
  const out = await git(root, ["ls-tree", "-r", "-z", "--long", "--full-tree", sha]);
  const entries = new Map<string, TreeEntry>();
  for (const record of out.split("\0")) {
    const tab = record.indexOf("\t");
    if (tab === -1) continue;
    const [mode, , id, size] = record.slice(0, tab).split(/ +/);
    const kind = kindOfMode(mode ?? "");
    if (!kind || !id) continue;
    const path = record.slice(tab + 1);
    entries.set(path, { path, kind, id, ...(size !== "-" && { size: Number(size) }) });
  }
  return new TreeSnapshot("commit", { get: (p) => entries.get(p), all: () => entries.values() }, objects);
}

/** Where a tree snapshot finds its entries (a listed tree, or a lazy view of history). */
export interface EntrySource {
  get(path: string): TreeEntry | undefined;
  all(): Iterable<TreeEntry>;
}

/** A snapshot over a known set of entries with blob ids: a commit's tree or a version in history. */
export class TreeSnapshot implements Snapshot, BatchReader {
  private sorted?: TreeEntry[];

  constructor(
    readonly source: "commit" | "history",
    private readonly entries: EntrySource,
    private readonly objects: GitObjects,
  ) {}

  async entry(path: string): Promise<Entry | undefined> {
    const e = this.entries.get(path);
    return e && { path: e.path, kind: e.kind, ...(e.size !== undefined && { size: e.size }) };
  }

  async list(dir: string): Promise<Entry[]> {
    this.sorted ??= [...this.entries.all()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const prefix = `${dir}/`;
    return this.sorted.filter((e) => e.path.startsWith(prefix)).map((e) => ({ path: e.path, kind: e.kind, ...(e.size !== undefined && { size: e.size }) }));
  }

  async read(path: string, cap: number): Promise<Read> {
    return (await this.readBatch([path], cap)).get(path)!;
  }

  async readBatch(paths: readonly string[], cap: number): Promise<Map<string, Read>> {
    const out = new Map<string, Read>();
    const wanted: TreeEntry[] = [];
    for (const p of paths) {
      const e = this.entries.get(p);
      const refused = notRegular(e);
      if (refused) out.set(p, refused);
      else wanted.push(e!);
    }
    const sizes = await this.objects.sizes(wanted.map((e) => e.id));
    const bytes = await this.objects.read(
      wanted.map((e) => e.id),
      cap,
    );
    for (const e of wanted) {
      const size = sizes.get(e.id);
      const data = bytes.get(e.id);
      if (size === undefined) out.set(e.path, { ok: false, problem: "missing" });
      else if (size > cap) out.set(e.path, { ok: false, problem: "too-large", size });
      else out.set(e.path, data ? { ok: true, bytes: data } : { ok: false, problem: "unreadable" });
    }
    return out;
  }
}

export type { TreeEntry };
