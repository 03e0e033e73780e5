import type { Config } from "../article/config.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { report } from "../diagnostics/rules.ts";
import { inputRules } from "../diagnostics/input-rules.ts";
import { readText } from "../source/decode.ts";
import type { Snapshot } from "../source/snapshot.ts";
import { APPROVALS_FILE, BRIEFS_DIR, MAX_BRIEF_BYTES, parseApprovals, parseBrief, type Brief } from "./brief.ts";

export interface BriefBook {
  briefs: Map<string, Brief>;
  /** Brief id → the fee city staff approved. */
  approvals: Map<string, number>;
  diagnostics: Diagnostic[];
}

/**
 * The briefs of a snapshot (briefs/YYYY-MM/*.yml) and the fee approvals, each file read within
 * the size limit, no link followed; a broken brief is a diagnostic, the others load.
 */
export async function readBriefBook(snapshot: Snapshot, config: Config): Promise<BriefBook> {
  const book: BriefBook = { briefs: new Map(), approvals: new Map(), diagnostics: [] };
  for (const entry of await snapshot.list(BRIEFS_DIR)) {
    const file = entry.path;
    if (!file.endsWith(".yml")) {
      if (!file.endsWith("/.gitkeep")) book.diagnostics.push(report(inputRules.notArticle, file, "briefs/ には依頼のファイル（.yml）だけを置きます。"));
      continue;
    }
    const read = await readText(snapshot, file, MAX_BRIEF_BYTES);
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
