import path from "node:path";
import type { Article } from "../article/article.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { classifyArticlePath } from "../article/article-path.ts";
import { runCore } from "../core/check.ts";
import { readBriefBook, type BriefBook } from "../desk/read-briefs.ts";
import { BRIEFS_DIR } from "../desk/brief.ts";
import { CACHE_DIR } from "../cache-dir.ts";
import { jstDate } from "../jst.ts";
import { arrivals, policyViolations, type Arrival, type PolicyViolation } from "./merge-policy.ts";
import { feeBreakdown, type FeePart } from "./fees.ts";
import { briefFee, briefFeesOnce } from "./brief-fee.ts";
import { readLedgerInputs, type LedgerInputs } from "./ledger-inputs.ts";
import { identities, type Identity } from "./identities.ts";
import { contentKeyOf, movedAway, sketchOfArticle, withoutMoves, withoutRepeats } from "./repeats.ts";
import type { Sketch } from "./near-copy.ts";

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

export type Judge = (event: { index: number; path: string }) => Promise<Judgement>;

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
  const accepted = inputs.configAt(history.length - 1)?.billing?.accepted ?? {};
  const acceptedMonth = (sha: string) => Object.entries(accepted).find(([prefix]) => sha.startsWith(prefix))?.[1];
  const ctx: BillingContext = {
    inputs,
    judge,
    arrived: arrivals(history, inputs.configAt, accepted, now.getTime()),
    acceptedMonth,
    entries: [],
    refused: [],
    sketches: new Map(),
    rateCards: new Map(),
  };
  for (const identity of people) await billIdentity(identity, ctx);
  const once = withoutRepeats(withoutMoves(ctx.entries, people, history), people, history, ctx.refused, ctx.sketches, (sha) => !!acceptedMonth(sha));
  const entries = briefFeesOnce(once, ctx.rateCards);
  return { entries, refused: ctx.refused.sort((a, b) => a.path.localeCompare(b.path)), violations: policyViolations(history, ctx.arrived) };
}

interface BillingContext {
  inputs: LedgerInputs;
  judge: Judge;
  arrived: Arrival[];
  acceptedMonth: (sha: string) => string | undefined;
  entries: BillingEntry[];
  refused: RefusedArticle[];
  /** What each entry is compared on for near-copies, and what the rate card would pay it (for a brief paid already). */
  sketches: Map<BillingEntry, Sketch>;
  rateCards: Map<BillingEntry, FeePart[]>;
}

/** One file's versions in order: billed at the first that qualifies, or refused with the reason city staff need. */
async function billIdentity(identity: Identity, ctx: BillingContext): Promise<void> {
  const { inputs, judge, arrived } = ctx;
  const history = inputs.history;
  let lastProblem: string | undefined;
  let author: { writer: string; sha: string } | undefined;
  for (let i = 0; i < identity.events.length; i++) {
    const event = identity.events[i]!;
    if (event.kind === "delete" || classifyArticlePath(event.path).kind !== "article") continue;
    const judged = await judge(event);
    const article = judged.article;
    if (article) author ??= { writer: article.frontMatter.writer, sha: history[event.index]!.sha };
    if (!article || article.frontMatter.draft) continue;
    const commit = history[event.index]!;
    const short = commit.sha.slice(0, 7);
    const staffMonth = ctx.acceptedMonth(commit.sha);
    if (judged.errors.length > 0 && !staffMonth) {
      lastProblem = `コミット ${short} の時点で確認のエラーがあります（${judged.errors[0]!.message.slice(0, 120)}）。保護を通らずに main に入ったもので、直したコミットが入れば支払います。このままで支払うときは、市の担当者が kawaraban.config.yml の billing.accepted に「${short}: 支払う月」を書きます。`;
      continue;
    }
    const arrival = arrived[event.index]!;
    if (arrival.held) {
      ctx.refused.push({
        path: event.path,
        month: arrival.month,
        reason: `コミット ${short} が main への入れ方の決まり（billing.mergePolicy）に沿っていないため、支払いを保留しています: ${arrival.violation}。市の担当者が確かめて、kawaraban.config.yml の billing.accepted に「${short}: 支払う月」を書くと支払います。`,
      });
      return;
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
    const rateCard = feeBreakdown(config, article);
    const breakdown = fromBrief.breakdown ?? rateCard;
    const switched = author && author.writer !== article.frontMatter.writer ? author : undefined;
    const notes = [
      arrival.violation && `決められた受け付けの手順を通らずに受け付けた記事です（${short}）。月は記録された日時どおりです`,
      judged.errors.length > 0 && `確認のエラーがあるまま受け付け、市の担当者が支払いを認めました（${short}）`,
      switched &&
        `この記事は最初 ${switched.writer} さんの記事として入りました（コミット ${switched.sha.slice(0, 7)}）。writer が変わっているため、確かめてください`,
      fromBrief.note,
    ].filter(Boolean);
    const entry: BillingEntry = {
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
    };
    ctx.entries.push(entry);
    ctx.sketches.set(entry, sketchOfArticle(article));
    ctx.rateCards.set(entry, rateCard);
    return;
  }
  // Still on the branch, never billed and not a draft: city staff must hear why (once).
  const last = identity.events[identity.events.length - 1]!;
  const where = classifyArticlePath(last.path);
  if (last.kind !== "delete" && where.kind !== "placeholder" && !ctx.refused.some((r) => r.path === last.path)) {
    const state = where.kind === "article" ? await judge(last) : undefined;
    const reason = where.kind === "invalid" ? where.message : !state?.article ? state?.reason : state.article.frontMatter.draft ? undefined : lastProblem;
    if (reason) ctx.refused.push({ path: last.path, month: arrived[last.index]!.month, reason });
  }
}
