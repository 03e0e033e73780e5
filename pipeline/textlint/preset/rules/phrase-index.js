// @ts-check
"use strict";
/**
 * Which patterns of a phrase list can match a text at all, without running them. Each pattern
 * is filed under characters every one of its matches must contain: for each top-level
 * alternative, one literal character outside any group, class or optional quantifier (the
 * least common one), or, when that is a common kana and the pattern starts with two or more
 * literal characters, the least common pair of them in a row. A text runs only the patterns
 * filed under a character or pair it has; a pattern
 * with an alternative that has no such character runs on every text. The lists hold hundreds of
 * patterns (every slip of the polite words among them), and running each on every paragraph
 * was a fifth of a worker's lint time. tests/checks/phrase-index.test.ts holds this to running
 * every pattern, on random texts built from the patterns' own characters.
 */

/** Kana so common that filing a pattern under them saves little (roughly by frequency). */
const COMMON = "のにはをがてしたいるすまでとなかもっれらりうくこあおよさだ、。";
const rarity = (/** @type {string} */ ch) => {
  const i = COMMON.indexOf(ch);
  return i === -1 ? 0 : COMMON.length - i;
};

/**
 * Splits a regular expression's source into its top-level alternatives, each a list of the
 * literal characters that must appear in a match; `undefined` for an alternative with none.
 * Conservative: anything not understood is skipped, which only means the pattern runs more often.
 * @param {string} source
 * @returns {(string[])[]}
 */
function requiredCharacters(source) {
  const units = [...source];
  /** @type {string[][]} */
  const alternatives = [[]];
  let depth = 0;
  for (let i = 0; i < units.length; i++) {
    const ch = /** @type {string} */ (units[i]);
    let literal = /** @type {string | undefined} */ (undefined);
    if (ch === "\\") {
      i = skipEscape(units, i);
    } else if (ch === "[") {
      i = skipClass(units, i);
    } else if (ch === "{") {
      // A quantifier's bounds ({2}, {0,8}) are not characters of the text.
      const end = units.indexOf("}", i);
      i = end === -1 ? units.length : end;
    } else if (ch === "(") {
      depth++;
    } else if (ch === ")") {
      depth--;
    } else if (ch === "|" && depth === 0) {
      alternatives.push([]);
      continue;
    } else if (depth === 0 && !"^$.*+?{}|".includes(ch)) {
      literal = ch;
    }
    // A quantifier that allows none makes the unit before it optional.
    const next = units[i + 1];
    const optional = next === "?" || next === "*" || (next === "{" && units[i + 2] === "0");
    if (literal !== undefined && !optional) alternatives[alternatives.length - 1]?.push(literal);
  }
  return alternatives;
}

/**
 * The index of the last code unit of the escape starting at `i` (\uXXXX, \u{…}, \p{…}, \k<…>, \xHH, \cX).
 * @param {string[]} units
 * @param {number} i
 */
function skipEscape(units, i) {
  const kind = units[i + 1];
  if ((kind === "u" || kind === "p" || kind === "P") && units[i + 2] === "{") return units.indexOf("}", i + 2);
  if (kind === "k" && units[i + 2] === "<") return units.indexOf(">", i + 2);
  if (kind === "u") return i + 5;
  if (kind === "x") return i + 3;
  if (kind === "c") return i + 2;
  return i + 1;
}

/**
 * The index of the `]` closing the class that starts at `i` (escapes inside respected).
 * @param {string[]} units
 * @param {number} i
 */
function skipClass(units, i) {
  for (let j = i + 1; j < units.length; j++) {
    if (units[j] === "\\") j = skipEscape(units, j);
    else if (units[j] === "]") return j;
  }
  return units.length;
}

/** Characters with a meaning in a pattern's source: a literal run stops at the first. */
const LITERAL_RUN = /^[^\\^$.*+?()[\]{}|]+/u;

/**
 * The least common pair of characters in a row at the start of a pattern's source (「くだしあ」 → 「しあ」),
 * when the source begins with two or more literal characters; undefined otherwise.
 * @param {string} source
 */
function rarestPair(source) {
  const run = [...(source.match(LITERAL_RUN)?.[0] ?? "")];
  // A quantifier after the run makes its last character optional (「ab?」).
  if ("?*+{".includes(source[run.join("").length] ?? "-")) run.pop();
  let best;
  for (let j = 1; j < run.length; j++) {
    const pair = `${run[j - 1]}${run[j]}`;
    const score = rarity(run[j - 1] ?? "") + rarity(run[j] ?? "");
    if (best === undefined || score < best.score) best = { pair, score };
  }
  return best?.pair;
}

/**
 * @template {readonly [RegExp, ...unknown[]]} Entry
 * @param {readonly Entry[]} list
 * @returns {(text: string) => Entry[]} the entries that may match `text`, in the list's order
 */
function phraseIndex(list) {
  /** @type {Map<string, number[]>} */
  const filed = new Map();
  /** @type {number[]} */
  const always = [];
  /** @type {Map<string, number[]>} patterns filed under two characters in a row */
  const paired = new Map();
  for (const [i, [pattern]] of list.entries()) {
    const alternatives = pattern.flags.includes("i") ? [[]] : requiredCharacters(pattern.source);
    const keys = alternatives.map((chars) => chars.sort((a, b) => rarity(a) - rarity(b))[0]);
    if (keys.some((key) => key === undefined)) {
      always.push(i);
      continue;
    }
    // Only common kana (「くだしあ」「ござます」): every paragraph has each of them, but not the pair.
    const pair = alternatives.length === 1 && rarity(keys[0] ?? "") > 0 && !pattern.flags.includes("i") ? rarestPair(pattern.source) : undefined;
    if (pair !== undefined) {
      const patterns = paired.get(pair);
      if (patterns) patterns.push(i);
      else paired.set(pair, [i]);
      continue;
    }
    for (const key of /** @type {Set<string>} */ (new Set(keys))) {
      const patterns = filed.get(key);
      if (patterns) patterns.push(i);
      else filed.set(key, [i]);
    }
  }
  // A pattern is chosen when its mark holds this call's number: no set to build and sort per text.
  const marks = new Uint32Array(list.length);
  let call = 0;
  return (text) => {
    call++;
    for (const i of always) marks[i] = call;
    let previous = "";
    for (const ch of text) {
      const patterns = filed.get(ch);
      if (patterns) for (const i of patterns) marks[i] = call;
      const pairs = paired.get(previous + ch);
      if (pairs) for (const i of pairs) marks[i] = call;
      previous = ch;
    }
    /** @type {Entry[]} */
    const chosen = [];
    for (let i = 0; i < list.length; i++) if (marks[i] === call) chosen.push(/** @type {Entry} */ (list[i]));
    return chosen;
  };
}

/** Per phrase list, its index (built on first use). */
const INDEXES = new WeakMap();

/**
 * The patterns of `list` that can match `text`, in list order.
 * @template {readonly [RegExp, ...unknown[]]} Entry
 * @param {readonly Entry[]} list
 * @param {string} text
 * @returns {Entry[]}
 */
function candidatesIn(list, text) {
  let index = INDEXES.get(list);
  if (!index) INDEXES.set(list, (index = phraseIndex(list)));
  return index(text);
}

module.exports = { phraseIndex, candidatesIn, requiredCharacters };
