import path from "node:path";
import type { HistoryCommit } from "../git/history.ts";
import type { Article } from "../article/article.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { classifyArticlePath } from "../article/article-path.ts";
import { runCore } from "../core/check.ts";
import { readBriefBook, type BriefBook } from "../desk/read-briefs.ts";
import { BRIEFS_DIR } from "../desk/brief.ts";
import { CACHE_DIR } from "../cache-dir.ts";
import { jstDate } from "../jst.ts";
import { arrivals, policyViolations, type PolicyViolation } from "./merge-policy.ts";
import { feeBreakdown, type FeePart } from "./fees.ts";
import { briefFee } from "./brief-fee.ts";
import { sha256 } from "../hash.ts";
import { readLedgerInputs, type LedgerInputs } from "./ledger-inputs.ts";

/** One article billed once: in the month (Japan time) its file first reached the branch as a non-draft. */
export interface BillingEntry {
  /** The article's path when it was billed (its identity; renames keep it). */
  id: string;
  path: string;
  writer: string;
  title: string;
  category?: string;
  /** YYYY-MM, Asia/Tokyo. */
  month: string;
  /** YYYY-MM-DD, Asia/Tokyo. */
  mergedAt: string;
  commit: string;
  fee: number;
  /** How the fee was built (base, characters, photos), for the statement. */
  breakdown: FeePart[];
  /** The article's own date (its publication date on the site), beside the merge date. */
  publishedOn: string;
  /** The title and the body's text, whitespace folded, hashed: a copy under another path has the same one. */
  contentKey: string;
  /** The brief the article was written for (`brief:`), and why its fee was not used, if it was not. */
  brief?: string;
  /** The fee is the brief's own, approved by city staff (not the rate card). */
  feeFromBrief?: boolean;
  note?: string;
}

/** A file on the branch that looks like an article but is not billed: city staff are told why. */
export interface RefusedArticle {
  path: string;
  /** The month (Japan time) of the commit that left it in this state. */
  month: string;
  reason: string;
}

export interface Ledger {
  entries: BillingEntry[];
  refused: RefusedArticle[];
  /** Commits on main that broke the merge policy, their articles held until city staff accept them. */
  violations: PolicyViolation[];
}

interface Event {
  index: number;
  kind: "add" | "modify" | "delete";
  path: string;
  blob: string;
}

interface Identity {
  id: string;
  events: Event[];
}

const underArticles = (p: string) => p.startsWith("articles/");

/** Follows each file under articles/ through adds, edits, renames and deletions, without reading any content. */
function identities(history: readonly HistoryCommit[]): Identity[] {
  const byPath = new Map<string, Identity>();
  const all: Identity[] = [];
  history.forEach((commit, index) => {
    for (const change of commit.changes) {
      if (change.status === "R") {
        const moved = change.from && underArticles(change.from) ? byPath.get(change.from) : undefined;
        if (moved && change.from) byPath.delete(change.from);
        if (!underArticles(change.path)) continue;
        const identity = moved ?? { id: change.path, events: [] };
        if (!moved) all.push(identity);
        identity.events.push({ index, kind: moved ? "modify" : "add", path: change.path, blob: change.blob });
        byPath.set(change.path, identity);
        continue;
      }
      if (!underArticles(change.path)) continue;
      let identity = byPath.get(change.path);
      if (!identity) {
        identity = { id: change.path, events: [] };
        all.push(identity);
        byPath.set(change.path, identity);
      }
      identity.events.push({ index, kind: change.status === "D" ? "delete" : change.status === "A" ? "add" : "modify", path: change.path, blob: change.blob });
    }
  });
  return all;
}

/**
 * The billing ledger of `ref`: every version of every file under articles/ goes through the one
 * check core, on a snapshot of main as it stood after that commit, with that commit's config and
 * lint configuration (verdict.ts and `check` call the same core):
 *
 * - Only an admitted article is billed (a dot-folder, an unregistered writer, a broken front
 *   matter, an undecodable file or an article past the limits never is).
 * - An article is billed at the first commit where it is admitted as a non-draft, at the rate
 *   card of that commit (a later rate change never rewrites a past month).
 * - What the full check calls an error at that commit (prose, Markdown, accessibility, photos,
 *   briefs: possible only when protection was bypassed) is held for city staff, who pay it by
 *   accepting the commit in `billing.accepted`; a later commit that fixes it bills it then.
 * - Edits, renames and moves never bill again (renames are followed; a delete and an add of
 *   the same title and writer in one commit count as a move).
 * - An article deleted again within its billing month (a reverted merge) is not billed then;
 *   if it comes back later, it is billed when it does.
 */
export async function readLedger(root: string, ref = "HEAD", now = new Date()): Promise<Ledger> {
  const inputs = await readLedgerInputs(root, ref);
  return planLedger(inputs, judgeWith(root, inputs), now);
}

/** What the check core says of one version: the article when admitted, else why not, and the full check's errors. */
export interface Judgement {
  article?: Article;
  reason?: string;
  errors: Diagnostic[];
  book?: BriefBook;
}

type Judge = (event: { index: number; path: string }) => Promise<Judgement>;

/** The core on a snapshot of the branch after that commit: the same door, prose, photo and brief checks as `check`. */
function judgeWith(root: string, inputs: LedgerInputs): Judge {
  const books = new Map<string, Promise<BriefBook>>();
  const cache = new Map<string, Promise<Judgement>>();
  return (event) => {
    const key = `${event.index}\0${event.path}`;
    let judged = cache.get(key);
    if (!judged) {
      judged = (async (): Promise<Judgement> => {
        const config = inputs.configAt(event.index);
        if (!config) return { reason: "この時点の kawaraban.config.yml が読めないため、支払いの対象にできません。", errors: [] };
        const snapshot = inputs.snapshots.at(event.index);
        // Briefs as they stood then; the same brief files (and config) are read once.
        const version = `${inputs.configVersion(event.index)} ${inputs.snapshots
          .paths(`${BRIEFS_DIR}/`)
          .map((p) => inputs.snapshots.entryAt(p, event.index)?.id ?? "-")
          .join(" ")}`;
        let book = books.get(version);
        if (!book) books.set(version, (book = readBriefBook(snapshot, config)));
        const briefs = await book;
        const day = jstDate(inputs.history[event.index]!.date);
        const core = await runCore({
          snapshot,
          config,
          lintRoot: await inputs.lintRootAt(event.index),
          articles: [event.path],
          briefs: { briefs: briefs.briefs, today: day, delivered: new Set([event.path]) },
          decodeImages: false,
          prose: { cacheDir: path.join(root, CACHE_DIR, "prose") },
        });
        const checked = core.articles[0]!;
        // The article's own errors (its photos and brief are reported on it too). A lint configuration
        // that cannot be loaded is the repository's problem, reported by check, never the writer's.
        const errors = core.diagnostics.filter((d) => d.severity === "error" && d.path === event.path && !d.internal);
        if (!checked.article) return { reason: errors[0]?.message ?? "記事として受け付けられませんでした。", errors };
        return { article: checked.article, errors, book: briefs };
      })();
      cache.set(key, judged);
    }
    return judged;
  };
}

/** The ledger from the inputs and a judge of versions (the check core, or a stand-in in tests). */
export async function planLedger(inputs: LedgerInputs, judge: Judge, now = new Date()): Promise<Ledger> {
  const { history } = inputs;
  const people = identities(history);
  const latestConfig = inputs.configAt(history.length - 1);
  const accepted = latestConfig?.billing?.accepted ?? {};
  const arrived = arrivals(history, inputs.configAt, accepted, now.getTime());
  const acceptedMonth = (sha: string) => Object.entries(accepted).find(([prefix]) => sha.startsWith(prefix))?.[1];
  const entries: BillingEntry[] = [];
  const refused: RefusedArticle[] = [];
  for (const identity of people) {
    let billed = false;
    let lastProblem: string | undefined;
    for (let i = 0; i < identity.events.length && !billed; i++) {
      const event = identity.events[i]!;
      if (event.kind === "delete" || classifyArticlePath(event.path).kind !== "article") continue;
      const judged = await judge(event);
      const article = judged.article;
      if (!article || article.frontMatter.draft) continue;
      const commit = history[event.index]!;
      const short = commit.sha.slice(0, 7);
      const staffMonth = acceptedMonth(commit.sha);
      if (judged.errors.length > 0 && !staffMonth) {
        lastProblem = `コミット ${short} の時点で確認のエラーがあります（${judged.errors[0]!.message.slice(0, 120)}）。保護を通らずに main に入ったもので、直したコミットが入れば支払います。このままで支払うときは、市の担当者が kawaraban.config.yml の billing.accepted に「${short}: 支払う月」を書きます。`;
        continue;
      }
      const arrival = arrived[event.index]!;
      if (arrival.held) {
        refused.push({
          path: event.path,
          month: arrival.month,
          reason: `コミット ${short} が main への入れ方の決まり（billing.mergePolicy）に沿っていないため、支払いを保留しています: ${arrival.violation}。市の担当者が確かめて、kawaraban.config.yml の billing.accepted に「${short}: 支払う月」を書くと支払います。`,
        });
        break;
      }
      const month = judged.errors.length > 0 && staffMonth ? staffMonth : arrival.month;
      // Deleted again within the same month (a reverted merge): not billed; a later return may be.
      const removal = identity.events.find((e) => e.index > event.index && e.kind === "delete");
      if (removal && arrived[removal.index]!.month === month && !(await movedAway(history[removal.index]!, removal.index, article, judge))) {
        i = identity.events.indexOf(removal);
        continue;
      }
      const config = inputs.configAt(event.index)!;
      const fromBrief = briefFee(article, judged.book ?? { briefs: new Map(), approvals: new Map() });
      const breakdown = fromBrief.breakdown ?? feeBreakdown(config, article);
      const notes = [
        arrival.violation && `main への入れ方の決まりに沿っていないコミット（${short}）で入りました。月はコミットの日時どおりです`,
        judged.errors.length > 0 && `確認のエラーがあるまま main に入り、市の担当者が支払いを認めました（${short}）`,
        fromBrief.note,
      ].filter(Boolean);
      entries.push({
        id: identity.id,
        path: event.path,
        writer: article.frontMatter.writer,
        title: article.frontMatter.title,
        category: article.category?.slug,
        month,
        mergedAt: month === arrival.month ? arrival.date : `${month}-01`,
        commit: commit.sha,
        fee: breakdown.reduce((n, part) => n + part.amount, 0),
        breakdown,
        publishedOn: article.frontMatter.date,
        contentKey: contentKeyOf(article),
        ...(fromBrief.brief && { brief: fromBrief.brief }),
        ...(fromBrief.breakdown && { feeFromBrief: true }),
        ...(notes.length > 0 && { note: notes.join("。") }),
      });
      billed = true;
    }
    // Still on the branch, never billed and not a draft: city staff must hear why (once).
    const last = identity.events[identity.events.length - 1]!;
    const where = classifyArticlePath(last.path);
    if (!billed && last.kind !== "delete" && where.kind !== "placeholder" && !refused.some((r) => r.path === last.path)) {
      const state = where.kind === "article" ? await judge(last) : undefined;
      const reason = where.kind === "invalid" ? where.message : !state?.article ? state?.reason : state.article.frontMatter.draft ? undefined : lastProblem;
      if (reason) refused.push({ path: last.path, month: arrived[last.index]!.month, reason });
    }
  }
  const kept = withoutRepeats(withoutMoves(entries, people, history), people, history, refused);
  return { entries: kept, refused: refused.sort((a, b) => a.path.localeCompare(b.path)), violations: policyViolations(history, arrived) };
}

/** What makes a copy a copy: the same title over the same body (front matter aside, whitespace folded). */
function contentKeyOf(article: Article): string {
  const body = article.raw
    .split("\n")
    .slice(article.bodyStartLine - 1)
    .join("\n");
  return sha256(article.frontMatter.title, body.replace(/\s+/g, " ").trim());
}

/**
 * An article is paid once, whatever path it comes under. In the order they reached the branch,
 * a later entry is not billed again when its body is a copy of one already billed, or when it is
 * an article already billed (same writer and title) that was deleted earlier and came back. A
 * new article that only shares a title (a monthly column) is still billed: the earlier one was
 * never deleted. City staff see each one left out, with the reason.
 */
function withoutRepeats(entries: BillingEntry[], people: Identity[], history: readonly HistoryCommit[], refused: RefusedArticle[]): BillingEntry[] {
  const identityOf = new Map(people.map((p) => [p.id, p]));
  const commitIndex = new Map(history.map((c, i) => [c.sha, i]));
  const ordered = [...entries].sort((a, b) => commitIndex.get(a.commit)! - commitIndex.get(b.commit)! || a.id.localeCompare(b.id));
  const byContent = new Map<string, BillingEntry>();
  const byWork = new Map<string, BillingEntry[]>();
  const kept: BillingEntry[] = [];
  for (const entry of ordered) {
    const at = commitIndex.get(entry.commit)!;
    const work = JSON.stringify([entry.writer, entry.title]);
    const copyOf = byContent.get(entry.contentKey);
    const cameBack = (byWork.get(work) ?? []).find((earlier) => identityOf.get(earlier.id)!.events.some((e) => e.kind === "delete" && e.index <= at));
    const repeat = copyOf ?? cameBack;
    if (repeat) {
      refused.push({
        path: entry.path,
        month: entry.month,
        reason: `${repeat.path}（${repeat.month} に支払い済み）と同じ記事のため、もう一度は支払いません。`,
      });
      continue;
    }
    kept.push(entry);
    byContent.set(entry.contentKey, entry);
    byWork.set(work, [...(byWork.get(work) ?? []), entry]);
  }
  return kept;
}

/** Whether a deletion is half of a move: the same writer's same title added in the same commit. */
async function movedAway(commit: HistoryCommit, index: number, before: Article, judge: Judge): Promise<boolean> {
  for (const c of commit.changes) {
    if (c.status !== "A" || !underArticles(c.path) || classifyArticlePath(c.path).kind !== "article") continue;
    const after = (await judge({ index, path: c.path })).article;
    if (after && after.frontMatter.writer === before.frontMatter.writer && after.frontMatter.title === before.frontMatter.title) return true;
  }
  return false;
}

function withoutMoves(entries: BillingEntry[], people: Identity[], history: readonly HistoryCommit[]): BillingEntry[] {
  const identityOf = new Map(people.map((p) => [p.id, p]));
  const commitIndex = new Map(history.map((c, i) => [c.sha, i]));
  const sorted = [...entries].sort((a, b) => commitIndex.get(a.commit)! - commitIndex.get(b.commit)! || a.id.localeCompare(b.id));
  const kept: BillingEntry[] = [];
  const keptByWork = new Map<string, BillingEntry[]>();
  for (const entry of sorted) {
    const billedAt = commitIndex.get(entry.commit)!;
    const work = JSON.stringify([entry.writer, entry.title]);
    // A move git could not see as a rename: the same writer's same title, deleted in the very commit that adds this one.
    const moved = (keptByWork.get(work) ?? []).some((earlier) => identityOf.get(earlier.id)!.events.some((e) => e.kind === "delete" && e.index === billedAt));
    if (moved) continue;
    kept.push(entry);
    keptByWork.set(work, [...(keptByWork.get(work) ?? []), entry]);
  }
  return kept;
}
