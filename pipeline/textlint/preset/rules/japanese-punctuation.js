// @ts-check
"use strict";
/**
 * Punctuation that does not belong in Japanese running text: a full-width comma or period
 * (「，」「．」) next to Japanese, or a half-width one between Japanese (→「、」「。」), and a full-width space inside a sentence
 * (removed; a space at the start of a line is the traditional paragraph indent and is kept).
 */
const { isJapanese, textRule } = require("./japanese-text.js");

/** A half-width comma or period between two Japanese characters (「ご遺体を,母が」): never in a number, a URL or Latin text. */
const ASCII_MARK = /(?<=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ー])[,.](?=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ー])/gu;

module.exports = textRule((/** @type {string} */ text, /** @type {import("./japanese-text.js").Found} */ found, doc) => {
  for (const match of text.matchAll(/[，．]/gu)) {
    const at = /** @type {number} */ (match.index);
    if (!isJapanese(text[at - 1]) && !isJapanese(text[at + 1])) continue;
    const to = match[0] === "，" ? "、" : "。";
    found(at, `日本語の文では「${match[0]}」ではなく「${to}」を使います。`, { replace: 1, text: to });
  }
  const ascii = [...text.matchAll(ASCII_MARK)];
  // A slip among 「、」 is reported where it is; a paragraph written with 「,」 throughout is the
  // writer's habit, said once per article rather than at every comma.
  const habit = ascii.length > 1 && ascii.length >= [...text.matchAll(/、/gu)].length;
  for (const match of ascii) {
    const to = match[0] === "," ? "、" : "。";
    if (habit && (doc.asciiMarks = (doc.asciiMarks ?? 0) + 1) > 1) break;
    const message = habit
      ? `この段落は「${match[0]}」を句読点に使っています。日本語の文では「${to}」にそろえます。`
      : `日本語の文では「${match[0]}」ではなく「${to}」を使います。`;
    found(/** @type {number} */ (match.index), message, { replace: 1, text: to });
  }
  for (const match of text.matchAll(/(?<=[^\s\u3000])\u3000+(?=[^\s\u3000])/gu)) {
    found(/** @type {number} */ (match.index), "文の途中に全角スペースがあります。消してください（区切りには「、」を使います）。", { remove: match[0].length });
  }
});
