// @ts-check
"use strict";
/**
 * Verb forms, judged on the tokenizer's part of speech and conjugation (not on word lists):
 * - い抜き言葉 (i-nuki.js), in narration. This replaces @textlint-ja/no-dropping-i, which has
 *   no fix and covers 「〜てます」 only.
 * - さ入れ言葉: a 五段 verb takes 「せる」, not 「させる」 (「読まさせて」→「読ませて」;
 *   「参加させて」 is a サ変 verb and right).
 * - 二重敬語: a 尊敬語 verb, or 「お／ご〜になる」, with the honorific 「れる」 on top
 *   (「おっしゃられた」「ご覧になられました」「お読みになられない」). The fix puts the verb in the
 *   form 「れる」 had, so 「られた」 becomes 「った」 and 「られました」 「りました」 / 「いました」.
 */
const { textRule, eachTokenPair, godanMizen } = require("./japanese-text.js");
const { iNuki, plainAt, spokenAt } = require("./i-nuki.js");

/** @typedef {import("./japanese-text.js").Token} Token */

/**
 * Colloquial causatives of 五段 verbs (行かす = 行かせる): 「行かさせて」 is 行かす + せる, read by the
 * tokenizer as a right causative, yet it is the さ入れ of 「行かせて」. Lexical verbs in す
 * (動かす, 驚かす, 話す) are not here: their 「〜させる」 is right.
 */
const CONTRACTED_CAUSATIVES = new Set([
  "行かす",
  "聞かす",
  "書かす",
  "待たす",
  "読ます",
  "休ます",
  "飲ます",
  "言わす",
  "使わす",
  "歌わす",
  "帰らす",
  "座らす",
  "作らす",
  "送らす",
  "撮らす",
  "知らす",
  "取らす",
  "やらす",
  "見せらす",
  // Fifteenth round: more of the same (「吹かさせていただく」「働かさせていただく」), each a verb whose
  // own causative (吹かせる, 働かせる) is what the writer meant.
  ...[
    "吹かす",
    "弾かす",
    "歩かす",
    "働かす",
    "泳がす",
    "急がす",
    "走らす",
    "踊らす",
    "笑わす",
    "手伝わす",
    "通わす",
    "持たす",
    "立たす",
    "並ばす",
    "選ばす",
    "喜ばす",
  ],
]);

const { reportDoubleHonorific, STRICT } = require("./honorifics.js");

module.exports = textRule(async (/** @type {string} */ text, /** @type {import("./japanese-text.js").Found} */ found) => {
  await eachTokenPair(text, (prev, token, tokens, i) => {
    const at = token.word_position - 1;
    if (godanMizen(prev) && token.basic_form === "させる" && token.pos_detail_1 === "接尾") {
      found(at, `「${prev.surface_form}${token.surface_form}」は「さ入れ言葉」です。「${prev.surface_form}${token.surface_form.slice(1)}」と書きます。`, {
        remove: 1,
      });
    }
    reportDoubleHonorific(prev, token, tokens, i, found, STRICT);
    // 「行かさせて」: 行かす + せる, the さ入れ of 「行かせて」.
    if (CONTRACTED_CAUSATIVES.has(prev.basic_form) && prev.surface_form.endsWith("さ") && token.basic_form === "せる" && token.pos_detail_1 === "接尾") {
      found(
        prev.word_position - 2 + prev.surface_form.length,
        `「${prev.surface_form}${token.surface_form}」は「さ入れ言葉」です。「${prev.surface_form.slice(0, -1)}${token.surface_form}」と書きます。`,
        {
          remove: 1,
        },
      );
    }
    // In a plain sentence (「東京に住んでた時より寒くない。」「何してるんだろう？」) it is the writer's
    // register, maybe a thought written as spoken: a warning of likely-mistakes instead.
    iNuki(prev, token, tokens, i, (index, ...rest) => (plainAt(text, index) || spokenAt(text, index) ? undefined : found(index, ...rest)));
  });
});
