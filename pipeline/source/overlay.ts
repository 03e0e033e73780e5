import { notRegular, type Entry, type Read, type Snapshot } from "./snapshot.ts";

/**
 * A snapshot with some files replaced (or added) by bytes in memory: what a commit would look like
 * with a proposed change applied. Autofix judges its bundle this way, and tests build snapshots
 * from nothing with an empty base.
 */
export function overlay(base: Snapshot | undefined, files: ReadonlyMap<string, Buffer>): Snapshot {
  const own = (p: string): Entry | undefined => {
    const bytes = files.get(p);
    return bytes && { path: p, kind: "file", size: bytes.length };
  };
  return {
    source: base?.source ?? "commit",
    async entry(p) {
      return own(p) ?? (await base?.entry(p));
    },
    async list(dir) {
      const listed = new Map(((await base?.list(dir)) ?? []).map((e) => [e.path, e]));
      for (const p of files.keys()) if (p.startsWith(`${dir}/`)) listed.set(p, own(p)!);
      return [...listed.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
    async read(p, cap): Promise<Read> {
      const bytes = files.get(p);
      if (!bytes) return base ? base.read(p, cap) : (notRegular(undefined) as Read);
      return bytes.length > cap ? { ok: false, problem: "too-large", size: bytes.length } : { ok: true, bytes };
    },
  };
}
