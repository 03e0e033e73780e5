// @ts-check
"use strict";
/**
 * Slips of the keyboard in the polite words nearly every article uses (part of
 * kawaraban/common-mistakes, errors): each word with one kana typed twice, one left out, or two
 * swapped (「くだささい」「ありがとうございした」「いたました」「ござまいす」). Generated rather than
 * listed, so every slip of these words is found, not only the ones someone has seen.
 * A slip that is itself a word or part of one (「くさい」, 「いしました」 in 「お願いしました」)
 * or too short to be sure of (「おます」) is left out: see PROTECTED and MIN_LENGTH.
 */
const { romajiSlipsOf } = require("./romaji-slips.js");

const POLITE_WORDS = [
  "ください",
  "ございます",
  "ございました",
  "おります",
  "おりました",
  "いたします",
  "いたしました",
  "ありがとう",
  "いただきます",
  "いただきました",
  "いただけます",
  "いただけません",
  "よろしく",
  "お願いします",
  "お願いいたします",
  "おねがいします",
  "おねがいいたします",
  "お待ちしております",
  // Not polite, but the commonest words of city writing.
  "子どもたち",
];
/** Right text that contains a slip of a polite word (besides the polite words themselves). */
const PROTECTED = [
  "お願いしました",
  "お願いしまして",
  "くさい",
  "ますます",
  "いたいた",
  "においます",
  "思いだしました",
  "見いだしました",
  "思いだします",
  "見いだします",
  "子どもちゃん",
];
/** Shorter slips match too much right text (「おます」 is Kansai speech, 「よろく」 part of names). */
const MIN_LENGTH = 5;

/** Kana that look alike in handwriting and in small type (「おわがいします」 for 「おねがいします」). */
const LOOK_ALIKE = new Map(
  ["ねわれ", "めぬ", "るろ", "はほ", "さちき", "あお", "いり"].flatMap((group) => [...group].map((ch) => [ch, [...group].filter((other) => other !== ch)])),
);

/**
 * Every one-kana slip of `word`: doubled (or two kana doubled), dropped, swapped with the next one or for one that looks like it (never the first
 * kana, whose slip makes another word, nor the last, which is the ending itself).
 * @param {string} word
 * @returns {string[]}
 */
function slipsOf(word) {
  const kana = [...word];
  /** @type {string[]} */
  const slips = [];
  for (let i = 1; i < kana.length - 1; i++) {
    slips.push([...kana.slice(0, i + 1), ...kana.slice(i)].join(""));
    // Two kana typed twice (「お願いしまします」): the hand goes back a syllable.
    if (i < kana.length - 1) slips.push([...kana.slice(0, i + 2), ...kana.slice(i)].join(""));
    slips.push([...kana.slice(0, i), ...kana.slice(i + 1)].join(""));
    if (i < kana.length - 2 && kana[i] !== kana[i + 1]) slips.push([...kana.slice(0, i), kana[i + 1], kana[i], ...kana.slice(i + 2)].join(""));
    for (const other of LOOK_ALIKE.get(kana[i] ?? "") ?? []) slips.push([...kana.slice(0, i), other, ...kana.slice(i + 1)].join(""));
  }
  return slips;
}

const RIGHT = [...POLITE_WORDS, ...PROTECTED];
/** Where a short slip must stop to be sure of (「くだしあ。」): at the end of the sentence. */
const AT_END = "(?=[。、！!？?」』）)\\s]|$)";
/** @type {Map<string, { word: string, source: string }>} slip → the word it was meant to be, and the pattern that finds it */
const SLIPS = new Map();
for (const word of POLITE_WORDS) {
  const keyboard = new Set(romajiSlipsOf(word));
  for (const slip of [...slipsOf(word), ...keyboard]) {
    const length = [...slip].length;
    // A word led by a kanji (「子どたち」) is sure one kana shorter still.
    const short = length < MIN_LENGTH - (/^[\u4e00-\u9fff]/u.test(slip) ? 1 : 0);
    // A slip one kana shorter (「くだしあ」「くさだい」) is still sure at the end of a sentence; nothing shorter is.
    if ((short && length !== MIN_LENGTH - 1) || RIGHT.some((right) => right.includes(slip)) || SLIPS.has(slip)) continue;
    SLIPS.set(slip, { word, source: short ? `${slip}${AT_END}` : slip });
  }
}

/** @type {[RegExp, string | undefined, string][]} */
const TYPOS = [...SLIPS].map(([slip, { word, source }]) => [new RegExp(source, "gmu"), word, `「${slip}」は「${word}」の打ち間違いです`]);

module.exports = { TYPOS, slipsOf };
