import { describe, it, expect, afterAll } from "vitest";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { REPO_ROOT, gitAt } from "../support/repo.ts";
import { runCli } from "../support/cli.ts";
import { copySampleContent } from "../support/sample-repo.ts";
import { GithubSim } from "../support/github-sim.ts";
import { DESK_BUDGET } from "../../pipeline/commands/desk.ts";

/**
 * The desk as GitHub really behaves and as strangers act: leftover branches of closed PRs, fork
 * PRs citing a brief, forged markers, spam forms, side-bar assignments by anyone, more claims
 * than capacity, a failing call — none stops the desk, blocks a claim or breaks a limit.
 */
const NOW = new Date("2026-12-15T03:00:00Z");
const EDITOR = "hibarino-henshu";
const brief = (title: string, deadline: string, issue: number) => `title: "${title}"\ncategory: kurashi\ndeadline: ${deadline}\nissue: ${issue}\n`;
const sims: GithubSim[] = [];
afterAll(async () => Promise.all(sims.map((s) => s.stop())));

async function world(briefs: { slug: string; issue: number; deadline?: string }[]) {
  const root = await copySampleContent();
  await rm(path.join(root, "briefs"), { recursive: true, force: true });
  await rm(path.join(root, "articles"), { recursive: true, force: true });
  await mkdir(path.join(root, "briefs/2026-12"), { recursive: true });
  await mkdir(path.join(root, "articles"), { recursive: true });
  await writeFile(path.join(root, "articles/.gitkeep"), "");
  for (const b of briefs) await writeFile(path.join(root, `briefs/2026-12/${b.slug}.yml`), brief(`依頼 ${b.slug}`, b.deadline ?? "2026-12-28", b.issue));
  gitAt(root, "2026-12-01T09:00:00+09:00", "init", "-q", "-b", "main");
  gitAt(root, "2026-12-01T09:00:00+09:00", "add", "-A");
  gitAt(root, "2026-12-01T09:00:00+09:00", "commit", "-q", "-m", "briefs");
  const sim = await new GithubSim().start();
  sims.push(sim);
  for (const login of ["hinata-writes", "komorebi-writes"]) sim.collaborators.add(login);
  for (const b of briefs) sim.issues.push({ number: b.issue, title: `【記事の依頼】${b.slug}`, body: "", labels: ["記事の依頼"], state: "open", user: EDITOR });
  // The files main has, with their blob shas (the contents API wants the sha to replace one).
  for (const line of gitAt(root, undefined, "ls-tree", "-r", "HEAD", "briefs").trim().split("\n")) {
    const [meta, file] = line.split("\t") as [string, string];
    sim.existingFiles.set(file, meta.split(" ")[2]!);
  }
  sim.repoLabels.push({ name: "記事の依頼", color: "0075ca" });
  const env = { GITHUB_TOKEN: "test-token", GITHUB_REPOSITORY: "hibarino/kawaraban", GITHUB_API_URL: sim.url, KAWARABAN_TEST_FAST_GITHUB: "1" };
  // One clock for GitHub and the desk: each run an hour after the last, each comment a minute after the last event.
  let clock = NOW.getTime();
  const tick = (ms: number) => {
    clock += ms;
    sim.time = new Date(clock).toISOString();
  };
  const sync = (...extra: string[]) => {
    tick(3_600_000);
    return runCli(["desk", "sync", ...extra], root, env, new Date(clock));
  };
  const comment = (issue: number, user: string, body: string) => {
    tick(60_000);
    return sim.comment(issue, user, body);
  };
  const repliesOn = (issue: number) => sim.issueComments.filter((c) => c.issue === issue && c.user === "github-actions[bot]").map((c) => c.body);
  return { root, sim, env, sync, comment, repliesOn };
}

describe("the desk against GitHub's leftovers and strangers", () => {
  it("proposes a claim again on the branch a closed desk PR left behind, and answers every other issue in the same run", async () => {
    const w = await world([
      { slug: "a", issue: 11 },
      { slug: "b", issue: 12 },
    ]);
    w.comment(11, "hinata-writes", "/引き受けます");
    expect((await w.sync()).code).toBe(0);
    const first = [...w.sim.pulls.values()].find((p) => p.head === "desk/claim-2026-12-a")!;
    first.state = "closed"; // the editor declined; GitHub keeps the branch
    expect(w.sim.branches.has("desk/claim-2026-12-a")).toBe(true);
    w.comment(11, "komorebi-writes", "/引き受けます");
    w.comment(12, "hinata-writes", "/引き受けます");
    const again = await w.sync();
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout.split("\n")[0]!).claimsProposed.sort()).toEqual(["2026-12/a", "2026-12/b"]);
    expect([...w.sim.pulls.values()].filter((p) => p.head === "desk/claim-2026-12-a" && (p.state ?? "open") === "open")).toHaveLength(1);
    // The declined claim is not proposed again by itself: hinata's assignment is the desk's own, not an editor's.
    const third = await w.sync();
    expect(JSON.parse(third.stdout.split("\n")[0]!)).toEqual({ briefsProposed: [], answered: 0, claimsProposed: [] });
    expect(w.sim.violations).toEqual([]);
  }, 60_000);

  it("never lets a stranger's fork PR or a forged marker block or drop a writer's claim", async () => {
    const w = await world([{ slug: "c", issue: 21 }]);
    const fork = "6".repeat(40);
    w.sim.pulls.set(99, {
      number: 99,
      draft: false,
      merged: false,
      headSha: fork,
      baseSha: "a".repeat(40),
      author: "stranger",
      head: "x",
      headRepo: "stranger/fork",
      files: [{ filename: "articles/2026/12/c.md", status: "added" }],
    });
    w.sim.files.set(`${fork}:articles/2026/12/c.md`, {
      bytes: Buffer.from("---\ntitle: 横取り\nwriter: hinata\ndate: 2026-12-05\nsummary: 概要です。\nbrief: 2026-12/c\n---\n\n本文です。\n"),
    });
    w.comment(21, "hinata-writes", "/引き受けます");
    const claimId = w.sim.issueComments.at(-1)!.id;
    w.comment(21, "stranger", `<!-- kawaraban:desk-reply=c${claimId} --> 返事済みです`);
    const run = await w.sync();
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout.split("\n")[0]!).claimsProposed).toEqual(["2026-12/c"]);
    expect(w.repliesOn(21).join("\n")).toContain("hinata さんが依頼「依頼 c」");
  }, 60_000);

  it("counts pending claims against capacity: five claims in one run never pass a capacity of two", async () => {
    const w = await world([1, 2, 3, 4, 5].map((n) => ({ slug: `k${n}`, issue: 30 + n })));
    for (let n = 1; n <= 5; n++) w.comment(30 + n, "komorebi-writes", "/引き受けます"); // komorebi: capacity 2
    const run = await w.sync();
    expect(JSON.parse(run.stdout.split("\n")[0]!).claimsProposed).toEqual(["2026-12/k1", "2026-12/k2"]);
    expect(w.repliesOn(35).join("\n")).toContain("上限（2 件）");
  }, 60_000);

  it("takes a side-bar assignment only from an editor, and says so to anyone else", async () => {
    const w = await world([
      { slug: "d", issue: 41 },
      { slug: "e", issue: 42 },
    ]);
    for (const [issue, actor] of [
      [41, "someone-with-triage"],
      [42, EDITOR],
    ] as const) {
      w.sim.issues.find((i) => i.number === issue)!.assignees = ["hinata-writes"];
      w.sim.issueEvents.push({ id: w.sim.id(), issue, event: "assigned", actor, assignee: "hinata-writes", created_at: "2026-12-15T01:00:00Z" });
    }
    const run = await w.sync();
    expect(JSON.parse(run.stdout.split("\n")[0]!).claimsProposed).toEqual(["2026-12/e"]);
    expect(w.repliesOn(41).join("\n")).toContain("GitHub の画面で担当者にしても、依頼の割り当てにはなりません");
  }, 60_000);

  it("answers 50 spam forms once each within its budget, then costs little; a genuine claim in the same run is answered", async () => {
    const w = await world([{ slug: "f", issue: 51 }]);
    w.sim.repoLabels.length = 0; // a repository made from the template: no labels yet
    const form = await readFile(path.join(REPO_ROOT, "tests/fixtures/desk/issue-body.md"), "utf8");
    for (let n = 0; n < 50; n++) w.sim.issues.push({ number: 100 + n, title: "spam", body: form, labels: ["記事の依頼"], state: "open", user: `spammer-${n}` });
    w.comment(51, "hinata-writes", "/引き受けます");
    const before = w.sim.requests.length;
    const first = await w.sync();
    expect(first.code, first.stderr).toBe(0);
    const firstCalls = w.sim.requests.length - before;
    expect(firstCalls).toBeLessThanOrEqual(DESK_BUDGET);
    expect(w.sim.pulls.size).toBe(1); // spam forms open no PR
    expect(w.repliesOn(120)).toHaveLength(1);
    expect(w.repliesOn(51).join("\n")).toContain("hinata さんが依頼");
    expect(w.sim.repoLabels.map((l) => l.name).sort()).toEqual(["依頼の状況", "記事の依頼"]);
    for (const issue of w.sim.issues) issue.updated_at = "2026-12-15T00:00:00Z"; // nothing changed since the first run
    const mark = w.sim.requests.length;
    await w.sync();
    const secondCalls = w.sim.requests.length - mark;
    expect(secondCalls).toBeLessThan(20);
    expect(w.repliesOn(120)).toHaveLength(1);
  }, 120_000);

  it("keeps the desk issue under GitHub's body limit at 1,000 briefs", async () => {
    const briefs = Array.from({ length: 1000 }, (_, n) => ({ slug: `many-${n}`, issue: 2000 + n, deadline: n % 3 === 0 ? "2026-12-28" : "2026-10-01" }));
    const w = await world(briefs);
    w.sim.issues.length = 0; // no brief issue to answer: only the desk issue is written
    const run = await w.sync();
    expect(run.code, run.stderr).toBe(0);
    const desk = w.sim.issues.find((i) => i.labels.includes("依頼の状況"))!;
    expect(desk.body.length).toBeLessThan(65_536);
    expect(desk.body).toContain("イシューの文字数の上限のため");
  }, 120_000);

  it("reports a refused call for one issue and still answers the others; the next run retries it", async () => {
    const w = await world([
      { slug: "g", issue: 61 },
      { slug: "h", issue: 62 },
    ]);
    w.comment(61, "hinata-writes", "/引き受けます");
    w.comment(62, "komorebi-writes", "/引き受けます");
    w.sim.settings.actionsCanCreatePulls = false; // the repository setting is off
    const run = await w.sync();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("#61");
    expect(run.stderr).toContain("#62");
    w.sim.settings.actionsCanCreatePulls = true;
    const retry = await w.sync();
    expect(retry.code, retry.stderr).toBe(0);
    expect(JSON.parse(retry.stdout.split("\n")[0]!).claimsProposed.sort()).toEqual(["2026-12/g", "2026-12/h"]);
  }, 60_000);
});
