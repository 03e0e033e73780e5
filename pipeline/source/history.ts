import type { HistoryCommit } from "../git/history.ts";
import type { GitObjects } from "./git-objects.ts";
import { TreeSnapshot, type TreeEntry } from "./commit.ts";
import { kindOfMode, type Snapshot } from "./snapshot.ts";

interface Step {
  index: number;
  entry?: TreeEntry;
}

/**
 * main's first-parent history as a series of snapshots: `at(i)` is the branch as it stood after
 * the i-th commit, for the paths the history was read for (articles, assets, briefs, the
 * config and the lint configuration). The ledger judges every billed version through one of
 * these, so it reads an article exactly as `check` would have at that commit.
 */
export class HistorySnapshots {
  private readonly lives = new Map<string, Step[]>();

  constructor(
    readonly commits: readonly HistoryCommit[],
    private readonly objects: GitObjects,
  ) {
    commits.forEach((commit, index) => {
      for (const change of commit.changes) {
        if (change.status === "R" && change.from) this.mark(change.from, index, undefined);
        const kind = change.status === "D" ? undefined : kindOfMode(change.mode);
        this.mark(change.path, index, kind && { path: change.path, kind, id: change.blob });
      }
    });
  }

  private mark(path: string, index: number, entry: TreeEntry | undefined): void {
    let life = this.lives.get(path);
    if (!life) this.lives.set(path, (life = []));
    life.push({ index, ...(entry && { entry }) });
  }

  /** The entry at `path` after the commit at `index` (undefined: absent then). */
  entryAt(path: string, index: number): TreeEntry | undefined {
    let found: TreeEntry | undefined;
    for (const step of this.lives.get(path) ?? []) {
      if (step.index > index) break;
      found = step.entry;
    }
    return found;
  }

  /** Every path that ever existed under `prefix`. */
  paths(prefix: string): string[] {
    return [...this.lives.keys()].filter((p) => p.startsWith(prefix));
  }

  /** The branch after the commit at `index`, as a snapshot. */
  at(index: number): Snapshot {
    const lives = this.lives;
    const entryAt = (p: string) => this.entryAt(p, index);
    return new TreeSnapshot(
      "history",
      {
        get: entryAt,
        *all() {
          for (const p of lives.keys()) {
            const e = entryAt(p);
            if (e) yield e;
          }
        },
      },
      this.objects,
    );
  }
}
