// @ts-check
"use strict";
/**
 * kawaraban's own rules, as a textlint preset so that .textlintrc.json loads them for the textlint
 * CLI, editor plugins and kawaraban alike. `city-required` is textlint-rule-prh under a second
 * name: the city's mandatory 表記 (errors) next to its recommended ones (the `prh` rule, warnings).
 */
const { moduleInterop } = require("@textlint/module-interop");

module.exports = {
  rules: {
    "repeated-word": require("./rules/repeated-word.js"),
    "exclamation-width": require("./rules/exclamation-width.js"),
    typography: require("./rules/typography.js"),
    "kana-notation": require("./rules/kana-notation.js"),
    "japanese-punctuation": require("./rules/japanese-punctuation.js"),
    "notation-variants": require("./rules/notation-variants.js"),
    "common-mistakes": require("./rules/common-mistakes.js"),
    "likely-mistakes": require("./rules/likely-mistakes.js"),
    "verb-forms": require("./rules/verb-forms.js"),
    grammar: require("./rules/grammar.js"),
    "redundant-expression": require("./rules/redundant-expression.js"),
    "plain-style": require("./rules/plain-style.js"),
    // @ts-expect-error textlint-rule-prh ships no types; it is a textlint rule module like the others.
    "city-required": moduleInterop(require("textlint-rule-prh")),
  },
  rulesConfig: {
    "repeated-word": true,
    "exclamation-width": true,
    // Info unless the city says otherwise: a config written before this rule existed does not list it.
    typography: { severity: "info" },
    "kana-notation": { severity: "info" },
    "japanese-punctuation": true,
    "notation-variants": true,
    "common-mistakes": true,
    "likely-mistakes": true,
    "verb-forms": true,
    grammar: true,
    "plain-style": true,
    // Off unless configured: it stands in for ja-technical-writing/ja-no-redundant-expression.
    "redundant-expression": false,
    "city-required": false,
  },
};
