import { lstatSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Config } from "../article/config.ts";
import { DEFAULT_ARTICLE_BYTES } from "../article/config.ts";
import { articleFromText } from "../article/article.ts";
import { readRepoTextFile } from "../article/safe-read.ts";
import { discoverArticles } from "../article/discover.ts";
import { checkFrontMatter, type FrontMatter } from "../checks/frontmatter.ts";
import { sha256 } from "../checks/prose/cache.ts";
import { mapConcurrent } from "../concurrency.ts";

/** A source article the site can show: validated front matter, and the text when it was read. */
export interface SiteSource {
  source: string;
  fm: FrontMatter;
  /** Hash of the file's text: with the build's settings, it keys the article's page. */
  hash: string;
  /** Present when the file was read in this build (its page may need rendering). */
  raw?: string;
}

type Fact = { size: number; mtimeMs: number; hash: string; fm: FrontMatter };
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

/**
 * Every article's validated front matter, read only when the file changed. A site build needs
 * all of them (lists, feeds, tags) but renders few; reading, parsing YAML and validating 4,000
 * files was most of an incremental build. A file whose size and mtime match the last build's
 * record is taken from it; any other is read and checked as `kawaraban check` does. Articles
 * with errors are never recorded, so they are reported every time.
 */
export async function loadSiteSources(root: string, config: Config, factsFile: string | undefined, configKey: string): Promise<{ sources: SiteSource[]; skipped: string[] }> {
  const sources = (await discoverArticles(root, root, [])).articles;
  const previous = factsFile ? readFacts(factsFile, configKey) : undefined;
  const readAt = Date.now();
  const facts: Record<string, Fact> = {};
  const stats = new Map(sources.map((source) => [source, lstatSync(path.join(root, source), { throwIfNoEntry: false })]));
  const known = (source: string) => {
    const fact = previous?.facts[source];
    const now = stats.get(source);
    const trusted = fact && now?.isFile() && now.size === fact.size && now.mtimeMs === fact.mtimeMs && now.mtimeMs < previous!.readAt - racyWindow(now.mtimeMs);
    return trusted ? fact : undefined;
  };
  const loaded = await mapConcurrent(sources, 16, async (source): Promise<SiteSource | undefined> => {
    const fact = known(source);
    if (fact) {
      facts[source] = fact;
      return { source, fm: fact.fm, hash: fact.hash };
    }
    const read = await readRepoTextFile(root, source, { maxBytes: config.limits.articleBytes ?? DEFAULT_ARTICLE_BYTES });
    if (!read.ok) return undefined;
    const raw = read.text;
    const hash = sha256(raw);
    const now = stats.get(source) ?? { size: -1, mtimeMs: -1 }; // vanished and back: never trusted
    // Touched but not changed (a checkout, a save without edits): the text decides, not the mtime.
    const same = previous?.facts[source]?.hash === hash ? previous.facts[source] : undefined;
    if (same) {
      facts[source] = { ...same, size: now.size, mtimeMs: now.mtimeMs };
      return { source, fm: same.fm, hash, raw };
    }
    const { article, diagnostics } = articleFromText(source, raw);
    const fm = article && checkFrontMatter(article, config).frontMatter;
    if (!article || !fm || diagnostics.some((d) => d.severity === "error")) return undefined;
    facts[source] = { size: now.size, mtimeMs: now.mtimeMs, hash, fm };
    return { source, fm, hash, raw };
  });
  if (factsFile) {
    mkdirSync(path.dirname(factsFile), { recursive: true });
    writeFileSync(factsFile, JSON.stringify({ key: configKey, readAt, facts } satisfies FactsFile));
  }
  return { sources: loaded.filter((s): s is SiteSource => s !== undefined), skipped: sources.filter((_, i) => loaded[i] === undefined) };
}

function readFacts(file: string, key: string): FactsFile | undefined {
  try {
    const facts = JSON.parse(readFileSync(file, "utf8")) as FactsFile;
    return facts.key === key && facts.facts && typeof facts.readAt === "number" ? facts : undefined;
  } catch {
    return undefined;
  }
}
