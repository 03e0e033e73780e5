// @ts-check
"use strict";
/**
 * A kana written twice, once inside the kanji's reading and once as 送り仮名 (part of
 * kawaraban/likely-mistakes, warnings): 「短かい」 for 短い, 「快よい」 for 快い, 「幸わせ」 for 幸せ,
 * 「新らしい」 for 新しい — for every word of the dictionary, not a list. The tokenizer cannot read
 * such a form as one word, so it leaves the kanji alone before the kana; where the kanji with that
 * kana left out is a word whose reading still holds the kana in the same place (短い: ミジカイ ends
 * in カイ), the writer's extra kana is the slip. Forms the dictionary knows (「表わす」「行なう」, the
 * 許容 of 送り仮名の付け方) read as one word and are left alone.
 */

/** @typedef {import("./japanese-text.js").Token} Token */
const { dictionaryEntries, toKatakana } = require("./tokens.js");

const KANJI_WORD = /^[\u4e00-\u9fff]{1,3}$/u;
/** 許容 of 送り仮名の付け方 (通則1) the dictionary does not hold. */
const ALLOWED = /^(?:著わ|表わ|現わ|行な|断わ|賜わ)$/u;
const HIRAGANA_RUN = /^[\u3041-\u3096]{2,8}/u;
/** The parts of speech whose 送り仮名 are the slip: verbs and adjectives (a noun only as below). */
const WORD = /^(?:動詞|形容詞)$/u;
/**
 * What the tokenizer leaves after a kanji whose 送り仮名 has a kana too many: the rest read as an
 * adjective (「快|よい」), a verb (「分|わかり」), a kana noun (「幸|わせ」), や (「耕|やし」) or かい
 * (「短|かい」). After a noun, だ・なら・とか・ぶり・つき・なし・ある are words of their own
 * (「下だった」「為なら」「突破ぶり」「話なし」「組合あって」).
 * @param {Token} next
 */
function slipAfter(next) {
  if (next.pos === "形容詞") return next.pos_detail_1 === "自立" && next.basic_form !== "ない";
  if (next.pos === "動詞") return next.pos_detail_1 === "自立" && !/^(?:ある|いる|する|なる|つく|できる)$/u.test(next.basic_form);
  if (next.pos === "名詞") return next.pos_detail_1 === "一般" && /^[\u3041-\u3096]+$/u.test(next.surface_form);
  return (
    (next.pos === "助詞" && next.surface_form === "や" && next.pos_detail_1 === "並立助詞") || (next.surface_form === "かい" && next.pos_detail_1 === "終助詞")
  );
}

/**
 * The dictionary's words that begin `text` and are longer than `head`: [surface, features][].
 * @param {string} text
 * @param {string} head
 */
async function wordsBeginning(text, head) {
  return (await dictionaryEntries(text)).filter(([surface]) => surface.length > head.length && surface.startsWith(head));
}

/**
 * @param {string} text
 * @param {readonly Token[]} tokens the text's tokens
 * @param {import("./japanese-text.js").Found} found
 * @param {readonly number[]} taken where other checks already reported (「短か」 has its own entry)
 */
async function okuriganaSlips(text, tokens, found, taken) {
  for (const [i, token] of tokens.entries()) {
    const head = token.surface_form;
    const next = tokens[i + 1];
    if (!next || !KANJI_WORD.test(head) || !/^[\u3041-\u3096]/u.test(next.surface_form)) continue;
    // A verb the tokenizer split into its stem and ending (「来たり」「停まって」), a name, a word it does
    // not know (「癒やす」 is newer than its dictionary) or a noun before its particle is no slip.
    if (token.pos === "動詞" || token.pos_detail_1 === "固有名詞" || token.word_type !== "KNOWN") continue;
    if (!slipAfter(next)) continue;
    // A noun is meant only where the tokenizer left a kana noun after the kanji (「幸わせ」: 幸 + わせ).
    const nounMeant = next.pos === "名詞" && /^[\u3041-\u3096]+$/u.test(next.surface_form);
    const end = token.word_position - 1 + head.length;
    if (taken.some((index) => index >= token.word_position - 1 && index <= end)) continue;
    // 送り仮名の付け方's 許容 the dictionary lacks (「著わす」 beside 表わす・現われる): not a slip.
    if (ALLOWED.test(`${head}${text[end] ?? ""}`)) continue;
    const kana = HIRAGANA_RUN.exec(text.slice(end))?.[0];
    if (!kana) continue;
    // The writer's own form is a word the dictionary knows (「表わす」): not a slip.
    if ((await wordsBeginning(`${head}${kana}`, head)).some(([surface]) => surface.startsWith(`${head}${kana[0]}`))) continue;
    const meant = (await wordsBeginning(`${head}${kana.slice(1)}`, head)).find(
      ([surface, features]) =>
        (WORD.test(features[1] ?? "") || (nounMeant && features[1] === "名詞" && features[2] === "一般")) &&
        (features[8] ?? "").endsWith(toKatakana(`${kana[0]}${surface.slice(head.length)}`)),
    );
    if (!meant) continue;
    const written = `${head}${kana.slice(0, meant[0].length - head.length + 1)}`;
    found(end, `「${written}」の送り仮名は「${meant[0]}」です（「${kana[0]}」は漢字の読みに入っています）。`, { remove: 1 }, 1);
  }
}

module.exports = { okuriganaSlips };
