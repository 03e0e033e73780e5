import { cp, mkdir, rm, symlink, writeFile, readFile } from "node:fs/promises";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { generateCorpus } from "./corpus.ts";
import { measure, measureMedian, fmtMB, fmtSeconds, ratio, table } from "./measure.ts";
import { LINT_CONFIG_FILES } from "../checks/prose/textlint-config.mjs";

const TEMPLATE = ["kawaraban.config.yml", ...LINT_CONFIG_FILES, "package.json", "package-lock.json"];

/** A throwaway repository: the template's configuration plus a generated corpus. */
export async function makeCorpusRepo(repoRoot: string, dir: string, count: number): Promise<string[]> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const file of TEMPLATE) await cp(path.join(repoRoot, file), path.join(dir, file));
  await symlink(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"));
  await writeFile(path.join(dir, ".gitignore"), "node_modules\n.cache\n");
  const corpus = generateCorpus(count);
  for (const a of corpus) {
    await mkdir(path.dirname(path.join(dir, a.path)), { recursive: true });
    await writeFile(path.join(dir, a.path), a.text);
  }
  return corpus.map((a) => a.path);
}

const gitEnv = { GIT_AUTHOR_NAME: "bench", GIT_AUTHOR_EMAIL: "b@example.test", GIT_COMMITTER_NAME: "bench", GIT_COMMITTER_EMAIL: "b@example.test" };
const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, env: { ...process.env, ...gitEnv }, stdio: "ignore" });

export async function proseBench(repoRoot: string, workDir: string, count: number): Promise<string> {
  const dir = path.join(workDir, `prose-${count}`);
  const files = await makeCorpusRepo(repoRoot, dir, count);
  const node = process.execPath;
  const kawaraban = path.join(repoRoot, "bin/kawaraban.js");
  const textlint = path.join(repoRoot, "node_modules/textlint/bin/textlint.js");
  const remark = path.join(repoRoot, "node_modules/remark-cli/cli.js");
  const log = (s: string) => process.stderr.write(`  ${s}\n`);

  log(`prose: ${count} articles generated in ${dir}`);
  log("kawaraban check (cold)…");
  // The prebuilt pipeline is made once per code version (like tsx's own cache), not per run.
  measure(node, [kawaraban, "--version"], dir);
  await rm(path.join(dir, ".cache"), { recursive: true, force: true });
  const cold = measure(node, [kawaraban, "check", "--format", "json"], dir);
  log("kawaraban check (warm)…");
  // Nothing changed: the launcher replays the saved run (pipeline/run-cache.mjs).
  const warm = measure(node, [kawaraban, "check", "--format", "json"], dir);
  // What a writer does next: one article edited, every other one answered by the findings cache.
  log("kawaraban check (warm, one article edited)…");
  const edited = files[0]!;
  const original = await readFile(path.join(dir, edited), "utf8");
  await writeFile(path.join(dir, edited), `${original}\n書き足した一文です。\n`);
  const warmEdited = measure(node, [kawaraban, "check", "--format", "json"], dir);
  await writeFile(path.join(dir, edited), original);
  log("textlint CLI…");
  const tl = measure(node, [textlint, "--format", "json", "articles"], dir);
  log("remark CLI…");
  const rk = measure(node, [remark, "--quiet", "--no-stdout", "articles"], dir);

  // A one-article pull request: the corpus is on main, one article changes on a branch.
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "corpus");
  git(dir, "switch", "-q", "-c", "pr");
  const changed = files[Math.floor(files.length / 2)]!;
  await writeFile(path.join(dir, changed), `${await readFile(path.join(dir, changed), "utf8")}\n追記した段落です。\n`);
  log("one-article PR check…");
  // Medians of five: these take a second or two, and one run's noise (±0.1 s) would decide the ratio.
  const pr = measureMedian(5, node, [kawaraban, "check", "--changed-since", "main", "--no-cache", "--format", "json"], dir);
  const prPlain = measureMedian(5, node, [textlint, "--format", "json", changed], dir);

  const plain = tl.seconds + rk.seconds;
  const plainPeak = Math.max(tl.peakMB ?? 0, rk.peakMB ?? 0) || undefined;
  const rows = [
    ["", "time", "peak RSS", "ratio", "goal"],
    ["kawaraban check, cold", fmtSeconds(cold.seconds), fmtMB(cold.peakMB), ratio(cold.seconds, plain), "≤ 0.4×"],
    ["kawaraban check, warm (cache)", fmtSeconds(warm.seconds), fmtMB(warm.peakMB), ratio(warm.seconds, plain), "≤ 0.02×"],
    ["kawaraban check, warm, one article edited", fmtSeconds(warmEdited.seconds), fmtMB(warmEdited.peakMB), ratio(warmEdited.seconds, plain), ""],
    ["textlint CLI + remark CLI", fmtSeconds(plain), fmtMB(plainPeak), "1.000×", ""],
    ["  textlint CLI", fmtSeconds(tl.seconds), fmtMB(tl.peakMB), "", ""],
    ["  remark CLI", fmtSeconds(rk.seconds), fmtMB(rk.peakMB), "", ""],
    ["PR check, 1 article (--changed-since), median of 5", fmtSeconds(pr.seconds), fmtMB(pr.peakMB), ratio(pr.seconds, prPlain.seconds), "≤ 0.7×"],
    ["  textlint CLI on that file, median of 5", fmtSeconds(prPlain.seconds), fmtMB(prPlain.peakMB), "1.000×", ""],
  ];
  const exits = `exit codes: kawaraban ${cold.exitCode}/${warm.exitCode}/${warmEdited.exitCode}/${pr.exitCode}, textlint ${tl.exitCode}/${prPlain.exitCode}, remark ${rk.exitCode}`;
  return `Prose: ${count} articles, unique sentences\n${table(rows)}\n${exits}`;
}
