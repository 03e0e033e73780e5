import { cp, mkdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { measure, fmtMB, fmtSeconds, table } from "./measure.ts";
import { populateHostileRepo } from "./hostile-corpus.ts";
import { LINT_CONFIG_FILES } from "../checks/prose/textlint-config.mjs";

const TEMPLATE = ["kawaraban.config.yml", "articles", "assets", ...LINT_CONFIG_FILES, "package.json"];

/**
 * Every stage on the hostile corpus (tests/fixtures/hostile: names, tags, nesting, sizes,
 * extreme images, prototype keys, beside the sample articles): time and peak RSS, cold. The
 * acceptance bound is 2 minutes and 1.5 GB per stage on a 2-core runner.
 */
export async function hostileBench(repoRoot: string, workDir: string): Promise<string> {
  const dir = path.join(workDir, "hostile");
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const entry of TEMPLATE) await cp(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true });
  await writeFile(path.join(dir, ".gitignore"), "node_modules\n.cache\n");
  await symlink(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"));
  const corpus = await populateHostileRepo(dir, repoRoot);
  const kawaraban = path.join(repoRoot, "bin/kawaraban.js");
  const stages: [string, string[]][] = [
    ["check (cold, no cache)", ["check", "--no-cache", "--format", "json"]],
    ["build", ["build", "--out", "dist"]],
    ["invoice --month 2026-11 (JSON)", ["invoice", "--month", "2026-11"]],
    ["invoice --format html", ["invoice", "--month", "2026-11", "--format", "html", "--out", "statements"]],
    ["publish --channel note-export", ["publish", "--channel", "note-export", "--out", "out"]],
  ];
  const rows = [["stage", "time", "peak RSS", "exit", "bound"]];
  for (const [name, args] of stages) {
    const m = measure(process.execPath, [kawaraban, ...args], dir);
    rows.push([name, fmtSeconds(m.seconds), fmtMB(m.peakMB), String(m.exitCode), "< 120 s, < 1.5 GB"]);
  }
  return `Hostile corpus: ${corpus.cases.length} hostile and valid files beside the 9 samples, each stage cold\n${table(rows)}`;
}
