import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../article/config.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { readRepoTextFile } from "../article/safe-read.ts";
import { report } from "../diagnostics/rules.ts";
import { inputRules } from "../diagnostics/input-rules.ts";
import { APPROVALS_FILE, BRIEFS_DIR, MAX_BRIEF_BYTES, parseApprovals, parseBrief, type Brief } from "./brief.ts";

export interface BriefBook {
  briefs: Map<string, Brief>;
  /** Brief id → the fee city staff approved. */
  approvals: Map<string, number>;
  diagnostics: Diagnostic[];
}

/**
 * The briefs in the working tree (briefs/YYYY-MM/*.yml) and the fee approvals, each file read
 * within the size limit, no symlinks followed; a broken brief is a diagnostic, the others load.
 */
export async function readBriefBook(root: string, config: Config, gitSymlinks?: ReadonlySet<string>): Promise<BriefBook> {
  const book: BriefBook = { briefs: new Map(), approvals: new Map(), diagnostics: [] };
  const files = await listFiles(root, BRIEFS_DIR, book.diagnostics);
  for (const file of files) {
    const read = await readRepoTextFile(root, file, { maxBytes: MAX_BRIEF_BYTES, gitSymlinks });
    if (!read.ok) {
      book.diagnostics.push(...read.diagnostics);
      continue;
    }
    if (file === APPROVALS_FILE) {
      book.approvals = parseApprovals(read.text);
      continue;
    }
    const { brief, diagnostics } = parseBrief(file, read.text, config);
    book.diagnostics.push(...diagnostics);
    if (brief) book.briefs.set(brief.id, brief);
  }
  return book;
}

async function listFiles(root: string, dir: string, diagnostics: Diagnostic[]): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(path.join(root, dir), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    diagnostics.push(report(inputRules.unreadable, dir, "フォルダーを読み込めませんでした。", undefined, { cause: error }));
    return [];
  }
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const child = `${dir}/${entry.name}`;
    if (entry.isSymbolicLink()) diagnostics.push(report(inputRules.symlink, child, "シンボリックリンクは使えません。ファイルそのものを置いてください。"));
    else if (entry.isDirectory()) out.push(...(await listFiles(root, child, diagnostics)));
    else if (entry.name.endsWith(".yml")) out.push(child);
    else if (entry.name !== ".gitkeep") diagnostics.push(report(inputRules.notArticle, child, "briefs/ には依頼のファイル（.yml）だけを置きます。"));
  }
  return out;
}
