/**
 * sentence-splitter, as seven rules of the preset use it, is a fifth of all lint time on real
 * articles (profiled on 200): every rule splits the same paragraph again, and at every
 * punctuation mark the abbreviation marker lower-cases about 300 English abbreviations to
 * compare them with the word there. Both are replaced by equivalents: a paragraph split with
 * the same options is split once per lint, and the abbreviation lists are looked up in sets of
 * their lower-cased entries (the same test: `a.toLowerCase() === b.toLowerCase()`).
 * Version-gated; tests/checks/fast-lint.test.ts compares every finding with the stock code.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { installedAt } from "./package-versions.mjs";

const require = createRequire(import.meta.url);
const INSTALLED = Symbol.for("kawaraban.fastSplitter");

/** Installs both replacements into this thread's sentence-splitter. Returns whether they are in use. */
export function installFastSplitter() {
  if (!installedAt({ "sentence-splitter": "5.0.1" })) return false;
  // Its "exports" hide these files; the entry's folder finds them (the same instances the entry loads).
  const lib = path.dirname(require.resolve("sentence-splitter"));
  // Rules call splitAST as a property of these exports (the entry's getters read them) at lint time.
  const splitter = require(path.join(lib, "sentence-splitter.js"));
  if (splitter[INSTALLED]) return true;
  const { DefaultOptions } = require(path.join(lib, "parser", "SeparatorParser.js"));
  splitter.splitAST = memoizedSplit(splitter.splitAST, new Set(DefaultOptions.separatorCharacters));
  const { AbbrMarker } = require(path.join(lib, "parser", "AbbrMarker.js"));
  AbbrMarker.prototype.mark = mark;
  splitter[INSTALLED] = true;
  return true;
}

/**
 * splitAST once per paragraph node and options. Rules share textlint's read-only AST during a
 * lint and only read the result; options are plain data (a function in them turns memoizing off).
 * Options that differ from the defaults only in separator characters the paragraph does not
 * contain split it exactly as the defaults do (the splitter reads the paragraph's `raw` and
 * compares one character at a time), so they share the default split: the preset's rules pass
 * three option sets, and most paragraphs then split once instead of three times.
 * @template {object} N, R
 * @param {(node: N, options?: unknown) => R} splitAST
 * @param {Set<string>} defaultSeparators
 */
function memoizedSplit(splitAST, defaultSeparators) {
  /** @type {WeakMap<N, Map<string, R>>} */
  const byNode = new WeakMap();
  /** @param {N} node @param {unknown} [options] */
  return (node, options) => {
    let plain = true;
    let key = JSON.stringify(options ?? null, (_k, value) => {
      if (typeof value === "function") plain = false;
      return value;
    });
    if (!plain || typeof node !== "object" || node === null) return splitAST(node, options);
    if (splitsAsDefault(node, options, defaultSeparators)) key = "null";
    let results = byNode.get(node);
    if (!results) byNode.set(node, (results = new Map()));
    let result = results.get(key);
    if (result === undefined) results.set(key, (result = splitAST(node, options)));
    return result;
  };
}

/**
 * Whether `options` only name separator characters and every character in which they differ
 * from the defaults is absent from the paragraph's source.
 * @param {object} node
 * @param {unknown} options
 * @param {Set<string>} defaults
 */
function splitsAsDefault(node, options, defaults) {
  if (typeof options !== "object" || options === null) return false;
  const keys = Object.keys(options);
  if (keys.length !== 1 || keys[0] !== "SeparatorParser") return false;
  const parser = /** @type {{ SeparatorParser: unknown }} */ (options).SeparatorParser;
  if (typeof parser !== "object" || parser === null) return false;
  const parserKeys = Object.keys(parser);
  const chars = /** @type {{ separatorCharacters?: unknown }} */ (parser).separatorCharacters;
  if (parserKeys.length !== 1 || parserKeys[0] !== "separatorCharacters" || !Array.isArray(chars) || chars.length === 0) return false;
  const raw = /** @type {{ raw?: unknown }} */ (node).raw;
  if (typeof raw !== "string") return false;
  const given = new Set(chars);
  for (const c of given) if (!defaults.has(c) && (typeof c !== "string" || raw.includes(c))) return false;
  for (const c of defaults) if (!given.has(c) && raw.includes(c)) return false;
  return true;
}

/** @type {WeakMap<object, { exclamation: Set<string>, prepositive: Set<string>, abbreviations: Set<string> }>} */
const lowerCased = new WeakMap();
/** @param {{ EXCLAMATION_WORDS: string[], PREPOSITIVE_ABBREVIATIONS: string[], ABBREVIATIONS: string[] }} lang */
function wordSets(lang) {
  let sets = lowerCased.get(lang);
  if (!sets) {
    const lower = (/** @type {string[]} */ words) => new Set(words.map((w) => w.toLowerCase()));
    sets = { exclamation: lower(lang.EXCLAMATION_WORDS), prepositive: lower(lang.PREPOSITIVE_ABBREVIATIONS), abbreviations: lower(lang.ABBREVIATIONS) };
    lowerCased.set(lang, sets);
  }
  return sets;
}

/** @param {string} text */
const isCapitalized = (text) => Boolean(text) && /^\p{Uppercase_Letter}/u.test(text);

/**
 * sentence-splitter 5.0.1's AbbrMarker#mark with set lookups for the three word lists.
 * @this {any}
 * @param {any} sourceCode
 */
function mark(sourceCode) {
  if (sourceCode.isInContextRange()) return;
  const currentWord = this.getWord(sourceCode);
  if (currentWord.length === 0) return;
  const markWord = () => sourceCode.markContextRange([sourceCode.offset, sourceCode.offset + currentWord.length]);
  // Multi-period abbreviations: U.S.A
  if (/^([a-zA-Z]\.){3,}$/.test(currentWord)) return markWord();
  const sets = wordSets(this.lang);
  const word = currentWord.toLowerCase();
  // Yahoo!
  if (sets.exclamation.has(word)) return markWord();
  // Mr. Fuji, and list numbers
  if (sets.prepositive.has(word) || /^\d+\.$/.test(currentWord)) return markWord();
  const isMatched = sets.abbreviations.has(word);
  const prevWord = this.getPrevWord(sourceCode);
  const nextWord = this.getWord(sourceCode, currentWord.length + 1);
  // "Capital <ABBR>. Capital": `I` as a sentence boundary and `I` as an abbreviation
  if (isCapitalized(prevWord) && /^\p{Uppercase_Letter}\./u.test(currentWord) && isCapitalized(nextWord)) markWord();
  else if (isMatched && !isCapitalized(nextWord)) markWord(); // A.M. is store.
}
