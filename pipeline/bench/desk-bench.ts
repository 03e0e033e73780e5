import { execFileSync } from "node:child_process";
import { cp, mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { GithubSim } from "../../tests/support/github-sim.ts";
import { fmtMB, fmtSeconds, measureAsync, table } from "./measure.ts";

/**
 * The desk against the GitHub stand-in: API calls per run and peak memory for 1, 50 and 300 open
 * briefs and PRs (each brief with a claim to answer, each PR an article citing it), the first run
 * and the next one. The stand-in runs in this process; `desk sync` in its own, as in Actions.
 */
export async function deskBench(repoRoot: string, workDir: string): Promise<string> {
  const rows = [["open briefs / PRs", "first run: calls", "time", "peak", "runs to answer all", "quiet run: calls", "time", "peak"]];
  for (const n of [1, 50, 300]) {
    const root = path.join(workDir, `desk-${n}`);
    await rm(root, { recursive: true, force: true });
    await mkdir(path.join(root, "briefs/2026-12"), { recursive: true });
    for (const f of ["kawaraban.config.yml", "package.json", ".github/ISSUE_TEMPLATE"])
      await cp(path.join(repoRoot, f), path.join(root, f), { recursive: true });
    await symlink(path.join(repoRoot, "node_modules"), path.join(root, "node_modules"));
    await writeFile(path.join(root, ".gitignore"), "node_modules\n.cache\n");
    const sim = await new GithubSim().start();
    // The desk in its own process reads the real clock. The stand-in stamps what happens half an
    // hour earlier, as if runs were that far apart (in Actions they are minutes to hours apart).
    const now = () => {
      sim.time = new Date(Date.now() - 30 * 60_000).toISOString();
    };
    now();
    for (let i = 0; i < n; i++) {
      await writeFile(path.join(root, `briefs/2026-12/b${i}.yml`), `title: 依頼 ${i}\ndeadline: 2026-12-28\nissue: ${1000 + i}\n`);
      sim.issues.push({ number: 1000 + i, title: `依頼 ${i}`, body: "", labels: ["記事の依頼"], state: "open", user: "hibarino-henshu", updated_at: sim.time });
      sim.comment(1000 + i, i % 2 ? "hinata-writes" : "komorebi-writes", "/引き受けます");
      const head = (5000 + i).toString(16).padStart(40, "0");
      sim.pulls.set(5000 + i, {
        number: 5000 + i,
        draft: false,
        merged: false,
        headSha: head,
        baseSha: "a".repeat(40),
        author: "hinata-writes",
        head: `w${i}`,
        files: [{ filename: `articles/2026/12/a${i}.md`, status: "added" }],
      });
      sim.files.set(`${head}:articles/2026/12/a${i}.md`, {
        bytes: Buffer.from(`---\ntitle: 記事 ${i}\nwriter: hinata\ndate: 2026-12-10\nsummary: 概要です。\nbrief: 2026-12/b${i}\n---\n\n本文です。\n`),
      });
    }
    sim.repoLabels.push({ name: "記事の依頼", color: "0075ca" });
    const env = { GITHUB_TOKEN: "test-token", GITHUB_REPOSITORY: "hibarino/kawaraban", GITHUB_API_URL: sim.url, KAWARABAN_TEST_FAST_GITHUB: "1" };
    for (const args of [
      ["init", "-q", "-b", "main"],
      ["add", "-A"],
      ["-c", "user.name=b", "-c", "user.email=b@example.test", "commit", "-q", "-m", "briefs"],
    ])
      execFileSync("git", args, { cwd: root });
    for (const line of execFileSync("git", ["ls-tree", "-r", "HEAD", "briefs"], { cwd: root, encoding: "utf8" }).trim().split("\n")) {
      const [meta, file] = line.split("\t") as [string, string];
      sim.existingFiles.set(file, meta.split(" ")[2]!);
    }
    const run = async () => {
      const before = sim.requests.length;
      // The stand-in answers from this process while the desk runs in its own: spawnSync would block it.
      const m = await measureAsync(process.execPath, [path.join(repoRoot, "bin/kawaraban.js"), "desk", "sync"], root, env);
      return { ...m, calls: sim.requests.length - before };
    };
    const first = await run();
    // Runs until every claim is answered (a run stops at its budget), then one quiet run.
    let runs = 1;
    let busiest = first.calls;
    for (; runs < 10; runs++) {
      const mark = sim.issueComments.length;
      now();
      busiest = Math.max(busiest, (await run()).calls);
      if (sim.issueComments.length === mark) break;
    }
    now();
    const mark = sim.requests.length;
    const quiet = await run();
    if (process.env.KAWARABAN_BENCH_VERBOSE)
      console.log(
        sim.requests
          .slice(mark)
          .map((r) => r.operationId)
          .join(" "),
      );
    await sim.stop();
    rows.push([
      String(n),
      String(first.calls),
      fmtSeconds(first.seconds),
      fmtMB(first.peakMB),
      `${runs} (max ${busiest} calls)`,
      String(quiet.calls),
      fmtSeconds(quiet.seconds),
      fmtMB(quiet.peakMB),
    ]);
  }
  const readme = await readFile(path.join(repoRoot, "pipeline/commands/desk.ts"), "utf8");
  const budget = /DESK_BUDGET = (\d+)/.exec(readme)?.[1];
  return `## desk sync against the GitHub stand-in (budget ${budget} calls a run)\n\n${table(rows)}`;
}
