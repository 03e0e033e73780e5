import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { REPO_ROOT } from "../support/repo.ts";
import { copySampleContent } from "../support/sample-repo.ts";
import { generateCorpus } from "../../pipeline/bench/corpus.ts";

const bin = path.join(REPO_ROOT, "bin/kawaraban.js");
const run = (cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  promisify(execFile)(process.execPath, [bin, ...args], { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stdout: string; stderr: string; code: number }) => error,
  );

async function files(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[path.relative(dir, path.join(e.parentPath, e.name))] = await readFile(path.join(e.parentPath, e.name), "latin1");
  }
  return out;
}

describe("the prebuilt pipeline (esbuild bundle) and the TypeScript sources (tsx)", () => {
  it("give the same check report and the same site, render workers included", async () => {
    const root = await copySampleContent();
    // Enough articles for the build to render on worker threads in both modes.
    for (const a of generateCorpus(170, 11)) {
      await mkdir(path.dirname(path.join(root, a.path)), { recursive: true });
      await writeFile(path.join(root, a.path), a.text);
    }
    const bundled = await run(root, ["build", "--out", "bundled"]);
    const source = await run(root, ["build", "--out", "source"], { KAWARABAN_NO_BUNDLE: "1" });
    expect(bundled.stdout).toContain("サイトを作りました");
    expect(bundled.stdout.replaceAll("bundled", "source")).toBe(source.stdout);
    const [a, b] = [await files(path.join(root, "bundled")), await files(path.join(root, "source"))];
    expect(Object.keys(a).length).toBeGreaterThan(200);
    expect(a).toEqual(b);

    const checkBundled = await run(root, ["check", "articles/2026", "--format", "json", "--no-cache"]);
    const checkSource = await run(root, ["check", "articles/2026", "--format", "json", "--no-cache"], { KAWARABAN_NO_BUNDLE: "1" });
    expect(JSON.parse(checkBundled.stdout).files).toEqual(JSON.parse(checkSource.stdout).files);

    const bundles = await readdir(path.join(REPO_ROOT, "node_modules/.cache/kawaraban/bundle"));
    expect(bundles.filter((b) => !b.includes(".tmp-")).length).toBeGreaterThan(0);
    const newest = bundles.filter((b) => !b.includes(".tmp-"))[0]!;
    expect((await readdir(path.join(REPO_ROOT, "node_modules/.cache/kawaraban/bundle", newest))).sort()).toEqual(
      expect.arrayContaining(["cli.mjs", "render-worker.mjs"]),
    );
  }, 120_000);
});
