// @ts-check
"use strict";
/** Characters of Japanese running text (kana, kanji, the iteration mark, the long-vowel mark). */
const JAPANESE = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ー]/u;
const isJapanese = (ch) => ch !== undefined && JAPANESE.test(ch);
module.exports = { JAPANESE, isJapanese };
