// @ts-check
"use strict";
/**
 * The look's そう after a dictionary form (part of kawaraban/likely-mistakes, warnings): 「やさしい
 * そうな方」 for やさしそうな, 「楽しいそうに」 for 楽しそうに, 「降るそうな空」 for 降りそうな. The hearsay
 * そうだ follows the dictionary form but has no そうな before a noun and no そうに.
 */
const { stemOf } = require("./stem-slips.js");

/** @typedef {import("./japanese-text.js").Token} Token */

/**
 * @param {Token} prev the word before そう
 * @param {Token} token そう
 * @param {import("./japanese-text.js").Found} found
 * @param {Token} [next]
 * @param {Token} [afterNext]
 */
function lookWithSou(prev, token, found, next, afterNext) {
  // 「やさしいそうな方」: the hearsay そうだ has no そうな, so before a noun it is the look of it (やさしそうな).
  // 「楽しいそうに」 too: に makes the look an adverb (hearsay has no そうに either).
  // A verb too (「降るそうな空」 for 降りそうな): the tokenizer reads そう as the look (接尾) only there.
  const verbLook =
    prev.pos === "動詞" &&
    prev.pos_detail_1 === "自立" &&
    token.pos_detail_1 === "接尾" &&
    (next?.surface_form === "な" ? next.pos === "助動詞" : next?.surface_form === "に");
  // 「売り切れるそうなので」「寒いそうなんです」: the hearsay そうだ does take な before の・ん.
  // 「鬼が出るそうな、と」「深いそうな。」: the old hearsay at a clause's end; the look's そうな describes a noun.
  const hearsay =
    next?.surface_form === "な" &&
    (/^[のん]/u.test(afterNext?.surface_form ?? "") || afterNext === undefined || afterNext.pos === "記号" || afterNext.pos === "助詞");
  if (
    (prev.pos === "形容詞" || verbLook) &&
    !hearsay &&
    prev.conjugated_form === "基本形" &&
    token.surface_form === "そう" &&
    /^[なに]$/u.test(next?.surface_form ?? "")
  ) {
    const stem = lookStem(prev);
    if (stem !== undefined)
      found(
        prev.word_position - 1,
        `「${prev.surface_form}そう${next?.surface_form}」は「${stem}そう${next?.surface_form}」です（様子は「〜そう${next?.surface_form}」、聞いたことは「〜そうだ」）。`,
        { replace: prev.surface_form.length, text: stem },
        prev.surface_form.length + 3,
      );
  }
}

/**
 * What the look's そう follows: an adjective's stem (楽しい → 楽し; ない → なさ, いい・よい → よさ), a
 * verb's 連用形 (降る → 降り, 集める → 集め, 参加する → 参加し, 来る → 来).
 * @param {import("./japanese-text.js").Token} word in its dictionary form
 */
function lookStem(word) {
  const form = word.surface_form;
  if (word.pos === "形容詞") {
    // 「かわいいそうな」 may be かわいそう (pitiful) or かわいらしそう: no fix to give, no finding.
    if (/^(?:かわいい|可愛い)$/u.test(form)) return undefined;
    if (/^(?:無い|ない)$/u.test(form)) return `${form.slice(0, -1)}さ`;
    // 「かっこいい」「気持ちいい」: the stem of いい・よい is よ (かっこよさそう, 良さそう).
    if (/(?:いい|よい|良い)$/u.test(form)) return `${form.slice(0, -2)}${form.endsWith("良い") ? "良" : "よ"}さ`;
    return form.slice(0, -1);
  }
  if (String(word.conjugated_type).startsWith("サ変") && form.endsWith("する")) return `${form.slice(0, -2)}し`;
  if (String(word.conjugated_type).startsWith("カ変")) return form === "来る" ? "来" : form === "くる" ? "き" : undefined;
  return stemOf(word);
}

module.exports = { lookWithSou };
