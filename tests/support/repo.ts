import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { afterAll } from "vitest";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
/**
 * The template's sample site as the engine's tests know it: config, articles, photos, briefs and
 * the lint configuration. It lives under tests/ (the engine), not at the repository's root (the
 * city's content), so a city's repository with its own content still passes `npm test`, and
 * `kawaraban doctor` recognises the samples a city has not removed yet.
 */
export const SAMPLE_ROOT = path.join(REPO_ROOT, "tests", "fixtures", "sample-site");
export const fixture = (...parts: string[]) => path.join(REPO_ROOT, "tests", "fixtures", ...parts);

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh temporary folder, removed after the test file. */
export async function tempDir(prefix = "kawaraban-"): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Copies a folder (symlinks kept as links) into a temp dir. */
export async function copyTree(from: string): Promise<string> {
  const dir = await tempDir();
  await cp(from, dir, { recursive: true, verbatimSymlinks: true });
  return dir;
}

export function git(cwd: string, ...args: string[]): string {
  return gitAt(cwd, undefined, ...args);
}

/** git with fixed identities and, when given, a controlled date for author and committer. */
export function gitAt(cwd: string, date: string | undefined, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "テスト",
      GIT_AUTHOR_EMAIL: "test@example.test",
      GIT_COMMITTER_NAME: "テスト",
      GIT_COMMITTER_EMAIL: "test@example.test",
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
      ...(date && { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }),
    },
  });
}

/** A real git repository with everything in `dir` committed on `main`. */
export function initRepo(dir: string): void {
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "initial");
}

/** A PR: a branch with one commit (written at `writtenAt`), merged into main with --no-ff at `mergedAt`. */
export async function mergePr(root: string, branch: string, writtenAt: string, mergedAt: string, change: () => Promise<void>): Promise<void> {
  gitAt(root, writtenAt, "switch", "-q", "-c", branch);
  await change();
  gitAt(root, writtenAt, "add", "-A");
  gitAt(root, writtenAt, "commit", "-q", "-m", branch);
  gitAt(root, mergedAt, "switch", "-q", "main");
  gitAt(root, mergedAt, "merge", "-q", "--no-ff", "-m", `Merge ${branch}`, branch);
}

/**
 * When the tests read their histories: after every date the fixtures write. The ledger never
 * trusts a commit dated after "now", so fixtures dated later than the real clock read as of this.
 */
export const READ_AT = new Date("2027-03-31T12:00:00+09:00");
