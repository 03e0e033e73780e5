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
];
/** Right text that contains a slip of a polite word (besides the polite words themselves). */
const PROTECTED = ["お願いしました", "お願いしまして", "くさい", "ますます", "いたいた"];
/** Shorter slips match too much right text (「おます」 is Kansai speech, 「よろく」 part of names). */
const MIN_LENGTH = 5;

/** Kana that look alike in handwriting and in small type (「おわがいします」 for 「おねがいします」). */
const LOOK_ALIKE = new Map(
  ["ねわれ", "めぬ", "るろ", "はほ", "さちき", "あお", "いり"].flatMap((group) => [...group].map((ch) => [ch, [...group].filter((other) => other !== ch)])),
);

/**
 * Every one-kana slip of `word`: doubled, dropped, swapped with the next one or for one that looks like it (never the first
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
    slips.push([...kana.slice(0, i), ...kana.slice(i + 1)].join(""));
    if (i < kana.length - 2 && kana[i] !== kana[i + 1]) slips.push([...kana.slice(0, i), kana[i + 1], kana[i], ...kana.slice(i + 2)].join(""));
    for (const other of LOOK_ALIKE.get(kana[i] ?? "") ?? []) slips.push([...kana.slice(0, i), other, ...kana.slice(i + 1)].join(""));
  }
  return slips;
}

const RIGHT = [...POLITE_WORDS, ...PROTECTED];
/** @type {Map<string, string>} slip → the word it was meant to be */
const SLIPS = new Map();
for (const word of POLITE_WORDS) {
  for (const slip of slipsOf(word)) {
    if ([...slip].length < MIN_LENGTH || RIGHT.some((right) => right.includes(slip)) || SLIPS.has(slip)) continue;
    SLIPS.set(slip, word);
  }
}

/** @type {[RegExp, string | undefined, string][]} */
const TYPOS = [...SLIPS].map(([slip, word]) => [new RegExp(slip, "gu"), word, `「${slip}」は「${word}」の打ち間違いです`]);

/** Every slip at once (the filter quiets other rules on them: one finding per place). */
const ANY_SLIP = new RegExp([...SLIPS.keys()].sort((a, b) => b.length - a.length).join("|"), "gu");

module.exports = { TYPOS, ANY_SLIP, slipsOf };
