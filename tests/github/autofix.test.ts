import { overlay } from "../../pipeline/source/overlay.ts";
import { describe, it, expect, beforeAll } from "vitest";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { gitAt, SAMPLE_ROOT } from "../support/repo.ts";
import { copySampleContent } from "../support/sample-repo.ts";
import { gpsTaggedJpeg, photo } from "../support/images.ts";
import { runCli } from "../support/cli.ts";
import { parseConfig, type Config } from "../../pipeline/article/config.ts";
import { validateAutofix, type AutofixBundle } from "../../pipeline/github/autofix.ts";

/**
 * "Fix it for me": the unprivileged job's bundle is applied only if it touches nothing but the
 * PR's own article and image files, each still valid, against the PR's current head.
 */
const parsed = parseConfig(await readFile(path.join(SAMPLE_ROOT, "kawaraban.config.yml"), "utf8"));
if (!parsed.ok) throw new Error("config");
const config: Config = parsed.config;
const HEAD = "1".repeat(40);
const b64 = (b: Buffer | string) => Buffer.from(b).toString("base64");
const bundleOf = (files: AutofixBundle["files"], headSha = HEAD): AutofixBundle => ({ version: 1, pr: 7, headSha, files });
const article = "---\ntitle: 朝市\nwriter: hinata\ndate: 2026-11-20\nsummary: 朝市の記事です。\n---\n\n朝市に行きました。\n";

let clean: Buffer;
let gps: Buffer;
beforeAll(async () => {
  clean = await sharp(await photo(800, 600).jpeg().toBuffer())
    .jpeg()
    .toBuffer();
  gps = await gpsTaggedJpeg();
});

describe("validating a fix bundle", () => {
  // The PR's head as the apply job reads it: the files the PR added or modified, plain files.
  const head = overlay(
    undefined,
    new Map([
      ["articles/2026/11/asaichi.md", Buffer.from("old")],
      ["assets/2026/11/asaichi.jpg", Buffer.from("old")],
      ["articles/2026/11/other.md", Buffer.from("x")],
    ]),
  );
  const pr = {
    headSha: HEAD,
    files: [
      { filename: "articles/2026/11/asaichi.md", status: "modified" },
      { filename: "assets/2026/11/asaichi.jpg", status: "added" },
      { filename: "articles/2026/11/gone.md", status: "removed" },
    ],
  };

  it("accepts the PR's own article and a clean photo", async () => {
    const result = await validateAutofix(
      bundleOf([
        { path: "articles/2026/11/asaichi.md", base64: b64(article) },
        { path: "assets/2026/11/asaichi.jpg", base64: b64(clean) },
      ]),
      pr,
      config,
      head,
    );
    expect(result.ok).toBe(true);
  });

  it.each([
    ["a workflow", ".github/workflows/check.yml", "name: x\n"],
    ["the config", "kawaraban.config.yml", "rates: {}\n"],
    ["the program", "pipeline/cli.ts", "export {}\n"],
    ["an article the PR did not change", "articles/2026/11/other.md", article],
    ["a file the PR removed", "articles/2026/11/gone.md", article],
    ["a path outside the rules", "articles/../package.json", "{}"],
  ])("refuses a bundle that touches %s", async (_what, file, text) => {
    const result = await validateAutofix(
      bundleOf([
        { path: "articles/2026/11/asaichi.md", base64: b64(article) },
        { path: file, base64: b64(text) },
      ]),
      pr,
      config,
      head,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join("\n")).toContain(file);
  });

  it("refuses a photo that still carries GPS, a bundle for an old head, and a duplicate path", async () => {
    const stillGps = await validateAutofix(bundleOf([{ path: "assets/2026/11/asaichi.jpg", base64: b64(gps) }]), pr, config, head);
    expect(stillGps.ok).toBe(false);
    const stale = await validateAutofix(bundleOf([{ path: "articles/2026/11/asaichi.md", base64: b64(article) }], "2".repeat(40)), pr, config, head);
    expect(stale.ok).toBe(false);
    const linked = { ...head, entry: async (p: string) => (p === "articles/2026/11/asaichi.md" ? { path: p, kind: "symlink" as const } : head.entry(p)) };
    const throughLink = await validateAutofix(bundleOf([{ path: "articles/2026/11/asaichi.md", base64: b64(article) }]), pr, config, linked);
    expect(throughLink.ok).toBe(false);
    const twice = await validateAutofix(
      bundleOf([
        { path: "articles/2026/11/asaichi.md", base64: b64(article) },
        { path: "articles/2026/11/asaichi.md", base64: b64(article) },
      ]),
      pr,
      config,
      head,
    );
    expect(twice.ok).toBe(false);
  });
});

describe("prepare and apply, end to end", () => {
  it("bundles only the files the fixes changed, and commits them to the PR's branch through the Git Data API", async () => {
    const root = await copySampleContent();
    gitAt(root, "2026-11-01T10:00:00+09:00", "init", "-q", "-b", "main");
    gitAt(root, "2026-11-01T10:00:00+09:00", "add", "-A");
    gitAt(root, "2026-11-01T10:00:00+09:00", "commit", "-q", "-m", "base");
    const base = gitAt(root, undefined, "rev-parse", "HEAD").trim();
    gitAt(root, "2026-11-02T10:00:00+09:00", "switch", "-q", "-c", "writer/asaichi");
    await mkdir(path.join(root, "assets/2026/11"), { recursive: true });
    await writeFile(path.join(root, "assets/2026/11/fix-me.jpg"), gps);
    await writeFile(
      path.join(root, "articles/2026/11/fix-me.md"),
      "---\ntitle: 朝市\nwriter: hinata\ndate: 2026-11-20\nsummary: 朝市の記事です。\n---\n\n朝市に行きました!\n\n![朝市の野菜](../../../assets/2026/11/fix-me.jpg)\n",
    );
    gitAt(root, "2026-11-02T10:00:00+09:00", "add", "-A");
    gitAt(root, "2026-11-02T10:00:00+09:00", "commit", "-q", "-m", "writer");
    const head = gitAt(root, undefined, "rev-parse", "HEAD").trim();
    // The unprivileged job: kawaraban's fixes on the PR's files, then the bundle.
    await runCli(["check", "--fix", "articles/2026/11/fix-me.md"], root);
    await runCli(["images", "--fix", "assets/2026/11/fix-me.jpg"], root);
    const out = path.join(root, "bundle.json");
    expect((await runCli(["autofix", "prepare", "--pr", "7", "--head-sha", head, "--base-sha", base, "--out", out], root)).code).toBe(0);
    const bundle = JSON.parse(await readFile(out, "utf8")) as AutofixBundle;
    expect(bundle.files.map((f) => f.path).sort()).toEqual(["articles/2026/11/fix-me.md", "assets/2026/11/fix-me.jpg"]);
    expect(Buffer.from(bundle.files.find((f) => f.path.endsWith(".md"))!.base64, "base64").toString()).toContain("朝市に行きました！");

    const { GithubSim } = await import("../support/github-sim.ts");
    const sim = await new GithubSim().start();
    sim.commits.add(head);
    sim.branches.set("writer/asaichi", head);
    sim.pulls.set(7, {
      number: 7,
      draft: false,
      merged: false,
      headSha: head,
      baseSha: base,
      head: "writer/asaichi",
      headRepo: "hibarino/kawaraban",
      files: bundle.files.map((f) => ({ filename: f.path, status: "added" })),
    });
    const env = { GITHUB_TOKEN: "test-token", GITHUB_REPOSITORY: "hibarino/kawaraban", GITHUB_API_URL: sim.url, KAWARABAN_TEST_FAST_GITHUB: "1" };
    try {
      const applied = await runCli(["autofix", "apply", "--bundle", out], root, env);
      expect(applied.code, applied.stderr).toBe(0);
      const commit = sim.gitCommits.get(sim.branches.get("writer/asaichi")!)!;
      expect(commit.parents).toEqual([head]);
      expect(
        sim.trees
          .get(commit.tree)!
          .entries.map((e) => e.path)
          .sort(),
      ).toEqual(["articles/2026/11/fix-me.md", "assets/2026/11/fix-me.jpg"]);
      expect(sim.issueComments.at(-1)!.body).toContain("直したファイル 2 件をコミットしました");
      // A fork's branch is not written to: the writer is told what to do instead.
      sim.pulls.get(7)!.headRepo = "someone/kawaraban";
      const fork = await runCli(["autofix", "apply", "--bundle", out], root, env);
      expect(fork.code).toBe(1);
      expect(sim.issueComments.at(-1)!.body).toContain("フォークからのプルリクエスト");
      expect(sim.violations).toEqual([]);
    } finally {
      await sim.stop();
    }
  });
});

describe("who may ask for a fix", () => {
  it("takes a tick from the PR's author or an editor only, never on the default branch, and unticks the box when done", async () => {
    const root = await copySampleContent();
    const { GithubSim } = await import("../support/github-sim.ts");
    const { SUMMARY_MARKER } = await import("../../pipeline/github/findings.ts");
    const sim = await new GithubSim().start();
    const head = "7".repeat(40);
    sim.pulls.set(8, {
      number: 8,
      draft: false,
      merged: false,
      headSha: head,
      baseSha: "8".repeat(40),
      author: "hinata-writes",
      head: "writer/x",
      headRepo: "hibarino/kawaraban",
      files: [],
    });
    const ticked = `${SUMMARY_MARKER}\n## 瓦版チェックの結果\n\n- [x] 直せるところ 2 件を直して、このブランチにコミットする <!-- kawaraban:autofix -->\n`;
    sim.issueComments.push({ id: 77, issue: 8, body: ticked, user: "github-actions[bot]" });
    // A stranger's copy of the summary with the box ticked counts for nothing.
    sim.issueComments.push({ id: 78, issue: 9, body: ticked, user: "stranger" });
    const env = { GITHUB_TOKEN: "test-token", GITHUB_REPOSITORY: "hibarino/kawaraban", GITHUB_API_URL: sim.url, KAWARABAN_TEST_FAST_GITHUB: "1" };
    try {
      const ask = (sender: string) => runCli(["autofix", "requested", "--pr", "8", "--sender", sender], root, env);
      const stranger = await ask("someone-else");
      expect(stranger.code).toBe(1);
      expect(stranger.stdout).toContain("reason=直す依頼は、プルリクエストを作った人か編集担当だけが出せます");
      expect((await ask("hinata-writes")).stdout).toContain(`head_sha=${head}`);
      expect((await ask("hibarino-henshu")).code).toBe(0);
      sim.pulls.get(8)!.head = "main";
      expect((await ask("hinata-writes")).stdout).toContain("既定のブランチ");
      const cleared = await runCli(["autofix", "clear", "--pr", "8", "--reason", "だめでした"], root, env);
      expect(cleared.code, cleared.stderr).toBe(0);
      expect(sim.issueComments.find((c) => c.id === 77)!.body).toContain("- [ ] 直せるところ");
      expect(sim.issueComments.at(-1)!.body).toContain("直す依頼を受け付けませんでした: だめでした");
      expect((await ask("hinata-writes")).code).toBe(1); // unticked: no request any more
      expect(sim.violations).toEqual([]);
    } finally {
      await sim.stop();
    }
  });
});
