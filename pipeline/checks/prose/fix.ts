import { rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { readText } from "../../source/decode.ts";
import type { Snapshot } from "../../source/snapshot.ts";
import { articleText } from "../../article/article.ts";
import { splitFrontMatter } from "../../article/front-matter.ts";

export interface FixOutcome {
  path: string;
  /** Rule id → how many fixes of it were applied. */
  applied: Record<string, number>;
  /** Why fixes were found but not written (the file is left as it was). */
  skipped?: string;
}

/**
 * `check --fix`: applies textlint's safe fixes (dictionary and notation rules) to one file.
 * The result is verified before anything is written: the front matter must be byte-for-byte
 * the same and the file must still load without new problems; on any doubt the file is left
 * alone. The file is read through the work tree snapshot (a link is never followed), the write
 * is atomic (temporary file, then rename), and BOM and line endings are kept.
 */
export async function fixArticleFile(root: string, snapshot: Snapshot, repoPath: string, cap: number): Promise<FixOutcome | undefined> {
  const read = await readText(snapshot, repoPath, cap);
  if (!read.ok) return undefined;
  const before = articleText(repoPath, read.text);
  if (!before.text || before.diagnostics.length > 0) return undefined; // broken front matter: not ours to touch
  const linter = await (await import("./textlint.mjs")).textlintFor(root);
  const { output, applied } = await linter.fix(read.text, path.join(root, repoPath));
  if (output === read.text || applied.length === 0) return undefined;
  const counts: Record<string, number> = {};
  for (const m of applied) counts[m.ruleId] = (counts[m.ruleId] ?? 0) + 1;

  const doubt = verify(repoPath, read.text, output);
  if (doubt) return { path: repoPath, applied: counts, skipped: doubt };
  const target = path.join(root, repoPath);
  const temp = `${target}.kawaraban-fix.tmp`;
  await writeFile(temp, (read.bom ? "\ufeff" : "") + output, "utf8");
  await rename(temp, target);
  return { path: repoPath, applied: counts };
}

function verify(repoPath: string, before: string, after: string): string | undefined {
  const a = splitFrontMatter(before);
  const b = splitFrontMatter(after);
  if (!a.ok || !b.ok) return "修正後の front matter が読めなくなるため";
  const head = (text: string, lines: number) => text.split("\n").slice(0, lines).join("\n");
  if (head(before, a.closingLine) !== head(after, b.closingLine)) return "修正が front matter に及ぶため";
  const reloaded = articleText(repoPath, after);
  if (!reloaded.text || reloaded.diagnostics.length > 0) return "修正後の記事が読み込めなくなるため";
  return undefined;
}
