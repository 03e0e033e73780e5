import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Config } from "../article/config.ts";
import { report } from "../diagnostics/rules.ts";
import { inputRules } from "../diagnostics/input-rules.ts";
import { readText } from "../source/decode.ts";
import type { Snapshot } from "../source/snapshot.ts";
import { APPROVALS_FILE, MAX_BRIEF_BYTES, briefRules, parseBrief, resolveBrief, type Brief } from "../desk/brief.ts";
import { checkBriefLink } from "../checks/brief-links.ts";
import type { CheckedArticle } from "./check.ts";

/** How the articles' `brief:` is judged: against which briefs, on which day, and whether an article is delivered already. */
export interface BriefContext {
  briefs: ReadonlyMap<string, Brief>;
  /** YYYY-MM-DD, Japan time. */
  today: string;
  /** Articles already on main: a deadline passed since then is no longer the writer's problem. */
  delivered: ReadonlySet<string>;
  /** Briefs delivered on main (brief id → article path, see delivered-briefs.ts); absent where nobody asks (the ledger). */
  deliveredBy?: ReadonlyMap<string, string>;
}

/**
 * Each article's `brief:`. A brief is one piece of work: an article not yet on main that cites
 * a brief another article already delivers — on main (and still there in this snapshot: a
 * change that moves that article is not a second one) or earlier in this same change — is refused.
 */
export async function checkBriefLinks(ctx: BriefContext, articles: readonly CheckedArticle[], snapshot: Snapshot): Promise<void> {
  const inThisChange = new Map<string, string>();
  for (const a of [...articles].sort((x, y) => x.path.localeCompare(y.path))) {
    if (!a.article?.frontMatter.brief) continue;
    const delivered = ctx.delivered.has(a.path);
    const id = resolveBrief(ctx.briefs, a.article.frontMatter.brief).brief?.id;
    let deliveredBy: string | undefined;
    if (id && !delivered) {
      const onMain = ctx.deliveredBy?.get(id);
      deliveredBy = onMain && onMain !== a.path && (await snapshot.entry(onMain)) ? onMain : inThisChange.get(id);
      if (!inThisChange.has(id)) inThisChange.set(id, a.path);
    }
    a.diagnostics.push(...checkBriefLink({ article: a.article, stats: a.stats, delivered, ...(deliveredBy && { deliveredBy }) }, ctx.briefs, ctx.today));
  }
}

/** Brief files as the snapshot has them: each must read and parse (approvals are city staff's and parsed where used). */
export async function checkBriefFiles(snapshot: Snapshot, config: Config, files: readonly string[]): Promise<Diagnostic[]> {
  const found: Diagnostic[] = [];
  for (const file of files) {
    if (file === APPROVALS_FILE || file.endsWith("/.gitkeep")) continue;
    if (!file.endsWith(".yml")) {
      found.push(report(inputRules.notArticle, file, "briefs/ には依頼のファイル（.yml）だけを置きます。"));
      continue;
    }
    const read = await readText(snapshot, file, MAX_BRIEF_BYTES);
    if (!read.ok) {
      if (read.diagnostics.every((d) => d.ruleId === "input/not-found")) continue; // deleted in this change
      found.push(report(briefRules.invalid, file, "依頼のファイルを読み込めませんでした（16 KB までの UTF-8 のテキストにします）。"));
      continue;
    }
    found.push(...parseBrief(file, read.text, config).diagnostics);
  }
  return found;
}
