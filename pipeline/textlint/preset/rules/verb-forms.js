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
const { textRule, eachTokenPair } = require("./japanese-text.js");
const { iNuki, plainAt } = require("./i-nuki.js");

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
]);

/** 尊敬語 verbs (ラ行 五段) that need no 「れる」. なさる and くださる are read as なす / くだす. */
const HONORIFIC = new Set(["おっしゃる", "いらっしゃる", "召し上がる", "めしあがる"]);
/** Their 連用形 before ます is い: 「おっしゃいます」. */
const I_BEFORE_MASU = new Set(["おっしゃる", "いらっしゃる"]);

/** @param {Token | undefined} t @param {Token | undefined} before */
const honorificPrefixed = (t, before) =>
  (t !== undefined && /^[おご御]/u.test(t.surface_form) && t.pos === "名詞") ||
  (before !== undefined && before.pos === "接頭詞" && /^[おご御]$/u.test(before.surface_form));

/**
 * The ラ行 verb `verb` in the form the honorific 「れる」 (`reru`) had before `next`.
 * @param {string} verb
 * @param {Token} reru
 * @param {Token | undefined} next
 */
function withoutReru(verb, reru, next) {
  const stem = verb.slice(0, -1);
  switch (reru.conjugated_form) {
    case "基本形":
      return verb;
    case "未然形":
      return `${stem}ら`;
    case "仮定形":
      return `${stem}れ`;
    case "連用形":
      if (next && (next.basic_form === "た" || (next.pos === "助詞" && /^(?:て|たり)$/u.test(next.surface_form)))) return `${stem}っ`;
      return `${stem}${I_BEFORE_MASU.has(verb) ? "い" : "り"}`;
    default:
      return undefined;
  }
}

/** 「おっしゃられた」「ご覧になられます」: where the doubled honorific starts, or undefined. */
function doubleHonorific(/** @type {Token} */ prev, /** @type {Token} */ token, /** @type {readonly Token[]} */ tokens, /** @type {number} */ i) {
  if (token.pos_detail_1 !== "接尾" || token.basic_form !== "れる" || prev.conjugated_form !== "未然形") return undefined;
  if (!String(prev.conjugated_type).startsWith("五段・ラ行")) return undefined;
  if (HONORIFIC.has(prev.basic_form)) return i - 1;
  if (prev.basic_form !== "なる" || tokens[i - 2]?.surface_form !== "に") return undefined;
  if (honorificPrefixed(tokens[i - 3], tokens[i - 4])) return tokens[i - 4]?.pos === "接頭詞" ? i - 4 : i - 3;
  return undefined;
}

module.exports = textRule(async (/** @type {string} */ text, /** @type {import("./japanese-text.js").Found} */ found) => {
  await eachTokenPair(text, (prev, token, tokens, i) => {
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
    const from = doubleHonorific(prev, token, tokens, i);
    const right = from === undefined ? undefined : withoutReru(prev.basic_form, token, tokens[i + 1]);
    if (from !== undefined) {
      const words = tokens
        .slice(from, i - 1)
        .map((t) => t.surface_form)
        .join("");
      const next = tokens[i + 1];
      const after = next && (next.pos === "助動詞" || next.pos === "助詞") ? next.surface_form : "";
      const length = prev.surface_form.length + token.surface_form.length;
      found(
        prev.word_position - 1,
        `「${words}${prev.surface_form}${token.surface_form}${after}」は二重敬語です。${right ? `「${words}${right}${after}」と書きます。` : "「れる・られる」を付けずに書きます。"}`,
        right ? { replace: length, text: right } : undefined,
        length,
      );
    }
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
    iNuki(prev, token, tokens, i, (index, ...rest) => (plainAt(text, index) ? undefined : found(index, ...rest)));
  });
});
