import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { chmod, mkdir, readdir, readFile, rename, rm, symlink, utimes, writeFile, lstat } from "node:fs/promises";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { recording, replay, runKey, save, treeFingerprint } from "../../pipeline/run-cache.mjs";
import { main } from "../../pipeline/cli.ts";
import { git, initRepo, REPO_ROOT, tempDir } from "../support/repo.ts";
import { copySampleContent } from "../support/sample-repo.ts";

const context = (cwd: string, env: NodeJS.ProcessEnv = {}) => ({
  cwd,
  env,
  stdout: { write: () => true },
  stderr: { write: () => true },
  codeKey: "code",
  now: new Date("2026-12-03T10:00:00+09:00"),
});

/** Waits until the file system's clock (coarse: a few ms) has moved past every entry's times. */
async function nextTick(root: string): Promise<void> {
  const probe = path.join(root, ".cache", "probe");
  await mkdir(path.dirname(probe), { recursive: true });
  await writeFile(probe, "");
  const before = (await lstat(probe, { bigint: true })).ctimeNs;
  for (;;) {
    await writeFile(probe, "x");
    if ((await lstat(probe, { bigint: true })).ctimeNs > before) return;
    await new Promise((r) => setTimeout(r, 1));
  }
}

/** One change a writer, an editor or git could make; each must change the key. */
const CHANGES: Record<string, (root: string) => unknown> = {
  "same-size edit": (r) => writeFile(path.join(r, "articles/a.md"), "# B\n"),
  "edit with the old times put back": async (r) => {
    await writeFile(path.join(r, "articles/b.md"), "# C\n");
    await utimes(path.join(r, "articles/b.md"), OLD, OLD); // as `touch -d` or an unpacked archive would
  },
  "new file deep down": async (r) => {
    await mkdir(path.join(r, "articles/2026/12"), { recursive: true });
    await writeFile(path.join(r, "articles/2026/12/new.md"), "x");
  },
  "new file in a new root folder": async (r) => {
    await mkdir(path.join(r, "briefs"));
    await writeFile(path.join(r, "briefs/x.yml"), "x");
  },
  rename: (r) => rename(path.join(r, "articles/c.md"), path.join(r, "articles/c2.md")),
  delete: (r) => rm(path.join(r, "assets/p.jpg")),
  "executable bit": (r) => chmod(path.join(r, "articles/d.md"), 0o755),
  "file becomes a link": async (r) => {
    await rm(path.join(r, "assets/q.jpg"));
    await symlink("../articles/a.md", path.join(r, "assets/q.jpg"));
  },
  "config edit": (r) => writeFile(path.join(r, "kawaraban.config.yml"), "site: y\n"),
  "main moves": (r) => {
    git(r, "commit", "--allow-empty", "-qm", "next");
  },
  // What git tracks changes while the tree stays the same (staging an unchanged file need not
  // rewrite the index: git only refreshes it when its times are racy, so that is no change).
  "file untracked": (r) => {
    git(r, "rm", "-q", "--cached", "articles/d.md");
  },
  ".gitignore edit": (r) => writeFile(path.join(r, ".gitignore"), ".cache\nnode_modules\ndist\n"),
};

const OLD = new Date("2026-01-01T00:00:00Z");

async function smallRepo(): Promise<string> {
  const root = await tempDir();
  await mkdir(path.join(root, "articles"));
  await mkdir(path.join(root, "assets"));
  await writeFile(path.join(root, "kawaraban.config.yml"), "site: x\n");
  for (const name of ["a", "b", "c", "d"]) await writeFile(path.join(root, `articles/${name}.md`), "# A\n");
  await utimes(path.join(root, "articles/b.md"), OLD, OLD);
  for (const name of ["p", "q"]) await writeFile(path.join(root, `assets/${name}.jpg`), "jpeg");
  await writeFile(path.join(root, ".gitignore"), ".cache\nnode_modules\n");
  initRepo(root);
  return root;
}

describe("the whole-run cache's key", () => {
  it("changes with every change a check could see, whatever came before", async () => {
    const names = Object.keys(CHANGES);
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(names, { minLength: 1, maxLength: 4 }), async (sequence) => {
        const root = await smallRepo();
        for (const name of sequence) {
          await nextTick(root);
          const before = runKey(["check"], context(root))!.key;
          await CHANGES[name]!(root);
          const after = runKey(["check"], context(root))!.key;
          expect(after, name).not.toBe(before);
        }
      }),
      { numRuns: 12 },
    );
  }, 60_000);

  it("stays the same for what a check never reads, and differs by arguments, folder, date and environment", async () => {
    const root = await smallRepo();
    const key = runKey(["check"], context(root))!.key;
    await mkdir(path.join(root, "node_modules/x"), { recursive: true });
    await writeFile(path.join(root, "node_modules/x/index.js"), "");
    await mkdir(path.join(root, ".cache"));
    await writeFile(path.join(root, ".cache/kawaraban-note"), "");
    git(root, "hash-object", "-w", "articles/a.md"); // a new object: objects never change under a name
    expect(runKey(["check"], context(root))!.key).toBe(key);
    const others = [
      runKey(["check", "--format", "json"], context(root))!.key,
      runKey(["check", "articles"], context(root))!.key,
      runKey(["check"], context(path.join(root, "articles")))!.key,
      runKey(["check"], { ...context(root), now: new Date("2026-12-03T15:00:00Z") })!.key, // 12-04 in Japan
      runKey(["check"], context(root, { GITHUB_REPOSITORY: "city/x" }))!.key,
      runKey(["check"], { ...context(root), stdout: { write: () => true, isTTY: true } })!.key,
      runKey(["check"], { ...context(root), codeKey: "other" })!.key,
    ];
    expect(new Set([key, ...others]).size).toBe(others.length + 1);
  });

  it("is never made for CI, fixes, other refs, no-cache, help, unknown options or other commands", async () => {
    const root = await smallRepo();
    expect(runKey(["check"], context(root, { CI: "true" }))).toBeUndefined();
    expect(runKey(["check"], context(root, { GITHUB_ACTIONS: "true" }))).toBeUndefined();
    expect(runKey(["check"], context(root, { GITHUB_STEP_SUMMARY: "/tmp/s" }))).toBeUndefined();
    for (const args of [["--fix"], ["--changed-since", "main"], ["--no-cache"], ["-h"], ["--formt", "json"]]) {
      expect(runKey(["check", ...args], context(root)), args.join(" ")).toBeUndefined();
    }
    expect(runKey(["build"], context(root))).toBeUndefined();
    expect(runKey(["check"], context(await tempDir()))).toBeUndefined(); // not a kawaraban repository
  });

  it("does not cover a tree that changed during the run or too recently to be sure", async () => {
    const root = await smallRepo();
    const run = runKey(["check"], context(root))!;
    save(run, { stdout: "ok\n", stderr: "", exitCode: 0 }); // the files are milliseconds old
    expect(replay(run, { write: () => true }, { write: () => true })).toBeUndefined();
    expect(treeFingerprint(root, BigInt(Date.now() + 10_000) * 1_000_000n)).toBe(run.fingerprint);
    expect(treeFingerprint(root, 0n)).toBeUndefined();
  });
});

describe("a replayed check", () => {
  it("prints what the check printed and exits as it did, until anything changes", async () => {
    const root = await copySampleContent();
    initRepo(root);
    const fresh = async (args: string[]) => {
      const [stdout, stderr] = [recording({ write: () => true }), recording({ write: () => true })];
      const exitCode = await main(args, { cwd: root, stdout, stderr, env: {} });
      return { stdout: stdout.text(), stderr: stderr.text(), exitCode };
    };
    const args = ["check", "--format", "json"];
    const first = await fresh(args);
    const run = runKey(args, context(root))!;
    // As if the run had finished four seconds after its files last changed.
    const later = Date.now;
    Date.now = () => later() + 4_000;
    try {
      save(run, first);
    } finally {
      Date.now = later;
    }
    const out: string[] = [];
    expect(replay(runKey(args, context(root))!, { write: (s: string) => out.push(s) }, { write: () => true })).toBe(first.exitCode);
    expect(out.join("")).toBe(first.stdout);
    expect(JSON.parse(first.stdout).summary.files).toBeGreaterThan(0);

    await nextTick(root);
    const article = git(root, "ls-files", "articles")
      .split("\n")
      .find((f) => f.endsWith(".md"))!;
    await writeFile(path.join(root, article), `${await readFile(path.join(root, article), "utf8")}\nみれる。\n`);
    const changed = runKey(args, context(root))!;
    expect(replay(changed, { write: () => true }, { write: () => true })).toBeUndefined();
    expect((await fresh(args)).stdout).not.toBe(first.stdout);
  }, 60_000);

  it("is what the launcher does on a second check of an unchanged tree", async () => {
    const root = await copySampleContent();
    initRepo(root);
    const bin = path.join(REPO_ROOT, "bin/kawaraban.js");
    const env = { ...process.env, CI: "", GITHUB_ACTIONS: "", GITHUB_STEP_SUMMARY: "" };
    const run = () =>
      promisify(execFile)(process.execPath, [bin, "check", "--format", "json"], { cwd: root, env }).catch((e: { stdout: string; code: number }) => e);
    // A run is saved only when the tree had settled for longer than any file-system clock's tick.
    await new Promise((r) => setTimeout(r, 3_200));
    const first = await run();
    const runs = path.join(root, ".cache/kawaraban/runs");
    const [saved] = await readdir(runs);
    const record = JSON.parse(await readFile(path.join(runs, saved!), "utf8"));
    expect(record.stdout).toBe(first.stdout);
    // The second run answers from the record: marked, the mark is what it prints.
    await writeFile(path.join(runs, saved!), JSON.stringify({ ...record, stdout: "replayed\n" }));
    expect((await run()).stdout).toBe("replayed\n");
  }, 60_000);
});
