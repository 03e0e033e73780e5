import { describe, it, expect } from "vitest";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { tempDir, gitAt } from "../support/repo.ts";
import { runCli } from "../support/cli.ts";
import { GithubSim } from "../support/github-sim.ts";

async function put(root: string, files: Record<string, string>) {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
}
const commit = (root: string, date: string, message: string) => {
  gitAt(root, date, "add", "-A");
  gitAt(root, date, "commit", "-q", "-m", message);
};

describe("kawaraban upgrade", () => {
  it("brings the engine from an upstream tag and changes no file of the city's", async () => {
    // Upstream: the template at v1, then v2 with a changed, a new and a removed engine file (and changed samples).
    const upstream = await tempDir();
    gitAt(upstream, undefined, "init", "-q", "-b", "main");
    const v1 = {
      "pipeline/engine.ts": "export const version = 1;\n",
      "pipeline/old.ts": "export {};\n",
      "tests/engine.test.ts": "// v1\n",
      ".github/workflows/ci.yml": "name: ci # v1\n",
      "package.json": '{ "version": "1.0.0" }\n',
      "articles/2026/11/sample.md": "見本 v1\n",
      "kawaraban.config.yml": "site: 見本\n",
      "prh.yml": "version: 1\n",
    };
    await put(upstream, v1);
    commit(upstream, "2026-10-01T10:00:00+09:00", "v1");
    gitAt(upstream, undefined, "tag", "v1");
    await put(upstream, {
      "pipeline/engine.ts": "export const version = 2;\n",
      "pipeline/new.ts": "export const added = true;\n",
      "tests/engine.test.ts": "// v2\n",
      "package.json": '{ "version": "2.0.0" }\n',
      "articles/2026/11/sample.md": "見本 v2\n",
      "kawaraban.config.yml": "site: 見本 v2\n",
      "prh.yml": "version: 2\n",
    });
    await rm(path.join(upstream, "pipeline/old.ts"));
    commit(upstream, "2026-11-01T10:00:00+09:00", "v2");
    gitAt(upstream, undefined, "tag", "v2");

    // The city: made from v1 ("Use this template": the files, none of the history), then its own content.
    const city = await tempDir();
    gitAt(city, undefined, "init", "-q", "-b", "main");
    await put(city, v1);
    commit(city, "2026-10-02T10:00:00+09:00", "Initial commit");
    await rm(path.join(city, "articles/2026/11/sample.md"));
    await put(city, { "articles/2026/12/minato.md": "みなと市の記事\n", "kawaraban.config.yml": "site: みなと市\n", "prh.yml": "version: city\n" });
    commit(city, "2026-10-05T10:00:00+09:00", "city content");
    const content = async () =>
      Object.fromEntries(
        await Promise.all(
          ["articles/2026/12/minato.md", "kawaraban.config.yml", "prh.yml"].map(async (f) => [f, await readFile(path.join(city, f), "utf8")] as const),
        ),
      );
    const before = await content();

    const result = await runCli(["upgrade", "--from", upstream, "--to", "v2"], city);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("追加 1 件");
    expect(result.stdout).toContain("削除 1 件");
    expect(await readFile(path.join(city, "pipeline/engine.ts"), "utf8")).toContain("version = 2");
    expect(await readFile(path.join(city, "pipeline/new.ts"), "utf8")).toContain("added");
    await expect(readFile(path.join(city, "pipeline/old.ts"))).rejects.toThrow();
    expect(await readFile(path.join(city, "package.json"), "utf8")).toContain("2.0.0");
    expect(await content()).toEqual(before);
    await expect(readFile(path.join(city, "articles/2026/11/sample.md"))).rejects.toThrow(); // the city's removal stands
    const staged = gitAt(city, undefined, "diff", "--cached", "--name-only").trim().split("\n").sort();
    expect(staged).toEqual(["package.json", "pipeline/engine.ts", "pipeline/new.ts", "pipeline/old.ts", "tests/engine.test.ts"]);
    // Uncommitted work is never mixed in.
    const again = await runCli(["upgrade", "--from", upstream, "--to", "v2"], city);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("コミットされていません");
  });
});

describe("setup --keepalive", () => {
  it("re-enables the scheduled workflows only when the last commit is 45 days old or more", async () => {
    const sim = await new GithubSim().start();
    try {
      sim.settings.workflows.push(
        { id: 11, name: "publish", path: ".github/workflows/publish.yml", state: "active" },
        { id: 12, name: "invoice", path: ".github/workflows/invoice.yml", state: "disabled_inactivity" },
      );
      const root = await tempDir();
      gitAt(root, undefined, "init", "-q", "-b", "main");
      await put(root, { "kawaraban.config.yml": "site: x\n" });
      commit(root, "2026-10-01T10:00:00+09:00", "last");
      const env = { GITHUB_TOKEN: "test-token", GITHUB_REPOSITORY: "hibarino/kawaraban", GITHUB_API_URL: sim.url, KAWARABAN_TEST_FAST_GITHUB: "1" };
      const quiet = await runCli(["setup", "--keepalive"], root, env, new Date("2026-10-20T00:00:00+09:00"));
      expect(quiet.stdout).toContain("18 日");
      expect(sim.writes()).toEqual([]);
      const late = await runCli(["setup", "--keepalive"], root, env, new Date("2026-11-20T00:00:00+09:00"));
      expect(late.stdout).toContain("有効にし直しました: publish、invoice");
      expect(sim.settings.workflows.map((w) => w.state)).toEqual(["active", "active"]);
      expect(sim.writes().map((w) => w.operationId)).toEqual(["actions/disable-workflow", "actions/enable-workflow", "actions/enable-workflow"]);
      expect(sim.violations).toEqual([]);
    } finally {
      await sim.stop();
    }
  });
});
