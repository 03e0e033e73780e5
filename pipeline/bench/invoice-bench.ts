import { execFileSync, spawnSync } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { measure, fmtMB, fmtSeconds, table } from "./measure.ts";
import { mulberry32 } from "./corpus.ts";

/**
 * 10,000 merged articles by 100 writers over 12 months, one first-parent commit each, built
 * with `git fast-import` (seconds, not minutes). Then one month's invoice, history included.
 */
export async function invoiceBench(repoRoot: string, workDir: string): Promise<string> {
  const dir = path.join(workDir, "invoice-10k");
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const base = await readFile(path.join(repoRoot, "kawaraban.config.yml"), "utf8");
  const writers = Array.from({ length: 100 }, (_, i) => `w${String(i).padStart(3, "0")}`);
  const config = base.replace(
    /\nwriters:\n[\s\S]*?\n# 原稿料/,
    () =>
      `\nwriters:\n${writers.map((w, i) => `  ${w}:\n    name: ライター${i}\n    invoiceName: ライター ${i}\n    type: ${i % 10 === 0 ? "corporation" : "individual"}\n    chargesConsumptionTax: ${i % 2 === 0}\n`).join("")}\n# 原稿料`,
  );
  const rng = mulberry32(7);
  const start = Date.parse("2026-01-01T00:00:00+09:00") / 1000;
  const span = 365 * 24 * 3600;
  const chunks: string[] = [];
  const blob = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  chunks.push(
    `commit refs/heads/main\nmark :1\ncommitter bench <b@example.test> ${start - 3600} +0900\n${blob("config")}M 100644 inline kawaraban.config.yml\n${blob(config)}`,
  );
  const times = Array.from({ length: 10_000 }, () => start + Math.floor(rng() * span)).sort((a, b) => a - b);
  times.forEach((t, i) => {
    const writer = writers[Math.floor(rng() * writers.length)]!;
    const month = new Date((t + 9 * 3600) * 1000).toISOString().slice(0, 7);
    const text = `---\ntitle: 記事 ${i}\nwriter: ${writer}\ndate: ${month}-01\nsummary: 概要 ${i}\ncategory: ${i % 5 === 0 ? "hito" : "kurashi"}\n---\n\n本文 ${i} です。\n`;
    chunks.push(
      `commit refs/heads/main\nmark :${i + 2}\ncommitter bench <b@example.test> ${t} +0900\n${blob(`article ${i}`)}from :${i + 1}\nM 100644 inline articles/${month.replace("-", "/")}/${String(i).padStart(5, "0")}.md\n${blob(text)}`,
    );
  });
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: dir });
  const imported = spawnSync("git", ["fast-import", "--quiet"], { cwd: dir, input: chunks.join("") });
  if (imported.status !== 0) throw new Error(`fast-import failed: ${imported.stderr}`);
  execFileSync("git", ["checkout", "-q", "main"], { cwd: dir });
  await writeFile(path.join(dir, ".gitignore"), "node_modules\n");

  const kawaraban = path.join(repoRoot, "bin/kawaraban.js");
  const run = measure(process.execPath, [kawaraban, "invoice", "--month", "2026-06", "--format", "json"], dir);
  const csv = measure(process.execPath, [kawaraban, "invoice", "--month", "2026-06", "--format", "csv", "--out", "out"], dir);
  return `Invoice: 10,000 merged articles, 100 writers, 12 months of history\n${table([
    ["", "time", "peak RSS", "goal"],
    ["invoice --month 2026-06 (JSON, history included)", fmtSeconds(run.seconds), fmtMB(run.peakMB), "< 2 s"],
    ["invoice --month 2026-06 --format csv", fmtSeconds(csv.seconds), fmtMB(csv.peakMB), ""],
  ])}\nexit codes ${run.exitCode}/${csv.exitCode}`;
}
