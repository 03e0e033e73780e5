// @ts-check
"use strict";
/**
 * Verb forms, judged on the tokenizer's part of speech and conjugation (not on word lists):
 * - い抜き言葉: a て/で form directly followed by an auxiliary that needs 「いる」 —
 *   「遊んでます」「書いてた」「知ってるお店」「行ってない」 → 「でいます」「ていた」「ている」「ていない」,
 *   before a noun and at the end of a sentence alike. In quoted speech the speaker's own words
 *   stay (the kawaraban filter). This replaces @textlint-ja/no-dropping-i, which has no fix and
 *   covers 「〜てます」 only.
 * - さ入れ言葉: a 五段 verb takes 「せる」, not 「させる」 (「読まさせて」→「読ませて」;
 *   「参加させて」 is a サ変 verb and right).
 */
const { textRule, eachTokenPair } = require("./japanese-text.js");

/** @param {{ surface_form: string; pos: string; pos_detail_1: string } | undefined} t */
const isTeForm = (t) => t !== undefined && t.pos === "助詞" && t.pos_detail_1 === "接続助詞" && (t.surface_form === "て" || t.surface_form === "で");

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
    // 「遊んでます」「書いてた」: the て/で form, then ます or た without いる between them.
    if (isTeForm(prev) && token.pos === "助動詞" && (token.basic_form === "ます" || token.basic_form === "た")) {
      found(at, `「${prev.surface_form}${token.surface_form}」は「い抜き言葉」です。「${prev.surface_form}い${token.surface_form}」と書きます。`, {
        insert: "い",
      });
    }
    // 「知ってる」「遊んでる」「言ってた」「行ってない」: the tokenizer's own てる/でる.
    // 「並んでて」: after the て/で form the tokenizer reads the dropped いて as てる's 連用形.
    if (token.pos === "動詞" && token.pos_detail_1 === "非自立" && token.basic_form === "てる" && isTeForm(prev) && token.surface_form === "て") {
      found(at, `「${prev.surface_form}て」は「い抜き言葉」です。「${prev.surface_form}いて」と書きます。`, { insert: "い" });
    }
    // 「並んでてとても」「読んでてわかる」: the dropped いて read as a second particle て.
    if (token.pos === "助詞" && token.surface_form === "て" && isTeForm(prev) && tokens[i - 2]?.pos === "動詞") {
      found(at, `「${prev.surface_form}て」は「い抜き言葉」です。「${prev.surface_form}いて」と書きます。`, { insert: "い" });
    }
    if (token.pos === "動詞" && token.pos_detail_1 === "非自立" && (token.basic_form === "てる" || token.basic_form === "でる") && prev.pos === "動詞") {
      const next = tokens[i + 1];
      const shown = `${token.surface_form}${next && next.pos === "助動詞" ? next.surface_form : ""}`;
      found(token.word_position, `「${shown}」は「い抜き言葉」です。「${shown[0]}い${shown.slice(1)}」と書きます。`, { insert: "い" });
    }
  });
});
