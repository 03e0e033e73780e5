import type { HistoryCommit } from "../git/history.ts";

/** One change to one file under articles/ on main's first-parent line. */
export interface Event {
  index: number;
  kind: "add" | "modify" | "delete";
  path: string;
  blob: string;
}

export interface Identity {
  id: string;
  events: Event[];
}

export const underArticles = (p: string) => p.startsWith("articles/");

/** Follows each file under articles/ through adds, edits, renames and deletions, without reading any content. */
export function identities(history: readonly HistoryCommit[]): Identity[] {
  const byPath = new Map<string, Identity>();
  const all: Identity[] = [];
  history.forEach((commit, index) => {
    for (const change of commit.changes) {
      if (change.status === "R") {
        const moved = change.from && underArticles(change.from) ? byPath.get(change.from) : undefined;
        if (moved && change.from) byPath.delete(change.from);
        if (!underArticles(change.path)) continue;
        const identity = moved ?? { id: change.path, events: [] };
        if (!moved) all.push(identity);
        identity.events.push({ index, kind: moved ? "modify" : "add", path: change.path, blob: change.blob });
        byPath.set(change.path, identity);
        continue;
      }
      if (!underArticles(change.path)) continue;
      let identity = byPath.get(change.path);
      if (!identity) {
        identity = { id: change.path, events: [] };
        all.push(identity);
        byPath.set(change.path, identity);
      }
      identity.events.push({ index, kind: change.status === "D" ? "delete" : change.status === "A" ? "add" : "modify", path: change.path, blob: change.blob });
    }
  });
  return all;
}
