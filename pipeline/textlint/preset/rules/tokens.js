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

module.exports = { tokenize };
