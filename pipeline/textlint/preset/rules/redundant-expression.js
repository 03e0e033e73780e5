// @ts-check
"use strict";
/**
 * textlint-rule-ja-no-redundant-expression (textlint-ja), with one fix made grammatical: it turns
 * 「〜をすることができる」 into 「〜をできる」, which is not Japanese; here the 「を」 becomes 「が」
 * (「買い物をすることができます」→「買い物ができます」). Every other finding and fix is the rule's own.
 */
// @ts-expect-error the rule ships no types; it is a textlint rule module ({ linter, fixer }).
const upstream = require("textlint-rule-ja-no-redundant-expression");

const rule = upstream.default ?? upstream;

/**
 * @param {(context: any, options?: any) => any} create
 */
function grammatical(create) {
  return (/** @type {any} */ context, /** @type {any} */ options) => {
    /** @param {any} node @param {any} error */
    const report = (node, error) => {
      const fix = error?.fix;
      if (fix && Array.isArray(fix.range)) {
        const text = context.getSource(node);
        const [start, end] = fix.range;
        if (text[start - 1] === "を" && text.slice(start, end).startsWith("することが")) {
          error.fix = { ...fix, range: [start - 1, end], text: `が${fix.text}` };
        }
      }
      return context.report(node, error);
    };
    // The context is frozen: a child object that inherits everything and says report its own way.
    return create(Object.create(context, { report: { value: report } }), options);
  };
}

module.exports = { linter: grammatical(rule.linter), fixer: grammatical(rule.fixer) };
