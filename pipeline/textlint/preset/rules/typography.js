// @ts-check
"use strict";
/**
 * Marks and spaces an editor tidies without asking the writer (info by default, each with a fix):
 * a closing quotation mark used to open (「”ことば”」, what many input methods type), a half-width
 * space between a word and its particle, and a mark doubled for effect (「。。」「、、」). On the
 * evaluation sets these were right 8 times in 100: the writers meant them, and editors of
 * published articles rarely changed them. They are summary lines in the pull request, and the
 * autofix applies them; a city that wants each one shown raises the severity in .textlintrc.json.
 * A mixed pair (「、。」) is a slip and stays in likely-mistakes.
 */
const { textRule, findPhrases } = require("./japanese-text.js");

/** @type {[RegExp, string | undefined, string][]} */
const TYPOGRAPHY = [
  [/”(?=[^“”\n]{1,40}”)/gu, "“", "開きの引用符は「“」です（閉じの「”」で始まっています）"],
  // Not inside 「…」: a name may have a space of its own (道の駅「富楽里 とみやま」).
  [/(?<=[\u30a1-\u30fa\u30fc\u4e00-\u9fff]) (?=[がをにへでとはもの])(?![^「」\n]*」)/gu, "", "言葉と助詞の間に半角の空白があります"],
  // 「、、、」 is an ellipsis of its own; two of the same mark is one too many in an article.
  [/(?<![。、]。)(?<=。)。(?![。、])|(?<![。、]、)(?<=、)、(?![。、])/gu, "", "同じ句読点が 2 つ続いています。1 つにするか、「…」と書きます"],
];

module.exports = textRule((/** @type {string} */ text, /** @type {import("./japanese-text.js").Found} */ found) => {
  findPhrases(TYPOGRAPHY, text, found);
});
module.exports.TYPOGRAPHY = TYPOGRAPHY;
