import { firstParentHistory, readBlobs, type HistoryCommit } from "../git/history.ts";
import { splitFrontMatter } from "../article/front-matter.ts";
import { ARTICLES_DIR } from "../article/paths.ts";
import { parseConfig, CONFIG_FILE, type Config } from "../article/config.ts";
import { feeFor, loadMeasures, type ArticleMeasures } from "./fees.ts";

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
}

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
/** Japan has no daylight saving time, so UTC+9 is exact whatever the runner's timezone. */
export const jstDate = (date: Date) => new Date(date.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
export const jstMonth = (date: Date) => jstDate(date).slice(0, 7);

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

const isArticle = (p: string) => p.startsWith(`${ARTICLES_DIR}/`) && p.toLowerCase().endsWith(".md");

/** Follows each article through adds, edits, renames and deletions, without reading any content. */
function identities(history: readonly HistoryCommit[]): Identity[] {
  const byPath = new Map<string, Identity>();
  const all: Identity[] = [];
  history.forEach((commit, index) => {
    for (const change of commit.changes) {
      if (change.status === "R") {
        const moved = change.from && isArticle(change.from) ? byPath.get(change.from) : undefined;
        if (moved && change.from) byPath.delete(change.from);
        if (!isArticle(change.path)) continue;
        const identity = moved ?? { id: change.path, events: [] };
        if (!moved) all.push(identity);
        identity.events.push({ index, kind: moved ? "modify" : "add", path: change.path, blob: change.blob });
        byPath.set(change.path, identity);
        continue;
      }
      if (!isArticle(change.path)) continue;
      let identity = byPath.get(change.path);
      if (!identity || change.status === "A") {
        if (!identity) {
          identity = { id: change.path, events: [] };
          all.push(identity);
          byPath.set(change.path, identity);
        }
      }
      identity.events.push({ index, kind: change.status === "D" ? "delete" : change.status === "A" ? "add" : "modify", path: change.path, blob: change.blob });
    }
  });
  return all;
}

interface FrontMatterFacts {
  writer: string;
  title: string;
  category?: string;
  draft: boolean;
}

/**
 * Front matter made only of `key: plain value` lines (what the check enforces on every merged
 * article) is read directly; anything else — quotes, lists, comments, anchors — goes through
 * the safe YAML parser. Ten thousand articles of history are read in well under a second.
 */
const SIMPLE_LINE = /^([A-Za-z][\w-]*): ?([^\s'"[{&*!|>%@`#][^#]*?)?\s*$/;
function simpleFacts(raw: string): FrontMatterFacts | undefined | "complex" {
  const text = raw.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n");
  if (!text.startsWith("---\n")) return undefined;
  const end = text.indexOf("\n---\n", 3);
  if (end === -1) return "complex";
  const values: Record<string, string> = {};
  for (const line of text.slice(4, end).split("\n")) {
    const match = SIMPLE_LINE.exec(line);
    if (!match || line.includes(": ", (match[1]?.length ?? 0) + 2)) return "complex";
    if (match[2] !== undefined) values[match[1]!] = match[2];
  }
  if (values.writer === undefined || values.title === undefined) return undefined;
  return { writer: values.writer, title: values.title, category: values.category, draft: values.draft === "true" };
}

function facts(raw: string | undefined): FrontMatterFacts | undefined {
  if (raw === undefined) return undefined;
  const simple = simpleFacts(raw);
  if (simple !== "complex") return simple;
  const split = splitFrontMatter(raw.replace(/^\ufeff/, ""));
  if (!split.ok || split.yaml.problems.length > 0) return undefined;
  const data = split.yaml.data as Record<string, unknown> | null;
  if (!data || typeof data !== "object") return undefined;
  if (typeof data.writer !== "string" || typeof data.title !== "string") return undefined;
  return { writer: data.writer, title: data.title, category: typeof data.category === "string" ? data.category : undefined, draft: data.draft === "true" };
}

/**
 * The billing ledger of `ref`: one `git log` pass for the history, then a few
 * `git cat-file --batch` passes for the front matter and the rate card at the right commits.
 *
 * - An article is billed at the first commit where it exists as a non-draft, at the rate card
 *   of that commit (a later rate change never rewrites a past month).
 * - Edits, renames and moves never bill again (renames are followed; a delete and an add of
 *   the same title and writer in one commit count as a move).
 * - An article deleted again within its billing month (a reverted merge) is not billed then;
 *   if it comes back later, it is billed when it does.
 */
export async function readLedger(root: string, ref = "HEAD"): Promise<BillingEntry[]> {
  const history = await firstParentHistory(root, ref, (p) => p === CONFIG_FILE || isArticle(p));
  const people = identities(history);
  // The rate card changes rarely: read it only at the commits that change it, then look back.
  const configCommits = history.flatMap((c, i) => (c.changes.some((ch) => ch.path === CONFIG_FILE) ? [i] : []));
  const configTexts = await readBlobs(root, configCommits.map((i) => history[i]!.changes.find((c) => c.path === CONFIG_FILE)!.blob));
  const configs = configTexts.map((text) => {
    if (text === undefined) return undefined;
    const parsed = parseConfig(text);
    return parsed.ok ? parsed.config : undefined;
  });
  const measures: ArticleMeasures | undefined = configs.some((c) => c?.rates.perCharacter || c?.rates.perPhoto) ? await loadMeasures() : undefined;
  const configAt = (index: number): Config | undefined => {
    let low = 0;
    let high = configCommits.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (configCommits[mid]! <= index) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found === -1 ? undefined : configs[found];
  };

  const entries: BillingEntry[] = [];
  // Each round reads the next event of every article not yet billed: usually one or two rounds.
  let pending = people.map((identity) => ({ identity, cursor: 0 }));
  while (pending.length > 0) {
    const wanted = pending
      .map((p) => {
        while (p.cursor < p.identity.events.length && p.identity.events[p.cursor]!.kind === "delete") p.cursor++;
        return p;
      })
      .filter((p) => p.cursor < p.identity.events.length);
    if (wanted.length === 0) break;
    const events = wanted.map((p) => p.identity.events[p.cursor]!);
    const texts = await readBlobs(root, events.map((e) => e.blob));
    const candidates = wanted.map((p, i) => ({ p, event: events[i]!, facts: facts(texts[i]), raw: texts[i] }));
    const billable: typeof candidates = [];
    for (const c of candidates) {
      if (!c.facts || c.facts.draft) continue;
      // Deleted again within the same month (a reverted merge): not billed; a later return may be.
      const month = jstMonth(history[c.event.index]!.date);
      const removal = c.p.identity.events.find((e) => e.index > c.event.index && e.kind === "delete");
      if (removal && jstMonth(history[removal.index]!.date) === month && !(await movedAway(root, history[removal.index]!, c.facts))) {
        c.p.cursor = c.p.identity.events.indexOf(removal);
        continue;
      }
      billable.push(c);
    }
    const next: typeof pending = [];
    billable.forEach((b) => {
      const commit = history[b.event.index]!;
      entries.push({
        id: b.p.identity.id,
        path: b.event.path,
        writer: b.facts!.writer,
        title: b.facts!.title,
        category: b.facts!.category,
        month: jstMonth(commit.date),
        mergedAt: jstDate(commit.date),
        commit: commit.sha,
        fee: feeFor(configAt(b.event.index), b.facts!.category, b.raw!, measures),
      });
    });
    const billedIds = new Set(billable.map((b) => b.p.identity));
    for (const p of wanted) if (!billedIds.has(p.identity)) next.push({ identity: p.identity, cursor: p.cursor + 1 });
    pending = next;
  }
  return withoutMoves(entries, people, history);
}

/** Whether a deletion is half of a move: the same writer's same title added in the same commit. */
async function movedAway(root: string, commit: HistoryCommit, before: FrontMatterFacts): Promise<boolean> {
  const added = commit.changes.filter((c) => c.status === "A" && isArticle(c.path)).map((c) => c.blob);
  const texts = await readBlobs(root, added);
  return texts.some((t) => {
    const f = facts(t);
    return f !== undefined && f.writer === before.writer && f.title === before.title;
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
