/**
 * A faster load of kuromoji's tokenizer dictionary, the largest part of a cold check (1.3 s of
 * a 2.2 s textlint run on one article here). Profiled, the stock loader spends its time in:
 *   - gunzip into chunks, joined and then copied again into a fresh ArrayBuffer (≈ 0.6 s);
 *   - building `target_map`, a JS object of 390,000 small arrays, and the GC that moves it (≈ 0.4 s).
 * Here each file is inflated once into an ArrayBuffer of its exact size, kept uncompressed in
 * node_modules/.cache without its zero padding (100 MB inflated, 62 MB on disk), and later read
 * straight into a zero-filled buffer; `target_map` becomes a lazy view over the file's bytes.
 * The tokens are the same as the stock loader's: tests/checks/fast-lint.test.ts compares both
 * on the sample articles and on generated text.
 *
 * Only for the kuromoji release whose internals this reads; any other version, a missing file
 * or a read-only cache leaves kuromoji's own loader in place (slower, never wrong).
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { open, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { installedAt } from "./package-versions.mjs";
import path from "node:path";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";

const gunzipAsync = promisify(gunzip);

const require = createRequire(import.meta.url);
const SUPPORTED_VERSION = "0.1.2";
const INSTALLED = Symbol.for("kawaraban.fastDictionary");

/** Installs the fast loader into this thread's kuromoji. Returns whether it is in use. */
export function installFastDictionary() {
  if (!installedAt({ kuromoji: SUPPORTED_VERSION })) return false;
  const kuromojiDir = path.dirname(require.resolve("kuromoji/package.json"));
  const Loader = require("kuromoji/src/loader/NodeDictionaryLoader.js");
  const TokenInfoDictionary = require("kuromoji/src/dict/TokenInfoDictionary.js");
  if (Loader.prototype[INSTALLED]) return true;
  // On a CI runner nothing outlives the job: writing the 62 MB copy would only cost time.
  const cacheDir = path.join(path.dirname(kuromojiDir), ".cache", "kawaraban", "dictionary");
  const keepCopy = process.env.CI !== "true";
  /** @param {string} file @param {(error: Error | null, buffer?: ArrayBuffer) => void} callback */
  Loader.prototype.loadArrayBuffer = (file, callback) => {
    // setImmediate: an exception in kuromoji's callback must not become a rejected promise here.
    loadDictionaryFile(file, cacheDir, keepCopy).then(
      (buffer) => setImmediate(callback, null, buffer),
      (error) => setImmediate(callback, error),
    );
  };
  /** @param {Uint8Array} bytes */
  TokenInfoDictionary.prototype.loadTargetMap = function loadTargetMap(bytes) {
    this.target_map = lazyTargetMap(bytes);
    return this;
  };
  Loader.prototype[INSTALLED] = true;
  return true;
}

/**
 * The gzip trailer: CRC-32 and size of the inflated bytes, which name the cached copy.
 * @param {string} file
 */
async function gzipTrailer(file) {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(8), 0, 8, size - 8);
    if (size < 18 || bytesRead !== 8) throw new Error("辞書ファイルが壊れています");
    return { crc: buffer.readUInt32LE(0), inflatedSize: buffer.readUInt32LE(4) };
  } finally {
    await handle.close();
  }
}

/**
 * One dictionary file as an ArrayBuffer of exactly its inflated size. Asynchronous: the reads
 * and the inflating run on libuv's threads while this thread loads the lint rules.
 * @param {string} file
 * @param {string} cacheDir
 * @param {boolean} [keepCopy] whether to write the uncompressed copy when there is none
 * @returns {Promise<ArrayBuffer>}
 */
export async function loadDictionaryFile(file, cacheDir, keepCopy = true) {
  const trailer = await gzipTrailer(file);
  const cached = path.join(cacheDir, `${path.basename(file, ".gz")}.${trailer.crc.toString(16)}.${trailer.inflatedSize}`);
  const fromCache = await readPadded(cached, trailer.inflatedSize);
  if (fromCache) return fromCache;
  // chunkSize = the inflated size: zlib writes into one buffer that owns its ArrayBuffer, no copies.
  const inflated = await gunzipAsync(await readFile(file), { chunkSize: Math.max(64, trailer.inflatedSize) });
  if (inflated.length !== trailer.inflatedSize) throw new Error("辞書ファイルの大きさが合いません");
  if (keepCopy) writeTrimmed(cached, inflated);
  const exact = inflated.byteOffset === 0 && inflated.byteLength === inflated.buffer.byteLength;
  return exact ? inflated.buffer : new Uint8Array(inflated).buffer;
}

/**
 * The cached bytes read into a zero-filled buffer of the full size, or undefined.
 * @param {string} file
 * @param {number} size
 */
async function readPadded(file, size) {
  let handle;
  try {
    handle = await open(file, "r");
  } catch {
    return undefined;
  }
  try {
    const stored = (await handle.stat()).size;
    if (stored > size) return undefined;
    const buffer = new ArrayBuffer(size);
    const view = new Uint8Array(buffer, 0, stored);
    for (let done = 0; done < stored; ) {
      const { bytesRead } = await handle.read(view, done, stored - done, done);
      if (bytesRead === 0) return undefined;
      done += bytesRead;
    }
    return buffer;
  } finally {
    await handle.close();
  }
}

/**
 * Stores the bytes up to the last non-zero one; atomically, and only as a cache (errors ignored).
 * @param {string} file
 * @param {Uint8Array} bytes
 */
function writeTrimmed(file, bytes) {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  const temp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temp, bytes.subarray(0, end));
    renameSync(temp, file);
  } catch {
    // A read-only or full disk: the next run inflates again.
  }
}

/**
 * kuromoji's target_map (trie id → token info ids) read on demand from tid_map.dat, whose layout
 * is: int32 count, then per key: int32 key, int32 n, n × int32 id (little-endian). Reading
 * mirrors the stock loader: a key seen twice gets both lists, in order; a missing key is undefined.
 * @param {Uint8Array} bytes
 * @returns {Record<string, number[]>}
 */
export function lazyTargetMap(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Keys are trie ids, dense from 0: a typed array indexes them without 390,000 heap objects.
  // Two passes over the bytes (the largest key, then the index) cost less than growing arrays.
  /** @param {(key: number, position: number) => void} visit */
  const scan = (visit) => {
    for (let position = 4; position + 8 <= bytes.byteLength; ) {
      const count = view.getInt32(position + 4, true);
      if (count < 0 || position + 8 + count * 4 > bytes.byteLength) return;
      const key = view.getInt32(position, true);
      if (count > 0 && key >= 0) visit(key, position);
      position += 8 + count * 4;
    }
  };
  let maxKey = -1;
  scan((key) => {
    if (key > maxKey) maxKey = key;
  });
  const first = new Int32Array(maxKey + 1).fill(-1);
  const more = new Map();
  scan((key, position) => {
    if (first[key] === -1) first[key] = position;
    else more.set(key, [...(more.get(key) ?? []), position]);
  });
  /** @param {number} position @returns {number[]} */
  const idsAt = (position) => {
    const count = view.getInt32(position + 4, true);
    const ids = new Array(count);
    for (let i = 0; i < count; i++) ids[i] = view.getInt32(position + 8 + i * 4, true);
    return ids;
  };
  // The words of a run of articles are few beside the dictionary's: each key's list is read once
  // (the lattice builder asks for the same keys at every occurrence of a word). Never mutated.
  /** @type {Map<string | symbol, number[] | undefined>} */
  const seen = new Map();
  return new Proxy(Object.create(null), {
    get(_target, property) {
      if (seen.has(property)) return seen.get(property);
      if (typeof property !== "string" || !/^(0|[1-9][0-9]*)$/.test(property)) return undefined;
      const key = Number(property);
      const position = key <= maxKey ? (first[key] ?? -1) : -1;
      if (position === -1) return undefined;
      const extra = more.get(key);
      const ids = extra ? [position, ...extra].flatMap(idsAt) : idsAt(position);
      seen.set(property, ids);
      return ids;
    },
  });
}
