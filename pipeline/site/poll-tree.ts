import { readdir, lstat } from "node:fs/promises";
import path from "node:path";

/**
 * Watches folders by polling what is in them (name, size, mtime, inode) twice a second.
 * Node 20's recursive fs.watch stops reporting a file an editor saves by rename (write a temp
 * file, rename it over the old one: `sed -i`, vim, many IDEs), so a preview built on it went
 * stale; a poll of a few hundred articles and photos costs a millisecond and sees every save.
 */
export function pollTree(dirs: readonly string[], onChange: () => void, intervalMs = 500): { close(): void; ready: Promise<void> } {
  let last: string | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const signature = async (): Promise<string> => {
    const parts: string[] = [];
    const walk = async (dir: string) => {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else {
          const s = await lstat(full).catch(() => undefined);
          if (s) parts.push(`${full}\0${s.size}\0${s.mtimeMs}\0${s.ino}`);
        }
      }
    };
    for (const dir of dirs) await walk(dir);
    return parts.sort().join("\n");
  };
  const tick = async () => {
    const now = await signature();
    if (last !== undefined && now !== last) onChange();
    last = now;
    if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
  };
  // The first look is the baseline: a change made before it is done would be part of it and never
  // reported. Callers wait for it before anything may change (preview: before its first build).
  const ready = tick();
  return {
    ready,
    close: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
