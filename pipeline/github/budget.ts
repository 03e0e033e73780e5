import type { GithubClient } from "./client.ts";

/** A run's API calls ran out: what is left waits for the next run (reported, never a crash). */
export class BudgetExhausted extends Error {
  constructor(readonly limit: number) {
    super(`GitHub API の呼び出しが、1 回の実行の上限（${limit} 回）に達しました。残りは次の実行で処理します。`);
  }
}

export interface Budget {
  /** Requests made so far (retries included). */
  readonly used: number;
  readonly limit: number;
}

/**
 * Caps the requests one run may make. A bot that answers strangers must not spend the
 * repository's hourly allowance (GITHUB_TOKEN: 1,000 requests an hour, shared with the PR report)
 * on what they do: past the cap every request throws `BudgetExhausted`, which the caller turns
 * into "the rest next time".
 */
export function limitRequests(client: GithubClient, limit: number): Budget {
  let used = 0;
  client.hook.before("request", () => {
    used++;
    if (used > limit) throw new BudgetExhausted(limit);
  });
  return {
    get used() {
      return used;
    },
    limit,
  };
}
