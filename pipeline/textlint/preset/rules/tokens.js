// @ts-check
"use strict";
/**
 * kuromojin's tokens for a text that may hold characters outside the BMP (emoji). kuromoji
 * counts positions in code points and cuts each word's surface with them from the UTF-16
 * string, so after an emoji every position was off by one per emoji and surfaces lost
 * characters (「🌸🎉、お帰り」 gave 「🌸🎉」 and 「帰り」): rules moved their findings and fixes
 * to the wrong place (「🌸🌸駅前が賑やかです」 was fixed to 「🌸🌸駅にぎやかやかです」) or
 * missed the words. Each surrogate is tokenized as a symbol of one code unit, so positions are
 * UTF-16 indexes as textlint's are; each surface is then cut from the text itself. A text
 * without surrogates gets kuromojin's own tokens; the others get copies, made once per token
 * list (kuromojin keeps one list per text), so no rule sees cached tokens changed.
 */

/** @typedef {import("./japanese-text.js").Token} Token */

/** @type {WeakMap<readonly Token[], Token[]>} */
const RESTORED = new WeakMap();
// Without the u flag: each half of a surrogate pair is one code unit, matched on its own.
const SURROGATE = /[\ud800-\udfff]/g;
/** A symbol the dictionary reads as 記号, like an emoji. */
const STAND_IN = "□";

/**
 * @param {string} text
 * @returns {Promise<Token[]>}
 */
async function tokenize(text) {
  // Looked up at each call: the fast tokenizer replaces kuromojin's export when a lint starts.
  const kuromojin = require("kuromojin");
  SURROGATE.lastIndex = 0;
  if (!SURROGATE.test(text)) return /** @type {Token[]} */ (await kuromojin.tokenize(text));
  const tokens = /** @type {Token[]} */ (await kuromojin.tokenize(text.replace(SURROGATE, STAND_IN)));
  let restored = RESTORED.get(tokens);
  if (!restored) {
    restored = tokens.map((token) => {
      const at = token.word_position - 1;
      return { ...token, surface_form: text.slice(at, at + token.surface_form.length) };
    });
    RESTORED.set(tokens, restored);
  }
  return restored;
}

/**
 * Every dictionary entry whose surface begins `text`: [surface, features] with kuromoji's features
 * (surface, four parts of speech, conjugation type and form, base form, reading, pronunciation).
 * Empty when kuromoji's internals are not there (another version): then the rules that ask find nothing.
 * @param {string} text
 * @returns {Promise<[string, string[]][]>}
 */
async function dictionaryEntries(text) {
  const tokenizer = /** @type {any} */ (await require("kuromojin").getTokenizer());
  const trie = tokenizer?.viterbi_builder?.trie;
  const dictionary = tokenizer?.token_info_dictionary;
  /** @type {[string, string[]][]} */
  const entries = [];
  if (typeof trie?.commonPrefixSearch !== "function" || typeof dictionary?.getFeatures !== "function") return entries;
  for (const { k, v } of trie.commonPrefixSearch(text))
    for (const id of dictionary.target_map[v] ?? []) entries.push([k, String(dictionary.getFeatures(id)).split(",")]);
  return entries;
}

/** @param {string} kana hiragana → katakana (the dictionary's readings) */
const toKatakana = (kana) => kana.replace(/[\u3041-\u3096]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
/** @param {string} kana katakana → hiragana */
const toHiragana = (kana) => kana.replace(/[\u30a1-\u30f6]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));

module.exports = { tokenize, dictionaryEntries, toKatakana, toHiragana };
