import { describe, it, expect, beforeAll } from "vitest";
import { readFile, writeFile, rm } from "node:fs/promises";
import path from "node:path";
import { git, initRepo } from "../support/repo.ts";
import { copySampleContent } from "../support/sample-repo.ts";
import { runCli } from "../support/cli.ts";
import { changedSince } from "../../pipeline/git/changed.ts";

describe("check --changed-since", () => {
  let root: string;

  beforeAll(async () => {
    root = await copySampleContent();
    initRepo(root);
    git(root, "switch", "-q", "-c", "writer/new-article");
    // Edit one article so that it now has an error.
    const edited = path.join(root, "articles/2026/11/bousai.md");
    await writeFile(edited, (await readFile(edited, "utf8")).replace("writer: hibari-npo", "writer: hibari"));
    // Rename one, delete one, add one (committed) and leave one untracked.
    git(root, "mv", "articles/2026/10/coworking.md", "articles/2026/10/engawa-office.md");
    git(root, "rm", "-q", "articles/2026/09/asaichi.md");
    const added = await readFile(path.join(root, "articles/2026/11/satoyama-walk.md"), "utf8");
    await writeFile(path.join(root, "articles/2026/11/new.md"), added.replace("title: 紅葉", "title: 新しい紅葉"));
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "writer's work");
    await writeFile(path.join(root, "articles/2026/11/untracked.md"), added);
    await writeFile(path.join(root, "kawaraban.config.yml"), `${await readFile(path.join(root, "kawaraban.config.yml"), "utf8")}\n`);
    // main moves on after the branch: those changes are not the PR's.
    git(root, "switch", "-q", "main");
    await rm(path.join(root, "articles/2026/11/untracked.md"));
    git(root, "stash", "-q", "-u");
    git(root, "mv", "articles/2026/09/kosodate-hiroba.md", "articles/2026/09/hiroba.md");
    git(root, "commit", "-q", "-m", "main moves on");
    git(root, "switch", "-q", "writer/new-article");
    git(root, "stash", "pop", "-q");
    await writeFile(path.join(root, "articles/2026/11/untracked.md"), added);
  });

  it("lists changed, renamed, added and untracked files against the merge base", async () => {
    const changed = await changedSince(root, "main");
    expect(changed.changed).toEqual([
      "articles/2026/10/engawa-office.md",
      "articles/2026/11/bousai.md",
      "articles/2026/11/new.md",
      "articles/2026/11/untracked.md",
      "kawaraban.config.yml",
    ]);
    expect(changed.deleted).toEqual(["articles/2026/09/asaichi.md"]);
    expect(changed.renamed.get("articles/2026/10/engawa-office.md")).toBe("articles/2026/10/coworking.md");
  });

  it("checks only the changed articles and exits 1 for the new error", async () => {
    const result = await runCli(["check", "--changed-since", "main", "--format", "json"], root);
    const doc = JSON.parse(result.stdout);
    expect(doc.files.map((f: { path: string }) => f.path)).toEqual([
      "articles/2026/10/engawa-office.md",
      "articles/2026/11/bousai.md",
      "articles/2026/11/new.md",
      "articles/2026/11/untracked.md",
    ]);
    expect(doc.summary.errors).toBe(1);
    expect(doc.files[1].messages[0].ruleId).toBe("frontmatter/unknown-writer");
    expect(result.code).toBe(1);
  });

  it("can be narrowed to given paths", async () => {
    const result = await runCli(["check", "--changed-since", "main", "--format", "json", "articles/2026/10"], root);
    expect(JSON.parse(result.stdout).files.map((f: { path: string }) => f.path)).toEqual(["articles/2026/10/engawa-office.md"]);
    expect(result.code).toBe(0);
  });

  it("runs from a subfolder with paths relative to it", async () => {
    const result = await runCli(["check", "--format", "json", "2026/11/bousai.md"], path.join(root, "articles"));
    expect(JSON.parse(result.stdout).files.map((f: { path: string }) => f.path)).toEqual(["articles/2026/11/bousai.md"]);
  });

  it("exits 2 with a Japanese message for an unknown ref", async () => {
    const result = await runCli(["check", "--changed-since", "no-such-branch"], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("比較の基準「no-such-branch」が git で見つかりません");
    expect(result.stdout).toBe("");
  });
});
