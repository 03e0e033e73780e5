// @ts-check
"use strict";
/**
 * Punctuation that does not belong in Japanese running text: a full-width comma or period
 * (「，」「．」) next to Japanese, or a half-width one between Japanese (→「、」「。」); a です・ます
 * sentence run on with 「、」; and a full-width space inside a sentence (removed; a space at the
 * start of a line is the traditional paragraph indent and is kept).
 */
const { JAPANESE, isJapanese, textRule } = require("./japanese-text.js");
const { insideQuote } = require("./dropped-particles.js");

/**
 * A です・ます sentence ended with 「、」 (「除雪車も出動しました、私も…」「食事の時間です、どうしても」):
 * the sentence runs on where it should stop. Not in quoted speech, not 「、、」 (typography's), and not a
 * word of its own that ends so (「焼きそば、たません、唐揚げ」: two characters of the word come first).
 */
const POLITE_COMMA = /(?<=[^\s、。・「『（(][^\s、。・「『（(])(?:ます|ました|です|でした|ません|でしょう)、(?!、)/gu;

/**
 * A half-width comma after Japanese and before Japanese or a digit (「ご遺体を,母が」「活動は,9年目」), or a
 * half-width period between Japanese: never in a number (「1,000」), a URL or Latin text.
 */
const ASCII_MARK = new RegExp(`(?<=${JAPANESE.source})(?:,(?=${JAPANESE.source}|[0-9])|\\.(?=${JAPANESE.source}))`, "gu");

/** Half-width marks in one paragraph from which they are the writer's habit, said once. */
const HABIT = 3;

module.exports = textRule((/** @type {string} */ text, /** @type {import("./japanese-text.js").Found} */ found) => {
  for (const match of text.matchAll(/[，．]/gu)) {
    const at = /** @type {number} */ (match.index);
    if (!isJapanese(text[at - 1]) && !isJapanese(text[at + 1])) continue;
    const to = match[0] === "，" ? "、" : "。";
    found(at, `日本語の文では「${match[0]}」ではなく「${to}」を使います。`, { replace: 1, text: to });
  }
  const marks = [...text.matchAll(ASCII_MARK)];
  if (marks.length >= HABIT) {
    // A paragraph written with 「,」 throughout: one finding over all of them, whose fix changes every one.
    const first = /** @type {number} */ (marks[0]?.index);
    const last = /** @type {number} */ (marks.at(-1)?.index);
    // By position: the marks' lookarounds need the text around the span.
    const at = new Set(marks.map((m) => m.index));
    const fixed = text
      .slice(first, last + 1)
      .split("")
      .map((ch, i) => (at.has(first + i) ? (ch === "," ? "、" : "。") : ch))
      .join("");
    const kinds = [...new Set(marks.map((m) => m[0]))];
    const said = kinds.map((k) => `「${k}」`).join("");
    const right = kinds.map((k) => (k === "," ? "「、」" : "「。」")).join("");
    found(
      first,
      `この段落は句読点に半角の${said}を ${marks.length} か所で使っています。日本語の文では${right}を使います。`,
      { replace: last + 1 - first, text: fixed },
      last + 1 - first,
    );
  } else {
    for (const match of marks) {
      const to = match[0] === "," ? "、" : "。";
      found(/** @type {number} */ (match.index), `日本語の文では「${match[0]}」ではなく「${to}」を使います。`, { replace: 1, text: to });
    }
  }
  for (const match of text.matchAll(POLITE_COMMA)) {
    const at = /** @type {number} */ (match.index) + match[0].length - 1;
    if (insideQuote(text, at)) continue;
    found(at, `「${match[0]}」で文が続いています。文を終えるなら「。」にします（です・ます の後に「、」は置きません）。`);
  }
  for (const match of text.matchAll(/(?<=[^\s\u3000])\u3000+(?=[^\s\u3000])/gu)) {
    found(/** @type {number} */ (match.index), "文の途中に全角スペースがあります。消してください（区切りには「、」を使います）。", { remove: match[0].length });
  }
});
