import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Config } from "../article/config.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { discoverArticles } from "../article/discover.ts";
import { recordOf, type ArticleRecord } from "../article/article.ts";
import { admit, articleBytes } from "../core/admit.ts";
import { readText } from "../source/decode.ts";
import type { Snapshot } from "../source/snapshot.ts";
import { workTreeState } from "../source/work-tree.ts";
import { sha256 } from "../hash.ts";
import { mapConcurrent } from "../concurrency.ts";
import type { SiteArticle } from "./model.ts";
import { share, type SiteThreads } from "./site-threads.ts";

type Fact = { size: number; mtimeMs: number; record: ArticleRecord };
interface FactsFile {
  key: string;
  /** When the files were read: an mtime close to it cannot be trusted (see racyWindow). */
  readAt: number;
  facts: Record<string, Fact>;
}

/**
 * A file whose mtime is this close to when it was read is read again next time: it may have
 * changed again within the same timestamp tick, keeping its mtime (git's index has the same
 * rule). The tick depends on the filesystem: an mtime with a fraction of a second comes from
 * one that keeps sub-second times (ext4, APFS, NTFS: ticks of 10 ms at most), a whole-second
 * one maybe from FAT or HFS+ (ticks of 1–2 s). A fresh clone is all "just written" files, so
 * a fixed two seconds made the first rebuild after it read every article again.
 */
export function racyWindow(mtimeMs: number): number {
  return mtimeMs % 1000 === 0 ? 2000 : 100;
}

export interface SiteSources {
  sources: SiteArticle[];
  /** Articles the gate refused, with the first error: never built. */
  refused: { path: string; diagnostic: Diagnostic }[];
}

/**
 * Every admitted article, through the same door as `kawaraban check` (discovery, limits, front
 * matter, tags). A site build needs all of them (lists, feeds, tags) but renders few; reading
 * and validating 4,000 files was most of an incremental build, so a file whose size and mtime
 * match the last build's record is taken from it. Refused articles are never recorded, so
 * they are reported every time. Content findings (prose, photos) never keep an article off the
 * site: only the door does.
 */
export async function loadSiteSources(
  tree: Snapshot,
  root: string,
  config: Config,
  factsFile: string | undefined,
  configKey: string,
  threads?: SiteThreads,
): Promise<SiteSources> {
  const discovery = await discoverArticles(tree, root, root, []);
  const paths = discovery.articles;
  const refused: SiteSources["refused"] = discovery.diagnostics.filter((d) => d.severity === "error").map((d) => ({ path: d.path, diagnostic: d }));
  const previous = factsFile ? readFacts(factsFile, configKey) : undefined;
  const readAt = Date.now();
  const facts: Record<string, Fact> = {};
  const stats = new Map(await Promise.all(paths.map(async (p) => [p, await tree.entry(p)] as const)));
  // Vanished and back: never trusted.
  const stamp = (p: string) => ({ size: stats.get(p)?.size ?? -1, mtimeMs: stats.get(p)?.mtimeMs ?? -1 });
  const known = (p: string) => {
    const fact = previous?.facts[p];
    const now = stats.get(p);
    const trusted =
      fact &&
      now?.kind === "file" &&
      now.mtimeMs !== undefined &&
      now.size === fact.size &&
      now.mtimeMs === fact.mtimeMs &&
      now.mtimeMs < previous!.readAt - racyWindow(now.mtimeMs);
    return trusted ? fact : undefined;
  };
  const kept = await mapConcurrent(paths, 16, async (p): Promise<SiteArticle | undefined> => {
    const fact = known(p);
    if (fact) {
      facts[p] = fact;
      return fact.record;
    }
    // Touched but not changed (a checkout, a save without edits): the text decides, not the mtime.
    const read = previous?.facts[p] ? await readText(tree, p, articleBytes(config)) : undefined;
    if (read?.ok && previous?.facts[p]?.record.hash === sha256(read.text)) {
      facts[p] = { ...previous.facts[p], ...stamp(p) };
      return { ...previous.facts[p].record, raw: read.text };
    }
    return undefined;
  });
  // The rest go through the door, shared with the helper threads when there are many.
  const toAdmit = paths.filter((_, i) => kept[i] === undefined);
  const admitted = new Map<string, SiteArticle>();
  await admitAll(tree, config, toAdmit, threads, (p, result) => {
    if ("diagnostic" in result) return refused.push({ path: p, diagnostic: result.diagnostic });
    const { raw, ...record } = result.article;
    facts[p] = { ...stamp(p), record };
    admitted.set(p, result.article);
  });
  if (factsFile) {
    mkdirSync(path.dirname(factsFile), { recursive: true });
    writeFileSync(factsFile, JSON.stringify({ key: configKey, readAt, facts } satisfies FactsFile));
  }
  const sources = paths.map((p, i) => kept[i] ?? admitted.get(p)).filter((s): s is SiteArticle => s !== undefined);
  return { sources, refused: refused.sort((a, b) => a.path.localeCompare(b.path)) };
}

/** One article through the door, as the site keeps it: the record and its text, or the first error. */
export type SiteAdmission = { article: SiteArticle } | { diagnostic: Diagnostic };

export async function admitForSite(tree: Snapshot, p: string, config: Config): Promise<SiteAdmission> {
  const admitted = await admit(tree, p, config);
  if (!admitted.article) return { diagnostic: admitted.diagnostics.find((d) => d.severity === "error") ?? admitted.diagnostics[0]! };
  return { article: { ...recordOf(admitted.article), raw: admitted.article.raw } };
}

/** A batch at once: its reads overlap (one at a time, a read's round trip would be most of the time). */
export function admitBatch(tree: Snapshot, paths: readonly string[], config: Config): Promise<SiteAdmission[]> {
  return Promise.all(paths.map((p) => admitForSite(tree, p, config)));
}

/**
 * Admits `paths` (a cold build: every article). Helpers read the work tree themselves, so only
 * a work-tree build shares the door with them; a commit's snapshot is read here.
 */
async function admitAll(
  tree: Snapshot,
  config: Config,
  paths: readonly string[],
  threads: SiteThreads | undefined,
  done: (p: string, result: SiteAdmission) => void,
): Promise<void> {
  const state = workTreeState(tree);
  const helpers = state !== undefined && threads ? threads.for(paths.length) : [];
  for (const helper of helpers) helper.postMessage({ kind: "admit-settings", tree: state, config });
  await share(
    paths,
    helpers,
    (items) => ({ kind: "admit", items }),
    (batch) => admitBatch(tree, batch, config),
    (i, result) => done(paths[i]!, result),
  );
}

function readFacts(file: string, key: string): FactsFile | undefined {
  try {
    const facts = JSON.parse(readFileSync(file, "utf8")) as FactsFile;
    return facts.key === key && facts.facts && typeof facts.readAt === "number" ? facts : undefined;
  } catch {
    return undefined;
  }
}
