import { describe, it, expect, beforeAll } from "vitest";
import { readFile, writeFile, mkdir, rm, rename } from "node:fs/promises";
import path from "node:path";
import { tempDir, gitAt, mergePr, SAMPLE_ROOT } from "../support/repo.ts";
import { readLedger } from "../../pipeline/invoice/ledger.ts";
import { runCli } from "../support/cli.ts";

const article = (title: string, writer: string, extra = "", body = "本文です。") =>
  `---\ntitle: ${title}\nwriter: ${writer}\ndate: 2026-11-01\nsummary: 概要です。\n${extra}---\n\n${body}\n`;

async function put(root: string, file: string, text: string) {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await writeFile(path.join(root, file), text);
}

let root: string;

beforeAll(async () => {
  root = await tempDir();
  const config = await readFile(path.join(SAMPLE_ROOT, "kawaraban.config.yml"), "utf8");
  await put(root, "kawaraban.config.yml", config);
  gitAt(root, "2026-09-30T20:00:00+09:00", "init", "-q", "-b", "main");
  gitAt(root, "2026-09-30T20:00:00+09:00", "add", "-A");
  gitAt(root, "2026-09-30T20:00:00+09:00", "commit", "-q", "-m", "start");

  // Merged at 08:00 on 1 November in Japan — still 31 October in UTC: billed in November.
  await mergePr(root, "a", "2026-10-20T10:00:00+09:00", "2026-11-01T08:00:00+09:00", () =>
    put(root, "articles/2026/11/a.md", article("朝市の記事", "hinata", "category: kurashi\n")),
  );
  // A draft merged in November, made final in December: billed in December.
  await mergePr(root, "b", "2026-11-02T10:00:00+09:00", "2026-11-03T10:00:00+09:00", () =>
    put(root, "articles/2026/11/b.md", article("下書きの記事", "komorebi", "draft: true\n")),
  );
  // Edits and a rename after the merge never bill again.
  await mergePr(root, "a-edit", "2026-11-09T10:00:00+09:00", "2026-11-10T10:00:00+09:00", () =>
    put(root, "articles/2026/11/a.md", article("朝市の記事", "hinata", "category: kurashi\n", "本文を直しました。")),
  );
  await mergePr(root, "a-move", "2026-11-14T10:00:00+09:00", "2026-11-15T10:00:00+09:00", () =>
    rename(path.join(root, "articles/2026/11/a.md"), path.join(root, "articles/2026/11/asaichi.md")),
  );
  // The rate card changes; an article merged after it is paid the new rate.
  await mergePr(root, "rates", "2026-11-19T10:00:00+09:00", "2026-11-20T10:00:00+09:00", async () =>
    put(root, "kawaraban.config.yml", (await readFile(path.join(root, "kawaraban.config.yml"), "utf8")).replace("article: 15000", "article: 18000")),
  );
  await mergePr(root, "c", "2026-11-24T10:00:00+09:00", "2026-11-25T10:00:00+09:00", () =>
    put(root, "articles/2026/11/c.md", article("防災の記事", "hibari-npo")),
  );
  await mergePr(root, "e", "2026-11-24T11:00:00+09:00", "2026-11-25T11:00:00+09:00", () =>
    put(root, "articles/2026/11/e.md", article("パン屋さん", "komorebi", "category: hito\n")),
  );
  // Merged and reverted within the month: not billed.
  await mergePr(root, "d", "2026-11-26T10:00:00+09:00", "2026-11-26T12:00:00+09:00", () =>
    put(root, "articles/2026/11/d.md", article("間違えて出した記事", "hinata")),
  );
  await mergePr(root, "d-revert", "2026-11-28T10:00:00+09:00", "2026-11-28T12:00:00+09:00", () => rm(path.join(root, "articles/2026/11/d.md")));
  // A move with a rewrite, too different for git's rename detection: still the same article.
  await mergePr(root, "e-move", "2026-11-29T10:00:00+09:00", "2026-11-29T12:00:00+09:00", async () => {
    await rm(path.join(root, "articles/2026/11/e.md"));
    await put(root, "articles/2026/12/bakery.md", article("パン屋さん", "komorebi", "category: hito\n", "まったく新しい本文にしました。".repeat(30)));
  });
  await mergePr(root, "b-final", "2026-12-01T10:00:00+09:00", "2026-12-02T10:00:00+09:00", () =>
    put(root, "articles/2026/11/b.md", article("下書きの記事", "komorebi")),
  );
});

describe("the billing ledger from git history", () => {
  it("bills each article once, in the Japan-time month it first reached main as a non-draft, at that day's rates", async () => {
    const ledger = (await readLedger(root, "main")).entries;
    expect(ledger.map((e) => [e.id, e.month, e.mergedAt, e.writer, e.fee])).toEqual([
      ["articles/2026/11/a.md", "2026-11", "2026-11-01", "hinata", 15000],
      ["articles/2026/11/c.md", "2026-11", "2026-11-25", "hibari-npo", 18000],
      ["articles/2026/11/e.md", "2026-11", "2026-11-25", "komorebi", 20000],
      ["articles/2026/11/b.md", "2026-12", "2026-12-02", "komorebi", 18000],
    ]);
  });

  it("does not depend on the runner's timezone", async () => {
    const before = process.env.TZ;
    process.env.TZ = "America/Los_Angeles";
    try {
      expect((await readLedger(root, "main")).entries[0]!.month).toBe("2026-11");
    } finally {
      process.env.TZ = before;
    }
  });

  it("computes the month's statements, and re-running gives the same bytes", async () => {
    const first = await runCli(["invoice", "--month", "2026-11"], root);
    const doc = JSON.parse(first.stdout);
    expect(
      doc.writers.map((w: { writer: string; subtotal: number; consumptionTax: number; withholdingTax: number; payment: number }) => [
        w.writer,
        w.subtotal,
        w.consumptionTax,
        w.withholdingTax,
        w.payment,
      ]),
    ).toEqual([
      ["hibari-npo", 18000, 1800, 0, 19800],
      ["hinata", 15000, 1500, 1531, 14969],
      ["komorebi", 20000, 0, 2042, 17958],
    ]);
    expect(doc.totals).toEqual({ subtotal: 53000, consumptionTax: 3300, withholdingTax: 3573, payment: 52727 });
    expect((await runCli(["invoice", "--month", "2026-11"], root)).stdout).toBe(first.stdout);
  });

  it("freezes a closed month and books a late adjustment in the next open month", async () => {
    const tooEarly = await runCli(["invoice", "--month", "2026-11", "--close"], root, {}, new Date("2026-11-30T14:59:00Z"));
    expect(tooEarly.stderr).toContain("まだ終わっていない");
    const closed = await runCli(["invoice", "--month", "2026-11", "--close"], root, {}, new Date("2026-11-30T15:00:00Z"));
    expect(closed.stdout).toContain("2026-11 を締めました");
    const frozen = await readFile(path.join(root, "invoices/2026-11.json"), "utf8");
    await writeFile(
      path.join(root, "invoices/adjustments.yml"),
      `- writer: hinata\n  month: 2026-11\n  amount: "-3000"\n  reason: 写真の差し替え分の減額\n  approver: hibarino-koho\n- writer: komorebi\n  month: 2026-12\n  amount: "5000"\n  reason: 追加取材\n  approver: hibarino-koho\n`,
    );
    const november = await runCli(["invoice", "--month", "2026-11"], root);
    expect(november.stdout).toBe(frozen);
    const december = JSON.parse((await runCli(["invoice", "--month", "2026-12"], root)).stdout);
    const hinata = december.writers.find((w: { writer: string }) => w.writer === "hinata");
    expect(hinata.adjustments).toEqual([
      { amount: -3000, reason: "写真の差し替え分の減額", approver: "hibarino-koho", note: "11 月分（締め済み）から繰り越し" },
    ]);
    const komorebi = december.writers.find((w: { writer: string }) => w.writer === "komorebi");
    expect(komorebi.subtotal).toBe(18000 + 5000);
  });
});

describe("the year's figures", () => {
  it("sums the year's fixed work per payee for the 支払調書, and its payments per day for the 納付, each on its own basis", async () => {
    const year = JSON.parse((await runCli(["invoice", "--year", "2026"], root)).stdout);
    const months = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => JSON.parse((await runCli(["invoice", "--month", `2026-${String(i + 1).padStart(2, "0")}`], root)).stdout)),
    );
    // Writers: the work of the year's twelve months, whenever it is paid.
    for (const w of year.writers) {
      const own = months.flatMap((m) => m.writers.filter((x: { writer: string }) => x.writer === w.writer));
      for (const key of ["subtotal", "consumptionTax", "withholdingTax", "payment"])
        expect(w[key], `${w.writer} ${key}`).toBe(own.reduce((n: number, x: Record<string, number>) => n + x[key]!, 0));
      // The NTA's 提出範囲: over ¥50,000 in the year, corporations included.
      expect(w.statementRequired).toBe(w.paidTotal > 50_000);
    }
    // December's work is paid at the end of January 2027 (the 31st is a Sunday: the Friday before): unpaid at year end.
    expect(months[11].paidOn).toBe("2027-01-29");
    const komorebi = year.writers.find((w: { writer: string }) => w.writer === "komorebi");
    expect(komorebi.unpaid.paidTotal).toBe(months[11].writers.find((w: { writer: string }) => w.writer === "komorebi").subtotal);
    // Withholding: what was paid in 2026 — November's work, paid on 28 December (the 31st is in the year-end
    // closure), due on 10 January 2027, a Sunday before 成人の日 (11 January): the 12th.
    expect(year.withholding).toEqual([
      { paidOn: "2026-12-28", workMonths: ["2026-11"], withholdingTax: months[10].totals.withholdingTax, dueDate: "2027-01-12" },
    ]);
    expect(months[10].withholdingDueOn).toBe("2027-01-12");
    // Byte for byte the same on a second run.
    expect((await runCli(["invoice", "--year", "2026"], root)).stdout).toBe(`${JSON.stringify(year, null, 2)}\n`);
    // One file per table in each format; one kind of row per file.
    const out = path.join(root, "year-out");
    for (const format of ["csv", "md", "html"]) expect((await runCli(["invoice", "--year", "2026", "--format", format, "--out", out], root)).code).toBe(0);
    const writersCsv = await readFile(path.join(out, "invoice-2026-writers.csv"), "utf8");
    expect(writersCsv.startsWith("\ufeffライター,支払先名義,区分,登録番号,記事数")).toBe(true);
    expect(writersCsv.split("\r\n").filter(Boolean)).toHaveLength(1 + year.writers.length);
    expect(await readFile(path.join(out, "invoice-2026-withholding.csv"), "utf8")).toContain("2026-12-28,2026年11月分,3573,2027-01-12");
    expect(await readFile(path.join(out, "invoice-2026-withholding.md"), "utf8")).toContain("| 2026-12-28 | 2026年11月分 | 3,573 | 2027-01-12 |");
    expect(await readFile(path.join(out, "invoice-2026-writers.html"), "utf8")).toContain("size: A4 landscape");
    expect((await runCli(["invoice", "--year", "2026", "--format", "csv"], root)).stderr).toContain("--out");
  });

  it("refuses the semiannual special rule for manuscript fees (所得税法第216条 does not cover them), saying why", async () => {
    const file = path.join(root, "kawaraban.config.yml");
    const before = await readFile(file, "utf8");
    await writeFile(file, `${before}\ntax:\n  withholdingPayment: semiannual\n`);
    try {
      const result = await runCli(["invoice", "--year", "2026"], root);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain("納期の特例（所得税法第 216 条）の対象外");
    } finally {
      await writeFile(file, before);
    }
  });
});

describe("the monthly issue for city staff", () => {
  it("opens one issue per month with the table and a 12-month chart, then updates the same issue", async () => {
    const { GithubSim } = await import("../support/github-sim.ts");
    const sim = await new GithubSim().start();
    try {
      const env = { GITHUB_TOKEN: "test-token", GITHUB_REPOSITORY: "hibarino/kawaraban", GITHUB_API_URL: sim.url, KAWARABAN_TEST_FAST_GITHUB: "1" };
      const first = await runCli(["invoice", "--month", "2026-12", "--issue"], root, env);
      expect(first.stdout).toMatch(/イシュー #\d+ を作成しました/);
      const second = await runCli(["invoice", "--month", "2026-12", "--issue"], root, env);
      expect(second.stdout).toMatch(/イシュー #\d+ を更新しました/);
      expect(sim.issues).toHaveLength(1);
      expect(sim.issues[0]!.title).toBe("原稿料の集計（2026 年 12 月分）");
      expect(sim.issues[0]!.body).toContain("```mermaid");
      expect(sim.issues[0]!.body).toContain("| 小森 ゆう（komorebi）");
      expect(sim.repoLabels.map((l) => l.name)).toEqual(["原稿料"]);
      expect(sim.violations).toEqual([]);
    } finally {
      await sim.stop();
    }
  });
});
