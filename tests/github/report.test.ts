import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { GithubSim } from "../support/github-sim.ts";
import { copySampleContent } from "../support/sample-repo.ts";
import { runCli } from "../support/cli.ts";
import { tempDir } from "../support/repo.ts";
import { SUMMARY_MARKER, FIXED_MARKER } from "../../pipeline/github/findings.ts";
import type { CheckReportDocument } from "../../pipeline/github/report-input.ts";

const ARTICLE = "articles/2026/11/bousai.md";
const HEAD = "a".repeat(40);

let root: string;
let realReport: CheckReportDocument;
let errorLine: number;

beforeAll(async () => {
  // A real report from a real check: one prh error (with a suggestion) in the bousai article.
  root = await copySampleContent();
  const file = path.join(root, ARTICLE);
  const text = (await readFile(file, "utf8")).replace("まずは家にあるもの", "まずは子供と家にあるもの");
  await writeFile(file, text);
  const check = await runCli(["check", "--format", "json", ARTICLE], root);
  realReport = JSON.parse(check.stdout);
  errorLine = realReport.files[0]!.messages[0]!.line!;
});

function patchFor(lines: number[]): string {
  return lines.map((n) => `@@ -${n},1 +${n},1 @@\n-古い行\n+新しい行`).join("\n");
}

async function world(files = [{ filename: ARTICLE, patch: patchFor([errorLine]) }]) {
  const sim = await new GithubSim().start();
  sim.pulls.set(7, { number: 7, draft: false, merged: false, headSha: HEAD, baseSha: "b".repeat(40), files });
  const dir = await tempDir();
  const summaryFile = path.join(dir, "step-summary.md");
  const run = async (report: unknown, args: string[] = ["--pr", "7"], env: Record<string, string> = {}) => {
    const reportFile = path.join(dir, "report.json");
    await writeFile(reportFile, typeof report === "string" ? report : JSON.stringify(report));
    return runCli(["report", "--from", reportFile, ...args], root, {
      GITHUB_TOKEN: "test-token",
      GITHUB_REPOSITORY: "hibarino/kawaraban",
      GITHUB_API_URL: sim.url,
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_STEP_SUMMARY: summaryFile,
      KAWARABAN_TEST_FAST_GITHUB: "1",
      ...env,
    });
  };
  return { sim, run, summaryFile };
}

const sims: GithubSim[] = [];
afterAll(async () => Promise.all(sims.map((s) => s.stop())));
async function track<T extends { sim: GithubSim }>(w: Promise<T>): Promise<T> {
  const value = await w;
  sims.push(value.sim);
  return value;
}

/** A report with `n` warnings on one file, lines 1..n. */
function manyWarnings(n: number, file = ARTICLE): CheckReportDocument {
  const messages = Array.from({ length: n }, (_, i) => ({
    ruleId: "ja-technical-writing/sentence-length",
    source: "textlint" as const,
    severity: "warning" as const,
    message: `一文が長すぎます（${101 + i} 文字）。`,
    line: i + 1,
    column: 1,
  }));
  return { version: 1, files: [{ path: file, messages }], summary: { files: 1, errors: 0, warnings: n } };
}

describe("kawaraban report against a GitHub API that validates every request", () => {
  it("first push: one sticky summary, a line comment with a one-click suggestion, a check run and a label", async () => {
    const { sim, run } = await track(world());
    const result = await run(realReport);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(sim.violations).toEqual([]);
    expect(sim.issueComments).toHaveLength(1);
    expect(sim.issueComments[0]!.body).toContain(SUMMARY_MARKER);
    expect(sim.issueComments[0]!.body).toContain("直してほしいところが 1 件あります");
    expect(sim.reviewComments).toHaveLength(1);
    const comment = sim.reviewComments[0]!;
    expect(comment).toMatchObject({ path: ARTICLE, line: errorLine, commit_id: HEAD });
    expect(comment.body).toContain("```suggestion\n");
    expect(comment.body).toContain("まずは子どもと家にあるもの");
    expect(sim.checkRuns).toMatchObject([{ head_sha: HEAD, name: "kawaraban", conclusion: "failure" }]);
    expect(sim.checkRuns[0]!.annotations).toHaveLength(1);
    expect(sim.issueLabels.get(7)).toEqual(["修正依頼"]);
    expect(sim.repoLabels.map((l) => l.name)).toEqual(["修正依頼"]);
  });

  it("second push: updates the same comment, posts no duplicate line comments; a fix is marked and the label moves on", async () => {
    const { sim, run } = await track(world());
    await run(realReport);
    await run(realReport);
    expect(sim.issueComments).toHaveLength(1);
    expect(sim.reviewComments).toHaveLength(1);
    expect(sim.writes().filter((w) => w.operationId === "issues/update-comment")).toHaveLength(1);

    const clean: CheckReportDocument = { ...realReport, files: realReport.files.map((f) => ({ ...f, messages: [] })), summary: { ...realReport.summary, errors: 0 } };
    await run(clean);
    expect(sim.reviewComments[0]!.body).toContain(FIXED_MARKER);
    expect(sim.reviewComments[0]!.body).toContain("修正されました");
    expect(sim.issueComments[0]!.body).toContain("1 件の指摘が直りました");
    expect(sim.issueLabels.get(7)).toEqual(["レビュー待ち"]);
    await run(clean);
    expect(sim.writes().filter((w) => w.operationId === "pulls/update-review-comment")).toHaveLength(1);
    expect(sim.violations).toEqual([]);
  });

  it("puts a finding on an unchanged line only in the summary", async () => {
    const { sim, run } = await track(world([{ filename: ARTICLE, patch: patchFor([1]) }]));
    await run(realReport);
    expect(sim.reviewComments).toEqual([]);
    expect(sim.issueComments[0]!.body).toContain("変更していない行の指摘 1 件は、この一覧だけに載せています");
    expect(sim.violations).toEqual([]);
  });

  it("batches more than 50 annotations within the API's per-request limit, and caps line comments", async () => {
    const lines = Array.from({ length: 120 }, (_, i) => i + 1);
    const { sim, run } = await track(world([{ filename: ARTICLE, patch: patchFor(lines) }]));
    await run(manyWarnings(120));
    expect(sim.checkRuns[0]!.annotations).toHaveLength(120);
    expect(sim.checkRuns[0]!.updates).toBe(2);
    for (const w of sim.writes().filter((r) => r.operationId?.startsWith("checks/"))) {
      expect(w.body!.output.annotations.length).toBeLessThanOrEqual(50);
    }
    expect(sim.reviewComments).toHaveLength(25);
    expect(sim.issueComments[0]!.body).toContain("残りの 95 件はこの一覧だけに載せています");
    expect(sim.checkRuns[0]!.conclusion).toBe("success");
    expect(sim.violations).toEqual([]);
  });

  it("pages through more than 100 changed files", async () => {
    const files = Array.from({ length: 130 }, (_, i) => ({ filename: `articles/2026/11/a${String(i).padStart(3, "0")}.md`, patch: patchFor([1]) }));
    files[120] = { filename: ARTICLE, patch: patchFor([errorLine]) };
    const { sim, run } = await track(world(files));
    await run(realReport);
    expect(sim.requests.filter((r) => r.operationId === "pulls/list-files")).toHaveLength(2);
    expect(sim.reviewComments).toHaveLength(1);
    expect(sim.violations).toEqual([]);
  });

  it("retries a 502 and then succeeds", async () => {
    const { sim, run } = await track(world());
    sim.faults.push({ operationId: "issues/create-comment", status: 502, times: 1 });
    const result = await run(realReport);
    expect(result.code).toBe(0);
    expect(sim.requests.filter((r) => r.operationId === "issues/create-comment")).toHaveLength(2);
    expect(sim.issueComments).toHaveLength(1);
  });

  it("waits out a secondary rate limit and retries", async () => {
    const { sim, run } = await track(world());
    sim.faults.push({
      operationId: "pulls/create-review",
      status: 403,
      headers: { "retry-after": "1" },
      body: { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." },
    });
    const result = await run(realReport);
    expect(result.code).toBe(0);
    expect(sim.requests.filter((r) => r.operationId === "pulls/create-review")).toHaveLength(2);
    expect(sim.reviewComments).toHaveLength(1);
  });

  it("degrades to annotations and the job summary on a read-only (fork) token, never crashing or losing the report", async () => {
    const { sim, run, summaryFile } = await track(world());
    const forbidden = { status: 403, body: { message: "Resource not accessible by integration" }, times: 99 };
    for (const op of ["pulls/create-review", "issues/create-comment", "checks/create", "repos/create-commit-status", "issues/list-labels-for-repo"]) {
      sim.faults.push({ operationId: op, ...forbidden });
    }
    const result = await run(realReport);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("このトークンでは PR に書き込めない操作がありました");
    expect(result.stdout).toContain(`::error file=${ARTICLE},line=${errorLine}`);
    expect(await readFile(summaryFile, "utf8")).toContain("直してほしいところが 1 件あります");
  });

  it("falls back to a commit status when the token may not create check runs", async () => {
    const { sim, run } = await track(world());
    sim.faults.push({ operationId: "checks/create", status: 403, body: { message: "Resource not accessible by integration" } });
    await run(realReport);
    expect(sim.checkRuns).toEqual([]);
    expect(sim.statuses).toMatchObject([{ sha: HEAD, state: "failure", context: "kawaraban" }]);
    expect(sim.violations).toEqual([]);
  });

  it.each([
    ["a wrong shape", JSON.stringify({ version: 1, files: [{ path: "../../etc/passwd", messages: [] }], summary: { files: 1, errors: 0, warnings: 0 } })],
    ["not JSON", "<html>"],
    ["a huge file", JSON.stringify(manyWarnings(1)).replace('"files"', `"padding": "${"x".repeat(6 * 1024 * 1024)}", "files"`)],
  ])("refuses a hostile report artifact (%s) without writing anything", async (_name, artifact) => {
    const { sim, run } = await track(world());
    const result = await run(artifact);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("チェック結果のファイルを受け付けられません");
    expect(sim.writes()).toEqual([]);
  });

  it("looks the PR up from the head commit, never from the artifact", async () => {
    const { sim, run } = await track(world());
    const result = await run(realReport, ["--head-sha", HEAD]);
    expect(result.code).toBe(0);
    expect(sim.issueComments[0]!.issue).toBe(7);
    expect(sim.violations).toEqual([]);
  });
});

describe("the GitHub API simulator", () => {
  it("rejects what GitHub's OpenAPI description does not allow", async () => {
    const sim = await new GithubSim().start();
    sims.push(sim);
    sim.pulls.set(7, { number: 7, draft: false, merged: false, headSha: HEAD, baseSha: HEAD, files: [] });
    const call = (method: string, url: string, body?: unknown) =>
      fetch(`${sim.url}${url}`, { method, headers: { authorization: "token t", "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    expect((await call("POST", "/repos/o/r/issues/7/comments", { body: 123 })).status).toBe(422);
    expect((await call("POST", "/repos/o/r/pulls/7/reviews", { event: "SHOUT" })).status).toBe(422);
    expect((await call("GET", "/repos/o/r/pulls/7/files?per_page=100&colour=red")).status).toBe(422);
    expect((await call("GET", "/repos/o/r/pulls/seven")).status).toBe(422);
    expect((await call("PUT", "/repos/o/r/issues/7/comments", { body: "x" })).status).toBe(404);
    expect((await call("GET", "/repos/o/r/no-such-thing")).status).toBe(404);
    expect(sim.violations).toHaveLength(6);
    expect((await call("POST", "/repos/o/r/issues/7/comments", { body: "ok" })).status).toBe(201);
    expect(sim.violations).toHaveLength(6);
  });
});

describe("after publishing", () => {
  it("labels the merged PRs of the published commit 公開済み", async () => {
    const sim = await new GithubSim().start();
    sims.push(sim);
    const MERGE = "c".repeat(40);
    sim.pulls.set(9, { number: 9, draft: false, merged: true, headSha: HEAD, baseSha: HEAD, mergeSha: MERGE, files: [] });
    sim.issueLabels.set(9, ["承認済み"]);
    const result = await runCli(["report", "--published", MERGE], root, {
      GITHUB_TOKEN: "t",
      GITHUB_REPOSITORY: "hibarino/kawaraban",
      GITHUB_API_URL: sim.url,
      KAWARABAN_TEST_FAST_GITHUB: "1",
    });
    expect(result.stdout).toContain("「公開済み」にしました: #9");
    expect(sim.issueLabels.get(9)).toEqual(["公開済み"]);
    expect(sim.violations).toEqual([]);
  });
});
