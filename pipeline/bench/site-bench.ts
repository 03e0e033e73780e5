import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { makeCorpusRepo } from "./prose-bench.ts";
import { measure, measureMedian, fmtMB, fmtSeconds, ratio, table } from "./measure.ts";
import { appendFileSync } from "node:fs";
import { renderAll } from "../site/render-pool.ts";

/**
 * `kawaraban build` against Eleventy v3 on the same Markdown with a minimal layout, for the
 * 1,000- and 4,000-article corpora, plus kawaraban's incremental rebuilds after one edit (the
 * first right after the full build, then the steady state). The last column is the floor the
 * issue's choice of unified sets: remark → rehype on every article, in this process, on every
 * core, with no file I/O at all.
 *
 * Outputs and caches are moved aside before a cold build, not deleted, and deleted only after
 * every timing: on ext4, creating thousands of files right after thousands were deleted costs
 * seconds of kernel time (the allocator skips recently freed inodes), which the benchmark would
 * otherwise charge to whichever build comes next. A CI runner starts on a fresh disk. Both tools'
 * cold builds create every file.
 */
export async function siteBench(repoRoot: string, workDir: string): Promise<string> {
  const rows = [["", "kawaraban build", "Eleventy 3", "ratio", "1st edit", "vs full", "next edits", "vs full", "unified alone"]];
  const node = process.execPath;
  const kawaraban = [path.join(repoRoot, "bin/kawaraban.js")];
  const trash = path.join(workDir, "site-trash");
  let moved = 0;
  const setAside = async (dir: string, names: string[]) => {
    await mkdir(trash, { recursive: true });
    for (const name of names) await rename(path.join(dir, name), path.join(trash, String(moved++))).catch(() => undefined);
  };
  for (const count of [1000, 4000]) {
    const dir = path.join(workDir, `site-${count}`);
    const files = await makeCorpusRepo(repoRoot, dir, count);
    // Eleventy: the same articles, a minimal layout, nothing else.
    const eleventy = path.join(dir, "eleventy");
    await rm(eleventy, { recursive: true, force: true });
    await mkdir(path.join(eleventy, "_includes"), { recursive: true });
    await writeFile(
      path.join(eleventy, "_includes/base.njk"),
      '<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>{{ title }}</title></head><body><h1>{{ title }}</h1>{{ content | safe }}</body></html>\n',
    );
    await writeFile(
      path.join(eleventy, "eleventy.config.mjs"),
      `export default function (config) {\n  config.addGlobalData("layout", "base.njk");\n  return { dir: { input: "articles", includes: "../eleventy/_includes", output: "eleventy-out" } };\n}\n`,
    );
    // The prebuilt pipeline and the writer page's scripts are made once per code version (and
    // restored by the publish workflow), not per build: made before timing by a build whose
    // site and caches are then removed.
    measure(node, [...kawaraban, "build", "--out", "dist"], dir);
    await setAside(dir, [".cache", "dist", ".dist.previous"]);
    const ours = measure(node, [...kawaraban, "build", "--out", "dist"], dir);
    await setAside(dir, ["eleventy-out"]);
    const theirs = measure(node, [path.join(repoRoot, "node_modules/@11ty/eleventy/cmd.cjs"), "--config=eleventy/eleventy.config.mjs", "--quiet"], dir);
    const edited = path.join(dir, files[Math.floor(files.length / 2)]!);
    await writeFile(edited, `${await readFile(edited, "utf8")}\n追記した段落です。\n`);
    const first = measure(node, [...kawaraban, "build", "--out", "dist"], dir);
    // Steady state: the median of three further one-article edits.
    const next = measureMedian(3, node, [...kawaraban, "build", "--out", "dist"], dir, () => appendFileSync(edited, "\nもう一度追記しました。\n"));
    const jobs = await Promise.all(files.map(async (f) => ({ source: f, raw: await readFile(path.join(dir, f), "utf8") })));
    const started = performance.now();
    await renderAll(jobs, { basePath: "/", images: [] }, () => undefined);
    const floor = (performance.now() - started) / 1000;
    rows.push([
      `${count.toLocaleString("en")} articles`,
      `${fmtSeconds(ours.seconds)} (${fmtMB(ours.peakMB)})`,
      `${fmtSeconds(theirs.seconds)} (${fmtMB(theirs.peakMB)})${theirs.exitCode ? ` exit ${theirs.exitCode}` : ""}`,
      ratio(ours.seconds, theirs.seconds),
      fmtSeconds(first.seconds),
      ratio(first.seconds, ours.seconds),
      fmtSeconds(next.seconds),
      ratio(next.seconds, ours.seconds),
      `${fmtSeconds(floor)} (${ratio(floor, theirs.seconds)})`,
    ]);
  }
  await rm(trash, { recursive: true, force: true });
  return `Site: kawaraban build vs Eleventy 3 (same Markdown, minimal layout)\n${table(rows)}\ngoals (issue #24): full build ≤ 2.0× Eleventy; incremental ≤ 0.1× of the full build`;
}
