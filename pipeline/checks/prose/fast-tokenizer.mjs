/**
 * Three hot spots of linting real articles, profiled (a 200-article check):
 *   - the dictionary trie's common-prefix search encodes the whole rest of the sentence to UTF-8
 *     at every character, so a sentence costs its length squared (≈ 10 % of all lint time);
 *   - kuromojin's `tokenize` resolves kuromoji's folder with require.resolve on every call;
 *   - seven rules split the same paragraph into sentences, each on its own (≈ 20 %).
 * Each is replaced by an equivalent that returns the same values: the prefix search encodes one
 * character at a time and stops where the trie does; the dictionary folder is resolved once; a
 * paragraph split with the same options is split once per lint. Version-gated like
 * fast-dictionary.mjs; tests/checks/fast-dictionary.test.ts compares tokens and every finding
 * with the stock code in other threads.
 *
 * One difference, on input no UTF-8 file can hold: an unpaired high surrogate makes the stock
 * search throw (its encoder returns null); this one stops before it, as at any unknown byte.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const INSTALLED = Symbol.for("kawaraban.fastTokenizer");

/** @param {string} name */
const versionOf = (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")).version;

/** Installs both replacements into this thread's modules. Returns whether they are in use. */
export function installFastTokenizer() {
  try {
    if (versionOf("doublearray") !== "0.0.2" || versionOf("kuromojin") !== "3.0.1" || versionOf("sentence-splitter") !== "5.0.1") return false;
  } catch {
    return false;
  }
  const doublearray = require("doublearray");
  const trie = doublearray.builder(0).build([{ k: "a", v: 1 }]);
  const DoubleArray = Object.getPrototypeOf(trie);
  if (DoubleArray[INSTALLED]) return true;
  DoubleArray.commonPrefixSearch = commonPrefixSearch;
  DoubleArray[INSTALLED] = true;

  // The package entry re-exports these through getters that read this module's exports.
  const kuromojin = require("kuromojin/lib/kuromojin.js");
  const dicPath = path.join(path.dirname(require.resolve("kuromoji")), "..", "dict");
  const { tokenize, getTokenizer } = kuromojin;
  // Rules may destructure these when they load, which is after this runs.
  /** @param {string} text @param {{ dicPath: string, noCacheTokenize?: boolean } | undefined} options */
  kuromojin.tokenize = (text, options) => tokenize(text, options ?? { dicPath });
  /** @param {{ dicPath: string } | undefined} options */
  kuromojin.getTokenizer = (options) => getTokenizer(options ?? { dicPath });

  // Rules call it as a property of these exports (the package entry's getters read them) at lint time.
  // Its "exports" hide the file; the entry's folder finds it (the same module instance the entry loads).
  const splitter = require(path.join(path.dirname(require.resolve("sentence-splitter")), "sentence-splitter.js"));
  splitter.splitAST = memoizedSplit(splitter.splitAST);
  return true;
}

/**
 * splitAST once per paragraph node and options. Rules share textlint's read-only AST during a
 * lint and only read the result; options are plain data (a function in them turns memoizing off).
 * @template {object} N, R
 * @param {(node: N, options?: unknown) => R} splitAST
 */
function memoizedSplit(splitAST) {
  /** @type {WeakMap<N, Map<string, R>>} */
  const byNode = new WeakMap();
  /** @param {N} node @param {unknown} [options] */
  return (node, options) => {
    let plain = true;
    const key = JSON.stringify(options ?? null, (_k, value) => {
      if (typeof value === "function") plain = false;
      return value;
    });
    if (!plain || typeof node !== "object" || node === null) return splitAST(node, options);
    let results = byNode.get(node);
    if (!results) byNode.set(node, (results = new Map()));
    let result = results.get(key);
    if (result === undefined) results.set(key, (result = splitAST(node, options)));
    return result;
  };
}

const ROOT_ID = 0;
const NOT_FOUND = -1;
const TERM_CODE = 0;

/** @param {number} code @returns {number[]} the UTF-8 bytes of one code point */
function utf8(code) {
  if (code < 0x80) return [code];
  if (code < 0x800) return [(code >>> 6) | 0xc0, (code & 0x3f) | 0x80];
  if (code < 0x10000) return [(code >>> 12) | 0xe0, ((code >> 6) & 0x3f) | 0x80, (code & 0x3f) | 0x80];
  return [(code >>> 18) | 0xf0, ((code >> 12) & 0x3f) | 0x80, ((code >> 6) & 0x3f) | 0x80, (code & 0x3f) | 0x80];
}

/**
 * doublearray 0.0.2's commonPrefixSearch, walking the trie one character at a time: every key
 * of the trie that is a prefix of `key`, shortest first, as { k, v } (v only for leaves).
 * @this {{ traverse(parent: number, code: number): number, bc: { getBase(id: number): number } }}
 * @param {string} key
 */
function commonPrefixSearch(key) {
  /** @type {{ k?: string, v?: number }[]} */
  const result = [];
  let parent = ROOT_ID;
  for (let i = 0; i < key.length; ) {
    let code = key.charCodeAt(i);
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff) {
      const lower = key.charCodeAt(i + 1);
      if (!(lower >= 0xdc00 && lower <= 0xdfff)) return result;
      code = (code - 0xd800) * 1024 + 0x10000 + (lower - 0xdc00);
      width = 2;
    }
    const bytes = utf8(code);
    for (let b = 0; b < bytes.length; b++) {
      const child = this.traverse(parent, /** @type {number} */ (bytes[b]));
      if (child === NOT_FOUND) return result;
      parent = child;
      const leaf = this.traverse(child, TERM_CODE);
      // The trie holds whole UTF-8 strings: a key never ends inside a character.
      if (leaf === NOT_FOUND || b !== bytes.length - 1) continue;
      const base = this.bc.getBase(leaf);
      /** @type {{ k?: string, v?: number }} */
      const found = {};
      if (base <= 0) found.v = -base - 1;
      found.k = key.slice(0, i + width);
      result.push(found);
    }
    i += width;
  }
  return result;
}
