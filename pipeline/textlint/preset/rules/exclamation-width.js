// @ts-check
"use strict";
/**
 * Half-width 「!」「?」 right after Japanese text, fixed to full-width 「！」「？」. Web articles
 * often use the half-width marks on purpose, so this is a summary statistic by default (info);
 * a city whose style requires full-width raises its severity in .textlintrc.json. Latin words
 * (「Yahoo!」), URLs and code are left alone.
 */
const { isJapanese, textRule } = require("./japanese-text.js");

module.exports = textRule((/** @type {string} */ text, /** @type {import("./japanese-text.js").Found} */ found) => {
  for (const match of text.matchAll(/[!?]+/gu)) {
    const start = /** @type {number} */ (match.index);
    if (!isJapanese(text[start - 1])) continue;
    const full = match[0].replace(/!/g, "！").replace(/\?/g, "？");
    found(start, `半角の「${match[0]}」は全角の「${full}」にします。`, { replace: match[0].length, text: full });
  }
});
