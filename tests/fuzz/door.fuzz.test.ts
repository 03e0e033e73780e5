import { describe, it, expect, beforeAll } from "vitest";
import fc from "fast-check";
import { cp, mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { parse } from "parse5";
import { REPO_ROOT, SAMPLE_ROOT, tempDir } from "../support/repo.ts";
import { runCli } from "../support/cli.ts";
import { gainMapJpeg, photo } from "../support/images.ts";
import { LINT_CONFIG_FILES } from "../../pipeline/checks/prose/textlint-config.mjs";
import { loadConfig } from "../../pipeline/article/config.ts";
import { runCore } from "../../pipeline/core/check.ts";
import { deriveVerdict } from "../../pipeline/github/verdict.ts";
import { workTree } from "../../pipeline/source/work-tree.ts";
import { commitSnapshot } from "../../pipeline/source/commit.ts";
import { articleStem, fieldText, photoExtension, photoStem, treeEntry, yamlValue } from "./families.ts";

/**
 * The door's promise, fuzzed: whatever `check` admits, every stage completes and every output is
 * well-formed (XML parses, HTML parses, no path component over 255 bytes, nothing written outside
 * the output folders), and the work tree and the commit's objects agree. `npm test` runs a few
 * seeded batches; `npm run fuzz` runs many with a fresh seed (FUZZ_RUNS, FUZZ_SEED).
 */
const fuzzing = process.env.npm_lifecycle_event === "fuzz";
const RUNS = Number(process.env.FUZZ_RUNS ?? (fuzzing ? 200 : 3));
// `npm run fuzz` picks a fresh seed (printed, so a failure can be replayed with FUZZ_SEED).
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : fuzzing ? Date.now() % 2 ** 31 : 20261202;
const now = new Date("2026-12-01T03:00:00Z");
const OUTPUTS = /^(dist|out|statements|node_modules|\.cache|\.git|\.dist\.previous)(\/|$)/;
const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: "fuzz",
  GIT_AUTHOR_EMAIL: "f@example.test",
  GIT_COMMITTER_NAME: "fuzz",
  GIT_COMMITTER_EMAIL: "f@example.test",
  GIT_AUTHOR_DATE: "2026-11-25T10:00:00+09:00",
  GIT_COMMITTER_DATE: "2026-11-25T10:00:00+09:00",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
};
const git = (cwd: string, args: string[], input?: string) => execFileSync("git", args, { cwd, env: ENV, input, encoding: "utf8" });

const batch = fc.record({
  articles: fc.array(
    fc.record({
      stem: articleStem,
      title: yamlValue(fieldText(8)),
      summary: yamlValue(fieldText(20)),
      tags: fc.array(yamlValue(fieldText(4)), { maxLength: 4 }),
      coverAlt: yamlValue(fieldText()),
      photo: fc.nat(3),
      cover: fc.boolean(),
      encoded: fc.boolean(),
      body: fieldText(40),
    }),
    { minLength: 2, maxLength: 5 },
  ),
  photos: fc.array(fc.record({ stem: photoStem, ext: photoExtension, kind: fc.constantFrom("jpg", "png", "gainmap") }), { minLength: 1, maxLength: 4 }),
  entries: fc.array(treeEntry, { maxLength: 3 }),
});
type Batch = typeof batch extends fc.Arbitrary<infer T> ? T : never;

let images: Record<string, Buffer>;
beforeAll(async () => {
  images = { jpg: await photo(320, 200).jpeg().toBuffer(), png: await photo(200, 320, "#224488").png().toBuffer(), gainmap: await gainMapJpeg() };
});

const fits = (p: string) =>
  p.split("/").every((part) => part !== "" && part !== "." && part !== ".." && Buffer.byteLength(part) <= 255 && !part.includes("\0"));

async function materialize(b: Batch): Promise<{ root: string; extra: string[] }> {
  const root = await tempDir("kawaraban-fuzz-");
  for (const f of ["kawaraban.config.yml", ...LINT_CONFIG_FILES]) await cp(path.join(SAMPLE_ROOT, f), path.join(root, f));
  await cp(path.join(REPO_ROOT, "package.json"), path.join(root, "package.json"));
  await writeFile(path.join(root, ".gitignore"), "node_modules\n.cache\ndist\nout\n.dist.previous\n");
  await symlink(path.join(REPO_ROOT, "node_modules"), path.join(root, "node_modules"));
  const photos = b.photos.map((p) => `assets/2026/11/${p.stem.replace(/\//g, "_")}${p.ext}`);
  for (const [i, p] of b.photos.entries()) {
    const file = photos[i]!;
    if (!fits(file)) continue;
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), images[p.kind]!);
  }
  for (const a of b.articles) {
    const file = `articles/2026/11/${a.stem.replace(/\//g, "_")}.md`;
    if (!fits(file)) continue;
    const photoRef = `../../../${photos[a.photo % photos.length]}`;
    const front = [
      `title: ${a.title}`,
      "writer: hinata",
      "date: 2026-11-20",
      `summary: ${a.summary}`,
      a.tags.length ? `tags: [${a.tags.join(", ")}]` : "",
      a.cover ? `cover: ${JSON.stringify(photoRef)}\ncoverAlt: ${a.coverAlt}` : "",
    ]
      .filter(Boolean)
      .join("\n");
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    const url = a.encoded ? photoRef.split("/").map(encodeSegment).join("/") : `<${photoRef}>`;
    await writeFile(path.join(root, file), `---\n${front}\n---\n\n${a.body}\n\n![${a.body.slice(0, 10)}](${url})\n`);
  }
  git(root, ["init", "-q", "-b", "main"]);
  git(root, ["add", "-A"]);
  // What only git can hold: links with any text, names no file system takes, executables.
  const extra: string[] = [];
  const valid = "---\ntitle: 朝市\nwriter: hinata\ndate: 2026-11-20\nsummary: 概要です。\n---\n\n本文です。\n";
  for (const e of b.entries) {
    const name = `articles/2026/11/${e.name.replace(/[/\0\n]/g, "_")}.md`;
    const blob = git(root, ["hash-object", "-w", "--stdin"], e.kind === "symlink" ? e.target : valid).trim();
    const mode = e.kind === "symlink" ? "120000" : e.kind === "executable" ? "100755" : "100644";
    git(root, ["update-index", "--add", "--cacheinfo", `${mode},${blob},${name}`]);
    extra.push(name);
  }
  git(root, ["commit", "-q", "--allow-empty", "-m", "fuzz"]);
  return { root, extra };
}

/** Percent-encoding that survives a lone surrogate (left as it is: the door must cope). */
const encodeSegment = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return s;
  }
};

async function listTree(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = `${prefix}${entry.name}`;
    if (OUTPUTS.test(rel)) continue;
    out.push(rel);
    if (entry.isDirectory()) out.push(...(await listTree(path.join(dir, entry.name), `${rel}/`)));
  }
  return out.sort();
}

async function allFiles(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = `${prefix}${entry.name}`;
    out.push(rel);
    if (entry.isDirectory()) out.push(...(await allFiles(path.join(dir, entry.name), `${rel}/`)));
  }
  return out;
}

async function checkBatch(b: Batch): Promise<void> {
  const { root, extra } = await materialize(b);
  const loaded = await loadConfig(await workTree(root));
  if (!loaded.ok) throw new Error("config");
  const config = loaded.config;
  const head = git(root, ["rev-parse", "HEAD"]).trim();
  const commit = await commitSnapshot(root, head);
  const paths = (await commit.list("articles")).map((e) => e.path);
  const options = { config, lintRoot: root, articles: paths, decodeImages: false, prose: { enabled: false } };
  const onCommit = await runCore({ snapshot: commit, ...options });
  const onTree = await runCore({ snapshot: await workTree(root), ...options });
  const admitted = (core: typeof onCommit) =>
    core.articles
      .filter((a) => a.article)
      .map((a) => a.path)
      .sort();
  // The work tree lacks what only git could hold; everything else, both doors admit alike.
  expect(admitted(onTree).filter((p) => !extra.includes(p))).toEqual(admitted(onCommit).filter((p) => !extra.includes(p)));
  for (const p of extra) expect(admitted(onCommit), p).not.toContain(p);
  const files = paths.map((filename) => ({ filename, status: "added" }));
  const verdict = await deriveVerdict({ root, config, headSha: head, files, changedFiles: files.length, staffApprovedHead: false, today: "2026-11-25" });
  for (const e of extra.filter((p) => !fits(p)))
    expect(
      verdict.files.find((f) => f.path === e)?.messages.some((m) => m.ruleId === "input/name-too-long"),
      e,
    ).toBe(true);

  stats.batches++;
  stats.admitted += admitted(onCommit).length;
  stats.articles += paths.length;
  const before = await listTree(root);
  const build = await runCli(["build", "--out", "dist"], root, {}, now);
  expect(build.code, build.stderr).toBe(0);
  for (const p of admitted(onTree))
    expect(await readFile(path.join(root, "dist", p.replace(/^articles\//, "").replace(/\.md$/, ""), "index.html"), "utf8"), p).toContain("<!doctype html>");
  const built = await allFiles(path.join(root, "dist"));
  expect(built.flatMap((f) => f.split("/")).filter((n) => Buffer.byteLength(n) > 255)).toEqual([]);
  for (const f of built.filter((f) => f.endsWith(".xml"))) expect(XMLValidator.validate(await readFile(path.join(root, "dist", f), "utf8")), f).toBe(true);
  for (const f of built.filter((f) => f.endsWith(".json"))) JSON.parse(await readFile(path.join(root, "dist", f), "utf8"));
  for (const f of built.filter((f) => f.endsWith(".html"))) parse(await readFile(path.join(root, "dist", f), "utf8"));
  const note = await runCli(["publish", "--channel", "note-export", "--out", "out"], root, {}, now);
  expect([0, 1], note.stderr).toContain(note.code);
  const invoice = await runCli(["invoice", "--month", "2026-11", "--format", "json"], root, {}, now);
  expect(invoice.code, invoice.stderr).toBe(0);
  const billed: string[] = JSON.parse(invoice.stdout).writers.flatMap((w: { articles: { path: string }[] }) => w.articles.map((a) => a.path));
  for (const p of billed) expect(admitted(onCommit), p).toContain(p);
  expect((await listTree(root)).filter((f) => !f.startsWith("channels"))).toEqual(before);
}

const stats = { batches: 0, articles: 0, admitted: 0 };

describe("the door, fuzzed", () => {
  it(
    `admits nothing a stage cannot process (${RUNS} batches, seed ${SEED})`,
    async () => {
      await fc.assert(fc.asyncProperty(batch, checkBatch), { numRuns: RUNS, seed: SEED, endOnFailure: true });
      // A fuzzer whose articles are all refused tests nothing past the door.
      expect(stats.admitted, JSON.stringify(stats)).toBeGreaterThan(0);
      if (fuzzing || process.env.FUZZ_RUNS) console.log(`fuzz: seed ${SEED}, ${JSON.stringify(stats)}`);
    },
    60_000 + RUNS * 60_000,
  );
});
