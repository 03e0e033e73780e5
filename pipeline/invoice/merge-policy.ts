import type { HistoryCommit } from "../git/history.ts";
import type { Config } from "../article/config.ts";
import { jstDate, jstMonth } from "../jst.ts";

/**
 * When each commit reached main, as far as the ledger can trust it.
 *
 * A commit's dates are whatever its maker wrote (`GIT_COMMITTER_DATE`), so a writer's commit
 * that reaches main as it is (a fast-forward, a direct push, a rebase) carries a date the writer
 * chose. Under the merge policy a city sets on GitHub (`billing.mergePolicy`), every commit on
 * main's first-parent line is made by GitHub at the moment the PR is merged:
 * - `merge-commit`: "Create a merge commit" only — GitHub always makes a merge commit (two
 *   parents), even when a fast-forward would do; the writer's commits sit behind it.
 * - `squash`: "Squash and merge" only — GitHub makes one commit with itself as committer
 *   (noreply@github.com).
 * A commit that does not have that shape, or whose date runs backwards against the commits
 * already trusted, violates the policy: its articles are held for city staff, who can accept it
 * with the month to pay in (`billing.accepted`). The policy in force is the config before the
 * commit (a commit cannot switch the policy off for itself); the root commit and commits before
 * a policy was configured are taken as recorded (the repository's own setup history).
 */
export interface Arrival {
  /** YYYY-MM (Japan time) to bill in. */
  month: string;
  /** YYYY-MM-DD (Japan time): when it reached main, for the statement. */
  date: string;
  /** Why the commit's date cannot be trusted (Japanese); absent when it can, or city staff accepted it. */
  violation?: string;
}

export interface PolicyViolation {
  commit: string;
  /** The date the commit claims (ISO 8601), for city staff to compare. */
  recordedAt: string;
  /** The month it is reported in: the first trusted month by which it was certainly on main. */
  month: string;
  reason: string;
  paths: string[];
}

/** GitHub's own committer identity on the merge and squash commits it makes. */
export const GITHUB_COMMITTER = "noreply@github.com";
/** GitHub's clocks agree to well within this; a larger step backwards is a written date. */
const CLOCK_SLACK_MS = 60_000;

export function arrivals(history: readonly HistoryCommit[], configAt: (index: number) => Config | undefined, accepted: Readonly<Record<string, string>> = {}): Arrival[] {
  const acceptedMonth = (sha: string) => Object.entries(accepted).find(([prefix]) => sha.startsWith(prefix))?.[1];
  const result: Arrival[] = [];
  let trustedUpTo = -Infinity;
  history.forEach((commit, index) => {
    const time = commit.date.getTime();
    const policy = index === 0 ? undefined : configAt(index - 1)?.billing?.mergePolicy;
    const reason = policy ? violationOf(commit, policy, trustedUpTo) : undefined;
    if (!reason) {
      trustedUpTo = Math.max(trustedUpTo, time);
      result.push({ month: jstMonth(commit.date), date: jstDate(commit.date) });
      return;
    }
    const month = acceptedMonth(commit.sha);
    if (month) {
      const date = jstMonth(commit.date) === month ? jstDate(commit.date) : `${month}-01`;
      result.push({ month, date });
      return;
    }
    result.push({ month: "", date: "", violation: reason });
  });
  // A held commit is reported in the month of the next trusted commit (by then it was certainly
  // on main), or of the last trusted one before it when nothing trusted came after.
  let next: Arrival | undefined;
  for (let i = result.length - 1; i >= 0; i--) {
    const arrival = result[i]!;
    if (!arrival.violation) next = arrival;
    else if (next) Object.assign(arrival, { month: next.month, date: next.date });
  }
  let previous: Arrival | undefined;
  for (const arrival of result) {
    if (!arrival.violation) previous = arrival;
    else if (!arrival.month) Object.assign(arrival, previous ? { month: previous.month, date: previous.date } : { month: jstMonth(history[0]!.date), date: jstDate(history[0]!.date) });
  }
  return result;
}

function violationOf(commit: HistoryCommit, policy: "merge-commit" | "squash", trustedUpTo: number): string | undefined {
  if (policy === "merge-commit" && commit.parents < 2) return "マージコミットではありません（main への直接の push か、早送りのマージです）";
  if (policy === "squash" && commit.committerEmail !== GITHUB_COMMITTER) return "GitHub の「Squash and merge」で作られたコミットではありません";
  if (commit.date.getTime() < trustedUpTo - CLOCK_SLACK_MS) return "日時が、それより前に main に入ったコミットより前になっています（日時が書き換えられています）";
  return undefined;
}

/** The violations city staff must look at: held commits that changed anything under articles/. */
export function policyViolations(history: readonly HistoryCommit[], arrived: readonly Arrival[]): PolicyViolation[] {
  return history.flatMap((commit, index) => {
    const arrival = arrived[index]!;
    const paths = commit.changes.filter((c) => c.path.startsWith("articles/")).map((c) => c.path);
    if (!arrival.violation || paths.length === 0) return [];
    return [{ commit: commit.sha, recordedAt: commit.date.toISOString(), month: arrival.month, reason: arrival.violation, paths }];
  });
}
