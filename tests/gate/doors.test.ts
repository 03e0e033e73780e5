import { describe, it, expect, beforeAll } from "vitest";
import { existsSync } from "node:fs";
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { copySampleContent } from "../support/sample-repo.ts";
import { gitAt, REPO_ROOT, SAMPLE_ROOT } from "../support/repo.ts";
import { runCli, type CliResult } from "../support/cli.ts";
import { writeFamilies, LONG_PHOTO, type FamilyCase } from "../support/families.ts";
import { populateHostileRepo } from "../../pipeline/bench/hostile-corpus.ts";
import { loadConfig, type Config } from "../../pipeline/article/config.ts";
import { runCore, type CoreResult } from "../../pipeline/core/check.ts";
import { deriveVerdict } from "../../pipeline/github/verdict.ts";
import { workTree } from "../../pipeline/source/work-tree.ts";
import { commitSnapshot } from "../../pipeline/source/commit.ts";
import { readLedger } from "../../pipeline/invoice/ledger.ts";

/**
 * The promise of the one door, as a differential test: the sample site, the hostile corpus and
 * issue 20's families, in one repository merged to main as GitHub merges, go through every door
 * — check on the work tree, the core on the commit's objects, the PR verdict, build, the
 * ledger, the note export — and every door agrees on what is admitted, published and billed.
 */
const now = new Date("2026-12-01T03:00:00Z");
let root: string;
let config: Config;
let families: FamilyCase[];
let tree: CoreResult;
let commit: CoreResult;
let articles: string[];
let build: CliResult;
let billed: Set<string>;
let exported: string[];

const errorsOf = (core: CoreResult, p: string) =>
  core.diagnostics
    .filter((d) => d.path === p && d.severity === "error")
    .map((d) => d.ruleId)
    .sort();
const admittedIn = (core: CoreResult) => new Set(core.articles.filter((a) => a.article).map((a) => a.path));

beforeAll(async () => {
  root = await copySampleContent();
  const base = await readFile(path.join(root, "kawaraban.config.yml"), "utf8");
  await writeFile(path.join(root, "kawaraban.config.yml"), base.replace("  article: 15000\n", "  article: 15000\n  perPhoto: 1000\n"));
  await populateHostileRepo(root, REPO_ROOT);
  gitAt(root, "2026-11-26T10:00:00+09:00", "switch", "-q", "-c", "families");
  families = await writeFamilies(root, SAMPLE_ROOT);
  gitAt(root, "2026-11-26T10:00:00+09:00", "add", "-A");
  gitAt(root, "2026-11-26T10:00:00+09:00", "commit", "-q", "-m", "families");
  gitAt(root, "2026-11-27T10:00:00+09:00", "switch", "-q", "main");
  gitAt(root, "2026-11-27T10:00:00+09:00", "merge", "-q", "--no-ff", "-m", "Merge families", "families");
  const loaded = await loadConfig(await workTree(root));
  if (!loaded.ok) throw new Error("config");
  config = loaded.config;
  const head = gitAt(root, undefined, "rev-parse", "HEAD").trim();
  const listed = (await (await workTree(root)).list("articles")).map((e) => e.path);
  articles = listed;
  const core = (snapshot: Awaited<ReturnType<typeof workTree>>) =>
    runCore({ snapshot, config, lintRoot: root, articles: listed, decodeImages: false, prose: {} });
  tree = await core(await workTree(root));
  commit = await core(await commitSnapshot(root, head));
  build = await runCli(["build", "--out", "dist"], root, {}, now);
  const ledger = await readLedger(root, "main");
  billed = new Set(ledger.entries.map((e) => e.path));
  await runCli(["publish", "--channel", "note-export", "--out", "out"], root, {}, now);
  exported = await readdir(path.join(root, "out", "note"));
}, 300_000);

describe("every door agrees", () => {
  it("the work tree and the commit's objects admit the same articles with the same errors", () => {
    expect([...admittedIn(commit)].sort()).toEqual([...admittedIn(tree)].sort());
    for (const p of articles) expect(errorsOf(commit, p), p).toEqual(errorsOf(tree, p));
  });

  it("the PR verdict on the commit reports at least the core's errors for every article", async () => {
    const head = gitAt(root, undefined, "rev-parse", "HEAD").trim();
    const files = articles.map((filename) => ({ filename, status: "added" }));
    const verdict = await deriveVerdict({ root, config, headSha: head, files, changedFiles: files.length, staffApprovedHead: false, today: "2026-11-27" });
    const byPath = new Map(verdict.files.map((f) => [f.path, f.messages.filter((m) => m.severity === "error").map((m) => m.ruleId)]));
    for (const p of articles) for (const rule of errorsOf(commit, p)) expect(byPath.get(p) ?? [], p).toContain(rule);
  });

  it("publishes exactly the admitted, non-draft, dated articles, and exports the same", () => {
    expect(build.code, build.stderr).toBe(0);
    for (const a of tree.articles) {
      const page = path.join(root, "dist", a.path.replace(/^articles\//, "").replace(/\.md$/, ""), "index.html");
      const published = a.article !== undefined && !a.article.frontMatter.draft && a.article.frontMatter.date <= "2026-12-01";
      expect(existsSync(page), a.path).toBe(published);
      expect(
        exported.includes(
          a.path
            .replace(/^articles\//, "")
            .replace(/\.md$/, "")
            .replace(/\//g, "-"),
        ),
        a.path,
      ).toBe(published);
    }
  });

  it("bills exactly the admitted articles the full check found no error in", () => {
    for (const a of tree.articles) {
      const clean = a.article !== undefined && !a.article.frontMatter.draft && errorsOf(tree, a.path).length === 0;
      expect(billed.has(a.path), a.path).toBe(clean);
    }
  });

  it("holds each family to its expected fate", () => {
    for (const c of families) {
      expect(admittedIn(tree).has(c.path), c.path).toBe(c.admitted);
      expect(billed.has(c.path), c.path).toBe(c.billed);
    }
  });
});

describe("what the stages make of the families", () => {
  it("pays one photo for forty URLs of one file", async () => {
    const doc = JSON.parse((await runCli(["invoice", "--month", "2026-11", "--format", "json"], root, {}, now)).stdout);
    const line = doc.writers
      .flatMap((w: { articles: { path: string; fee: number }[] }) => w.articles)
      .find((a: { path: string }) => a.path === "articles/2026/11/forty-urls.md");
    expect(line.fee).toBe(15000 + 1000);
  });

  it("keeps the variants of satoyama.png apart from satoyama.jpg's, and builds despite a 250-byte photo name", async () => {
    const jpg = await readFile(path.join(root, "dist/images/2026/11/satoyama.jpg/480.jpg"));
    const png = await readFile(path.join(root, "dist/images/2026/11/satoyama.png/480.jpg"));
    expect(jpg.equals(png)).toBe(false);
    expect(existsSync(path.join(root, "dist", LONG_PHOTO.replace(/^assets\//, "images/"), "480.jpg"))).toBe(true);
  });

  it("writes a well-formed feed and no path component over 255 bytes", async () => {
    const feed = await readFile(path.join(root, "dist/feed.xml"), "utf8");
    expect(XMLValidator.validate(feed)).toBe(true);
    expect(new XMLParser().parse(feed).feed).toBeDefined();
    const walk = async (dir: string): Promise<string[]> =>
      (await readdir(dir, { withFileTypes: true }))
        .flatMap((e) => [e.name])
        .concat(...(await Promise.all((await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => walk(path.join(dir, e.name))))));
    expect((await walk(path.join(root, "dist"))).filter((n) => Buffer.byteLength(n) > 255)).toEqual([]);
  });
});
