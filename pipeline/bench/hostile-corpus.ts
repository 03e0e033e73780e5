import { copyFile, mkdir, readFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import path from "node:path";

export interface HostileCase {
  from: string;
  to: string;
  /** built: admitted, built and billed; refused: check errors and nothing is built or billed; flagged: check errors (a photo). */
  expect: "built" | "refused" | "flagged";
}

export interface HostileCorpus {
  cases: HostileCase[];
  assets: { from: string; to: string }[];
}

/**
 * Puts the hostile corpus (tests/fixtures/hostile) into a repository that already holds the
 * template's content and lint config, and commits everything to main directly (as a careless
 * or hostile push would), dated 2026-11-25 in Japan. Used by its end-to-end test and the bench.
 */
export async function populateHostileRepo(root: string, repoRoot: string): Promise<HostileCorpus> {
  // The engine's own fixtures (tests/), never the city's content at the root.
  const fixtures = path.join(repoRoot, "tests", "fixtures", "hostile");
  const corpus = JSON.parse(await readFile(path.join(fixtures, "cases.json"), "utf8")) as HostileCorpus;
  for (const c of corpus.cases) {
    await mkdir(path.dirname(path.join(root, c.to)), { recursive: true });
    await copyFile(path.join(fixtures, "files", c.from), path.join(root, c.to));
  }
  await copyFile(path.join(repoRoot, "tests/fixtures/sample-site/assets/2026/11/satoyama.jpg"), path.join(root, "assets/2026/11/photo.jpg"));
  for (const a of corpus.assets) await copyFile(path.join(fixtures, "assets", a.from), path.join(root, a.to));
  const date = "2026-11-25T10:00:00+09:00";
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: "bench",
    GIT_AUTHOR_EMAIL: "b@example.test",
    GIT_COMMITTER_NAME: "bench",
    GIT_COMMITTER_EMAIL: "b@example.test",
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
  };
  for (const args of [
    ["init", "-q", "-b", "main"],
    ["add", "-A"],
    ["commit", "-q", "-m", "hostile corpus"],
  ])
    execFileSync("git", args, { cwd: root, env });
  return corpus;
}
