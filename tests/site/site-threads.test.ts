import { describe, expect, it } from "vitest";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { copySampleContent } from "../support/sample-repo.ts";
import { generateCorpus } from "../../pipeline/bench/corpus.ts";
import { loadConfig } from "../../pipeline/article/config.ts";
import { workTree } from "../../pipeline/source/work-tree.ts";
import { buildSite, type BuildOptions } from "../../pipeline/site/build.ts";
import { siteContext } from "../../pipeline/site/model.ts";

/** The sample content, 60 generated articles and three the door refuses. */
async function repository(): Promise<string> {
  const root = await copySampleContent();
  for (const a of generateCorpus(60, 11)) {
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

async function build(options: BuildOptions) {
  const root = await repository();
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
});
