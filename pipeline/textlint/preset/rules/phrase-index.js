// @ts-check
"use strict";
/**
 * Which patterns of a phrase list can match a text at all, without running them. Each pattern
 * is filed under keys — one character, or two in a row — such that every match holds one of
 * them: per top-level alternative, the most selective requirement the pattern's source makes
 * (two literal characters in a row beat one; a rare character beats a common kana). Positive
 * lookarounds and groups that are not optional count (「(?<=コロナ)[渦過]」 needs 「コロナ」), a
 * group of alternatives or a class of plain characters is a requirement of one of several keys,
 * and negative lookarounds, optional parts, escapes and ranges require nothing. A text runs only
 * the patterns filed under a key it holds; a pattern with an alternative that requires nothing
 * runs on every text. The lists hold thousands of patterns, and running each on every paragraph
 * was a fifth of a worker's lint time. tests/checks/phrase-index.test.ts holds this to running
 * every pattern, on random texts built from the patterns' own keys.
 */

/** Kana so common that filing a pattern under them saves little (roughly by frequency). */
const COMMON = "のにはをがてしたいるすまでとなかもっれらりうくこあおよさだ、。";
const rarity = (/** @type {string} */ ch) => {
  const i = COMMON.indexOf(ch);
  return i === -1 ? 0 : COMMON.length - i;
};

/**
 * How often a key is expected in a text, lower is rarer: a pair of characters is rarer than one
 * character, a pair of common kana rarer than a common kana alone.
 * @param {string} key one or two characters
 */
function keyCost(key) {
  const [a = "", b] = [...key];
  return b === undefined ? 40 + 2 * rarity(a) : rarity(a) + rarity(b);
}

/** @typedef {string[]} Requirement keys of which every match holds at least one */

/**
 * The requirement that least often holds on a text (fewest and rarest keys).
 * @param {Requirement[]} requirements
 */
function best(requirements) {
  const cost = (/** @type {Requirement} */ r) => r.reduce((sum, key) => sum + keyCost(key), 0);
  return requirements.reduce((a, b) => (a === undefined || cost(b) < cost(a) ? b : a), /** @type {Requirement | undefined} */ (undefined));
}

/** Characters with a meaning in a pattern's source; any other is itself. */
const SYNTAX = "\\^$.*+?()[]{}|";

/**
 * Parses a pattern's source into its alternatives (top level, or of the group starting after
 * `from`), each with the requirements its matches must meet. Conservative: anything not
 * understood requires nothing, which only means the pattern runs more often.
 * @param {string[]} units the source's characters
 * @param {number} from
 * @returns {{ alternatives: Requirement[][], end: number }} end: the index of the closing `)` (or the length)
 */
function parseAlternatives(units, from) {
  /** @type {Requirement[][]} */
  const alternatives = [[]];
  let run = ""; // literal characters in a row, so far
  const endRun = () => {
    const chars = [...run];
    const current = /** @type {Requirement[]} */ (alternatives[alternatives.length - 1]);
    if (chars.length === 1) current.push([run]);
    for (let j = 1; j < chars.length; j++) current.push([`${chars[j - 1]}${chars[j]}`]);
    run = "";
  };
  let i = from;
  for (; i < units.length; i++) {
    const ch = /** @type {string} */ (units[i]);
    if (ch === ")") break;
    /** @type {{ literal?: string, requirement?: Requirement }} */
    let unit = {};
    if (ch === "\\") i = skipEscape(units, i);
    else if (ch === "[") {
      const end = skipClass(units, i);
      const members = units.slice(i + 1, end);
      // Plain characters only: no negation, range or escape.
      if (members.length > 0 && members[0] !== "^" && !members.some((c) => c === "\\" || c === "-")) unit = { requirement: [...new Set(members)] };
      i = end;
    } else if (ch === "{") {
      // A quantifier's bounds ({2}, {0,8}) are not characters of the text.
      const end = units.indexOf("}", i);
      i = end === -1 ? units.length : end;
    } else if (ch === "(") {
      const group = parseGroup(units, i);
      i = group.end;
      unit = group.requirement ? { requirement: group.requirement } : {};
      if (group.inner && !isOptional(units, i)) {
        endRun();
        alternatives[alternatives.length - 1]?.push(...group.inner);
        continue;
      }
    } else if (ch === "|") {
      endRun();
      alternatives.push([]);
      continue;
    } else if (!SYNTAX.includes(ch)) unit = { literal: ch };
    const optional = isOptional(units, i);
    const repeated = "+{".includes(units[i + 1] ?? "-");
    if (unit.literal !== undefined && !optional) {
      run += unit.literal;
      if (repeated) endRun();
      continue;
    }
    endRun();
    if (unit.requirement && !optional) alternatives[alternatives.length - 1]?.push(unit.requirement);
  }
  endRun();
  return { alternatives, end: i };
}

/**
 * A group starting at `i`: its end, and what a match of it requires — `inner`, every requirement
 * of its one alternative, or `requirement`, one key of each of its alternatives.
 * @param {string[]} units
 * @param {number} i the index of `(`
 * @returns {{ end: number, inner?: Requirement[], requirement?: Requirement }}
 */
function parseGroup(units, i) {
  const head = units.slice(i + 1, i + 4).join("");
  const negative = head.startsWith("?!") || head.startsWith("?<!");
  let from = i + 1;
  if (head.startsWith("?:") || head.startsWith("?=") || head.startsWith("?!")) from = i + 3;
  else if (head.startsWith("?<=") || head.startsWith("?<!")) from = i + 4;
  else if (head.startsWith("?<")) from = units.indexOf(">", i) + 1;
  else if (head.startsWith("?")) return { end: skipGroup(units, i) }; // a modifier group this parser does not know
  const { alternatives, end } = parseAlternatives(units, from);
  if (negative) return { end };
  if (alternatives.length === 1) return { end, inner: alternatives[0] };
  /** @type {string[]} */
  const keys = [];
  for (const alternative of alternatives) {
    const pick = best(alternative);
    if (pick === undefined) return { end };
    keys.push(...pick);
  }
  return { end, requirement: [...new Set(keys)] };
}

/**
 * Whether the unit ending at `i` may be absent: a quantifier that allows none follows it.
 * @param {string[]} units
 * @param {number} i
 */
function isOptional(units, i) {
  const next = units[i + 1];
  return next === "?" || next === "*" || (next === "{" && units[i + 2] === "0");
}

/**
 * The index of the `)` closing the group that starts at `i`.
 * @param {string[]} units
 * @param {number} i
 */
function skipGroup(units, i) {
  let depth = 0;
  for (let j = i; j < units.length; j++) {
    if (units[j] === "\\") j = skipEscape(units, j);
    else if (units[j] === "[") j = skipClass(units, j);
    else if (units[j] === "(") depth++;
    else if (units[j] === ")" && --depth === 0) return j;
  }
  return units.length;
}

/**
 * Per top-level alternative of a pattern's source, the keys one of which every match holds;
 * an empty list for an alternative that requires nothing.
 * @param {string} source
 * @returns {Requirement[]}
 */
function requiredKeys(source) {
  return parseAlternatives([...source], 0).alternatives.map((requirements) => best(requirements) ?? []);
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
  /** @type {Map<number, number[]>} patterns by key (keyCode) */
  const filed = new Map();
  /** @type {number[]} */
  const always = [];
  for (const [i, [pattern]] of list.entries()) {
    const keys = pattern.flags.includes("i") ? [[]] : requiredKeys(pattern.source);
    if (keys.some((requirement) => requirement.length === 0)) {
      always.push(i);
      continue;
    }
    for (const key of new Set(keys.flat().map(keyCode))) {
      const patterns = filed.get(key);
      if (patterns) patterns.push(i);
      else filed.set(key, [i]);
    }
  }
  // A pattern is chosen when its mark holds this call's number: no set to build per text.
  const marks = new Uint32Array(list.length);
  let call = 0;
  /** @type {number[]} */
  let chosen = [];
  const mark = (/** @type {number[] | undefined} */ patterns) => {
    if (patterns === undefined) return;
    for (const i of patterns) {
      if (marks[i] !== call) chosen.push(i);
      marks[i] = call;
    }
  };
  // The rules of one text node ask in turn about the same text.
  let lastText = "";
  /** @type {Entry[] | undefined} */
  let lastEntries;
  return (text) => {
    if (text === lastText && lastEntries) return lastEntries;
    call++;
    chosen = [];
    mark(always);
    let previous = -1;
    for (let j = 0; j < text.length; j++) {
      const point = /** @type {number} */ (text.codePointAt(j));
      if (point > 0xffff) j++;
      mark(filed.get(point));
      if (previous >= 0) mark(filed.get(pairCode(previous, point)));
      previous = point;
    }
    lastText = text;
    lastEntries = chosen.sort((a, b) => a - b).map((i) => /** @type {Entry} */ (list[i]));
    return lastEntries;
  };
}

/** Code points run to 0x10ffff: a pair's number is above every single character's. */
const PAIR = 0x110000;
const pairCode = (/** @type {number} */ a, /** @type {number} */ b) => (a + 1) * PAIR + b;
/** A key (one or two characters) as a number, the way the scan reads a text. */
function keyCode(/** @type {string} */ key) {
  const [a = 0, b] = [...key].map((ch) => /** @type {number} */ (ch.codePointAt(0)));
  return b === undefined ? a : pairCode(a, b);
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

module.exports = { phraseIndex, candidatesIn, requiredKeys };
