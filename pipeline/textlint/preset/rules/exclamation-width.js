// @ts-check
"use strict";
/**
 * Half-width 「!」「?」 right after Japanese text, fixed to full-width 「！」「？」. Web articles
 * often use the half-width marks on purpose, so this is a summary statistic by default (info);
 * a city whose style requires full-width raises its severity in .textlintrc.json. Latin words
 * (「Yahoo!」), URLs and code are left alone.
 */
const { isJapanese } = require("./japanese-text.js");

function reporter(context) {
  const { Syntax, RuleError, report, getSource, fixer } = context;
  return {
    [Syntax.Str](node) {
      const text = getSource(node);
      for (const match of text.matchAll(/[!?]+/gu)) {
        const start = /** @type {number} */ (match.index);
        if (!isJapanese(text[start - 1])) continue;
        const full = match[0].replace(/!/g, "！").replace(/\?/g, "？");
        report(node, new RuleError(`半角の「${match[0]}」は全角の「${full}」にします。`, { index: start, fix: fixer.replaceTextRange([start, start + match[0].length], full) }));
      }
    },
  };
}
module.exports = { linter: reporter, fixer: reporter };
