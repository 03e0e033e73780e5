import { describe, expect, it } from "vitest";
import { readFile, writeFile, utimes } from "node:fs/promises";
import path from "node:path";
import { copySampleContent } from "../support/sample-repo.ts";
import { loadConfig } from "../../pipeline/article/config.ts";
import { loadSiteSources, racyWindow } from "../../pipeline/site/sources.ts";
import { workTree } from "../../pipeline/source/work-tree.ts";

async function setUp() {
  const root = await copySampleContent();
  const loaded = await loadConfig(await workTree(root));
  if (!loaded.ok) throw new Error("sample config");
  const facts = path.join(root, ".cache/facts.json");
  // Old enough that the record trusts them (a file changed within the last seconds is always read).
  const old = new Date(Date.now() - 60_000);
  const touch = (file: string) => utimes(path.join(root, file), old, old);
  return { root, config: loaded.config, facts, touch };
}

describe("the site's record of article front matter", () => {
  it("reads an article again only when its size or mtime changed", async () => {
    const { root, config, facts, touch } = await setUp();
    const bousai = "articles/2026/11/bousai.md";
    for (const file of (await loadSiteSources(await workTree(root), root, config, undefined, "k")).sources.map((s) => s.path)) await touch(file);
    const first = await loadSiteSources(await workTree(root), root, config, facts, "k");
    expect(first.sources.every((s) => s.raw !== undefined)).toBe(true);
    const second = await loadSiteSources(await workTree(root), root, config, facts, "k");
    expect(second.sources.filter((s) => s.raw !== undefined)).toEqual([]);
    expect(second.sources.map((s) => [s.path, s.frontMatter.title, s.hash])).toEqual(first.sources.map((s) => [s.path, s.frontMatter.title, s.hash]));

    const text = await readFile(path.join(root, bousai), "utf8");
    await writeFile(path.join(root, bousai), text.replace(/^title: .*$/m, "title: 新しいタイトル"));
    await touch(bousai);
    const third = await loadSiteSources(await workTree(root), root, config, facts, "k");
    expect(third.sources.filter((s) => s.raw !== undefined).map((s) => s.path)).toEqual([bousai]);
    expect(third.sources.find((s) => s.path === bousai)!.frontMatter.title).toBe("新しいタイトル");
  });

  it("does not trust a file changed just now, a record made under another key, or an article with errors", async () => {
    const { root, config, facts, touch } = await setUp();
    const all = (await loadSiteSources(await workTree(root), root, config, undefined, "k")).sources.map((s) => s.path);
    for (const file of all) await touch(file);
    const broken = "articles/2026/11/bousai.md";
    await writeFile(path.join(root, broken), "---\ntitle: [閉じていない\n---\n本文\n");
    await loadSiteSources(await workTree(root), root, config, facts, "k");
    const again = await loadSiteSources(await workTree(root), root, config, facts, "k");
    // The broken article was just written: read again (and still refused), never recorded.
    expect(again.refused.map((r) => r.path)).toEqual([broken]);
    expect(again.sources.filter((s) => s.raw !== undefined)).toEqual([]);
    const otherKey = await loadSiteSources(await workTree(root), root, config, facts, "another config");
    expect(otherKey.sources.every((s) => s.raw !== undefined)).toBe(true);
  });

  it("trusts a sub-second mtime a moment old, but a whole-second one (FAT, HFS+) only after two seconds", async () => {
    const { root, config, facts } = await setUp();
    const all = (await loadSiteSources(await workTree(root), root, config, undefined, "k")).sources.map((s) => s.path);
    const [fine, coarse] = all;
    const now = Date.now();
    await utimes(path.join(root, fine!), new Date(now - 500.5), new Date(now - 500.5));
    const wholeSecond = new Date(Math.floor(now / 1000) * 1000); // under a second old
    await utimes(path.join(root, coarse!), wholeSecond, wholeSecond);
    await loadSiteSources(await workTree(root), root, config, facts, "k");
    const again = await loadSiteSources(await workTree(root), root, config, facts, "k");
    const reread = again.sources.filter((s) => s.raw !== undefined).map((s) => s.path);
    expect(reread).toContain(coarse);
    expect(reread).not.toContain(fine);
    expect([racyWindow(1_700_000_000_000), racyWindow(1_700_000_000_123.4)]).toEqual([2000, 100]);
  });
});
