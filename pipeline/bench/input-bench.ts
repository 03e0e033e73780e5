import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { makeCorpusRepo } from "./prose-bench.ts";
import { measure, fmtSeconds, table } from "./measure.ts";

/** Issue #2's promise: a 10 MB article is refused by its size, without being read. */
export async function inputBench(repoRoot: string, workDir: string): Promise<string> {
  const dir = path.join(workDir, "input");
  await makeCorpusRepo(repoRoot, dir, 1);
  await mkdir(path.join(dir, "articles/huge"), { recursive: true });
  await writeFile(path.join(dir, "articles/huge/huge.md"), `---\ntitle: 大きい\n---\n${"あ".repeat(3_500_000)}\n`);
  const kawaraban = path.join(repoRoot, "bin/kawaraban.js");
  const huge = measure(process.execPath, [kawaraban, "check", "--format", "json", "articles/huge/huge.md"], dir);
  const version = measure(process.execPath, [kawaraban, "--version"], dir);
  return `Input: refusing a 10 MB article\n${table([
    ["", "time"],
    ["kawaraban check huge.md (10 MB)", fmtSeconds(huge.seconds)],
    ["  of which start-up (kawaraban --version)", fmtSeconds(version.seconds)],
  ])}\nexit code ${huge.exitCode} (1: the size error)`;
}
