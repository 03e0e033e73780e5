import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import type { TextStats } from "../stats.ts";
import type { ImageRef } from "../../article/image-refs.ts";

export interface CachedProse {
  diagnostics: Omit<Diagnostic, "path">[];
  stats: TextStats;
  /** The article's image references, so a cached re-check never parses the Markdown. */
  images: ImageRef[];
}

export { sha256 } from "../../hash.ts";

/**
 * A content-addressed store of prose findings (not only of clean files, unlike textlint's
 * own --cache): the key is the article's bytes plus the fingerprint of every rule,
 * dictionary and package version that could change the result.
 */
export class ProseCache {
  /** Shard folders this run already made: one mkdir each instead of one per article. */
  private readonly made = new Map<string, Promise<unknown>>();

  constructor(private readonly dir: string | undefined) {}

  private file(key: string): string {
    return path.join(this.dir ?? "", key.slice(0, 2), `${key}.json`);
  }

  async get(key: string): Promise<CachedProse | undefined> {
    if (!this.dir) return undefined;
    try {
      return JSON.parse(await readFile(this.file(key), "utf8")) as CachedProse;
    } catch {
      return undefined; // missing or torn: recompute
    }
  }

  async set(key: string, value: CachedProse): Promise<void> {
    if (!this.dir) return;
    const target = this.file(key);
    const shard = path.dirname(target);
    let making = this.made.get(shard);
    if (!making) this.made.set(shard, (making = mkdir(shard, { recursive: true })));
    try {
      await making;
    } catch (error) {
      this.made.delete(shard); // the next article tries again
      throw error;
    }
    const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(temp, JSON.stringify(value));
    await rename(temp, target); // atomic: a reader never sees half a file
  }
}
