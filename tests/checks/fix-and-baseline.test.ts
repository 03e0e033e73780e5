import { describe, it, expect } from "vitest";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { lintRepo } from "../support/sample-repo.ts";
import { initRepo, git } from "../support/repo.ts";
import { runCli } from "../support/cli.ts";

const ARTICLE = "articles/2026/11/bousai.md";

describe("check --fix", () => {
  it("applies safe fixes, keeps BOM, CRLF and front matter byte for byte, and is idempotent", async () => {
    const root = await lintRepo();
    const file = path.join(root, ARTICLE);
    const original = await readFile(file, "utf8");
    const broken = `\ufeff${original.replace("まずは家にあるもの", "まずは家ににあるもの").replace(/\n/g, "\r\n")}`;
    await writeFile(file, broken);
    const result = await runCli(["check", "--fix", ARTICLE], root);
    expect(result.stdout).toContain(`修正しました: ${ARTICLE}（kawaraban/repeated-word 1 件）`);
    expect(result.code).toBe(0);
    const fixed = await readFile(file, "utf8");
    expect(fixed).toBe(broken.replace("家ににある", "家にある"));
    const again = await runCli(["check", "--fix", ARTICLE], root);
    expect(again.stdout).not.toContain("修正しました");
    expect(await readFile(file, "utf8")).toBe(fixed);
  });

  it("keeps the JSON document alone on stdout and reports fixes on stderr", async () => {
    const root = await lintRepo();
    const file = path.join(root, ARTICLE);
    await writeFile(file, (await readFile(file, "utf8")).replace("家にあるもの", "家ににあるもの"));
    const result = await runCli(["check", "--fix", "--format", "json", ARTICLE], root);
    expect(JSON.parse(result.stdout).summary.errors).toBe(0);
    expect(result.stderr).toContain("修正しました");
  });
});

describe("baseline", () => {
  it("records existing findings so a change fails only on what it introduces", async () => {
    const root = await lintRepo();
    const file = path.join(root, ARTICLE);
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("まずは家にあるもの", "まずは家ににあるもの"));
    initRepo(root);
    expect((await runCli(["check", ARTICLE], root)).code).toBe(1);

    const baseline = await runCli(["baseline"], root);
    expect(baseline.code).toBe(0);
    expect(baseline.stdout).toContain("既存の指摘 1 件");
    const recorded = await readFile(path.join(root, "kawaraban.baseline.json"), "utf8");
    expect(recorded).toContain('"ruleId":"kawaraban/repeated-word"');

    // Text added above moves the old finding down: still recognised.
    await writeFile(file, (await readFile(file, "utf8")).replace("## 体験して分かること", "## 体験して分かること\n\n訓練は毎年行われています。"));
    const unchanged = await runCli(["check", "--format", "json", ARTICLE], root);
    expect(JSON.parse(unchanged.stdout).summary).toMatchObject({ errors: 0, baselined: 1 });
    expect(unchanged.code).toBe(0);

    // A new instance of the same problem is reported.
    await writeFile(file, (await readFile(file, "utf8")).replace("訓練は毎年行われています。", "訓練はは毎年行われています。"));
    const introduced = await runCli(["check", "--format", "json", ARTICLE], root);
    const doc = JSON.parse(introduced.stdout);
    expect(doc.summary).toMatchObject({ errors: 1, baselined: 1 });
    expect(doc.files[0].messages[0].ruleId).toBe("kawaraban/repeated-word");
    expect(introduced.code).toBe(1);
    expect((await runCli(["check", "--no-baseline", "--format", "json", ARTICLE], root)).stdout).toContain('"errors": 2');
    git(root, "status");
  });
});
