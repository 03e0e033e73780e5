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
 * already trusted, violates the policy and is reported to city staff. Its articles are billed by
 * its date only when that date is possible (between the trusted commits around it, not in the
 * future); otherwise they are held until city staff accept the commit with the month to pay in
 * (`billing.accepted`). The policy in force is the config before the
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
  /** A violation whose date is impossible: its articles wait for city staff (billing.accepted). */
  held?: boolean;
}

export interface PolicyViolation {
  commit: string;
  /** The date the commit claims (ISO 8601), for city staff to compare. */
  recordedAt: string;
  /** The month it is reported in: the first trusted month by which it was certainly on main. */
  month: string;
  reason: string;
  paths: string[];
  /** Its articles are held (an impossible date); otherwise they were billed by the commit's date. */
  held: boolean;
}

/** GitHub's own committer identity on the merge and squash commits it makes. */
export const GITHUB_COMMITTER = "noreply@github.com";
/** GitHub's clocks agree to well within this; a larger step backwards is a written date. */
const CLOCK_SLACK_MS = 60_000;

export function arrivals(
  history: readonly HistoryCommit[],
  configAt: (index: number) => Config | undefined,
  accepted: Readonly<Record<string, string>> = {},
  now = Date.now(),
): Arrival[] {
  const acceptedMonth = (sha: string) => Object.entries(accepted).find(([prefix]) => sha.startsWith(prefix))?.[1];
  const result: Arrival[] = [];
  const trusted: boolean[] = [];
  const backwards: boolean[] = [];
  let trustedUpTo = -Infinity;
  history.forEach((commit, index) => {
    const time = commit.date.getTime();
    const policy = index === 0 ? undefined : configAt(index - 1)?.billing?.mergePolicy;
    const shape = policy ? shapeViolation(commit, policy) : undefined;
    const early = policy !== undefined && time < trustedUpTo - CLOCK_SLACK_MS;
    trusted.push(!shape && !early);
    backwards.push(early);
    if (!shape && !early) {
      trustedUpTo = Math.max(trustedUpTo, time);
      result.push({ month: jstMonth(commit.date), date: jstDate(commit.date) });
      return;
    }
    const month = acceptedMonth(commit.sha);
    if (month) {
      const date = jstMonth(commit.date) === month ? jstDate(commit.date) : `${month}-01`;
      result.push({ month, date });
      trusted[index] = true;
      return;
    }
    result.push({ month: "", date: "", violation: early ? BACKWARDS : shape! });
  });
  // A violating commit whose date is possible (not before what main already had, not after the
  // next trusted commit, not in the future) is billed by that date and reported; one whose date is
  // impossible (2099, or last September after November's merges) is held until city staff decide.
  let nextTrusted = Infinity;
  let next: Arrival | undefined;
  for (let i = result.length - 1; i >= 0; i--) {
    const arrival = result[i]!;
    if (trusted[i]) {
      next = arrival;
      nextTrusted = history[i]!.date.getTime();
      continue;
    }
    const time = history[i]!.date.getTime();
    if (!backwards[i] && time <= Math.min(nextTrusted, now + DAY_MS) + CLOCK_SLACK_MS) {
      Object.assign(arrival, { month: jstMonth(history[i]!.date), date: jstDate(history[i]!.date), held: false });
      continue;
    }
    arrival.held = true;
    // Reported in the month of the next trusted commit (by then it was certainly on main).
    if (next) Object.assign(arrival, { month: next.month, date: next.date });
  }
  let previous: Arrival | undefined;
  for (const arrival of result) {
    if (!arrival.violation) previous = arrival;
    else if (!arrival.month)
      Object.assign(
        arrival,
        previous ? { month: previous.month, date: previous.date } : { month: jstMonth(history[0]!.date), date: jstDate(history[0]!.date) },
      );
  }
  return result;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const BACKWARDS = "日時が、それより前に main に入ったコミットより前になっています（日時が書き換えられています）";

function shapeViolation(commit: HistoryCommit, policy: "merge-commit" | "squash"): string | undefined {
  if (policy === "merge-commit" && commit.parents < 2) return "マージコミットではありません（main への直接の push か、早送りのマージです）";
  if (policy === "squash" && commit.committerEmail !== GITHUB_COMMITTER) return "GitHub の「Squash and merge」で作られたコミットではありません";
  return undefined;
}

/** The violations city staff must look at: held commits that changed anything under articles/. */
export function policyViolations(history: readonly HistoryCommit[], arrived: readonly Arrival[]): PolicyViolation[] {
  return history.flatMap((commit, index) => {
    const arrival = arrived[index]!;
    const paths = commit.changes.filter((c) => c.path.startsWith("articles/")).map((c) => c.path);
    if (!arrival.violation || paths.length === 0) return [];
    return [{ commit: commit.sha, recordedAt: commit.date.toISOString(), month: arrival.month, reason: arrival.violation, paths, held: arrival.held === true }];
  });
}
