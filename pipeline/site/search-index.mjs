// The search index's update, in plain JavaScript so it can run on a worker thread loaded straight
// from pipeline/ (bundled or not): reading, updating and serialising a 1,000-article index is
// a few tenths of a second, done beside the rest of the build on the other core.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { searchOptions } from "./search-client.mjs";
import { serializedIndex } from "./search-build.mjs";
import { indexBytes, indexSpans } from "./search-bytes.mjs";
import { mergeSerialized, termsOf } from "./search-merge.mjs";

/**
 * @typedef {{ url: string; title: string; summary: string; date: string; text: string }} Doc
 * @typedef {{ indexFile?: string; previous: boolean; remove: string[]; add: Doc[]; variants: [string, string][] }} IndexJob
 * @typedef {{ key: string; file: string; json?: undefined } | { key: string; json: string; file?: undefined }} IndexResult
 *   the index in `file` (the cache's, not sent between threads: 12 MB at 4,000 articles) or as `json`;
 *   `key` names its content as SiteOutput does (sha1, base64url), so the site copies it without reading it
 */

/** @param {string | Buffer} json */
export const indexKey = (json) => createHash("sha1").update(json).digest("base64url");

/**
 * The previous index (when `previous`: `loaded`, its parsed JSON, or read from `indexFile`) with
 * `remove` discarded and `add` indexed; written to `indexFile` (atomically) for the next build
 * and the site, else returned as JSON. Only the added articles are indexed (serializedIndex, in
 * MiniSearch's format); the rest is merged in serialised form.
 * @param {IndexJob} job
 * @param {Previous} [loaded]
 * @returns {IndexResult}
 */
export function updatedIndex(job, loaded) {
  const added = serializedIndex(job.add, searchOptions(job.variants));
  const previous = job.previous && job.indexFile ? (loaded ?? parsed(job.indexFile)) : undefined;
  /** @type {Set<unknown>} */
  const touched = new Set();
  const bytes = previous
    ? indexBytes(mergeSerialized(previous.js, job.remove, added, previous.terms, touched), previous.spans && { ...previous, spans: previous.spans, touched })
    : indexBytes(added);
  if (!job.indexFile) return { key: indexKey(bytes), json: bytes.toString("utf8") };
  mkdirSync(path.dirname(job.indexFile), { recursive: true });
  writeFileSync(`${job.indexFile}.tmp`, bytes);
  renameSync(`${job.indexFile}.tmp`, job.indexFile);
  return { key: indexKey(bytes), file: job.indexFile };
}

/**
 * @typedef {{
 *   js: import("./search-merge.mjs").SerializedIndex; terms: ReturnType<typeof termsOf>; bytes: Buffer;
 *   spans: import("./search-bytes.mjs").Spans | undefined; position: Map<unknown, number>;
 * }} Previous
 */

/**
 * The previous index, its postings by term and where each entry's bytes are, made while the
 * build is still finding what changed. The spans are used only when they match the parsed entries.
 * @param {string} file
 * @returns {Previous}
 */
const parsed = (file) => {
  const bytes = readFileSync(file);
  const js = JSON.parse(bytes.toString("utf8"));
  const entries = Array.isArray(js?.index) ? js.index : [];
  const found = indexSpans(bytes);
  const spans = found && found.starts.length === entries.length && found.ends.length === entries.length ? found : undefined;
  return { js, terms: termsOf(js), bytes, spans, position: new Map(entries.map((/** @type {unknown} */ e, /** @type {number} */ i) => [e, i])) };
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
