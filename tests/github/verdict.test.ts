import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdir, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { copySampleContent } from "../support/sample-repo.ts";
import { git } from "../support/repo.ts";
import { runCli } from "../support/cli.ts";
import { GithubSim, MAX_PR_FILES } from "../support/github-sim.ts";
import { deriveVerdict, type VerdictInput } from "../../pipeline/github/verdict.ts";
import { protectedNames } from "../../pipeline/core/protected.ts";
import { loadConfig, type Config } from "../../pipeline/article/config.ts";
import { workTree } from "../../pipeline/source/work-tree.ts";

/**
 * What only a pull request has, judged from the head commit's objects: every name a change
 * touches, entries that are not plain files, a writer switched on someone else's article, a file
 * list GitHub cut short, a head another PR shares. The PR summary reads the same protected paths.
 */
let root: string;
let base: string;
let config: Config;

const commit = (message: string) => {
  git(root, "add", "-A");
  git(root, "-c", "user.name=t", "-c", "user.email=t@example.test", "commit", "-q", "-m", message);
  return git(root, "rev-parse", "HEAD").trim();
};

async function branch(name: string, change: () => Promise<void>): Promise<string> {
  git(root, "switch", "-q", "-c", name, "main");
  await change();
  const head = commit(name);
  git(root, "switch", "-q", "main");
  return head;
}

const verdict = (headSha: string, files: VerdictInput["files"], extra: Partial<VerdictInput> = {}) =>
  deriveVerdict({ root, config, headSha, files, changedFiles: files.length, staffApprovedHead: false, today: "2026-11-25", ...extra });
const errors = (report: Awaited<ReturnType<typeof verdict>>, p: string) =>
  report.files
    .find((f) => f.path === p)
    ?.messages.filter((m) => m.severity === "error")
    .map((m) => m.ruleId) ?? [];

beforeAll(async () => {
  root = await copySampleContent();
  git(root, "init", "-q", "-b", "main");
  base = commit("base");
  const loaded = await loadConfig(await workTree(root));
  if (!loaded.ok) throw new Error("config");
  config = loaded.config;
}, 60_000);

describe("the verdict on what only a PR has", () => {
  it("counts a rename under both names: moving a protected file into assets/ still needs city staff", async () => {
    const head = await branch("move", () => rename(path.join(root, "prh-required.yml"), path.join(root, "assets/prh-required.yml")));
    const files = [{ filename: "assets/prh-required.yml", status: "renamed", previous_filename: "prh-required.yml" }];
    const report = await verdict(head, files);
    expect(errors(report, "prh-required.yml")).toContain("verdict/protected-change");
    // A file that is not a photo under assets/ is refused as well.
    expect(errors(report, "assets/prh-required.yml")).toContain("image/unsupported-format");
    // The summary asks for city staff exactly when the verdict does.
    expect(protectedNames(files)).toEqual(["prh-required.yml"]);
  }, 60_000);

  it("lets a PR that changes only a brief pass without city staff, and the summary agrees", async () => {
    const head = await branch("brief", () => writeFile(path.join(root, "briefs/2026-12/oshougatsu.yml"), "title: お正月の行事\ndeadline: 2026-12-20\n"));
    const files = [{ filename: "briefs/2026-12/oshougatsu.yml", status: "added" }];
    const report = await verdict(head, files);
    expect(report.summary.errors).toBe(0);
    expect(protectedNames(files)).toEqual([]);
  }, 60_000);

  it("fails closed when GitHub listed fewer files than the PR changes, or another open PR shares the head", async () => {
    const bousai = path.join(root, "articles/2026/11/bousai.md");
    const head = await branch("many", async () => writeFile(bousai, `${await readFile(bousai, "utf8")}\n追記です。\n`));
    const files = [{ filename: "articles/2026/11/bousai.md", status: "modified" }];
    expect(errors(await verdict(head, files, { changedFiles: 3001 }), "articles/")).toContain("verdict/incomplete-file-list");
    expect(errors(await verdict(head, files, { sharedWith: [12] }), "articles/")).toContain("verdict/shared-head");
  }, 60_000);

  it("refuses a writer switched on an article main already has, and a photo committed as a link", async () => {
    const head = await branch("switch", async () => {
      const file = path.join(root, "articles/2026/11/bousai.md");
      await writeFile(file, (await readFile(file, "utf8")).replace(/^writer: .*$/m, "writer: komorebi"));
      await symlink("satoyama.jpg", path.join(root, "assets/2026/11/linked.jpg"));
    });
    const report = await verdict(head, [
      { filename: "articles/2026/11/bousai.md", status: "modified" },
      { filename: "assets/2026/11/linked.jpg", status: "added" },
    ]);
    expect(errors(report, "articles/2026/11/bousai.md")).toContain("verdict/writer-changed");
    expect(errors(report, "assets/2026/11/linked.jpg").length).toBeGreaterThan(0);
  }, 60_000);

  it("refuses a writer switched under a rename, and a second article for a brief main already has an article for", async () => {
    const head = await branch("rename-switch", async () => {
      const from = path.join(root, "articles/2026/11/bousai.md");
      const text = (await readFile(from, "utf8")).replace(/^writer: .*$/m, "writer: komorebi");
      await writeFile(path.join(root, "articles/2026/11/bousai-2.md"), text);
      await rm(from);
    });
    const renamed = await verdict(head, [{ filename: "articles/2026/11/bousai-2.md", status: "renamed", previous_filename: "articles/2026/11/bousai.md" }]);
    expect(errors(renamed, "articles/2026/11/bousai-2.md")).toContain("verdict/writer-changed");

    const cited = await branch("cite", async () => {
      await mkdir(path.join(root, "briefs/2026-11"), { recursive: true });
      await writeFile(path.join(root, "briefs/2026-11/bousai.yml"), "title: 防災の記事\ndeadline: 2026-11-30\n");
      const file = path.join(root, "articles/2026/11/bousai.md");
      await writeFile(
        file,
        (await readFile(file, "utf8")).replace(/^writer: .*$/m, (w) => `${w}\nbrief: 2026-11/bousai`),
      );
    });
    git(root, "merge", "-q", "--ff-only", cited);
    try {
      const again = await branch("again", async () => {
        const text = (await readFile(path.join(root, "articles/2026/11/bousai.md"), "utf8")).replace(/^title: .*$/m, "title: 防災の記事、もう一本");
        await writeFile(path.join(root, "articles/2026/11/bousai-again.md"), text);
      });
      const report = await verdict(again, [{ filename: "articles/2026/11/bousai-again.md", status: "added" }]);
      expect(errors(report, "articles/2026/11/bousai-again.md")).toContain("brief/delivered");
      // Editing the delivered article itself is not a second delivery.
      const edit = await branch("edit", async () => {
        const file = path.join(root, "articles/2026/11/bousai.md");
        await writeFile(file, `${await readFile(file, "utf8")}\n追記です。\n`);
      });
      expect(errors(await verdict(edit, [{ filename: "articles/2026/11/bousai.md", status: "modified" }]), "articles/2026/11/bousai.md")).not.toContain(
        "brief/delivered",
      );
    } finally {
      git(root, "reset", "-q", "--hard", base);
    }
  }, 60_000);

  it("refuses a name git cannot check out, added only in git's index", async () => {
    git(root, "switch", "-q", "-c", "long", "main");
    const blob = git(root, "hash-object", "-w", "assets/2026/11/satoyama.jpg").trim();
    const name = `assets/2026/11/${"x".repeat(300)}.jpg`;
    git(root, "update-index", "--add", "--cacheinfo", `100644,${blob},${name}`);
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.test", "commit", "-q", "-m", "long");
    const head = git(root, "rev-parse", "HEAD").trim();
    git(root, "reset", "-q", "--hard", "main");
    git(root, "switch", "-q", "main");
    const report = await verdict(head, [{ filename: name, status: "added" }]);
    expect(errors(report, name)).toContain("input/name-too-long");
  }, 60_000);
});

describe("the report command against the stand-in", () => {
  const sims: GithubSim[] = [];
  afterAll(async () => Promise.all(sims.map((s) => s.stop())));
  const env = (sim: GithubSim) => ({
    GITHUB_TOKEN: "test-token",
    GITHUB_REPOSITORY: "hibarino/kawaraban",
    GITHUB_API_URL: sim.url,
    KAWARABAN_TEST_FAST_GITHUB: "1",
  });

  it("fails the check when two open PRs share the head, and when GitHub lists only 3,000 of 3,001 files", async () => {
    const head = await branch("shared", () =>
      mkdir(path.join(root, "articles/2026/12"), { recursive: true }).then(() =>
        writeFile(
          path.join(root, "articles/2026/12/nenmatsu.md"),
          "---\ntitle: 年末の準備\nwriter: hinata\ndate: 2026-12-01\nsummary: 年末の準備の記事です。\n---\n\n大掃除の手順を紹介します。\n",
        ),
      ),
    );
    const sim = await new GithubSim().start();
    sims.push(sim);
    const files = [{ filename: "articles/2026/12/nenmatsu.md", status: "added" }];
    sim.pulls.set(8, { number: 8, draft: false, merged: false, headSha: head, baseSha: base, author: "hinata-writes", files });
    sim.pulls.set(9, { number: 9, draft: false, merged: false, headSha: head, baseSha: base, author: "stranger", files });
    sim.commits.add(head);
    const shared = await runCli(["report", "--head-sha", head], root, env(sim));
    expect(shared.code, shared.stderr).toBe(0);
    expect(sim.checkRuns.at(-1)).toMatchObject({ head_sha: head, conclusion: "failure" });
    expect(sim.issueComments.at(-1)!.body).toContain("同じコミットを先頭にしたプルリクエストがほかにもあります");

    sim.pulls.delete(9);
    sim.pulls.get(8)!.files = [...files, ...Array.from({ length: MAX_PR_FILES }, (_, i) => ({ filename: `assets/2026/12/p${i}.jpg`, status: "added" }))];
    await runCli(["report", "--head-sha", head], root, env(sim));
    expect(sim.checkRuns.at(-1)).toMatchObject({ head_sha: head, conclusion: "failure" });
    expect(sim.violations).toEqual([]);
  }, 120_000);
});
