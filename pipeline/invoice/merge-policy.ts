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
 * The shape is necessary but not enough: anyone who can push to main can make a merge commit,
 * or a commit under noreply@github.com, with any date. So a date is trusted only when it also
 * agrees with the order the commits arrived in: GitHub's merges reach main in the order of their
 * dates, never from the future. See `trustedChain`.
 *
 * A commit that is not trusted is reported to city staff. Its articles are billed by its date
 * only when that date is possible (between the trusted commits around it, and not in the
 * future); otherwise they are held until city staff accept the commit with the month to pay in
 * (`billing.accepted`), and the commit is reported in the month it really arrived in: the month
 * of the next trusted commit (the current month when none came yet). The policy in force is the
 * config before the commit (a commit cannot switch it off for itself); the root commit and
 * commits before a policy was configured have no shape to meet, but their dates are ordered too.
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
  /** The month it is reported in: the month it arrived in, as far as trusted commits tell. */
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
  const shapes = history.map((commit, index) => {
    const policy = index === 0 ? undefined : configAt(index - 1)?.billing?.mergePolicy;
    return policy ? shapeViolation(commit, policy) : undefined;
  });
  const chain = trustedChain(history, shapes, now);
  const result: Arrival[] = history.map((commit, index) => {
    if (chain.trusted[index]) return { month: jstMonth(commit.date), date: jstDate(commit.date) };
    const month = acceptedMonth(commit.sha);
    if (month) return { month, date: jstMonth(commit.date) === month ? jstDate(commit.date) : `${month}-01` };
    return { month: "", date: "", violation: shapes[index] ?? (chain.future[index] ? FUTURE : OUT_OF_ORDER) };
  });
  // Between the trusted (or accepted) commits around it: billed by its own date, reported.
  // Anywhere else: held, and reported in the month of the next trusted commit.
  const settled = (i: number) => !result[i]!.violation;
  let next: number | undefined;
  const nowArrival = { month: jstMonth(new Date(now)), date: jstDate(new Date(now)) };
  const previousSettled = previousIndex(result.length, settled);
  for (let i = result.length - 1; i >= 0; i--) {
    if (settled(i)) {
      next = i;
      continue;
    }
    const time = history[i]!.date.getTime();
    const floor = previousSettled[i] === undefined ? -Infinity : history[previousSettled[i]!]!.date.getTime();
    const ceiling = Math.min(next === undefined ? Infinity : history[next]!.date.getTime(), now);
    const possible = shapes[i] !== undefined && time >= floor - CLOCK_SLACK_MS && time <= ceiling + CLOCK_SLACK_MS;
    const arrival = result[i]!;
    if (possible) Object.assign(arrival, { month: jstMonth(history[i]!.date), date: jstDate(history[i]!.date), held: false });
    else {
      const where = next === undefined ? nowArrival : result[next]!;
      const violation = shapes[i] ? `${shapes[i]}。日時も、前後のコミットの日時と合いません` : arrival.violation;
      Object.assign(arrival, { month: where.month, date: where.date, violation, held: true });
    }
  }
  return result;
}

/** For each index, the nearest earlier index where `keep` holds. */
function previousIndex(length: number, keep: (i: number) => boolean): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  let last: number | undefined;
  for (let i = 0; i < length; i++) {
    out.push(last);
    if (keep(i)) last = i;
  }
  return out;
}

/**
 * The commits whose dates are trusted: the largest set of commits of the policy's shape whose
 * dates rise in the order they reached main (to the minute), none in the future — a forged date,
 * forwards or backwards, breaks that order and drops out, while every honest merge around it
 * stays. Commits of the wrong shape are never trusted, but they count as witnesses of the order
 * when two explanations are otherwise equal; a remaining tie distrusts the earlier commit (its
 * date is later than the next one's). A weighted longest non-decreasing subsequence, O(n log n).
 */
function trustedChain(history: readonly HistoryCommit[], shapes: readonly (string | undefined)[], now: number) {
  const SHAPED = history.length + 1; // one commit of the right shape outweighs every witness together
  const minute = (i: number) => Math.floor(history[i]!.date.getTime() / CLOCK_SLACK_MS);
  const future = history.map((c) => c.date.getTime() > now + CLOCK_SLACK_MS);
  const keys = [...new Set(history.map((_, i) => minute(i)))].sort((a, b) => a - b);
  const rank = new Map(keys.map((k, i) => [k, i + 1]));
  // Fenwick tree over date ranks: the best chain ending at or before a rank, ties to the later commit.
  const tree: { score: number; index: number }[] = Array.from({ length: keys.length + 1 }, () => ({ score: 0, index: -1 }));
  const better = (a: { score: number; index: number }, b: { score: number; index: number }) => a.score > b.score || (a.score === b.score && a.index > b.index);
  const parent: number[] = [];
  const score: number[] = [];
  let best = { score: 0, index: -1 };
  history.forEach((_, i) => {
    parent.push(-1);
    score.push(0);
    if (future[i]) return;
    let before = { score: 0, index: -1 };
    for (let r = rank.get(minute(i))!; r > 0; r -= r & -r) if (better(tree[r]!, before)) before = tree[r]!;
    score[i] = before.score + (shapes[i] === undefined ? SHAPED : 1);
    parent[i] = before.index;
    const entry = { score: score[i]!, index: i };
    for (let r = rank.get(minute(i))!; r <= keys.length; r += r & -r) if (better(entry, tree[r]!)) tree[r] = entry;
    if (better(entry, best)) best = entry;
  });
  const trusted = history.map(() => false);
  for (let i = best.index; i >= 0; i = parent[i]!) if (shapes[i] === undefined) trusted[i] = true;
  return { trusted, future };
}

const FUTURE = "日時が、集計した時点より先（未来）になっています（日時が書き換えられています）";
const OUT_OF_ORDER = "日時が、main に入った順番と合いません（前後のコミットの日時と食い違っていて、日時が書き換えられています）";

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
