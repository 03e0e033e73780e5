import { describe, it, expect } from "vitest";
import { runCli } from "../support/cli.ts";
import { REPO_ROOT, SAMPLE_ROOT, fixture } from "../support/repo.ts";
import { runCore } from "../../pipeline/core/check.ts";
import { workTree } from "../../pipeline/source/work-tree.ts";
import { exitCodeFor } from "../../pipeline/commands/check.ts";
import type { Config } from "../../pipeline/article/config.ts";

describe("cli", () => {
  it("prints usage and exits 2 without a command", async () => {
    const result = await runCli([], REPO_ROOT);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("使い方: kawaraban <コマンド>");
  });

  it("exits 0 for --help", async () => {
    expect((await runCli(["--help"], REPO_ROOT)).code).toBe(0);
    const check = await runCli(["check", "--help"], REPO_ROOT);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain("--changed-since");
  });

  it.each([
    [["publishh"], "不明なコマンドです: publishh"],
    [["check", "--format", "xml"], "--format には pretty, json, sarif, github のどれか"],
    [["check", "--colour"], "オプションが正しくありません"],
  ])("exits 2 for %j", async (argv, message) => {
    const result = await runCli(argv, REPO_ROOT);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("checks the template's samples clean (npm start's first step)", async () => {
    const { copySampleContent } = await import("../support/sample-repo.ts");
    const result = await runCli(["check", "--format", "json"], await copySampleContent());
    const doc = JSON.parse(result.stdout);
    expect(doc.summary).toEqual({ files: 9, errors: 0, warnings: 0 });
    expect(result.code).toBe(0);
  });

  it("runs npm start's job on the samples with exit 0", async () => {
    const { copySampleContent } = await import("../support/sample-repo.ts");
    const result = await runCli(["start"], await copySampleContent());
    expect(result.stdout).toContain("✓ 問題は見つかりませんでした");
    expect(result.stdout).toContain("■ 依頼の状況（kawaraban desk）");
    expect(result.stdout).toContain("里山のコワーキングスペースを訪ねて");
    expect(result.code).toBe(0);
  });

  it("reports paths that are not articles, missing or outside the repository", async () => {
    const result = await runCli(["check", "--format", "json", "kawaraban.config.yml", "articles/nope.md", "../../../etc/passwd"], fixture("bad-input"));
    const doc = JSON.parse(result.stdout);
    const byPath = Object.fromEntries(doc.files.map((f: { path: string; messages: { ruleId: string }[] }) => [f.path, f.messages[0]?.ruleId]));
    expect(byPath).toEqual({
      "kawaraban.config.yml": "input/not-article",
      "articles/nope.md": "input/not-found",
      "../../../etc/passwd": "input/outside-repository",
    });
    expect(result.code).toBe(1);
  });

  it("turns a stage that throws into one internal diagnostic and exit code 2", async () => {
    const broken = { writers: null, categories: null, limits: {} } as unknown as Config;
    const core = await runCore({
      snapshot: await workTree(SAMPLE_ROOT),
      config: broken,
      lintRoot: SAMPLE_ROOT,
      articles: ["articles/2026/11/bousai.md"],
      prose: { enabled: false },
    });
    const outcome = core.articles[0]!;
    expect(outcome.diagnostics).toHaveLength(1);
    expect(outcome.diagnostics[0]).toMatchObject({ ruleId: "internal/exception", internal: true });
    expect(outcome.diagnostics[0]!.message).toContain("不具合");
    expect(exitCodeFor(outcome.diagnostics)).toBe(2);
  });
});

describe("lint configuration problems", () => {
  it("stops with exit 2 and names the file when .textlintrc.json is missing or broken", async () => {
    const { copySampleContent } = await import("../support/sample-repo.ts");
    const { rm, writeFile } = await import("node:fs/promises");
    const path = await import("node:path");
    const root = await copySampleContent();
    await rm(path.join(root, ".textlintrc.json"));
    const missing = await runCli(["check", "--no-cache", "articles/2026/11/bousai.md"], root);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toMatch(/\.textlintrc\.json\n.*\.textlintrc\.json を読み込めませんでした/);

    await writeFile(path.join(root, ".textlintrc.json"), '{ "rules": { "prh": { "rulePaths": ["./nope.yml"] } } }');
    const broken = await runCli(["check", "--no-cache", "articles/2026/11/bousai.md"], root);
    expect(broken.code).toBe(2);
    expect(broken.stdout).toContain("config/lint");
  });

  it("stops with exit 2 when a rule or preset fails to load, where textlint itself would pass with no rules", async () => {
    const { copySampleContent } = await import("../support/sample-repo.ts");
    const { rm, writeFile } = await import("node:fs/promises");
    const path = await import("node:path");
    const root = await copySampleContent();
    // textlint's own loader answers a rule that fails to load (here: a syntax error) with no
    // rules at all and a silent pass. The repository gets its own node_modules with that rule.
    const { mkdir, readdir, symlink } = await import("node:fs/promises");
    const { REPO_ROOT } = await import("../support/repo.ts");
    await rm(path.join(root, "node_modules"));
    await mkdir(path.join(root, "node_modules/textlint-rule-preset-kawaraban-broken"), { recursive: true });
    for (const entry of await readdir(path.join(REPO_ROOT, "node_modules"))) {
      await symlink(path.join(REPO_ROOT, "node_modules", entry), path.join(root, "node_modules", entry));
    }
    await writeFile(path.join(root, "node_modules/textlint-rule-preset-kawaraban-broken/index.js"), "module.exports = {\n");
    await writeFile(path.join(root, ".textlintrc.json"), '{ "rules": { "preset-kawaraban-broken": true, "preset-kawaraban": true } }');
    const unloadable = await runCli(["check", "--no-cache", "articles/2026/11/bousai.md"], root);
    expect(unloadable.code).toBe(2);
    expect(unloadable.stdout).toContain("config/lint");
    expect(unloadable.stdout).toContain(".textlintrc.json を読み込めませんでした");
  });
});

describe("the launcher (bin/kawaraban.js)", () => {
  it("runs a cold check end to end with the early lint worker, as npx kawaraban would", async () => {
    const { execFile } = await import("node:child_process");
    const { promisify } = await import("node:util");
    const path = await import("node:path");
    const { copySampleContent } = await import("../support/sample-repo.ts");
    const root = await copySampleContent();
    const { readFile, writeFile } = await import("node:fs/promises");
    const file = path.join(root, "articles/2026/11/bousai.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("家にあるもの", "家ににあるもの"));
    const bin = path.join(REPO_ROOT, "bin/kawaraban.js");
    const result = await promisify(execFile)(process.execPath, [bin, "check", "--no-cache", "--format", "json"], { cwd: root }).catch(
      (error: { stdout: string; code: number }) => error,
    );
    const doc = JSON.parse(result.stdout);
    expect(doc.summary).toEqual({ files: 9, errors: 1, warnings: 0 });
    expect(doc.files.find((f: { path: string }) => f.path.endsWith("bousai.md")).messages[0].ruleId).toBe("kawaraban/repeated-word");
    expect((result as { code?: number }).code).toBe(1);
  });
});
