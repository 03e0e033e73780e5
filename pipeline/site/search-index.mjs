// The search index's update, in plain JavaScript so it can run on a worker thread loaded straight
// from pipeline/ (bundled or not): reading, updating and serialising a 1,000-article index is
// a few tenths of a second, done beside the rest of the build on the other core.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import MiniSearch from "minisearch";
import { searchOptions } from "./search-client.mjs";
import { mergeSerialized, termsOf } from "./search-merge.mjs";

/**
 * @typedef {{ url: string; title: string; summary: string; date: string; text: string }} Doc
 * @typedef {{ indexFile?: string; previous: boolean; remove: string[]; add: Doc[]; variants: [string, string][] }} IndexJob
 * @typedef {{ key: string; file: string; json?: undefined } | { key: string; json: string; file?: undefined }} IndexResult
 *   the index in `file` (the cache's, not sent between threads: 12 MB at 4,000 articles) or as `json`;
 *   `key` names its content as SiteOutput does (sha1, base64url), so the site copies it without reading it
 */

/** @param {string} json */
export const indexKey = (json) => createHash("sha1").update(json).digest("base64url");

/**
 * The previous index (when `previous`: `loaded`, its parsed JSON, or read from `indexFile`) with
 * `remove` discarded and `add` indexed; written to `indexFile` (atomically) for the next build
 * and the site, else returned as JSON. Only the added articles go through MiniSearch; the rest
 * is merged in serialised form.
 * @param {IndexJob} job
 * @param {{ js: import("./search-merge.mjs").SerializedIndex; terms: ReturnType<typeof termsOf> }} [loaded]
 * @returns {IndexResult}
 */
export function updatedIndex(job, loaded) {
  const added = new MiniSearch(searchOptions(job.variants));
  added.addAll(job.add);
  const previous = job.previous && job.indexFile ? (loaded ?? parsed(job.indexFile)) : undefined;
  const json = JSON.stringify(previous ? mergeSerialized(previous.js, job.remove, added.toJSON(), previous.terms) : added);
  if (!job.indexFile) return { key: indexKey(json), json };
  mkdirSync(path.dirname(job.indexFile), { recursive: true });
  writeFileSync(`${job.indexFile}.tmp`, json);
  renameSync(`${job.indexFile}.tmp`, job.indexFile);
  return { key: indexKey(json), file: job.indexFile };
}

/**
 * The previous index and its postings by term, made while the build is still finding what changed.
 * @param {string} file
 */
const parsed = (file) => {
  const js = JSON.parse(readFileSync(file, "utf8"));
  return { js, terms: termsOf(js) };
};

// On a thread: the previous index is read at once (workerData.preload: its file), while the
// build finds out what changed; then one job is answered.
if (!isMainThread && workerData?.searchIndex) {
  const { preload } = workerData.searchIndex;
  let loaded;
  try {
    if (preload) loaded = parsed(preload.indexFile);
  } catch {
    loaded = undefined; // the job reads the file again and fails; the build then makes the index anew
  }
  parentPort?.once("message", (/** @type {IndexJob} */ job) => {
    try {
      parentPort?.postMessage({ result: updatedIndex(job, loaded) });
    } catch (error) {
      parentPort?.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
}
