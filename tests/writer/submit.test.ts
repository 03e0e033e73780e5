import { describe, it, expect, beforeEach, afterEach } from "vitest";
import { GithubSim } from "../support/github-sim.ts";
import { newFileUrl, submitPullRequest, SubmitError, type SubmitFiles } from "../../pipeline/writer/submit.ts";

let sim: GithubSim;
beforeEach(async () => {
  sim = await new GithubSim().start();
  sim.tokens.set("writer-token", "hinata-writes");
});
afterEach(() => sim.stop());

const change = (): SubmitFiles => ({
  files: [
    { path: "articles/2026/12/satoyama.md", bytes: new TextEncoder().encode("---\ntitle: 里山\n---\n本文です。\n") },
    { path: "assets/2026/12/satoyama-1.jpg", bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]) },
  ],
  title: "記事: 里山",
  body: "## 記事\n",
  message: "記事「里山」を追加",
  branch: "kawaraban/satoyama",
});
const target = (token = "writer-token") => ({ api: sim.url, repository: "hibarino/kawaraban", defaultBranch: "main", token });

describe("one click to a pull request (Git Data API, against the GitHub stand-in)", () => {
  it("a writer who may push: one commit with the article and its photos on a new branch, and the PR", async () => {
    const pr = await submitPullRequest(target(), change());
    expect(sim.violations).toEqual([]);
    expect(pr.branch).toBe("kawaraban/satoyama");
    const commitSha = sim.branches.get("kawaraban/satoyama")!;
    const commit = sim.gitCommits.get(commitSha)!;
    expect(commit.parents).toEqual([sim.branches.get("main")]);
    const tree = sim.trees.get(commit.tree)!;
    expect(tree.entries.map((e) => e.path)).toEqual(["articles/2026/12/satoyama.md", "assets/2026/12/satoyama-1.jpg"]);
    expect([...sim.blobs.get(tree.entries[1]!.sha)!]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
    const pull = sim.pulls.get(pr.number)!;
    expect(pull).toMatchObject({ head: "kawaraban/satoyama", author: "hinata-writes", title: "記事: 里山" });
    expect(sim.writes().filter((w) => w.operationId === "git/create-commit")).toHaveLength(1);
  });

  it("a branch of that name left by a closed PR: the next free name is used, nothing is overwritten", async () => {
    sim.branches.set("kawaraban/satoyama", "f".repeat(40));
    const pr = await submitPullRequest(target(), change());
    expect(pr.branch).toBe("kawaraban/satoyama-2");
    expect(sim.branches.get("kawaraban/satoyama")).toBe("f".repeat(40));
  });

  it("a writer without write access: the commit goes to their fork and the PR comes from it", async () => {
    sim.scopes.set("writer-token", new Set(["pull-requests:write"]));
    sim.tokens.set("writer-token", "komorebi-writes");
    // The fork's own token scope: the simulator keeps one repository, so writes are allowed again after forking.
    const forked = async () => {
      const pr = await submitPullRequest(target(), change(), async (url, init) => {
        if (String(url).endsWith("/forks")) sim.scopes.delete("writer-token");
        return fetch(url, init);
      });
      return pr;
    };
    const pr = await forked();
    expect(pr.repository).toBe("komorebi-writes/kawaraban");
    expect(sim.requests.map((r) => r.operationId)).toContain("repos/create-fork");
    expect(sim.writes().find((w) => w.operationId === "pulls/create")?.body).toMatchObject({ head: "komorebi-writes:kawaraban/satoyama", base: "main" });
    expect(sim.violations).toEqual([]);
  });

  it.each([
    [401, "トークンが正しくないか"],
    [403, "このトークンでは送れません"],
  ])("GitHub answers %i: the writer reads what to do, in Japanese", async (status, text) => {
    sim.faults.push({ operationId: "repos/get", status, body: { message: "Bad credentials" } });
    const error = await submitPullRequest(target(), change()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SubmitError);
    expect((error as Error).message).toContain(text);
  });

  it("no network: the draft is said to be kept", async () => {
    const error = await submitPullRequest({ ...target(), api: "http://127.0.0.1:1" }, change()).catch((e: unknown) => e);
    expect((error as Error).message).toContain("下書きはこのブラウザーに残っています");
  });

  it("without a token: GitHub's new-file page with the article's path and text, on the configured host", () => {
    const url = new URL(newFileUrl("https://github.example.jp", "city/kawaraban", "main", "articles/2026/12/a.md", "---\ntitle: あ\n---\n"));
    expect(url.origin).toBe("https://github.example.jp");
    expect(url.pathname).toBe("/city/kawaraban/new/main");
    expect(url.searchParams.get("filename")).toBe("articles/2026/12/a.md");
    expect(url.searchParams.get("value")).toBe("---\ntitle: あ\n---\n");
  });
});
