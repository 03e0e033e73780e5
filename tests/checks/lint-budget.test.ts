import { beforeAll, describe, it, expect } from "vitest";
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
  /** Lints `raws` on a pool of stand-in workers (timed.mjs) and settles every article. */
  async function settle(size: number, budgetMs: number, raws: string[]) {
    const { LintPool } = await import("../../pipeline/checks/prose/pool.ts");
    const pool = new LintPool(size, [], budgetMs, entry);
    try {
      return await Promise.allSettled(raws.map((raw) => pool.lint(job(raw))));
    } finally {
      await pool.close();
    }
  }
  const timedOut = (r: PromiseSettledResult<unknown>) => r.status === "rejected" && r.reason instanceof LintTimeoutError;
  let LintTimeoutError: typeof import("../../pipeline/checks/prose/pool.ts").LintTimeoutError;
  beforeAll(async () => {
    ({ LintTimeoutError } = await import("../../pipeline/checks/prose/pool.ts"));
  });

  it("starts an article's clock when a loaded worker starts it: slow loading and a long queue never time out", async () => {
    // Loading takes 40 times the budget, and eight articles queue for two workers.
    const results = await settle(2, 50, Array(8).fill("load:2000 lint:0"));
    expect(results.filter(timedOut)).toEqual([]);
  }, 60_000);

  it("stops only the article that itself runs past the budget, never one waiting behind it", async () => {
    const [slow, after] = await settle(1, 300, ["load:0 lint:5000", "load:0 lint:0"]);
    expect(timedOut(slow!)).toBe(true);
    expect(after!.status).toBe("fulfilled");
  }, 60_000);

  it("fails only the article whose worker crashed; the one waiting there goes to a fresh worker", async () => {
    const [crashed, waiting] = await settle(1, Infinity, ["load:0 lint:200 crash", "load:0 lint:0"]);
    expect(crashed!.status === "rejected" && String(crashed!.reason)).toContain("rule crashed");
    expect(waiting!.status).toBe("fulfilled");
  }, 60_000);

  it("gives every article the error when no worker can load, instead of starting workers forever", async () => {
    process.env.KAWARABAN_TEST_WORKER_CANNOT_LOAD = "1";
    try {
      const results = await settle(2, Infinity, Array(5).fill("load:0 lint:0"));
      expect(results.map((r) => r.status)).toEqual(Array(5).fill("rejected"));
    } finally {
      delete process.env.KAWARABAN_TEST_WORKER_CANNOT_LOAD;
    }
  }, 60_000);
});
