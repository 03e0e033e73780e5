// @ts-check
"use strict";
/**
 * Punctuation that does not belong in Japanese running text: a full-width comma or period
 * (「，」「．」) next to Japanese (→「、」「。」), and a full-width space inside a sentence
 * (removed; a space at the start of a line is the traditional paragraph indent and is kept).
 */
const { isJapanese } = require("./japanese-text.js");

function reporter(context) {
  const { Syntax, RuleError, report, getSource, fixer } = context;
  return {
    [Syntax.Str](node) {
      const text = getSource(node);
      for (const match of text.matchAll(/[，．]/gu)) {
        const at = /** @type {number} */ (match.index);
        if (!isJapanese(text[at - 1]) && !isJapanese(text[at + 1])) continue;
        const to = match[0] === "，" ? "、" : "。";
        report(node, new RuleError(`日本語の文では「${match[0]}」ではなく「${to}」を使います。`, { index: at, fix: fixer.replaceTextRange([at, at + 1], to) }));
      }
      for (const match of text.matchAll(/(?<=[^\s\u3000])\u3000+(?=[^\s\u3000])/gu)) {
        const at = /** @type {number} */ (match.index);
        report(node, new RuleError("文の途中に全角スペースがあります。消してください（区切りには「、」を使います）。", { index: at, fix: fixer.removeRange([at, at + match[0].length]) }));
      }
    },
  };
}
module.exports = { linter: reporter, fixer: reporter };
