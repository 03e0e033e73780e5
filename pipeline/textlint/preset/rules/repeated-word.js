// @ts-check
"use strict";
/**
 * Accidental duplication: the same particle, auxiliary or adnominal twice in a row after a word
 * (「とと」「のの」「をを」「そのその」),
 * and a doubled month after a number
 * (「11月月に」). Reduplicated words (「そうそう」「一つ一つ」「もっともっと」), ellipses
 * (「……」「・・・」「、、、」) and placeholders (「○○」) are Japanese, not mistakes, so unlike
 * ja-no-successive-word only function words are compared.
 */
const { tokenize } = require("./tokens.js");
const { textRule } = require("./japanese-text.js");

const FUNCTION_WORDS = new Set(["助詞", "助動詞", "連体詞"]);
/** Function words that are repeated on purpose (「などなど」「とかとか」). */
const ALLOWED = new Set(["など", "とか", "ほど"]);

module.exports = textRule(async (/** @type {string} */ text, /** @type {import("./japanese-text.js").Found} */ found) => {
  const tokens = await tokenize(text);
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1];
    const token = tokens[i];
    if (!prev || !token) continue;
    // 「公園のの」: the tokenizer reads the second の as a noun (「の」 as in 「私のです」), so the
    // pair counts when the first is a particle and the second a function word or that noun.
    // 「時刻表がが」: the second が is read as the conjunction が (but).
    const second =
      FUNCTION_WORDS.has(token.pos) ||
      (token.surface_form === "の" && token.pos === "名詞" && token.pos_detail_1 === "非自立") ||
      (token.surface_form === "が" && token.pos === "接続詞");
    if (token.surface_form !== prev.surface_form || !second || !FUNCTION_WORDS.has(prev.pos) || ALLOWED.has(token.surface_form)) continue;
    // 「ご参加戴きますます賑やかな」: ますます (more and more) before a word, after a verb's ます.
    if (token.surface_form === "ます" && tokens[i + 1] !== undefined && tokens[i + 1]?.pos !== "記号") continue;
    // 「大きな大きなかぶ」「小さな小さな花」: an adnominal said twice for emphasis, as in a story.
    if (token.pos === "連体詞" && /.{2,}な$/u.test(token.surface_form)) continue;
    // An accident doubles a particle after a word (「公園のの」); three in a row is a sound
    // (「ははは」「とととっと」), and a pair with no word before it is one too (「『はは』」).
    const before = tokens[i - 2];
    const after = tokens[i + 1];
    if (
      !before ||
      before.pos === "記号" ||
      /[(（[［「『]$/u.test(before.surface_form) ||
      before.pos === "感動詞" ||
      before.surface_form === token.surface_form ||
      after?.surface_form === token.surface_form ||
      // 「和室ににわか」「娘ののえちゃん」: the second is the first kana of a word the tokenizer broke
      // into a sentence-final particle, a filler or an interjection, none of which follow a particle.
      (after !== undefined && (after.pos_detail_1 === "終助詞" || after.pos === "フィラー" || after.pos === "感動詞")) ||
      // 「壮観な|な|が|め」: a sentence-final particle that does not end anything is a word's first kana (眺め).
      (/終助詞/u.test(token.pos_detail_1) && after !== undefined && after.pos !== "記号") ||
      // 「ががちゃん」「ののちゃん」: a name in kana before its suffix, not a particle typed twice.
      /^(?:ちゃん|くん|さん|様|さま|君|号)/u.test(after?.surface_form ?? "")
    )
      continue;
    found(token.word_position - 1, `「${token.surface_form}」が 2 回続いています。1 つ消してください。`, { remove: token.surface_form.length });
  }
  // A verb ending typed twice (「しっかりしてして」); 「ますます」 is a word and is not listed.
  for (const match of text.matchAll(/(して|した|です|でした|ました)\1/gu)) {
    const word = match[1] ?? "";
    found(/** @type {number} */ (match.index) + word.length, `「${word}」が 2 回続いています。1 つ消してください。`, { remove: word.length });
  }
  for (const match of text.matchAll(/(?<=[0-9０-９一二三四五六七八九十])月(月)(?![\u3400-\u9fff])/gu)) {
    found(/** @type {number} */ (match.index) + 1, "「月」が 2 回続いています。1 つ消してください。", { remove: 1 });
  }
});
