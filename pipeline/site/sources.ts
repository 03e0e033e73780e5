import { lstatSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Config } from "../article/config.ts";
import { DEFAULT_ARTICLE_BYTES } from "../article/config.ts";
import { loadArticle } from "../article/article.ts";
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
  writtenAt: number;
  facts: Record<string, Fact>;
}

/** An mtime this close to the facts file's own is not trusted (the file may change again within the same tick, as git's index assumes). */
const RACY_MS = 2000;

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
  const facts: Record<string, Fact> = {};
  const stats = new Map(sources.map((source) => [source, lstatSync(path.join(root, source), { throwIfNoEntry: false })]));
  const known = (source: string) => {
    const fact = previous?.facts[source];
    const now = stats.get(source);
    const trusted = fact && now?.isFile() && now.size === fact.size && now.mtimeMs === fact.mtimeMs && now.mtimeMs < previous!.writtenAt - RACY_MS;
    return trusted ? fact : undefined;
  };
  const loaded = await mapConcurrent(sources, 16, async (source): Promise<SiteSource | undefined> => {
    const fact = known(source);
    if (fact) {
      facts[source] = fact;
      return { source, fm: fact.fm, hash: fact.hash };
    }
    const { article, diagnostics } = await loadArticle(root, source, { maxBytes: config.limits.articleBytes ?? DEFAULT_ARTICLE_BYTES });
    const fm = article && checkFrontMatter(article, config).frontMatter;
    if (!article || !fm || diagnostics.some((d) => d.severity === "error")) return undefined;
    const hash = sha256(article.raw);
    const now = stats.get(source);
    if (now) facts[source] = { size: now.size, mtimeMs: now.mtimeMs, hash, fm };
    return { source, fm, hash, raw: article.raw };
  });
  if (factsFile) {
    mkdirSync(path.dirname(factsFile), { recursive: true });
    writeFileSync(factsFile, JSON.stringify({ key: configKey, writtenAt: Date.now(), facts } satisfies FactsFile));
  }
  return { sources: loaded.filter((s): s is SiteSource => s !== undefined), skipped: sources.filter((_, i) => loaded[i] === undefined) };
}

function readFacts(file: string, key: string): FactsFile | undefined {
  try {
    const facts = JSON.parse(readFileSync(file, "utf8")) as FactsFile;
    return facts.key === key && facts.facts && typeof facts.writtenAt === "number" ? facts : undefined;
  } catch {
    return undefined;
  }
}

/** Reads an article's text again (its page must be rendered, but its facts came from the record). */
export function readSourceText(root: string, source: string): string {
  return readFileSync(path.join(root, source), "utf8").replace(/^\uFEFF/, "");
}
