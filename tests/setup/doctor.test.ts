import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { cp, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { copySampleContent } from "../support/sample-repo.ts";
import { REPO_ROOT, SAMPLE_ROOT, gitAt } from "../support/repo.ts";
import { runCli } from "../support/cli.ts";
import { GithubSim } from "../support/github-sim.ts";

/**
 * A city's first day, on a copy made the way "Use this template" makes one (the files, no
 * labels, no settings) and against a GitHub stand-in that starts as such a repository does.
 */
async function templateCopy(): Promise<string> {
  const root = await copySampleContent();
  for (const f of [".github/workflows", ".github/rulesets", ".github/dependabot.yml"])
    await cp(path.join(REPO_ROOT, f), path.join(root, f), { recursive: true });
  await cp(path.join(SAMPLE_ROOT, ".github/CODEOWNERS"), path.join(root, ".github/CODEOWNERS"));
  return root;
}

const statusOf = (doc: { items: { id: string; status: string }[] }) => Object.fromEntries(doc.items.map((i) => [i.id, i.status]));
const ADMIN = new Set([
  "administration:write",
  "pages:write",
  "secrets:read",
  "variables:read",
  "actions:write",
  "issues:write",
  "contents:write",
  "pull-requests:write",
]);

describe("kawaraban doctor on the untouched template", () => {
  it("names every leftover of the template offline, and exits 1", async () => {
    const root = await templateCopy();
    const result = await runCli(["doctor", "--offline", "--format", "json"], root);
    expect(result.code).toBe(1);
    expect(statusOf(JSON.parse(result.stdout))).toMatchObject({
      "config.base-url": "fail",
      "config.payer": "fail",
      "config.writers": "fail",
      "config.cityStaff": "fail",
      "config.editors": "fail",
      "config.contact": "fail",
      "samples.articles": "fail",
      "samples.assets": "fail",
      "samples.briefs": "fail",
      codeowners: "fail",
      "workflows.pins": "ok",
      dependabot: "ok",
      "form.categories": "ok",
      "lint.config": "ok",
      "lint.prh": "ok",
    });
    const pretty = (await runCli(["doctor", "--offline"], root)).stdout;
    expect(pretty).toContain("npx kawaraban setup --fresh で見本を消してください");
    expect(pretty).toContain("docs/setup.md");
  });
});

describe("kawaraban doctor after an upgrade", () => {
  it("asks for the new name of a renamed lint rule, and keeps passing", async () => {
    const root = await templateCopy();
    const config = await readFile(path.join(root, ".textlintrc.json"), "utf8");
    await writeFile(
      path.join(root, ".textlintrc.json"),
      config.replace('"@textlint-ja/no-insert-dropping-sa"', '"@textlint-ja/textlint-rule-no-insert-dropping-sa"'),
    );
    const result = await runCli(["doctor", "--offline", "--format", "json"], root);
    const lint = JSON.parse(result.stdout).items.find((i: { id: string }) => i.id === "lint.config");
    expect(lint.status).toBe("warn");
    expect(lint.detail).toContain("「@textlint-ja/textlint-rule-no-insert-dropping-sa」→「@textlint-ja/no-insert-dropping-sa」");
  });
});

describe("kawaraban doctor on a city's own 表記", () => {
  it("warns about an entry that would rewrite a right word, which upgrade cannot change", async () => {
    const root = await templateCopy();
    // The template's entry before 2026-12-05: 「致します」 matched inside 「一致します」.
    await writeFile(
      path.join(root, "prh.yml"),
      "version: 1\nrules:\n  - expected: いたします\n    pattern: 致します\n  - expected: 子ども\n    pattern: 子供\n",
    );
    const result = await runCli(["doctor", "--offline", "--format", "json"], root);
    const prh = JSON.parse(result.stdout).items.find((i: { id: string }) => i.id === "lint.prh");
    expect(prh.status).toBe("warn");
    expect(prh.detail).toContain("prh.yml の「致します」が正しい「意見が一致します。」にも当たります");
    expect(prh.detail).not.toContain("子供");
  });

  it("reports a hostile dictionary (an alias bomb, an unresolved alias) instead of stopping", async () => {
    const root = await templateCopy();
    const bomb = [
      "a0: &a0 [x, x, x, x, x, x, x, x, x, x]",
      ...Array.from({ length: 11 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(", ")}]`),
    ];
    for (const text of [`${bomb.join("\n")}\nrules:\n  - expected: x\n    pattern: y\n`, "version: 1\nrules: *nope\n"]) {
      await writeFile(path.join(root, "prh.yml"), text);
      const result = await runCli(["doctor", "--offline", "--format", "json"], root);
      expect(result.stderr).not.toContain("内部エラー");
      const prh = JSON.parse(result.stdout).items.find((i: { id: string }) => i.id === "lint.prh");
      expect(prh.status).toBe("warn");
      expect(prh.detail).toContain("prh.yml を読めません");
    }
  });
});

describe("kawaraban setup against the GitHub stand-in", () => {
  let sim: GithubSim;
  let env: Record<string, string>;
  beforeAll(async () => {
    sim = await new GithubSim().start();
    sim.scopes.set("admin-token", ADMIN);
    sim.tokens.set("admin-token", "hibarino-admin");
    // As a repository made from the template starts: no labels, no Pages, no rules, Actions may not open PRs,
    // every merge method allowed, a placeholder team in CODEOWNERS, a schedule GitHub stopped.
    Object.assign(sim.settings, { actionsCanCreatePulls: false });
    sim.settings.codeownersErrors.push({
      line: 5,
      column: 27,
      kind: "Unknown owner",
      message: "Unknown owner on line 5: make sure the team @hibarino/city-staff exists",
      path: ".github/CODEOWNERS",
    });
    sim.settings.workflows.push(
      { id: 11, name: "publish", path: ".github/workflows/publish.yml", state: "disabled_inactivity" },
      { id: 12, name: "desk", path: ".github/workflows/desk.yml", state: "active" },
    );
    env = { GITHUB_TOKEN: "admin-token", GITHUB_REPOSITORY: "hibarino/kawaraban", GITHUB_API_URL: sim.url, KAWARABAN_TEST_FAST_GITHUB: "1" };
  });
  afterAll(() => sim.stop());

  it("finds what GitHub lacks, sets it, reaches the same state on a second run, and the doctor then agrees", async () => {
    const root = await templateCopy();
    const before = statusOf(JSON.parse((await runCli(["doctor", "--format", "json"], root, env)).stdout));
    expect(before).toMatchObject({
      "github.labels": "fail",
      "github.actions-pr": "fail",
      "github.pages": "fail",
      "github.rules": "fail",
      "github.merge-methods": "fail",
      "github.codeowners": "fail",
      "github.schedules": "fail",
      "github.app": "warn",
    });
    const first = await runCli(["setup", "--app-id", "424242"], root, env);
    expect(first.stdout).toContain("「kawaraban: main」を作りました");
    const state = JSON.stringify({ settings: sim.settings, labels: sim.repoLabels });
    const second = await runCli(["setup", "--app-id", "424242"], root, env);
    expect(second.stdout).toContain("同梱の内容にそろえました");
    expect(second.stdout).toContain("そろっています");
    expect(JSON.stringify({ settings: sim.settings, labels: sim.repoLabels })).toBe(state);
    expect(sim.violations).toEqual([]);
    sim.settings.codeownersErrors.length = 0; // the city commits the CODEOWNERS setup wrote
    const after = statusOf(JSON.parse((await runCli(["doctor", "--format", "json"], root, env)).stdout));
    for (const id of ["github.labels", "github.actions-pr", "github.pages", "github.rules", "github.merge-methods", "github.codeowners", "github.schedules"])
      expect(after[id], id).toBe("ok");
    expect(after["github.verdict-source"]).toBeUndefined(); // required from the App now, not from any workflow
    expect(sim.settings.rulesets[0]!.rules.find((r) => r.type === "pull_request")!.parameters!.allowed_merge_methods).toEqual(["merge"]);
    // The brief form's categories and CODEOWNERS now come from the config.
    expect(await readFile(path.join(root, ".github/CODEOWNERS"), "utf8")).toContain("/articles/                @hibarino-henshu");
  });

  it("with the workflow's GITHUB_TOKEN, says what it cannot see instead of guessing", async () => {
    const root = await templateCopy();
    const doc = JSON.parse((await runCli(["doctor", "--format", "json"], root, { ...env, GITHUB_TOKEN: "test-token" })).stdout);
    expect(statusOf(doc)).toMatchObject({ "github.actions-pr": "skip", "github.app": "skip" });
    expect(doc.items.find((i: { id: string }) => i.id === "github.actions-pr").fix).toContain("Settings → Actions → General");
  });
});

describe("setup --fresh", () => {
  it("leaves a repository that passes doctor offline, check, build and invoice", async () => {
    const root = await templateCopy();
    const fresh = await runCli(
      [
        "setup",
        "--fresh",
        "--site-title",
        "みなと市 市民ライターの瓦版",
        "--base-url",
        "https://minato-city.github.io/kawaraban/",
        "--payer",
        "みなと市 広報課",
        "--phone",
        "0120-00-0000",
        "--staff",
        "minato-koho",
        "--editors",
        "minato-henshu,minato-director",
      ],
      root,
    );
    expect(fresh.code, fresh.stdout + fresh.stderr).toBe(0);
    const config = await readFile(path.join(root, "kawaraban.config.yml"), "utf8");
    expect(config).toContain("# 原稿料を支払う側"); // comments kept
    expect(config).not.toContain("hinata:");
    expect(await readdir(path.join(root, "articles"))).toEqual([".gitkeep"]);
    const doctor = await runCli(["doctor", "--offline", "--format", "json"], root);
    expect(doctor.code, doctor.stdout).toBe(0);
    expect(statusOf(JSON.parse(doctor.stdout))).toMatchObject({ "config.writers": "warn", "samples.articles": "ok", codeowners: "ok" });
    expect((await runCli(["check"], root)).code).toBe(0);
    expect((await runCli(["build", "--out", "site"], root)).code).toBe(0);
    gitAt(root, "2026-11-01T10:00:00+09:00", "init", "-q", "-b", "main");
    gitAt(root, "2026-11-01T10:00:00+09:00", "add", "-A");
    gitAt(root, "2026-11-01T10:00:00+09:00", "commit", "-q", "-m", "start");
    const invoice = await runCli(["invoice", "--month", "2026-11"], root);
    expect(invoice.code).toBe(0);
    expect(JSON.parse(invoice.stdout).writers).toEqual([]);
  });

  it("asks for what is missing, and says which flag to use where nobody can answer", async () => {
    const root = await templateCopy();
    const result = await runCli(["setup", "--fresh"], root, { CI: "true" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("サイト名");
  });
});
