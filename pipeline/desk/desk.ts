import type { Config } from "../article/config.ts";
import type { BillingEntry } from "../invoice/ledger.ts";
import { resolveBrief, type Brief } from "./brief.ts";

/**
 * The order desk's view, pure: every brief with its state, each writer's load against their
 * monthly capacity, and the month's fees. States, in the order a brief moves through them:
 * - `open`: nobody has taken it; `assigned`: a writer has (the brief's `writer:`);
 * - `in-review`: an article citing it is on a branch (a pull request) but not on main;
 * - `delivered`: an article citing it reached main and was billed; `cancelled`: withdrawn.
 * `overdue` is a flag on the first three: the deadline passed and nothing was delivered.
 */
export type BriefState = "open" | "assigned" | "in-review" | "delivered" | "cancelled";

export interface DeskBrief {
  id: string;
  title: string;
  category?: string;
  deadline: string;
  writer?: string;
  state: BriefState;
  overdue: boolean;
  issue?: number;
  /** The fee it pays: the approved brief fee, or the rate card's (estimated for undelivered briefs). */
  fee: number;
  feeApproved: boolean;
  /** The article delivering it (on main), or under review (on a branch). */
  article?: string;
  branch?: string;
  deliveredOn?: string;
}

export interface DeskWriter {
  writer: string;
  name: string;
  /** Briefs taken this month (by deadline month), delivered ones included. */
  load: number;
  capacity?: number;
  /** How many more the writer can take this month; undefined without a capacity. */
  room?: number;
  over: boolean;
}

export interface DeskDocument {
  version: 1;
  today: string;
  month: string;
  briefs: DeskBrief[];
  writers: DeskWriter[];
  /** This month: what delivered articles bill, and what the open commitments add. */
  fees: { billed: number; committed: number };
}

export interface InReview {
  brief: string;
  article: string;
  /** The branch, or `#<number>` for a pull request read through the API. */
  branch: string;
  /** Who opened the pull request, and the article's writer: only the writer's own PR (or an editor's) is the brief's review. */
  author?: string;
  writer?: string;
}

/** A pending claim or assignment (a desk PR an editor has not merged yet): it counts against capacity already. */
export interface PendingClaim {
  brief: string;
  writer: string;
}

export interface DeskInputs {
  briefs: ReadonlyMap<string, Brief>;
  approvals: ReadonlyMap<string, number>;
  entries: readonly BillingEntry[];
  inReview: readonly InReview[];
  config: Config;
  today: string;
}

/** The rate card's fee for a brief not yet written (its category's, or the default). */
function rateCardFee(config: Config, category: string | undefined): number {
  const rates = config.rates;
  return category !== undefined && rates.categories && Object.hasOwn(rates.categories, category) ? rates.categories[category]! : rates.article;
}

export function deskDocument(inputs: DeskInputs): DeskDocument {
  const { config, today } = inputs;
  const month = today.slice(0, 7);
  // Articles may name a brief by its full id or by its bare name: both count for that brief.
  const idOf = (ref: string) => resolveBrief(inputs.briefs, ref).brief?.id ?? ref;
  const delivered = new Map<string, BillingEntry>();
  for (const e of inputs.entries) if (e.brief && !delivered.has(idOf(e.brief))) delivered.set(idOf(e.brief), e);
  const reviewing = new Map<string, InReview>();
  for (const r of inputs.inReview) {
    const id = idOf(r.brief);
    // A stranger's PR (a fork, anyone) citing a brief is not its review: it never blocks a claim.
    if (!reviewing.has(id) && entitled(r, inputs.briefs.get(id), config)) reviewing.set(id, r);
  }

  const briefs = [...inputs.briefs.values()]
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id))
    .map((brief): DeskBrief => {
      const done = delivered.get(brief.id);
      const review = reviewing.get(brief.id);
      const state: BriefState = brief.status === "cancelled" ? "cancelled" : done ? "delivered" : review ? "in-review" : brief.writer ? "assigned" : "open";
      // A delivered brief is approved when the ledger paid its fee (the fact it billed), not by today's files.
      const approved = done ? done.feeFromBrief === true : brief.fee !== undefined && inputs.approvals.get(brief.id) === brief.fee;
      const fee = done ? done.fee : approved ? brief.fee! : rateCardFee(config, brief.category);
      return {
        id: brief.id,
        title: brief.title,
        ...(brief.category && { category: brief.category }),
        deadline: brief.deadline,
        ...((brief.writer ?? done?.writer) && { writer: brief.writer ?? done!.writer }),
        state,
        overdue: (state === "open" || state === "assigned" || state === "in-review") && today > brief.deadline,
        ...(brief.issue && { issue: brief.issue }),
        fee,
        feeApproved: approved,
        ...(done ? { article: done.path, deliveredOn: done.mergedAt } : review ? { article: review.article, branch: review.branch } : {}),
      };
    });

  const writers = Object.entries(config.writers)
    .map(([handle, w]): DeskWriter => {
      const load = loadOf(briefs, handle, month);
      const capacity = w.capacity;
      return {
        writer: handle,
        name: w.name,
        load,
        ...(capacity !== undefined && { capacity, room: Math.max(0, capacity - load) }),
        over: capacity !== undefined && load > capacity,
      };
    })
    .sort((a, b) => (a.writer < b.writer ? -1 : 1));

  const billed = inputs.entries.filter((e) => e.month === month).reduce((n, e) => n + e.fee, 0);
  const committed = briefs
    .filter((b) => (b.state === "assigned" || b.state === "in-review") && b.deadline.slice(0, 7) === month)
    .reduce((n, b) => n + b.fee, 0);
  return { version: 1, today, month, briefs, writers, fees: { billed, committed } };
}

/** Whether an article PR is the brief's review: opened by the article's own writer (the brief's, when it has one) or by an editor. */
function entitled(review: InReview, brief: Brief | undefined, config: Config): boolean {
  if (review.author === undefined) return true; // a local branch: its owner is whoever runs the desk
  const login = review.author.toLowerCase();
  if (config.github.editors.some((e) => e.toLowerCase() === login)) return true;
  const writer = Object.entries(config.writers).find(([, w]) => w.github?.toLowerCase() === login)?.[0];
  return writer !== undefined && writer === review.writer && (!brief?.writer || brief.writer === writer);
}

/** A writer's briefs due in `month`, delivered ones included, withdrawn ones not. */
const loadOf = (briefs: readonly DeskBrief[], writer: string, month: string) =>
  briefs.filter((b) => b.writer === writer && b.state !== "cancelled" && b.deadline.slice(0, 7) === month).length;

/**
 * Whether `writer` may take one more brief due in `month` (their capacity, if any, not reached).
 * Pending claims and assignments (desk PRs not merged yet, and those made earlier in this run)
 * count as taken: five claims in one run never pass a capacity of two.
 */
export function hasRoom(
  doc: DeskDocument,
  writer: string,
  month: string,
  pending: readonly PendingClaim[] = [],
): { ok: boolean; load: number; capacity?: number } {
  const w = doc.writers.find((x) => x.writer === writer);
  const recorded = new Set(doc.briefs.filter((b) => b.writer === writer).map((b) => b.id));
  const due = (id: string) => doc.briefs.find((b) => b.id === id)?.deadline.slice(0, 7) === month;
  const waiting = new Set(pending.filter((p) => p.writer === writer && !recorded.has(p.brief) && due(p.brief)).map((p) => p.brief)).size;
  const load = loadOf(doc.briefs, writer, month) + waiting;
  return { ok: w?.capacity === undefined || load < w.capacity, load, ...(w?.capacity !== undefined && { capacity: w.capacity }) };
}
