import { describe, it } from "vitest";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pollTree } from "../../pipeline/site/poll-tree.ts";

describe("pollTree", () => {
  it("has its baseline when ready resolves: a save right after is reported, however slow the first look was", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "kawaraban-poll-"));
    const file = path.join(dir, "a.md");
    await writeFile(file, "一");
    let changed!: () => void;
    const seen = new Promise<void>((resolve) => (changed = resolve));
    const watcher = pollTree([dir], () => changed(), 10);
    try {
      await watcher.ready;
      await writeFile(file, "一二"); // a different size: seen whatever the clock's resolution
      await seen; // only a missed change fails (the test's timeout)
    } finally {
      watcher.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
