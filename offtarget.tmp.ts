import { readFileSync } from "node:fs";
import { articleText } from "/work/main/pipeline/article/article.ts";
import { lintProse } from "/work/main/pipeline/checks/prose/stage.ts";
const dir = process.argv[2]!; const rule = process.argv[3] ?? "prh";
const arts = readFileSync(`${dir}/articles.jsonl`, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const HEAD = "---\ntitle: 評価\nwriter: eval\ndate: 2026-12-01\nsummary: 評価用です。\ncategory: eval\n---\n\n";
const texts = arts.map((a: any) => articleText(`articles/2026/12/${a.id}.md`, `${HEAD}${a.text}\n`).text!);
const run = await lintProse("/work/main", texts, { workers: 2 });
const counts = new Map<string, number>();
for (const [i, t] of texts.entries()) for (const d of run.results.get(t.path)!.diagnostics) {
  if (d.severity === "info" || !d.ruleId.includes(rule)) continue;
  const k = rule === "prh" ? d.message.slice(0, 50) : `${arts[i].id} L${d.line} ${d.message.slice(0, 70)} «${t.raw.split("\n")[d.line! - 1]?.slice(Math.max(0, (d.column ?? 1) - 12), (d.column ?? 1) + 12)}»`;
  counts.set(k, (counts.get(k) ?? 0) + 1);
}
for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(n, k);
