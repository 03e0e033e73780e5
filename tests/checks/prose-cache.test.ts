import { describe, it, expect } from "vitest";
import { readFile, writeFile, readdir } from "node:fs/promises";
import path from "node:path";
import { lintRepo } from "../support/sample-repo.ts";
import { articleText, type ArticleText as Article } from "../../pipeline/article/article.ts";
import { lintProse } from "../../pipeline/checks/prose/stage.ts";

const sorted = (run: { results: Map<string, unknown> }) => [...run.results.entries()].sort(([a], [b]) => a.localeCompare(b));

async function articlesOf(root: string): Promise<Article[]> {
  const files = (await readdir(path.join(root, "articles"), { recursive: true })).filter((f) => f.endsWith(".md")).sort();
  return Promise.all(files.map(async (f) => articleText(`articles/${f}`, await readFile(path.join(root, "articles", f), "utf8")).text!));
}

describe("prose findings cache and worker pool", () => {
  it("stores findings (not only clean files) and serves them until content or configuration changes", async () => {
    const root = await lintRepo();
    const file = path.join(root, "articles/2026/11/bousai.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("家にあるもの", "家ににあるもの"));
    const cacheDir = path.join(root, ".cache/prose");
    const articles = await articlesOf(root);

    const cold = await lintProse(root, articles, { cacheDir });
    expect(cold).toMatchObject({ cacheHits: 0, linted: articles.length });
    const warm = await lintProse(root, articles, { cacheDir });
    expect(warm).toMatchObject({ cacheHits: articles.length, linted: 0 });
    expect(sorted(warm)).toEqual(sorted(cold));
    expect(warm.results.get("articles/2026/11/bousai.md")!.diagnostics.map((d) => d.ruleId)).toEqual(["kawaraban/repeated-word"]);

    // Editing the dictionary changes every key.
    await writeFile(path.join(root, "prh.yml"), `${await readFile(path.join(root, "prh.yml"), "utf8")}\n# 追記\n`);
    expect(await lintProse(root, articles, { cacheDir })).toMatchObject({ cacheHits: 0 });
    // Editing one article re-lints only that one.
    const edited = articles.map((a) => (a.path.endsWith("bousai.md") ? articleText(a.path, `${a.raw}\n追記です。\n`).text! : a));
    expect(await lintProse(root, edited, { cacheDir })).toMatchObject({ cacheHits: articles.length - 1, linted: 1 });
  });

  it("gives the same findings through worker threads as in-process", async () => {
    const root = await lintRepo();
    const articles = await articlesOf(root);
    const inProcess = await lintProse(root, articles, { workers: 0 });
    const pooled = await lintProse(root, articles, { workers: 2 });
    expect(sorted(pooled)).toEqual(sorted(inProcess));
  });
});
