// @ts-check
"use strict";
const { insideQuote } = require("./dropped-particles.js");
const { findPhrases } = require("./japanese-text.js");
const { CERTAIN } = require("./phrases-certain.js");

/**
 * Whether a phrase of the certain list (kawaraban/common-mistakes) covers part of [start, end).
 * @param {string} text
 * @param {number} start
 * @param {number} end
 */
function certainAt(text, start, end) {
  let covered = false;
  findPhrases(CERTAIN, text, (index, _message, _fix, length) => {
    if (index < end && start < index + Math.max(length ?? 1, 1)) covered = true;
  });
  return covered;
}

const CONTENT_WORDS = new Set(["名詞", "動詞", "形容詞"]);

/**
 * A phrase typed twice (part of kawaraban/likely-mistakes, a warning): 「お店にお店に」「人の人の」
 * 「温泉入ろうと温泉入ろうと」, the same two to six words, a content word and a case particle or
 * auxiliary among them, twice in a row. Words said twice on purpose have no particle (「一つ一つ」
 * 「感謝感謝」「もっともっと」) or repeat an action or a pair (「歩いて歩いて」「好きで好きで」
 * 「人と人とを」; 「少しずつ少しずつ」 has only ずつ); quoted speech keeps its own.
 * @param {string} text
 * @param {readonly import("kuromojin").KuromojiToken[]} tokens
 * @param {import("./japanese-text.js").Found} found
 */
function repeatedPhrase(text, tokens, found) {
  const surface = (/** @type {number} */ i) => tokens[i]?.surface_form;
  for (let i = 0; i < tokens.length; i++) {
    for (let length = 2; length <= 6 && i + 2 * length <= tokens.length; length++) {
      let same = true;
      for (let k = 0; k < length && same; k++) same = surface(i + k) === surface(i + length + k);
      if (!same) continue;
      const unit = tokens.slice(i, i + length);
      const words = unit.map((t) => t.surface_form).join("");
      const particle = unit.some((t) => t.pos === "助動詞" || (t.pos === "助詞" && t.pos_detail_1 !== "副助詞"));
      const content = unit.some((t) => CONTENT_WORDS.has(t.pos));
      // 「好きで好きで」「歩いて歩いて」 repeat on purpose; 「人と人とを」 pairs a word with itself.
      const last = unit[length - 1];
      if (!particle || !content || [...words].length < 2 || /^[てでとや]$/u.test(last?.surface_form ?? "")) continue;
      // Words, not marks or line breaks; a kanji among them (kana alone repeat as sounds: 「にゃーにゃー」).
      if (unit.some((t) => t.pos === "記号") || !/[\u4e00-\u9fff]/u.test(words)) continue;
      const at = (tokens[i + length]?.word_position ?? 1) - 1;
      // Only straight after the first (not across a space or a line: captions and links repeat).
      if (at !== (tokens[i]?.word_position ?? 1) - 1 + words.length || insideQuote(text, at)) continue;
      // A set phrase the certain list corrects (「縁も縁もない」) is reported there once.
      if (certainAt(text, at - words.length, at + words.length)) continue;
      found(at, `「${words}」が 2 回続いています。1 つ消してください。`, { remove: words.length }, words.length);
      i += 2 * length - 1;
      break;
    }
  }
}

module.exports = { repeatedPhrase };
