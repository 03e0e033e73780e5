import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { arrivals } from "../../pipeline/invoice/merge-policy.ts";
import type { HistoryCommit } from "../../pipeline/git/history.ts";
import type { Config } from "../../pipeline/article/config.ts";
import { jstMonth } from "../../pipeline/jst.ts";

/**
 * The trusted-date rule as a property over whole histories: honest GitHub merges arrive in the
 * order of their dates and never from the future; a forged commit has the policy's shape and any
 * date at all. Whatever the forged date and wherever it lands, no honest merge after it is held
 * or moved, and the forged one is never billed by a date it could not have.
 */
const NOW = Date.parse("2026-12-02T12:00:00+09:00");
const DAY = 24 * 60 * 60 * 1000;
const policy = { billing: { mergePolicy: "merge-commit" } } as unknown as Config;
const merge = (sha: string, time: number): HistoryCommit => ({ sha, date: new Date(time), parents: 2, committerEmail: "noreply@github.com", changes: [] });

/** Honest merges: strictly later each time, all before now. */
const honestTimes = fc.array(fc.integer({ min: 60_000, max: 5 * DAY }), { minLength: 1, maxLength: 30 }).map((steps) => {
  let t = NOW - 200 * DAY;
  return steps.map((s) => (t += s));
});

/** Any date a forger might write: far past, inside the history's span, just before now, the future, 2099. */
const forgedTime = fc.oneof(
  fc.integer({ min: NOW - 400 * DAY, max: NOW }),
  fc.integer({ min: NOW - 200 * DAY, max: NOW - 100 * DAY }),
  fc.integer({ min: NOW + 1000 * 60, max: NOW + 40 * DAY }),
  fc.constant(Date.parse("2099-09-09T09:00:00+09:00")),
);

const history = (times: number[], forged: number, at: number) => {
  const commits = times.map((t, i) => merge(`h${i}`, t));
  commits.splice(at, 0, merge("forged", forged));
  return [merge("root", NOW - 300 * DAY), ...commits];
};

describe("trusted dates cannot poison what comes after them", () => {
  it("bills every honest merge after a forged commit by its own date, whatever the forged date", () => {
    fc.assert(
      fc.property(honestTimes, forgedTime, fc.nat(), (times, forged, pos) => {
        const at = pos % (times.length + 1);
        const commits = history(times, forged, at);
        const result = arrivals(commits, () => policy, {}, NOW);
        commits.forEach((c, i) => {
          if (!c.sha.startsWith("h") || i <= at + 1) return;
          expect(result[i]).toEqual({ month: jstMonth(c.date), date: expect.any(String) });
        });
      }),
      { numRuns: 300 },
    );
  });

  it("never bills a forged commit in a month it could not have arrived in", () => {
    fc.assert(
      fc.property(honestTimes, forgedTime, fc.nat(), (times, forged, pos) => {
        const at = pos % (times.length + 1);
        const commits = history(times, forged, at);
        const i = at + 1;
        const arrival = arrivals(commits, () => policy, {}, NOW)[i]!;
        const after = i + 1 < commits.length ? commits[i + 1]!.date.getTime() : NOW;
        if (forged > after + 60_000) {
          // Later than the next commit, or than now: held, reported in the month it really arrived in.
          expect(arrival.held).toBe(true);
          expect(arrival.month).toBe(jstMonth(new Date(after)));
        }
        // Dated before what main already had, with two commits before it that witness the order: never trusted.
        // (Against a single witness, the later commit is believed: see trustedChain.)
        const witnesses = commits.slice(0, i).filter((c) => c.date.getTime() > forged + 60_000).length;
        if (witnesses >= 2) expect(arrival.violation).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });

  it("holds a 2099 merge commit and keeps billing the honest merges of the month it arrived in", () => {
    const times = [Date.parse("2026-11-02T10:00:00+09:00"), Date.parse("2026-11-10T10:00:00+09:00"), Date.parse("2026-11-20T10:00:00+09:00")];
    const commits = history(times, Date.parse("2099-09-01T10:00:00+09:00"), 1);
    const result = arrivals(commits, () => policy, {}, NOW);
    expect(result.map((a) => [a.month, a.held ?? false])).toEqual([
      [jstMonth(commits[0]!.date), false],
      ["2026-11", false],
      ["2026-11", true],
      ["2026-11", false],
      ["2026-11", false],
    ]);
    expect(result[2]!.violation).toContain("未来");
  });
});
