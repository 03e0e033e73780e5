/**
 * The search index's cache, opened as early as possible: reading the previous index (a 3 MB JSON
 * at 1,000 articles, 12 MB at 4,000) takes a thread a tenth of a second or more, and an
 * incremental build is over in under a second. The launcher calls prestartSearchIndex before the pipeline is loaded (plain
 * JavaScript, imported from source, like the lint prestart); the build calls openSearchCacheAt
 * itself when nothing was prestarted for its folder.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { findRoot } from "../run-cache.mjs";

/** Below this many indexed articles, a thread's start-up costs more than it saves. */
export const THREAD_THRESHOLD = 50;

/**
 * @typedef {{ version: string; variants: [string, string][]; docs: Record<string, string>; key?: string }} SearchDocs
 * @typedef {{ dir: string; previous?: SearchDocs; thread?: Worker }} SearchCache
 */

export const docsFile = (/** @type {string} */ dir) => path.join(dir, "search-docs.json");
export const indexFile = (/** @type {string} */ dir) => path.join(dir, "search-index.json");

/**
 * The cache in `dir`; a large previous index starts loading on a thread running `worker`.
 * @param {string} dir
 * @param {URL} worker
 * @returns {SearchCache}
 */
export function openSearchCacheAt(dir, worker) {
  rmSync(path.join(dir, "search.json"), { force: true }); // the single-file cache of earlier versions
  /** @type {SearchDocs | undefined} */
  let previous;
  try {
    previous = JSON.parse(readFileSync(docsFile(dir), "utf8"));
    if (typeof previous?.version !== "string" || typeof previous.docs !== "object" || !Array.isArray(previous.variants)) previous = undefined;
  } catch {
    previous = undefined;
  }
  if (!previous || !existsSync(indexFile(dir))) return { dir };
  if (Object.keys(previous.docs).length < THREAD_THRESHOLD) return { dir, previous };
  const thread = new Worker(worker, { workerData: { searchIndex: { preload: { indexFile: indexFile(dir) } } } });
  thread.unref(); // a build that fails before the update must not wait for it
  return { dir, previous, thread };
}

/**
 * `kawaraban build` in a repository whose site cache holds an index: its cache, opened now.
 * Only the plain build keeps a search cache (publish builds a throw-away copy or calls the same
 * build; preview keeps none), so nothing else is prestarted.
 * @param {readonly string[]} argv
 * @param {string} cwd
 * @returns {SearchCache | undefined}
 */
export function prestartSearchIndex(argv, cwd) {
  const [command, ...rest] = argv;
  if (command !== "build") return undefined;
  const { values } = parseArgs({ args: rest, strict: false, options: { help: { type: "boolean", short: "h" } } });
  if (values.help) return undefined;
  const root = findRoot(cwd);
  if (!root) return undefined;
  // pipeline/cache-dir.ts's CACHE_DIR + "site"
  return openSearchCacheAt(path.join(root, ".cache", "kawaraban", "site"), new URL("./search-index.mjs", import.meta.url));
}
