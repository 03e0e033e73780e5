// @ts-check
"use strict";
/**
 * Two verb-form mistakes the maintained rules leave open:
 * - さ入れ言葉: a 五段 verb takes 「せる」, not 「させる」 (「読まさせて」→「読ませて」;
 *   「参加させて」 is a サ変 verb and right). @textlint-ja/no-insert-dropping-sa is about
 *   「美味しさそう」, a different mistake.
 * - い抜き言葉 after 「で」 (「遊んでます」→「遊んでいます」): @textlint-ja/no-dropping-i covers
 *   「〜てます」 only.
 */
const { tokenize } = require("kuromojin");
const { textRule } = require("./japanese-text.js");

module.exports = textRule(async (/** @type {string} */ text, /** @type {import("./japanese-text.js").Found} */ found) => {
  const tokens = await tokenize(text);
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1];
    const token = tokens[i];
    if (!prev || !token) continue;
    const at = token.word_position - 1;
    if (
      prev.pos === "動詞" &&
      String(prev.conjugated_type).startsWith("五段") &&
      prev.conjugated_form === "未然形" &&
      token.basic_form === "させる" &&
      token.pos_detail_1 === "接尾"
    ) {
      found(at, `「${prev.surface_form}${token.surface_form}」は「さ入れ言葉」です。「${prev.surface_form}${token.surface_form.slice(1)}」と書きます。`, {
        remove: 1,
      });
    }
    if (prev.surface_form === "で" && prev.pos === "助詞" && prev.pos_detail_1 === "接続助詞" && token.pos === "助動詞" && token.basic_form === "ます") {
      found(at, `「で${token.surface_form}」は「い抜き言葉」です。「でい${token.surface_form}」と書きます。`, { insert: "い" });
    }
  }
});
