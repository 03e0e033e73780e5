// @ts-check
"use strict";
/**
 * Sequences the tokenizer shows cannot be Japanese, whatever the words (part of
 * kawaraban/likely-mistakes, warnings): a noun straight before ます (「意見交換ました」 for
 * 「意見交換しました」), 安い after a verb's stem (「見つけ安い」 for 「見つけやすい」), and two case
 * particles in a row (「ことをは」).
 */

/** Case particle pairs no sentence has (「には」「では」「とは」「をも」 are right and not listed). */
const PARTICLE_PAIRS = new Set(["をは", "をが", "がを", "はを", "はが", "をに"]);

/**
 * @param {import("./japanese-text.js").Token} prev
 * @param {import("./japanese-text.js").Token} token
 * @param {number} at where `token` starts in the text
 * @param {import("./japanese-text.js").Found} found
 */
function tokenSlips(prev, token, at, found) {
  // ます follows a verb's stem only: after a サ変 noun the し is missing, after another noun the verb.
  if (token.pos === "助動詞" && token.basic_form === "ます" && prev.pos === "名詞" && prev.word_type === "KNOWN" && prev.pos_detail_1 !== "非自立") {
    if (prev.pos_detail_1 === "サ変接続") {
      found(at, `「${prev.surface_form}${token.surface_form}」は「${prev.surface_form}し${token.surface_form}」の「し」が抜けていませんか。`, { insert: "し" });
    } else {
      found(at, `「${prev.surface_form}」と「${token.surface_form}」の間に言葉が抜けていませんか（「ます」は動詞に付きます）。`);
    }
  }
  // 「見つけ安い」「分かり安い」: 〜やすい (easy to) after a verb's stem is written in kana.
  if (token.pos === "形容詞" && token.surface_form.startsWith("安") && verbStem(prev)) {
    found(at, `動詞に付く「〜やすい」（しやすい）は、「安い」ではなく「やすい」と書きます。`, { replace: 1, text: "やす" });
  }
  if (prev.pos === "助詞" && token.pos === "助詞" && PARTICLE_PAIRS.has(prev.surface_form + token.surface_form)) {
    found(prev.word_position - 1, `「${prev.surface_form}${token.surface_form}」と助詞が重なっています。どちらか一方にします。`, undefined, 2);
  }
}

/**
 * A verb's stem, also where the tokenizer read it as a noun (「歩き」「住み」: kanji, then the stem's い-row kana).
 * @param {import("./japanese-text.js").Token} token
 */
function verbStem(token) {
  if (token.pos === "動詞") return token.conjugated_form === "連用形";
  return token.pos === "名詞" && /^[\u4e00-\u9fff]+[いきぎしじちにひびみり]$/u.test(token.surface_form);
}

module.exports = { tokenSlips };
