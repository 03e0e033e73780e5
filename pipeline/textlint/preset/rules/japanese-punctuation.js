// @ts-check
"use strict";
/**
 * Punctuation that does not belong in Japanese running text: a full-width comma or period
 * (「，」「．」) next to Japanese (→「、」「。」), and a full-width space inside a sentence
 * (removed; a space at the start of a line is the traditional paragraph indent and is kept).
 */
const { isJapanese, textRule } = require("./japanese-text.js");

module.exports = textRule((/** @type {string} */ text, /** @type {import("./japanese-text.js").Found} */ found) => {
  for (const match of text.matchAll(/[，．]/gu)) {
    const at = /** @type {number} */ (match.index);
    if (!isJapanese(text[at - 1]) && !isJapanese(text[at + 1])) continue;
    const to = match[0] === "，" ? "、" : "。";
    found(at, `日本語の文では「${match[0]}」ではなく「${to}」を使います。`, { replace: 1, text: to });
  }
  for (const match of text.matchAll(/(?<=[^\s\u3000])\u3000+(?=[^\s\u3000])/gu)) {
    found(/** @type {number} */ (match.index), "文の途中に全角スペースがあります。消してください（区切りには「、」を使います）。", { remove: match[0].length });
  }
});
