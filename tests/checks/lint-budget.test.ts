import { describe, it, expect } from "vitest";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { articleText } from "../../pipeline/article/article.ts";
import { lintProse } from "../../pipeline/checks/prose/stage.ts";
import { copySampleContent } from "../support/sample-repo.ts";

describe("the per-article lint budget", () => {
  it("stops a lint that runs past its budget, reports it in Japanese, and lints the other articles", async () => {
    const root = await copySampleContent();
    const files = ["articles/2026/11/bousai.md", "articles/2026/11/satoyama-walk.md", "articles/2026/10/coworking.md"];
    const articles = await Promise.all(files.map(async (f) => articleText(f, await readFile(path.join(root, f), "utf8")).text!));
    // A budget no lint can meet (loading textlint alone takes longer): every article is stopped,
    // every worker replaced, and the run still ends.
    const stopped = await lintProse(root, articles, { workers: 2, lintBudgetMs: 1 });
    for (const f of files) {
      const messages = stopped.results.get(f)!.diagnostics;
      expect(
        messages.map((d) => d.ruleId),
        f,
      ).toEqual(["limits/time"]);
      expect(messages[0]!.message).toContain("途中で止めました");
    }
    // With the normal budget the same articles lint as usual.
    const normal = await lintProse(root, articles, { workers: 2 });
    expect(normal.results.get(files[0]!)!.diagnostics.some((d) => d.ruleId === "limits/time")).toBe(false);
  }, 120_000);
});

describe("the budget measures the article, not the machine", () => {
  const entry = new URL("../fixtures/workers/timed.mjs", import.meta.url);
  const job = (raw: string) => ({ root: "/r", absPath: "/r/articles/a.md", raw });

  it("starts an article's clock when a loaded worker starts it: slow loading and a long queue never time out", async () => {
    const { LintPool, LintTimeoutError } = await import("../../pipeline/checks/prose/pool.ts");
    // Loading takes 40 times the budget, and eight articles queue for two workers.
    const pool = new LintPool(2, [], 50, entry);
    try {
      const results = await Promise.allSettled(Array.from({ length: 8 }, () => pool.lint(job("load:2000 lint:0"))));
      expect(results.filter((r) => r.status === "rejected" && r.reason instanceof LintTimeoutError)).toEqual([]);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("stops only the article that itself runs past the budget, never one waiting behind it", async () => {
    const { LintPool, LintTimeoutError } = await import("../../pipeline/checks/prose/pool.ts");
    const pool = new LintPool(1, [], 300, entry);
    try {
      const [slow, after] = await Promise.allSettled([pool.lint(job("load:0 lint:5000")), pool.lint(job("load:0 lint:0"))]);
      expect(slow.status === "rejected" && slow.reason instanceof LintTimeoutError).toBe(true);
      expect(after.status).toBe("fulfilled");
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("fails only the article whose worker crashed; the one waiting there goes to a fresh worker", async () => {
    const { LintPool } = await import("../../pipeline/checks/prose/pool.ts");
    const pool = new LintPool(1, [], Infinity, entry);
    try {
      const [crashed, waiting] = await Promise.allSettled([pool.lint(job("load:0 lint:200 crash")), pool.lint(job("load:0 lint:0"))]);
      expect(crashed.status === "rejected" && String(crashed.reason)).toContain("rule crashed");
      expect(waiting.status).toBe("fulfilled");
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("gives every article the error when no worker can load, instead of starting workers forever", async () => {
    const { LintPool } = await import("../../pipeline/checks/prose/pool.ts");
    process.env.KAWARABAN_TEST_WORKER_CANNOT_LOAD = "1";
    const pool = new LintPool(2, [], Infinity, entry);
    try {
      const results = await Promise.allSettled(Array.from({ length: 5 }, () => pool.lint(job("load:0 lint:0"))));
      expect(results.map((r) => r.status)).toEqual(Array(5).fill("rejected"));
    } finally {
      delete process.env.KAWARABAN_TEST_WORKER_CANNOT_LOAD;
      await pool.close();
    }
  }, 60_000);
});
