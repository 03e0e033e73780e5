import { execFileSync } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { GithubSim } from "../../tests/support/github-sim.ts";
import { fmtSeconds, measureAsync, table, type Measurement } from "./measure.ts";

/**
 * What a writer waits for 「記事の判定」: the steps of check.yml and report.yml replayed on a clean
 * clone for a one-article PR — install (cold npm cache, then warm, as setup-node restores it),
 * the one check, the privileged report against the GitHub stand-in — beside a plain textlint job
 * (install textlint and the preset, lint the file). Runner start-up and artifact transfer are not
 * here (GitHub's, tens of seconds); the README states the expected wait with them.
 */
export async function workflowBench(repoRoot: string, workDir: string): Promise<string> {
  const root = path.join(workDir, "workflow");
  await rm(root, { recursive: true, force: true });
  const git = (cwd: string, ...args: string[]) =>
    execFileSync("git", args, {
      cwd,
      encoding: "utf8",
      env: { ...process.env, GIT_AUTHOR_NAME: "w", GIT_AUTHOR_EMAIL: "w@example.test", GIT_COMMITTER_NAME: "w", GIT_COMMITTER_EMAIL: "w@example.test" },
    });
  git(workDir, "clone", "-q", repoRoot, root);
  const base = git(root, "rev-parse", "HEAD").trim();
  const sample = await readFile(path.join(repoRoot, "articles/2026/11/satoyama-walk.md"), "utf8");
  git(root, "switch", "-q", "-c", "pr");
  await mkdir(path.join(root, "articles/2026/12"), { recursive: true });
  await writeFile(path.join(root, "articles/2026/12/new-article.md"), sample.replace(/^title: .*$/m, "title: 新しい記事"));
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", "new article");
  const head = git(root, "rev-parse", "HEAD").trim();
  git(root, "switch", "-q", "--detach", base);

  const npmCache = path.join(workDir, "workflow-npm-cache");
  await rm(npmCache, { recursive: true, force: true });
  const install = () => measureAsync("npm", ["ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund"], root, { npm_config_cache: npmCache });
  const cold = await install();
  await rm(path.join(root, "node_modules"), { recursive: true, force: true });
  const warm = await install();
  // check.yml: the base tree with the PR's articles and photos overlaid, one check, no caches.
  git(root, "checkout", head, "--", "articles");
  const reportFile = path.join(workDir, "workflow-report.json");
  const check = await measureAsync("sh", ["-c", `npx kawaraban check --changed-since ${base} --no-cache --format json > ${reportFile} || true`], root);
  git(root, "checkout", base, "--", "articles");
  git(root, "clean", "-fdq", "articles");
  // report.yml: the default branch's code, the PR's head as objects, the verdict posted to the stand-in.
  const sim = await new GithubSim().start();
  let report: Measurement;
  try {
    sim.pulls.set(1, {
      number: 1,
      draft: false,
      merged: false,
      headSha: head,
      baseSha: base,
      author: "hinata-writes",
      files: [{ filename: "articles/2026/12/new-article.md", status: "added" }],
    });
    sim.commits.add(head);
    report = await measureAsync("npx", ["kawaraban", "report", "--head-sha", head, "--from", reportFile], root, {
      GITHUB_TOKEN: "test-token",
      GITHUB_REPOSITORY: "hibarino/kawaraban",
      GITHUB_API_URL: sim.url,
    });
  } finally {
    await sim.stop();
  }
  // The plain job: textlint and the preset from the registry (cold cache), then lint the file.
  const plain = path.join(workDir, "workflow-plain");
  await rm(plain, { recursive: true, force: true });
  await mkdir(plain, { recursive: true });
  await writeFile(path.join(plain, "package.json"), '{ "private": true }\n');
  await writeFile(path.join(plain, ".textlintrc.json"), '{ "rules": { "preset-ja-technical-writing": true } }\n');
  await writeFile(path.join(plain, "article.md"), sample);
  const plainCache = path.join(workDir, "workflow-plain-cache");
  await rm(plainCache, { recursive: true, force: true });
  const plainInstall = await measureAsync(
    "npm",
    ["install", "--ignore-scripts", "--no-audit", "--no-fund", "textlint", "textlint-rule-preset-ja-technical-writing"],
    plain,
    {
      npm_config_cache: plainCache,
    },
  );
  const plainLint = await measureAsync("sh", ["-c", "npx textlint article.md || true"], plain);

  const warmTotal = warm.seconds + check.seconds + warm.seconds + report.seconds;
  return `## The writer's wait for 「記事の判定」 (one-article PR, steps replayed here)\n\n${table([
    ["step", "kawaraban", "plain textlint job"],
    ["install (cold npm cache)", fmtSeconds(cold.seconds), fmtSeconds(plainInstall.seconds)],
    ["install (warm npm cache)", fmtSeconds(warm.seconds), "—"],
    ["check.yml: check the article", fmtSeconds(check.seconds), fmtSeconds(plainLint.seconds)],
    ["report.yml: verdict, review, labels", fmtSeconds(report.seconds), "—"],
    ["total step time, warm cache (check.yml + report.yml)", fmtSeconds(warmTotal), fmtSeconds(plainInstall.seconds + plainLint.seconds)],
  ])}\nInstalled: runtime dependencies only (npm ci --omit=dev --ignore-scripts). Add GitHub's runner start-up and the artifact hand-over between the two workflows (typically 20–60 s).`;
}
