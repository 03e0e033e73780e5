/**
 * `npm run bench`: performance goals measured side by side with the plain tools, on generated
 * realistic data. Not a test: it prints figures (and takes minutes).
 *   npm run bench [-- --only prose|input|images|invoice|site|hostile|quality|desk|workflow|writer] [--articles 1000]
 *                 [--devset <folder of real articles> (with --only quality)]
 *                 [--eval <folder with articles.jsonl + mistakes.jsonl> [--missed]] (with --only quality)
 *                 [--beginner <JSON list of {kind, text, wrong}>] (with --only quality)
 */
import { parseArgs } from "node:util";
import { mkdir } from "node:fs/promises";
import { availableParallelism, cpus, totalmem, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { proseBench } from "./prose-bench.ts";
import { inputBench } from "./input-bench.ts";
import { imagesBench } from "./images-bench.ts";
import { invoiceBench } from "./invoice-bench.ts";
import { siteBench } from "./site-bench.ts";
import { hostileBench } from "./hostile-bench.ts";
import { qualityBench } from "./prose-quality.ts";
import { deskBench } from "./desk-bench.ts";
import { workflowBench } from "./workflow-bench.ts";
import { writerBench } from "./writer-bench.ts";
import { hasGnuTime } from "./measure.ts";

const repoRoot = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
const { values } = parseArgs({
  options: {
    only: { type: "string" },
    articles: { type: "string", default: "1000" },
    devset: { type: "string" },
    eval: { type: "string" },
    missed: { type: "boolean" },
    beginner: { type: "string" },
  },
});
const workDir = path.join(tmpdir(), "kawaraban-bench");
await mkdir(workDir, { recursive: true });

const sections: Record<string, () => Promise<string>> = {
  input: () => inputBench(repoRoot, workDir),
  prose: () => proseBench(repoRoot, workDir, Number(values.articles)),
  images: () => imagesBench(repoRoot, workDir),
  invoice: () => invoiceBench(repoRoot, workDir),
  site: () => siteBench(repoRoot, workDir),
  hostile: () => hostileBench(repoRoot, workDir),
  quality: () =>
    qualityBench(repoRoot, values.devset ?? process.env.KAWARABAN_DEVSET, values.eval ?? process.env.KAWARABAN_EVAL, values.missed ?? false, values.beginner),
  desk: () => deskBench(repoRoot, workDir),
  workflow: () => workflowBench(repoRoot, workDir),
  writer: () => writerBench(repoRoot, workDir),
};

console.log(`kawaraban bench — Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? "?"}), ${Math.round(totalmem() / 2 ** 30)} GiB`);
if (!hasGnuTime) console.log("(peak RSS needs GNU time: apt-get install time)");
for (const [name, run] of Object.entries(sections)) {
  if (values.only && values.only !== name) continue;
  console.log(`\n${await run()}`);
}
