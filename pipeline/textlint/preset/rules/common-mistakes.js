// @ts-check
"use strict";
/**
 * Mistakes no dictionary rule of the preset catches, each a fixed phrase with one right form
 * (the list: phrases-certain.js; where the entries come from: docs/rules.md): 二重敬語, 誤用,
 * 重言, 現代仮名遣い, misspelt katakana words and 誤変換 decided by the words around them. Only
 * phrases whose every occurrence is wrong are listed, so a finding is always a mistake.
 */
const { textRule, findPhrases } = require("./japanese-text.js");

const { CERTAIN } = require("./phrases-certain.js");

module.exports = textRule((/** @type {string} */ text, /** @type {import("./japanese-text.js").Found} */ found) => findPhrases(CERTAIN, text, found));
