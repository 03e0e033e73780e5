// @ts-check
"use strict";
/**
 * Which patterns of a phrase list can match a text at all, without running them. Each pattern
 * is filed under characters every one of its matches must contain: for each top-level
 * alternative, one literal character outside any group, class or optional quantifier (the
 * least common one). A text runs only the patterns filed under a character it has; a pattern
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
  for (const [i, [pattern]] of list.entries()) {
    const alternatives = pattern.flags.includes("i") ? [[]] : requiredCharacters(pattern.source);
    const keys = alternatives.map((chars) => chars.sort((a, b) => rarity(a) - rarity(b))[0]);
    if (keys.some((key) => key === undefined)) {
      always.push(i);
      continue;
    }
    for (const key of /** @type {Set<string>} */ (new Set(keys))) {
      const patterns = filed.get(key);
      if (patterns) patterns.push(i);
      else filed.set(key, [i]);
    }
  }
  return (text) => {
    const chosen = new Set(always);
    for (const ch of new Set(text)) for (const i of filed.get(ch) ?? []) chosen.add(i);
    return [...chosen].sort((a, b) => a - b).map((i) => /** @type {Entry} */ (list[i]));
  };
}

module.exports = { phraseIndex, requiredCharacters };
