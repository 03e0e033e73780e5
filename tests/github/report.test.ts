import { describe, it, expect, afterAll } from "vitest";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { GithubSim } from "../support/github-sim.ts";
import { copySampleContent } from "../support/sample-repo.ts";
import { runCli } from "../support/cli.ts";
import { git, tempDir } from "../support/repo.ts";
import { SUMMARY_MARKER, FIXED_MARKER, findingMarker } from "../../pipeline/github/findings.ts";
import type { CheckReportDocument } from "../../pipeline/github/report-input.ts";

const ARTICLE = "articles/2026/11/bousai.md";
const STAFF = "hibarino-koho";

/**
 * A real repository: main holds the samples; a PR branch makes commits on top. The report
 * re-derives the verdict from the head commit's objects, so every scenario starts from git.
 */
async function repository() {
  const root = await copySampleContent();
  git(root, "init", "-q", "-b", "main");
  git(root, "add", "-A");
  git(root, "-c", "user.name=t", "-c", "user.email=t@example.test", "commit", "-q", "-m", "base");
  const base = git(root, "rev-parse", "HEAD").trim();
  git(root, "switch", "-q", "-c", "pr");
  const commit = async (change: () => Promise<void>, message = "edit") => {
    await change();
    git(root, "add", "-A");
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.test", "commit", "-q", "-m", message);
    return git(root, "rev-parse", "HEAD").trim();
  };
  /** The PR's files as GitHub lists them: status and the hunks of the patch. */
  const files = (head: string) =>
    git(root, "diff", "--name-status", "--no-renames", base, head)
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((line) => {
        const [status, filename] = line.split("\t") as [string, string];
        const diff = git(root, "diff", "-U3", base, head, "--", filename);
        const patch = diff.slice(diff.indexOf("@@"));
        return { filename, status: status === "A" ? "added" : status === "D" ? "removed" : "modified", patch };
      });
  // Back on main, as the privileged job's checkout of the default branch is.
  const checkoutMain = () => git(root, "switch", "-q", "main");
  return { root, base, commit, files, checkoutMain };
}

const edit =
  (root: string, from: string, to: string, file = ARTICLE) =>
  async () => {
    const full = path.join(root, file);
    await writeFile(full, (await readFile(full, "utf8")).replace(from, to));
  };

async function world() {
  const repo = await repository();
  const head = await repo.commit(edit(repo.root, "まずは家にあるもの", "まずは家ににあるもの"));
  repo.checkoutMain();
  const sim = await new GithubSim().start();
  sims.push(sim);
  const setHead = (sha: string) =>
    sim.pulls.set(7, { number: 7, draft: false, merged: false, headSha: sha, baseSha: repo.base, author: "hinata-gh", files: repo.files(sha) });
  setHead(head);
  sim.commits.add(head);
  const dir = await tempDir();
  const summaryFile = path.join(dir, "step-summary.md");
  const run = async (args: string[], artifact?: unknown, env: Record<string, string> = {}) => {
    const extra: string[] = [];
    if (artifact !== undefined) {
      const file = path.join(dir, "report.json");
      await writeFile(file, typeof artifact === "string" ? artifact : JSON.stringify(artifact));
      extra.push("--from", file);
    }
    return runCli(["report", ...args, ...extra], repo.root, {
      GITHUB_TOKEN: "test-token",
      GITHUB_REPOSITORY: "hibarino/kawaraban",
      GITHUB_API_URL: sim.url,
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_STEP_SUMMARY: summaryFile,
      KAWARABAN_TEST_FAST_GITHUB: "1",
      ...env,
    });
  };
  return { sim, run, summaryFile, head, repo, setHead };
}

const sims: GithubSim[] = [];
afterAll(async () => Promise.all(sims.map((s) => s.stop())));

const clean: CheckReportDocument = { version: 1, files: [{ path: ARTICLE, messages: [] }], summary: { files: 1, errors: 0, warnings: 0 } };

describe("kawaraban report: a verdict the pull request cannot forge", () => {
  it("derives the findings from the head commit's objects: summary, one-click suggestion, the required check run, a label", async () => {
    const { sim, run, head } = await world();
    const result = await run(["--head-sha", head]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(sim.violations).toEqual([]);
    expect(sim.issueComments).toHaveLength(1);
    expect(sim.issueComments[0]!.body).toContain(SUMMARY_MARKER);
    expect(sim.issueComments[0]!.body).toContain("直してほしいところが 1 件あります");
    expect(sim.reviewComments).toHaveLength(1);
    expect(sim.reviewComments[0]).toMatchObject({ path: ARTICLE, commit_id: head });
    expect(sim.reviewComments[0]!.body).toContain("```suggestion\n");
    expect(sim.reviewComments[0]!.body).toContain("まずは家にあるもの");
    expect(sim.checkRuns).toMatchObject([{ head_sha: head, name: "記事の判定", conclusion: "failure" }]);
    expect(sim.issueLabels.get(7)).toEqual(["修正依頼"]);
  }, 60_000);

  it("ignores a forged artifact that claims no problems: the verdict still fails and lists the errors", async () => {
    const { sim, run, head } = await world();
    const forged = { ...clean, images: { files: [], bytes: 0, after: 0 } };
    await run(["--head-sha", head], forged);
    expect(sim.checkRuns[0]!.conclusion).toBe("failure");
    expect(sim.issueComments[0]!.body).toContain("「に」が 2 回続いています");
    expect(sim.issueLabels.get(7)).toEqual(["修正依頼"]);
  }, 60_000);

  it("runs twice without duplicates; after a fixing push the comment is marked fixed and the label moves on", async () => {
    const { sim, run, head, repo, setHead } = await world();
    await run(["--head-sha", head]);
    await run(["--head-sha", head]);
    expect(sim.issueComments).toHaveLength(1);
    expect(sim.reviewComments).toHaveLength(1);
    git(repo.root, "switch", "-q", "pr");
    const fixed = await repo.commit(edit(repo.root, "家ににある", "家にある"));
    repo.checkoutMain();
    setHead(fixed);
    await run(["--head-sha", fixed]);
    expect(sim.reviewComments[0]!.body).toContain(FIXED_MARKER);
    expect(sim.issueComments[0]!.body).toContain("1 件の指摘が直りました");
    expect(sim.issueLabels.get(7)).toEqual(["レビュー待ち"]);
    expect(sim.checkRuns.at(-1)).toMatchObject({ head_sha: fixed, conclusion: "success" });
    expect(sim.violations).toEqual([]);
  }, 60_000);

  it("skips quietly when the PR has moved past the head it was asked about", async () => {
    const { sim, run, head } = await world();
    sim.pulls.get(7)!.headSha = "f".repeat(40); // the writer pushed again
    const result = await run(["--head-sha", head]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/何もしません|進んでいます/);
    expect(sim.writes()).toEqual([]);
  }, 60_000);

  it("fails a PR that changes anything but articles and photos until city staff approve its current head", async () => {
    const { sim, run, repo, setHead } = await world();
    git(repo.root, "switch", "-q", "pr");
    const head = await repo.commit(async () => {
      await writeFile(path.join(repo.root, ".npmrc"), "node-options=--require ./x.cjs\n");
      await mkdir(path.join(repo.root, ".cache/kawaraban/prose"), { recursive: true });
      await writeFile(path.join(repo.root, ".cache/kawaraban/prose/forged.json"), "{}");
      await edit(repo.root, "家ににある", "家にある")();
    });
    repo.checkoutMain();
    setHead(head);
    await run(["--head-sha", head]);
    expect(sim.checkRuns.at(-1)!.conclusion).toBe("failure");
    expect(sim.issueComments[0]!.body).toContain("市の担当者がこのコミットを承認するまでマージできません");
    // An approval of an earlier head does not count; one of this head does.
    sim.reviews.push({ id: 1, pull: 7, user: STAFF, state: "APPROVED", commit_id: "e".repeat(40) });
    await run(["--head-sha", head]);
    expect(sim.checkRuns.at(-1)!.conclusion).toBe("failure");
    sim.reviews.push({ id: 2, pull: 7, user: STAFF, state: "APPROVED", commit_id: head });
    await run(["--head-sha", head]);
    expect(sim.checkRuns.at(-1)!.conclusion).toBe("success");
    expect(sim.issueLabels.get(7)).toEqual(["承認済み"]);
  }, 60_000);

  it("flags a PR that changes another writer's article for the editor", async () => {
    const { sim, run, head, repo } = await world();
    const config = path.join(repo.root, "kawaraban.config.yml");
    // bousai.md is hibari-npo's; the PR comes from hinata-gh.
    await writeFile(config, (await readFile(config, "utf8")).replace("    type: corporation\n", "    type: corporation\n    github: hibari-npo-gh\n"));
    await run(["--head-sha", head]);
    expect(sim.issueComments[0]!.body).toContain("プルリクエストを作ったのは hinata-gh です");
  }, 60_000);

  it("keeps posting when GitHub rejects the review (422): summary, check run and labels still arrive", async () => {
    const { sim, run, head } = await world();
    sim.faults.push({
      operationId: "pulls/create-review",
      status: 422,
      body: { message: "Unprocessable Entity", errors: ["pull_request_review_thread.line must be part of the diff"] },
    });
    const result = await run(["--head-sha", head]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("HTTP 422");
    expect(sim.issueComments).toHaveLength(1);
    expect(sim.checkRuns).toHaveLength(1);
    expect(sim.issueLabels.get(7)).toEqual(["修正依頼"]);
  }, 60_000);

  it("stays within 150 API calls for a 5 MB artifact, with one summary under GitHub's limit and a check run", async () => {
    const { sim, run, head } = await world();
    const files = Array.from({ length: 16 }, (_, f) => ({
      path: f === 0 ? ARTICLE : `articles/2026/11/x${f}.md`,
      messages: Array.from({ length: 2500 }, (_, i) => ({
        ruleId: "image/corrupt",
        source: "image" as const,
        severity: "error" as const,
        message: `![x](https://evil.example/${i}) @everyone`,
        line: i + 1,
      })),
    }));
    const artifact = JSON.stringify({ version: 1, files, summary: { files: 16, errors: 0, warnings: 0 } });
    expect(artifact.length).toBeGreaterThan(4_000_000);
    expect(artifact.length).toBeLessThan(5 * 1024 * 1024);
    await run(["--head-sha", head], artifact);
    expect(sim.requests.length).toBeLessThanOrEqual(150);
    expect(sim.issueComments).toHaveLength(1);
    const body = sim.issueComments[0]!.body;
    expect(body.length).toBeLessThan(65_536);
    // Nothing from the artifact's text reaches the comment: no link, image or mention.
    expect(body).not.toContain("evil.example");
    expect(body).not.toContain("@everyone");
    expect(sim.checkRuns).toHaveLength(1);
    expect(sim.violations).toEqual([]);
  }, 60_000);

  it("trusts markers only in its own comments: a planted summary marker or finding marker changes nothing", async () => {
    const { sim, run, head } = await world();
    sim.issueComments.push({ id: 1, issue: 7, body: `${SUMMARY_MARKER}\n✅ 問題なし（偽物）`, user: "hinata-gh" });
    const planted = await import("../../pipeline/github/findings.ts");
    // The writer plants every finding marker they could guess, hoping to suppress line comments.
    sim.reviewComments.push({ id: 2, pull: 7, path: ARTICLE, line: 1, body: findingMarker("0".repeat(16)), commit_id: head, user: "hinata-gh" });
    expect(planted.SUMMARY_MARKER).toBe(SUMMARY_MARKER);
    await run(["--head-sha", head]);
    expect(sim.issueComments.find((c) => c.id === 1)!.body).toContain("偽物");
    expect(sim.issueComments.filter((c) => c.user === "github-actions[bot]")).toHaveLength(1);
    expect(sim.reviewComments.filter((c) => c.user === "github-actions[bot]")).toHaveLength(1);
  }, 60_000);

  it("degrades on a read-only (fork) token: nothing crashes, the job summary has the report", async () => {
    const { sim, run, head, summaryFile } = await world();
    const result = await run(["--head-sha", head], undefined, { GITHUB_TOKEN: "read-only-token" });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("HTTP 403");
    expect(await readFile(summaryFile, "utf8")).toContain("直してほしいところが 1 件あります");
    expect(sim.issueComments).toEqual([]);
  }, 60_000);

  it("survives two reports creating the same missing label at once", async () => {
    const { sim, run, head } = await world();
    sim.faults.push({ operationId: "issues/create-label", status: 422, body: { message: "Validation Failed", errors: [{ code: "already_exists" }] } });
    const result = await run(["--head-sha", head]);
    expect(result.code).toBe(0);
    expect(sim.issueLabels.get(7)).toEqual(["修正依頼"]);
  }, 60_000);

  it("refuses to run with no city staff configured (nobody's approval would count)", async () => {
    const { run, head, repo } = await world();
    const config = path.join(repo.root, "kawaraban.config.yml");
    await writeFile(config, (await readFile(config, "utf8")).replace("cityStaff: [hibarino-koho]", "cityStaff: []"));
    const result = await run(["--head-sha", head]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("github.cityStaff");
  }, 60_000);

  it("refuses a hostile artifact in the job-summary step without writing anything", async () => {
    const { sim, run } = await world();
    const result = await run(["--job-summary"], "<html>");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("チェック結果のファイルを受け付けられません");
    expect(sim.writes()).toEqual([]);
  }, 60_000);
});

describe("the GitHub API simulator has GitHub's teeth", () => {
  it("rejects what GitHub rejects, by the OpenAPI description and by GitHub's rules", async () => {
    const sim = await new GithubSim().start();
    sims.push(sim);
    const HEAD = "a".repeat(40);
    sim.commits.add(HEAD);
    sim.pulls.set(7, {
      number: 7,
      draft: false,
      merged: false,
      headSha: HEAD,
      baseSha: HEAD,
      files: [{ filename: "a.md", patch: "@@ -1,2 +1,3 @@\n 一\n+二\n 三" }],
    });
    const call = (method: string, url: string, body?: unknown, token = "test-token") =>
      fetch(`${sim.url}${url}`, {
        method,
        headers: { authorization: `token ${token}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const review = (comments: unknown[], commit_id = HEAD) => call("POST", "/repos/o/r/pulls/7/reviews", { event: "COMMENT", commit_id, comments });
    // Schema: wrong types, unknown parameters and routes.
    expect((await call("POST", "/repos/o/r/issues/7/comments", { body: 123 })).status).toBe(422);
    expect((await call("GET", "/repos/o/r/pulls/7/files?per_page=100&colour=red")).status).toBe(422);
    expect((await call("GET", "/repos/o/r/no-such-thing")).status).toBe(404);
    // Review comments: only lines in the diff, LEFT or RIGHT, start_line before line, a real commit.
    expect((await review([{ path: "a.md", line: 9, body: "x" }])).status).toBe(422);
    expect((await review([{ path: "b.md", line: 2, body: "x" }])).status).toBe(422);
    expect((await review([{ path: "a.md", line: 2, side: "MIDDLE", body: "x" }])).status).toBe(422);
    expect((await review([{ path: "a.md", line: 2, start_line: 3, body: "x" }])).status).toBe(422);
    expect((await review([{ path: "a.md", line: 2, body: "x" }], "b".repeat(40))).status).toBe(422);
    expect(sim.reviewComments).toEqual([]);
    expect((await review([{ path: "a.md", line: 3, start_line: 2, body: "x" }])).status).toBe(200);
    // Bodies, labels, unknown ids, read-only tokens.
    expect((await call("POST", "/repos/o/r/issues/7/comments", { body: "x".repeat(70_000) })).status).toBe(422);
    expect((await call("POST", "/repos/o/r/labels", { name: "承認済み", color: "0e8a16" })).status).toBe(201);
    expect((await call("POST", "/repos/o/r/labels", { name: "承認済み", color: "0e8a16" })).status).toBe(422);
    expect((await call("PATCH", "/repos/o/r/issues/comments/424242", { body: "x" })).status).toBe(404);
    expect((await call("PATCH", "/repos/o/r/check-runs/424242", { output: { title: "t", summary: "s" } })).status).toBe(404);
    expect((await call("POST", "/repos/o/r/issues/7/comments", { body: "x" }, "read-only-token")).status).toBe(403);
    expect(sim.violations.length).toBeGreaterThan(0); // the schema breaches above are recorded too
  });
});

describe("after publishing", () => {
  it("labels 公開済み only what is live: a future-dated article waits for its day", async () => {
    const repo = await repository();
    git(repo.root, "switch", "-q", "main");
    const article = (date: string) => `---\ntitle: 予約の記事\nwriter: hinata\ndate: ${date}\nsummary: 公開日を決めた記事です。\n---\n\n本文です。\n`;
    const now = await repo.commit(() => writeFile(path.join(repo.root, "articles/2026/11/ima.md"), article("2026-11-20")));
    const later = await repo.commit(() => writeFile(path.join(repo.root, "articles/2026/11/yoyaku.md"), article("2026-12-10")));
    const sim = await new GithubSim().start();
    sims.push(sim);
    sim.pulls.set(9, { number: 9, draft: false, merged: true, headSha: "a".repeat(40), baseSha: repo.base, mergeSha: now, files: [] });
    sim.pulls.set(10, { number: 10, draft: false, merged: true, headSha: "b".repeat(40), baseSha: repo.base, mergeSha: later, files: [] });
    sim.issueLabels.set(9, ["承認済み"]);
    const env = { GITHUB_TOKEN: "test-token", GITHUB_REPOSITORY: "hibarino/kawaraban", GITHUB_API_URL: sim.url, KAWARABAN_TEST_FAST_GITHUB: "1" };
    const first = await runCli(["report", "--label-published"], repo.root, env, new Date("2026-12-01T00:00:00Z"));
    expect(first.stdout).toContain("「公開済み」にしました: #9");
    expect(sim.issueLabels.get(9)).toEqual(["公開済み"]);
    expect(sim.issueLabels.get(10) ?? []).toEqual([]);
    // The daily run on the scheduled day labels it; running again changes nothing.
    const onTheDay = await runCli(["report", "--label-published"], repo.root, env, new Date("2026-12-10T00:10:00Z"));
    expect(onTheDay.stdout).toContain("#10");
    const again = await runCli(["report", "--label-published"], repo.root, env, new Date("2026-12-10T00:20:00Z"));
    expect(again.stdout).toContain("新しく「公開済み」にするプルリクエストはありません");
    expect(sim.violations).toEqual([]);
  }, 60_000);
});
