// @ts-check
"use strict";
/**
 * Which of kawaraban's phrase-list entries may report the same words as an upstream dictionary
 * rule (ja-no-abusage): those sharing two Japanese characters in a row with the dictionary's
 * patterns. The filter runs only these (67 of about 500 entries) on each text, so keeping one
 * finding per place costs a few milliseconds per hundred articles;
 * tests/checks/one-finding-per-place.test.ts generates phrases from every dictionary and list and
 * fails on any place two rules share.
 */
const { readFileSync } = require("node:fs");

/** The upstream dictionaries by rule id (resolved from this package: a fork may not install them). */
const DICTIONARIES = { "ja-technical-writing/ja-no-abusage": "textlint-rule-ja-no-abusage/dict/prh.yml" };
const JAPANESE_RUN = /[\u3040-\u30ff\u4e00-\u9fff々]{2,}/gu;
// Lookarounds say where an entry applies, not which words it reports.
const LOOKAROUND = /\(\?<?[=!](?:[^()]|\([^()]*\))*\)/gu;

/** @param {string} text */
function pairs(text) {
  const found = new Set();
  for (const run of text.match(JAPANESE_RUN) ?? []) for (let i = 0; i + 2 <= run.length; i++) found.add(run.slice(i, i + 2));
  return found;
}

/** @type {Map<string, readonly [RegExp, string | undefined, string][]>} */
const memo = new Map();

/**
 * kawaraban's entries that may overlap the dictionary of `ruleId` (none when it is not installed).
 * @param {string} ruleId
 */
function ownPhrasesLike(ruleId) {
  let entries = memo.get(ruleId);
  if (entries) return entries;
  entries = [];
  try {
    const file = require.resolve(/** @type {Record<string, string>} */ (DICTIONARIES)[ruleId] ?? "");
    const theirs = pairs(
      readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => /^\s*-?\s*patterns?:|^\s+-\s/.test(line))
        .join("\n"),
    );
    const own = [
      ...require("../preset/rules/phrases-certain.js").CERTAIN,
      ...require("../preset/rules/phrases-likely.js").LIKELY,
      ...require("../preset/rules/phrases-spelling.js").SPELLINGS,
    ];
    entries = own.filter(([pattern]) => [...pairs(pattern.source.replace(LOOKAROUND, ""))].some((pair) => theirs.has(pair)));
  } catch {
    entries = [];
  }
  memo.set(ruleId, entries);
  return entries;
}

module.exports = { ownPhrasesLike };
