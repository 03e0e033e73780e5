// @ts-check
"use strict";
/**
 * Sequences of words the tokenizer marks as impossible in a conjugation (part of
 * kawaraban/likely-mistakes, warnings), for every verb and adjectival noun, from the
 * part-of-speech data rather than a list of words:
 * - a 五段 verb's た/て stem straight before a noun (「役立っ事」 for 役立つ事, 「使っもの」);
 * - a verb's dictionary form before a form of する (「増すした」 for 増した);
 * - an adjectival noun straight before こと・もの (「大変こと」 for 大変なこと);
 * - らしい without its い before です (「ないらしです」);
 * - られる after a 五段 verb, whose passive is れる (「選ばられた」 for 選ばれた);
 * - a verb's dictionary form before やすい・にくい・づらい, which take its stem (「使うやすい」);
 * - an 一段 verb's stem (or that stem read as a noun, 「晴れ」) before ば, which takes れば (「晴ればいい」);
 * - a ラ行 verb's stem before て without its っ (「集まてくださった」 for 集まって).
 */

/** Nouns that a clause describes: こと, もの, ところ, とき. */
const DESCRIBED = /^(?:こと|事|もの|物|ところ|所|とき|時)$/u;

/**
 * @param {import("./japanese-text.js").Token} prev
 * @param {import("./japanese-text.js").Token} token
 * @param {number} at where `token` starts in the text
 * @param {import("./japanese-text.js").Found} found
 */
function stemSlips(prev, token, at, found) {
  const pair = `${prev.surface_form}${token.surface_form}`;
  const start = prev.word_position - 1;
  // A kanji stem (「役立っ」「聞い」): kana ones are mostly words the tokenizer cut.
  const tStem =
    prev.pos === "動詞" &&
    prev.conjugated_form === "連用タ接続" &&
    String(prev.conjugated_type).startsWith("五段") &&
    /^[\u4e00-\u9fff][\u3040-\u309f\u4e00-\u9fff]*[いっん]$/u.test(prev.surface_form);
  if (tStem && token.pos === "名詞" && token.word_type === "KNOWN" && token.pos_detail_1 !== "接尾") {
    found(
      start,
      `「${pair}」は動詞の形が崩れています（「${prev.basic_form}${token.surface_form}」「${prev.surface_form}た${token.surface_form}」など）。`,
      undefined,
      pair.length,
    );
  }
  if (
    prev.pos === "動詞" &&
    prev.pos_detail_1 === "自立" &&
    prev.conjugated_form === "基本形" &&
    token.pos === "動詞" &&
    token.basic_form === "する" &&
    /^し/u.test(token.surface_form)
  ) {
    found(start, `「${pair}」は動詞が重なっています（「${prev.surface_form}」の形を確かめてください）。`, undefined, pair.length);
  }
  if (
    prev.pos === "名詞" &&
    prev.pos_detail_1 === "形容動詞語幹" &&
    token.pos === "名詞" &&
    token.pos_detail_1 === "非自立" &&
    DESCRIBED.test(token.surface_form)
  ) {
    found(at, `「${pair}」は「${prev.surface_form}な${token.surface_form}」の「な」が抜けていませんか。`, { insert: "な" });
  }
  const godan = prev.pos === "動詞" && String(prev.conjugated_type).startsWith("五段") && prev.conjugated_form === "未然形";
  if (godan && token.pos === "動詞" && token.pos_detail_1 === "接尾" && token.basic_form === "られる" && /[\u4e00-\u9fff]/u.test(prev.surface_form)) {
    found(at, `「${pair}」の「ら」が余分です（「${prev.surface_form}${token.surface_form.slice(1)}」）。`, { remove: 1 });
  }
  const ease = token.pos === "形容詞" && token.pos_detail_1 === "非自立" && /^(?:やすい|にくい|づらい)$/u.test(token.basic_form);
  if (ease && prev.pos === "動詞" && prev.pos_detail_1 === "自立" && prev.conjugated_form === "基本形") {
    const stem = stemOf(prev);
    found(
      start,
      `「${pair}」は「${stem ?? prev.surface_form}${token.surface_form}」です（「〜${token.basic_form}」は動詞の連用形に付きます）。`,
      stem ? { replace: prev.surface_form.length, text: stem } : undefined,
      prev.surface_form.length,
    );
  }
  const ichidanStem =
    (prev.pos === "動詞" && String(prev.conjugated_type).startsWith("一段") && prev.conjugated_form === "連用形") ||
    (prev.pos === "名詞" && prev.pos_detail_1 === "一般" && /^[\u4e00-\u9fff]+[えけげせぜてでねべめれいきぎしじちにびみり]$/u.test(prev.surface_form));
  if (ichidanStem && token.pos === "助詞" && token.surface_form === "ば") {
    found(at, `「${pair}」は「${prev.surface_form}れば」の「れ」が抜けていませんか。`, { insert: "れ" });
  }
  if (
    prev.pos === "動詞" &&
    prev.conjugated_form === "体言接続特殊２" &&
    String(prev.conjugated_type).startsWith("五段・ラ行") &&
    token.pos === "助詞" &&
    token.surface_form === "て"
  ) {
    found(at, `「${pair}」は「${prev.surface_form}って」の「っ」が抜けていませんか。`, { insert: "っ" });
  }
  if (prev.pos === "助動詞" && prev.surface_form === "らし" && token.pos === "助動詞" && token.basic_form === "です") {
    found(at, "「らしです」は「らしいです」の「い」が抜けていませんか。", { insert: "い" });
  }
}

/** The u-row ending of a 五段 verb and its i-row stem (使う → 使い). */
const GODAN_STEM = new Map([..."うくぐすつぬぶむる"].map((u, i) => [u, "いきぎしちにびみり"[i] ?? ""]));

/**
 * A verb's 連用形 from its dictionary form: 五段 by the last kana's row, 一段 by dropping る;
 * undefined for する・くる and anything else.
 * @param {import("./japanese-text.js").Token} verb
 */
function stemOf(verb) {
  const form = verb.surface_form;
  const type = String(verb.conjugated_type);
  if (type.startsWith("五段")) return form.slice(0, -1) + (GODAN_STEM.get(form.slice(-1)) ?? "");
  if (type.startsWith("一段") && form.endsWith("る")) return form.slice(0, -1);
  return undefined;
}

module.exports = { stemSlips, stemOf };
