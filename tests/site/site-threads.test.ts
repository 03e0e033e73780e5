import { describe, expect, it } from "vitest";
import { EventEmitter } from "node:events";
import { Worker } from "node:worker_threads";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { copySampleContent } from "../support/sample-repo.ts";
import { generateCorpus } from "../../pipeline/bench/corpus.ts";
import { loadConfig } from "../../pipeline/article/config.ts";
import { workTree } from "../../pipeline/source/work-tree.ts";
import { buildSite, type BuildOptions } from "../../pipeline/site/build.ts";
import { siteContext } from "../../pipeline/site/model.ts";
import { share } from "../../pipeline/site/site-threads.ts";

/** The sample content, 60 generated articles and three the door refuses. */
async function repository(count = 60): Promise<string> {
  const root = await copySampleContent();
  for (const a of generateCorpus(count, 11)) {
    await mkdir(path.dirname(path.join(root, a.path)), { recursive: true });
    await writeFile(path.join(root, a.path), a.text);
  }
  await writeFile(path.join(root, "articles/2026/11/broken.md"), "---\ntitle: [閉じていない\n---\n本文\n");
  await writeFile(
    path.join(root, "articles/2026/11/nobody.md"),
    "---\ntitle: 書き手がいない\nwriter: nobody\ndate: 2026-11-01\nsummary: 要約です。\n---\n\n本文です。\n",
  );
  await writeFile(path.join(root, "articles/2026/11/binary.md"), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
  return root;
}

async function build(options: BuildOptions, root?: string) {
  root ??= await repository();
  const loaded = await loadConfig(await workTree(root));
  if (!loaded.ok) throw new Error("sample config");
  const ctx = siteContext(loaded.config, undefined, "2026-12-01");
  const result = await buildSite(root, loaded.config, ctx, path.join(root, "site"), root, options);
  const files = new Map<string, string>();
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else files.set(path.relative(root, full), await readFile(full, "latin1"));
    }
  };
  await walk(path.join(root, "site"));
  return { result, files };
}

describe("a build shared with helper threads", () => {
  it("admits, renders and indexes exactly what the main thread alone does", async () => {
    const alone = await build({ render: { threads: 1 } });
    const shared = await build({ render: { threads: 3, threshold: 1 } });
    expect(alone.result.articles).toBeGreaterThanOrEqual(50);
    expect(shared.result.skipped).toEqual(alone.result.skipped);
    expect(shared.result.skipped.map((s) => s.path)).toEqual(expect.arrayContaining(["articles/2026/11/broken.md", "articles/2026/11/nobody.md"]));
    expect([...shared.files.keys()].sort()).toEqual([...alone.files.keys()].sort());
    for (const [file, content] of alone.files) expect(shared.files.get(file), file).toBe(content);
    expect(shared.files.get("site/search-index.json")).toBeDefined();
  });

  it("stops every helper before removing the half-built folder when one dies, and reports why", async () => {
    // Enough articles that the other helper still has batches in flight when the first dies.
    const root = await repository(200);
    const post = Worker.prototype.postMessage;
    let killed = false;
    // The first helper told how to render dies there: the other is still rendering its batches.
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: never[]) {
      if (!killed && (message as { kind?: string }).kind === "render-settings") {
        killed = true;
        void this.terminate();
        return;
      }
      return post.call(this, message, ...rest);
    };
    try {
      await expect(build({ render: { threads: 3, threshold: 1 } }, root)).rejects.toThrow(/site helper exited/);
    } finally {
      Worker.prototype.postMessage = post;
    }
    expect(killed).toBe(true);
    expect((await readdir(root)).filter((name) => name.startsWith("site"))).toEqual([]);
  });
});

describe("sharing work with helpers", () => {
  /** A helper thread's stand-in: answers (or dies) as `behave` says. */
  class FakeHelper extends EventEmitter {
    constructor(private readonly behave: (message: { items: number[] }, self: FakeHelper) => void) {
      super();
    }
    postMessage(message: { items: number[] }) {
      this.behave(message, this);
    }
  }

  it("calls done for nothing more once one helper has failed", async () => {
    const items = Array.from({ length: 200 }, (_, i) => i);
    const dying = new FakeHelper((_, self) => setImmediate(() => self.emit("exit", 1)));
    // Answers each batch later than the other helper dies.
    const slow = new FakeHelper((message, self) => setTimeout(() => self.emit("message", { results: message.items.map((x) => x * 2) }), 20));
    let rejected = false;
    const late: number[] = [];
    const shared = share(
      items,
      [dying, slow] as never[],
      (batch) => ({ kind: "double", items: batch }),
      (batch) => batch.map((x) => x * 2),
      (index) => {
        if (rejected) late.push(index);
      },
    );
    await expect(shared).rejects.toThrow(/site helper exited \(1\)/);
    rejected = true;
    // The slow helper's answers, already on their way, arrive now (their timers expire before this one).
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(late).toEqual([]);
  });
});
