// @ts-check
"use strict";
/**
 * Slips a writer makes on a romaji keyboard, where each kana is two or three keys: two keys
 * swapped (「くだしあ」 for kudasai, typed kudasia), one left out or typed twice (「いたまします」),
 * and a kana's voicing mark lost or added (「ごさいます」「どうそ」). phrases-typos.js adds these to
 * the slips of the polite words: kana are spelled out in romaji, slipped, and read back; a result
 * that is not all kana is no slip anyone sees.
 */

const ROWS = {
  "": "aiueo",
  k: "かきくけこ",
  g: "がぎぐげご",
  s: "さしすせそ",
  z: "ざじずぜぞ",
  t: "たちつてと",
  d: "だぢづでど",
  n: "なにぬねの",
  h: "はひふへほ",
  b: "ばびぶべぼ",
  p: "ぱぴぷぺぽ",
  m: "まみむめも",
  y: "や_ゆ_よ",
  r: "らりるれろ",
  w: "わ___を",
};
const VOWEL_KANA = "あいうえお";
/** @type {Map<string, string>} kana → romaji (kunrei-style, as most keyboards accept it) */
const TO_ROMAJI = new Map();
for (const [consonant, kana] of Object.entries(ROWS)) {
  [...kana].forEach((k, i) => {
    if (k !== "_") TO_ROMAJI.set(consonant === "" ? (VOWEL_KANA[i] ?? "") : k, `${consonant}${"aiueo"[i]}`);
  });
}
TO_ROMAJI.set("ん", "nn");
/** @type {Map<string, string>} romaji → kana */
const TO_KANA = new Map([...TO_ROMAJI].map(([kana, romaji]) => [romaji, kana]));

/** @param {string} word @returns {string | undefined} */
function toRomaji(word) {
  let out = "";
  for (const ch of word) {
    if (ch === "っ") {
      out += "\u0000";
      continue;
    }
    const romaji = TO_ROMAJI.get(ch);
    if (romaji === undefined) return undefined;
    out += romaji;
  }
  // A small っ doubles the next consonant.
  return out.replace(/\u0000(.)/gu, "$1$1");
}

/** @param {string} romaji @returns {string | undefined} all kana, or undefined */
function toKana(romaji) {
  let out = "";
  for (let i = 0; i < romaji.length; ) {
    if (romaji.startsWith("nn", i)) {
      out += "ん";
      i += 2;
    } else if (i + 1 < romaji.length && romaji[i] === romaji[i + 1] && !"aiueon".includes(romaji[i] ?? "")) {
      out += "っ";
      i += 1;
    } else {
      const one = TO_KANA.get(romaji.slice(i, i + 1));
      const two = TO_KANA.get(romaji.slice(i, i + 2));
      if (one !== undefined) {
        out += one;
        i += 1;
      } else if (two !== undefined) {
        out += two;
        i += 2;
      } else {
        return undefined;
      }
    }
  }
  return out;
}

const VOICING = new Map(
  [
    "かが",
    "きぎ",
    "くぐ",
    "けげ",
    "こご",
    "さざ",
    "しじ",
    "すず",
    "せぜ",
    "そぞ",
    "ただ",
    "ちぢ",
    "つづ",
    "てで",
    "とど",
    "はば",
    "ひび",
    "ふぶ",
    "へべ",
    "ほぼ",
  ].flatMap(([a, b]) => [
    [a, b],
    [b, a],
  ]),
);

/**
 * Every keyboard slip of a kana word (never in its first kana, whose slip makes another word).
 * Words with kanji are slipped in their kana tail only.
 * @param {string} word
 * @returns {string[]}
 */
function romajiSlipsOf(word) {
  const kanaStart = word.search(/[\u3041-\u3096]+$/u);
  if (kanaStart < 0) return [];
  const [head, tail] = [word.slice(0, kanaStart), word.slice(kanaStart)];
  const romaji = toRomaji(tail);
  if (romaji === undefined) return [];
  /** @type {Set<string>} */
  const slips = new Set();
  // Keys after the first kana's: a slip in the first makes another word, not a slip of this one.
  const from = head === "" ? (toRomaji(tail[0] ?? "") ?? "").length : 0;
  for (let i = from; i < romaji.length; i++) {
    slips.add(romaji.slice(0, i) + romaji.slice(i + 1));
    slips.add(romaji.slice(0, i + 1) + romaji.slice(i));
    if (i + 1 < romaji.length) slips.add(romaji.slice(0, i) + romaji[i + 1] + romaji[i] + romaji.slice(i + 2));
  }
  const kana = [...slips].flatMap((slip) => toKana(slip) ?? []);
  const chars = [...tail];
  for (let i = head === "" ? 1 : 0; i < chars.length; i++) {
    const other = VOICING.get(chars[i] ?? "");
    if (other) kana.push([...chars.slice(0, i), other, ...chars.slice(i + 1)].join(""));
  }
  return [...new Set(kana.map((k) => head + k))].filter((slip) => slip !== word);
}

module.exports = { romajiSlipsOf, toRomaji, toKana };
