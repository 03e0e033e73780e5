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
  branch: string;
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
  for (const r of inputs.inReview) if (!reviewing.has(idOf(r.brief))) reviewing.set(idOf(r.brief), r);

  const briefs = [...inputs.briefs.values()]
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id))
    .map((brief): DeskBrief => {
      const done = delivered.get(brief.id);
      const review = reviewing.get(brief.id);
      const state: BriefState = brief.status === "cancelled" ? "cancelled" : done ? "delivered" : review ? "in-review" : brief.writer ? "assigned" : "open";
      const approved = brief.fee !== undefined && inputs.approvals.get(brief.id) === brief.fee;
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

/** A writer's briefs due in `month`, delivered ones included, withdrawn ones not. */
const loadOf = (briefs: readonly DeskBrief[], writer: string, month: string) =>
  briefs.filter((b) => b.writer === writer && b.state !== "cancelled" && b.deadline.slice(0, 7) === month).length;

/** Whether `writer` may take one more brief due in `month` (their capacity, if any, not reached). */
export function hasRoom(doc: DeskDocument, writer: string, month: string): { ok: boolean; load: number; capacity?: number } {
  const w = doc.writers.find((x) => x.writer === writer);
  const load = loadOf(doc.briefs, writer, month);
  return { ok: w?.capacity === undefined || load < w.capacity, load, ...(w?.capacity !== undefined && { capacity: w.capacity }) };
}
