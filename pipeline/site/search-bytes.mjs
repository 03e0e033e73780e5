// The search index written as bytes, term by term. JSON.stringify of the whole 12 MB index gives
// a two-byte string (the terms are Japanese) that must then be encoded to UTF-8 for the hash and
// again for the file; most of it is postings, which are ASCII (numeric keys and counts). Written
// per term, the postings encode on V8's one-byte fast path, and a term whose postings an update
// did not touch is copied from the previous file's bytes as it was.

/**
 * @typedef {import("./search-merge.mjs").SerializedIndex} SerializedIndex
 * @typedef {SerializedIndex["index"][number]} IndexEntry
 * @typedef {{ starts: number[]; ends: number[] }} Spans
 * @typedef {{ bytes: Buffer; spans: Spans; position: Map<IndexEntry, number>; touched: Set<unknown> }} Reuse
 *   the previous file's `bytes` and the byte spans of its index entries; `position` maps each entry
 *   of the parsed previous index to its span (entries are kept by identity through an update), and
 *   `touched` holds the postings objects the update changed
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const INDEX_KEY = Buffer.from('"index"');

/**
 * The byte span of every array entry of the top-level `index` array of a serialised index, in
 * order; undefined when there is none or the bytes are not JSON-shaped. The caller uses them only
 * when there are as many as JSON.parse found entries, else writes every entry afresh. A
 * structural scan: strings (with their escapes) are skipped, so a term or a stored title holding
 * brackets or `"index"` cannot move a span. UTF-8 continuation bytes are never ASCII, so bytes
 * can be scanned without decoding. With a repeated key, JSON.parse keeps the last: so does this.
 * @param {Uint8Array} bytes
 * @returns {Spans | undefined}
 */
export function indexSpans(bytes) {
  let depth = 0;
  let keyStart = -1;
  let keyEnd = -1;
  let inIndex = false;
  /** @type {Spans | undefined} */
  let found;
  /** @type {Spans} */
  let current = { starts: [], ends: [] };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === QUOTE) {
      const start = i;
      for (i++; i < bytes.length && bytes[i] !== QUOTE; i++) if (bytes[i] === BACKSLASH) i++;
      if (depth === 1) [keyStart, keyEnd] = [start, i + 1];
      continue;
    }
    if (b === 0x5b /* [ */ || b === 0x7b /* { */) {
      if (depth === 1 && b === 0x5b && isIndexKey(bytes, keyStart, keyEnd)) {
        inIndex = true;
        current = { starts: [], ends: [] };
      } else if (inIndex && depth === 2) {
        if (b !== 0x5b) return undefined;
        current.starts.push(i);
      }
      depth++;
    } else if (b === 0x5d /* ] */ || b === 0x7d /* } */) {
      depth--;
      if (inIndex && depth === 2) current.ends.push(i + 1);
      if (inIndex && depth === 1) [inIndex, found] = [false, current];
    } else if (depth === 1 && b === 0x2c /* , */) {
      keyStart = -1;
    }
  }
  return depth === 0 ? found : undefined;
}

/**
 * @param {Uint8Array} bytes
 * @param {number} start
 * @param {number} end
 */
function isIndexKey(bytes, start, end) {
  if (start < 0 || end - start !== INDEX_KEY.length) return false;
  for (let k = 0; k < INDEX_KEY.length; k++) if (bytes[start + k] !== INDEX_KEY[k]) return false;
  return true;
}

/**
 * `js` as JSON bytes (what JSON.parse reads back as `js`; the key order may differ from
 * JSON.stringify's). Entries of the previous index the update kept and did not touch are copied
 * from `reuse.bytes`, consecutive ones as one slice.
 * @param {SerializedIndex} js
 * @param {Reuse} [reuse]
 * @returns {Buffer}
 */
export function indexBytes(js, reuse) {
  const { index, ...rest } = js;
  /** @type {Buffer[]} */
  const parts = [Buffer.from(`${JSON.stringify(rest).slice(0, -1)},"index":[`)];
  let runStart = -1;
  let runLast = -1;
  const flush = () => {
    if (runStart >= 0 && reuse) parts.push(reuse.bytes.subarray(reuse.spans.starts[runStart], reuse.spans.ends[runLast]));
    runStart = -1;
  };
  let first = true;
  for (const entry of index) {
    const at = reuse?.touched.has(entry[1]) ? undefined : reuse?.position.get(entry);
    if (at !== undefined && runStart >= 0 && at === runLast + 1) {
      runLast = at;
      continue;
    }
    flush();
    if (!first) parts.push(COMMA);
    first = false;
    if (at !== undefined) [runStart, runLast] = [at, at];
    else parts.push(Buffer.from(`[${JSON.stringify(entry[0])},`), Buffer.from(`${JSON.stringify(entry[1])}]`));
  }
  flush();
  parts.push(CLOSE);
  return Buffer.concat(parts);
}

const COMMA = Buffer.from(",");
const CLOSE = Buffer.from("]}");
