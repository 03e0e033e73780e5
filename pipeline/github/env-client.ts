import { UsageError, type Io } from "../cli-io.ts";
import { createGithubClient, type GithubClient } from "./client.ts";
import type { Repo } from "./pr-report.ts";

/**
 * Who the bot is: markers are trusted only in its comments, issues and PRs. GITHUB_TOKEN posts as
 * github-actions[bot]; a GitHub App token as `<app slug>[bot]` (the workflows pass it).
 */
export const botLoginOf = (env: NodeJS.ProcessEnv) => env.KAWARABAN_BOT_LOGIN || "github-actions[bot]";

/** The GitHub client a command uses in Actions: GITHUB_TOKEN and GITHUB_REPOSITORY, or a Japanese usage error. */
export function githubFromEnv(io: Io): { client: GithubClient; repo: Repo; botLogin: string } {
  const token = io.env.GITHUB_TOKEN;
  const [owner, repo] = (io.env.GITHUB_REPOSITORY ?? "").split("/");
  if (!token || !owner || !repo) throw new UsageError("GITHUB_TOKEN と GITHUB_REPOSITORY（owner/repo）が必要です。");
  const client = createGithubClient({
    token,
    baseUrl: io.env.GITHUB_API_URL,
    log: (l) => io.stderr.write(`${l}\n`),
    fast: io.env.KAWARABAN_TEST_FAST_GITHUB === "1",
  });
  return { client, repo: { owner, repo }, botLogin: botLoginOf(io.env) };
}
