import type { HistoryCommit } from "../git/history.ts";
import { admitText, imageRefusal, recordOf, type AdmittedArticle } from "../article/gate.ts";
import { classifyArticlePath } from "../article/article-path.ts";
import { arrivals, policyViolations, type PolicyViolation } from "./merge-policy.ts";
import { feeBreakdown, type FeePart } from "./fees.ts";
import { briefFee } from "./brief-fee.ts";
import { sha256 } from "../hash.ts";
import { readLedgerInputs, inspectImageBlobs, type LedgerInputs } from "./ledger-inputs.ts";

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
 * The billing ledger of `ref`, read from git (ledger-inputs.ts) and planned here without I/O.
 *
 * - Every version goes through the same gate as `kawaraban check` and the site build, with the
 *   config of that commit: only an admitted article is billed (a dot-folder, an unregistered
 *   writer, a broken front matter or an article past the limits never is).
 * - An article is billed at the first commit where it is admitted as a non-draft, at the rate
 *   card of that commit (a later rate change never rewrites a past month).
 * - Edits, renames and moves never bill again (renames are followed; a delete and an add of
 *   the same title and writer in one commit count as a move).
 * - An article deleted again within its billing month (a reverted merge) is not billed then;
 *   if it comes back later, it is billed when it does.
 */
export async function readLedger(root: string, ref = "HEAD"): Promise<Ledger> {
  const inputs = await readLedgerInputs(root, ref);
  // Photos are inspected (header only) for the articles about to be billed; a refusal moves the
  // billing to a later version, which may show other photos: a few rounds settle it.
  const photos = new Map<string, string | undefined>();
  for (let round = 0; ; round++) {
    const plan = planLedger(inputs, photos);
    if (plan.unknownPhotos.length === 0 || round === 5) return plan.ledger;
    const latest = inputs.history.length - 1;
    const found = await inspectImageBlobs(root, plan.unknownPhotos, inputs.configAt(latest));
    for (const [blob, problem] of found) photos.set(blob, problem);
  }
}

/**
 * Pure: the ledger from the inputs and what is known of photo versions (by blob). Photos not
 * yet known are taken as usable and listed in `unknownPhotos` for the caller to inspect.
 */
export function planLedger(inputs: LedgerInputs, photos: ReadonlyMap<string, string | undefined> = new Map()): { ledger: Ledger; unknownPhotos: { blob: string; path: string }[] } {
  const unknownPhotos = new Map<string, { blob: string; path: string }>();
  const { history } = inputs;
  const people = identities(history);
  const arrived = arrivals(history, inputs.configAt, inputs.configAt(history.length - 1)?.billing?.accepted);
  const admitCache = new Map<string, AdmittedArticle | string>();
  /** The admitted article at an event, or the Japanese reason it is not billable. */
  const admit = (event: Event): AdmittedArticle | string => {
    const config = inputs.configAt(event.index);
    const key = `${event.path}\0${event.blob}\0${event.index}`;
    const cached = admitCache.get(key);
    if (cached !== undefined) return cached;
    const result = ((): AdmittedArticle | string => {
      const where = classifyArticlePath(event.path);
      if (where.kind !== "article") return where.kind === "invalid" ? where.message : "";
      if (!config) return "この時点の kawaraban.config.yml が読めないため、支払いの対象にできません。";
      const text = inputs.texts.get(event.blob);
      if (text === undefined) return "ファイルが大きすぎるため、支払いの対象にできません。";
      const gate = admitText(event.path, text.replace(/^\ufeff/, ""), config);
      return gate.admitted ?? gate.diagnostics.find((d) => d.severity === "error")?.message ?? "記事として受け付けられませんでした。";
    })();
    admitCache.set(key, result);
    return result;
  };

  const entries: BillingEntry[] = [];
  const refused: RefusedArticle[] = [];
  const lastRefusal = new Map<Identity, string>();
  for (const identity of people) {
    let billed = false;
    for (let i = 0; i < identity.events.length && !billed; i++) {
      const event = identity.events[i]!;
      if (event.kind === "delete") continue;
      const article = admit(event);
      if (typeof article === "string" || article.frontMatter.draft) continue;
      // Its photos, as they stood at that commit: an article check refuses for them is not billed yet.
      const photoProblem = imageRefusal(recordOf(article), (asset) => {
        const blob = inputs.assetAt(asset, event.index);
        if (!blob) return "この時点のリポジトリにありません";
        if (!photos.has(blob)) unknownPhotos.set(blob, { blob, path: asset });
        return photos.get(blob);
      });
      if (photoProblem) {
        lastRefusal.set(identity, photoProblem);
        continue;
      }
      const arrival = arrived[event.index]!;
      if (arrival.held) {
        const short = history[event.index]!.sha.slice(0, 7);
        refused.push({ path: event.path, month: arrival.month, reason: `コミット ${short} が main への入れ方の決まり（billing.mergePolicy）に沿っていないため、支払いを保留しています: ${arrival.violation}。市の担当者が確かめて、kawaraban.config.yml の billing.accepted に「${short}: 支払う月」を書くと支払います。` });
        break;
      }
      const month = arrival.month;
      // Deleted again within the same month (a reverted merge): not billed; a later return may be.
      const removal = identity.events.find((e) => e.index > event.index && e.kind === "delete");
      if (removal && arrived[removal.index]!.month === month && !movedAway(inputs, history[removal.index]!, article)) {
        i = identity.events.indexOf(removal);
        continue;
      }
      const commit = history[event.index]!;
      const config = inputs.configAt(event.index)!;
      const fromBrief = briefFee(article, config, (p) => inputs.briefTextAt(p, event.index), inputs.briefPathsAt(event.index));
      const breakdown = fromBrief.breakdown ?? feeBreakdown(config, article);
      entries.push({
        id: identity.id,
        path: event.path,
        writer: article.frontMatter.writer,
        title: article.frontMatter.title,
        category: article.category?.slug,
        month,
        mergedAt: arrival.date,
        commit: commit.sha,
        fee: breakdown.reduce((n, part) => n + part.amount, 0),
        breakdown,
        publishedOn: article.frontMatter.date,
        contentKey: contentKeyOf(article),
        ...(fromBrief.brief && { brief: fromBrief.brief }),
        ...((fromBrief.note || arrival.violation) && {
          note: [arrival.violation && `main への入れ方の決まりに沿っていないコミット（${commit.sha.slice(0, 7)}）で入りました。月はコミットの日時どおりです`, fromBrief.note].filter(Boolean).join("。"),
        }),
      });
      billed = true;
    }
    // Still on the branch, never billed and not a draft: city staff must hear why (once).
    const last = identity.events[identity.events.length - 1]!;
    if (!billed && last.kind !== "delete" && !refused.some((r) => r.path === last.path)) {
      const state = admit(last);
      const reason = typeof state === "string" ? state : state.frontMatter.draft ? "" : lastRefusal.get(identity) ?? "";
      if (reason !== "") refused.push({ path: last.path, month: arrived[last.index]!.month, reason });
    }
  }
  const kept = withoutRepeats(withoutMoves(entries, people, history), people, history, refused);
  return { ledger: { entries: kept, refused: refused.sort((a, b) => a.path.localeCompare(b.path)), violations: policyViolations(history, arrived) }, unknownPhotos: [...unknownPhotos.values()] };
}

/** What makes a copy a copy: the same title over the same body (front matter aside, whitespace folded). */
function contentKeyOf(article: AdmittedArticle): string {
  const body = article.raw.split("\n").slice(article.bodyStartLine - 1).join("\n");
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
      refused.push({ path: entry.path, month: entry.month, reason: `${repeat.path}（${repeat.month} に支払い済み）と同じ記事のため、もう一度は支払いません。` });
      continue;
    }
    kept.push(entry);
    byContent.set(entry.contentKey, entry);
    byWork.set(work, [...(byWork.get(work) ?? []), entry]);
  }
  return kept;
}

/** Whether a deletion is half of a move: the same writer's same title added in the same commit. */
function movedAway(inputs: LedgerInputs, commit: HistoryCommit, before: AdmittedArticle): boolean {
  const config = inputs.configAt(inputs.history.indexOf(commit));
  if (!config) return false;
  return commit.changes.some((c) => {
    if (c.status !== "A" || !underArticles(c.path)) return false;
    const text = inputs.texts.get(c.blob);
    const after = text === undefined ? undefined : admitText(c.path, text, config).admitted;
    return after !== undefined && after.frontMatter.writer === before.frontMatter.writer && after.frontMatter.title === before.frontMatter.title;
  });
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
