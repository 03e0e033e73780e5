import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFile, readdir, stat, writeFile, utimes } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { tempDir } from "../support/repo.ts";
import { SiteOutput } from "../../pipeline/site/output.ts";

async function build(out: string, state: string, files: Record<string, string>, fail = false): Promise<void> {
  const output = await SiteOutput.begin(out, state);
  for (const [rel, content] of Object.entries(files)) output.put(rel, content, `from:${content}`);
  if (fail) {
    await output.abandon();
    return;
  }
  await output.commit();
}

/** A temp folder with the output `dist` and its state file, as a build uses them. */
async function folders() {
  const dir = await tempDir();
  return { dir, out: path.join(dir, "dist"), state: path.join(dir, ".cache/state.json") };
}

async function tree(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: Record<string, string> = {};
  for (const e of entries.filter((e) => e.isFile()))
    files[path.relative(dir, path.join(e.parentPath, e.name))] = await readFile(path.join(e.parentPath, e.name), "utf8");
  return files;
}

describe("the site output folder", () => {
  it("always holds exactly the last build, whatever the previous builds held", async () => {
    const { out, state } = await folders();
    const builds: Record<string, string>[] = [
      { "index.html": "v1", "a/index.html": "a1", "b/index.html": "b1" },
      { "index.html": "v2", "a/index.html": "a1", "c/d/index.html": "d1" },
      { "index.html": "v3", "a/index.html": "a2", "c/d/index.html": "d1" },
      { "index.html": "v3", "b/index.html": "b2" },
      { "index.html": "v4", "a/index.html": "a2", "b/index.html": "b2", "c/d/index.html": "d2" },
    ];
    for (const files of builds) {
      await build(out, state, files);
      expect(await tree(out)).toEqual(files);
    }
    // Folders left empty by removed pages are removed too.
    await build(out, state, { "index.html": "v5" });
    await build(out, state, { "index.html": "v6" });
    expect(await readdir(out)).toEqual(["index.html"]);
  });

  it("keeps unchanged files without rewriting them, and never changes the live site while building", async () => {
    const { out, state } = await folders();
    await build(out, state, { "index.html": "v1", "a/index.html": "a" });
    const first = await stat(path.join(out, "a/index.html"));
    await build(out, state, { "index.html": "v2", "a/index.html": "a" }); // a new folder: "a" is linked from the live one
    await build(out, state, { "index.html": "v3", "a/index.html": "a" }); // the spare folder: "a" is kept as it is
    const kept = await stat(path.join(out, "a/index.html"));
    expect([kept.ino, kept.mtimeMs]).toEqual([first.ino, first.mtimeMs]);
    // The spare's "a" is a hard link of the live "a": changing it must not reach the live site.
    const output = await SiteOutput.begin(out, state);
    expect(output.has("a/index.html", "from:a")).toBe(true);
    expect(output.has("a/index.html", "from:something else")).toBe(false);
    output.put("a/index.html", "changed");
    output.put("index.html", "v4");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await tree(out)).toEqual({ "index.html": "v3", "a/index.html": "a" });
    await output.commit();
    expect(await tree(out)).toEqual({ "index.html": "v4", "a/index.html": "changed" });
  });

  it("takes a page from the live site when the spare folder has an older version of it", async () => {
    const { out, state } = await folders();
    await build(out, state, { "index.html": "v1", "a/index.html": "old" });
    await build(out, state, { "index.html": "v1", "a/index.html": "new" }); // e.g. the site's settings changed
    const output = await SiteOutput.begin(out, state); // works in the spare, which holds "old"
    expect(output.has("a/index.html", "from:new")).toBe(true);
    expect(output.has("index.html", "from:v1")).toBe(true);
    await output.commit();
    expect(await tree(out)).toEqual({ "index.html": "v1", "a/index.html": "new" });
  });

  it("notices a file edited or deleted by hand and writes it again", async () => {
    const { dir, out, state } = await folders();
    const files = { "index.html": "v1", "a/index.html": "a", "b/index.html": "b" };
    await build(out, state, files);
    await build(out, state, files);
    await build(out, state, files);
    // The working folder of the next build is the spare: edit and delete there, and in the live one.
    const spare = path.join(dir, ".dist.previous");
    await writeFile(path.join(spare, "a/index.html"), "x"); // same size
    await utimes(path.join(spare, "a/index.html"), new Date(2020, 0, 1), new Date(2020, 0, 1));
    await writeFile(path.join(spare, "b/index.html"), "tampered");
    await build(out, state, files);
    expect(await tree(out)).toEqual(files);
  });

  it("leaves the live site as it was when a build fails, and recovers on the next one", async () => {
    const { dir, out, state } = await folders();
    await build(out, state, { "index.html": "v1" });
    await build(out, state, { "index.html": "v2", "new/index.html": "n" }, true);
    expect(await tree(out)).toEqual({ "index.html": "v1" });
    expect((await readdir(dir)).filter((n) => n.includes("building"))).toEqual([]);
    await build(out, state, { "index.html": "v3" });
    expect(await tree(out)).toEqual({ "index.html": "v3" });
    expect(existsSync(`${state}.lock`)).toBe(false);
  });

  it("never publishes a file left in the spare folder by a failed build", async () => {
    const { out, state } = await folders();
    await build(out, state, { "index.html": "v1" });
    await build(out, state, { "index.html": "v2" }); // from now on builds work in the spare folder
    await build(out, state, { "index.html": "v3", "gone/index.html": "an article removed before the next build" }, true);
    await build(out, state, { "index.html": "v4" });
    expect(await tree(out)).toEqual({ "index.html": "v4" });
    await build(out, state, { "index.html": "v5" });
    expect(await tree(out)).toEqual({ "index.html": "v5" });
  });

  it("builds privately while another live build holds the lock", async () => {
    const { out, state } = await folders();
    await build(out, state, { "index.html": "v1" });
    await build(out, state, { "index.html": "v2" });
    // PID 1 is always alive: another build of this folder is running.
    await writeFile(`${state}.lock`, "1");
    await build(out, state, { "index.html": "v3" });
    expect(await tree(out)).toEqual({ "index.html": "v3" });
    expect(await readFile(`${state}.lock`, "utf8")).toBe("1");
  });
});

describe("temporary names left by earlier versions", () => {
  it("are removed from the live site and the spare folder by the first build that finds them", async () => {
    const { dir, out, state } = await folders();
    await build(out, state, { "index.html": "v1", "a/index.html": "a" });
    await build(out, state, { "index.html": "v2", "a/index.html": "a" });
    // As an earlier version left them: next to pages in both folders, and a state without `swept`.
    await writeFile(path.join(out, "a/index.html.kawaraban-tmp"), "a");
    await writeFile(path.join(dir, ".dist.previous/a/index.html.kawaraban-tmp"), "a");
    const { swept: _, ...legacy } = JSON.parse(await readFile(state, "utf8"));
    await writeFile(state, JSON.stringify(legacy));
    await build(out, state, { "index.html": "v3", "a/index.html": "a" });
    expect(await tree(out)).toEqual({ "index.html": "v3", "a/index.html": "a" });
    await build(out, state, { "index.html": "v4", "a/index.html": "a" });
    expect(await tree(out)).toEqual({ "index.html": "v4", "a/index.html": "a" });
    expect((await readdir(dir, { recursive: true })).filter((f) => String(f).endsWith(".kawaraban-tmp"))).toEqual([]);
  });
});

describe("the site output folder over any sequence of builds (property)", () => {
  // A page's key decides its content, but two keys may make the same content (a code change that
  // leaves the HTML as it was). Few names and keys, so builds repeat pages and keys.
  const contentOf = fc.record({ k1: fc.constantFrom("a", "b"), k2: fc.constantFrom("a", "b"), k3: fc.constantFrom("a", "c") });
  const site = fc.dictionary(fc.constantFrom("index.html", "a/index.html", "b/index.html", "c/d/index.html"), fc.constantFrom("k1", "k2", "k3"), {
    minKeys: 1,
  });

  it("holds the last build, reuses every page whose key it had, and leaves no temporary file behind", async () => {
    await fc.assert(
      fc.asyncProperty(contentOf, fc.array(site, { minLength: 2, maxLength: 6 }), async (contents, builds) => {
        const { dir, out, state } = await folders();
        let previous: Record<string, string> = {};
        for (const pages of builds) {
          const output = await SiteOutput.begin(out, state);
          const before = existsSync(out) ? await tree(out) : {};
          for (const [rel, from] of Object.entries(pages)) {
            const kept = output.has(rel, from);
            // A page made from the same key by the last build is never made again.
            if (previous[rel] === from) expect(kept, `${rel} ${from}`).toBe(true);
            if (!kept) output.put(rel, contents[from as keyof typeof contents], from);
          }
          expect(existsSync(out) ? await tree(out) : {}).toEqual(before); // the live site never changes while building
          await output.commit();
          expect(await tree(out)).toEqual(Object.fromEntries(Object.entries(pages).map(([rel, from]) => [rel, contents[from as keyof typeof contents]])));
          const leftovers = (await readdir(dir, { recursive: true })).filter((f) => String(f).endsWith(".kawaraban-tmp"));
          expect(leftovers).toEqual([]);
          previous = pages;
        }
      }),
      { numRuns: 80 },
    );
  }, 60_000);
});
