// The search index's update, in plain JavaScript so it can run on a worker thread loaded straight
// from pipeline/ (bundled or not): loading, updating and serialising a 1,000-article MiniSearch
// index is most of a core for half a second, done beside the rest of the build on the other one.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import MiniSearch from "minisearch";
import { searchOptions } from "./search-client.mjs";

/**
 * @typedef {{ url: string; title: string; summary: string; date: string; text: string }} Doc
 * @typedef {{ indexFile?: string; previous: boolean; remove: string[]; add: Doc[]; variants: [string, string][] }} IndexJob
 */

/**
 * The previous index (when `previous`: `loaded`, or read from `indexFile`) with `remove` discarded
 * and `add` indexed, as JSON; written to `indexFile` (atomically) for the next build.
 * @param {IndexJob} job
 * @param {MiniSearch<Doc>} [loaded]
 * @returns {string}
 */
export function updatedIndex(job, loaded) {
  const options = searchOptions(job.variants);
  let index = new MiniSearch(options);
  if (job.previous && job.indexFile) index = loaded ?? MiniSearch.loadJSON(readFileSync(job.indexFile, "utf8"), options);
  for (const url of job.remove) index.discard(url);
  index.addAll(job.add);
  const json = JSON.stringify(index);
  if (job.indexFile) {
    mkdirSync(path.dirname(job.indexFile), { recursive: true });
    writeFileSync(`${job.indexFile}.tmp`, json);
    renameSync(`${job.indexFile}.tmp`, job.indexFile);
  }
  return json;
}

// On a thread: the previous index is loaded at once (workerData.preload: its file and the
// spellings it was made with), while the build finds out what changed; then one job is answered.
if (!isMainThread && workerData?.searchIndex) {
  const { preload } = workerData.searchIndex;
  let loaded;
  try {
    if (preload) loaded = MiniSearch.loadJSON(readFileSync(preload.indexFile, "utf8"), searchOptions(preload.variants));
  } catch {
    loaded = undefined; // the job then reads the file again and reports what is wrong with it
  }
  parentPort?.once("message", (/** @type {IndexJob} */ job) => {
    try {
      parentPort?.postMessage({ json: updatedIndex(job, loaded) });
    } catch (error) {
      parentPort?.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
}
