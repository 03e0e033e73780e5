// @ts-check
"use strict";
/**
 * Kana slips the tokenizer shows for any word (part of kawaraban/likely-mistakes, warnings):
 * an adjective's い left out before よう (「難しようです」), an い typed after a verb's 連用形 or
 * twice after an adjective's own い (「言いいそう」「多いいです」), and 「〜てしました」, which is neither
 * 「〜ていました」 nor 「〜てしまいました」; a ラ行 verb's て form written with ん (「走んで」), and
 * the 連用形 typed before the て form's っ (「行きって」). Written after the ninth blind set (docs/prose-eval.md).
 */

/**
 * @param {import("./japanese-text.js").Token} prev
 * @param {import("./japanese-text.js").Token} token
 * @param {number} at where `token` starts in the text
 * @param {import("./japanese-text.js").Found} found
 * @param {import("./japanese-text.js").Token} [next]
 */
function kanaSlips(prev, token, at, found, next) {
  // 「難しようです」: よう follows an adjective's plain form (「難しいよう」); the stem takes そう, not よう.
  // A stem of kana alone is more often a name the tokenizer split (「ほくよう保育園」).
  const stem = prev.pos === "形容詞" && prev.conjugated_form === "ガル接続" && /[\u4e00-\u9fff]/u.test(prev.surface_form);
  if (stem && token.surface_form === "よう" && token.pos === "名詞") {
    found(at, `「${prev.surface_form}よう」は「${prev.surface_form}いよう」の「い」が抜けていませんか。`, { insert: "い" });
  }
  // 「持ち出し袋お、」: the prefix お before a comma is the particle を mistyped.
  if (prev.pos === "名詞" && token.surface_form === "お" && token.pos === "接頭詞" && next?.pos === "記号" && /^[、。，．]$/u.test(next.surface_form)) {
    found(at, `「${prev.surface_form}お」の「お」は、助詞の「を」ではありませんか。`, { replace: 1, text: "を" });
  }
  // 「びんずめ」「箱ずめ」: the negative ず never follows a noun; 〜詰め is written づめ.
  if (prev.pos === "名詞" && prev.pos_detail_1 !== "数" && token.surface_form === "ず" && token.pos === "助動詞" && next?.surface_form === "め") {
    found(at, `「${prev.surface_form}ずめ」は「${prev.surface_form}づめ」と書きます（「詰め」の「づ」）。`, { replace: 1, text: "づ" });
  }
  if (token.surface_form === "い") {
    // 「言いいそう」「泣きいそう」: いる follows a verb's て form, never its 連用形, so the い is a slip
    // (「見いだす」 is a word of its own).
    const afterStem =
      prev.pos === "動詞" && prev.conjugated_form === "連用形" && prev.surface_form !== "見" && token.basic_form === "いる" && token.pos_detail_1 === "非自立";
    // 「多いいです」: an adjective's own い typed twice before です or the end of the sentence.
    const afterAdjective =
      prev.pos === "形容詞" && prev.conjugated_form === "基本形" && token.pos === "名詞" && /^(?:です|。|ね|よ|！|!)$/u.test(next?.surface_form ?? "");
    if (afterStem || afterAdjective) found(at, `「${prev.surface_form}い」の「い」は要らないのではありませんか。`, { remove: 1 });
  }
  // 「走んで」: a ラ行 verb's て form is 走って; the tokenizer reads 走ん as the spoken 「走んの」.
  if (prev.pos === "動詞" && prev.conjugated_form === "体言接続特殊" && /^[でだ]$/u.test(token.surface_form) && /[\u4e00-\u9fff]ん$/u.test(prev.surface_form)) {
    const right = `${prev.surface_form.slice(0, -1)}っ${token.surface_form === "で" ? "て" : "た"}`;
    found(
      prev.word_position - 1,
      `「${prev.surface_form}${token.surface_form}」は「${right}」です。`,
      { replace: prev.surface_form.length + 1, text: right },
      prev.surface_form.length + 1,
    );
  }
  // 「行きってきました」: the 連用形 and the っ of the て form typed together (「行って」).
  // The stem ends in its own kana (not 「獲」 the tokenizer could not read), and て or た follows (「立ちっぱ」 is speech).
  const stemKana = /[\u4e00-\u9fff][いきぎしちにびみり]$/u.test(prev.surface_form);
  if (stemKana && prev.pos === "動詞" && prev.conjugated_form === "連用形" && token.surface_form === "っ" && /^[てた]$/u.test(next?.surface_form ?? "")) {
    found(
      prev.word_position - 1,
      `「${prev.surface_form}っ」は、て形の打ち間違いではありませんか（「行きって」→「行って」）。`,
      undefined,
      prev.surface_form.length + 1,
    );
  }
  // 「喜んでしました」: after a verb's て form する has no meaning here; いました or しまいました was meant.
  if (
    prev.pos_detail_1 === "接続助詞" &&
    /^[てで]$/u.test(prev.surface_form) &&
    token.basic_form === "する" &&
    token.surface_form === "し" &&
    next?.surface_form === "まし"
  ) {
    found(at, `「${prev.surface_form}しました」は「${prev.surface_form}いました」「${prev.surface_form}しまいました」の誤りではありませんか。`, undefined, 3);
  }
}

module.exports = { kanaSlips };
