// @ts-check
"use strict";
/**
 * A katakana word one slip away from a word the tokenizer's dictionary knows (part of
 * kawaraban/likely-mistakes, warnings): 「ガイト」→「ガイド」、「ワークショック」→「ワークショップ」、
 * 「スッタフ」→「スタッフ」. The dictionary is the word list, the slips are the ones people make.
 */
const { CERTAIN } = require("./phrases-certain.js");

const SMALL = /[ァィゥェォャュョ]/u;
const KATAKANA_RUN = /[\u30a1-\u30fa\u30fc]{4,}/gu;
/** Katakana words looked up per article, at most (an article has a few dozen). */
const KATAKANA_LOOKUPS = 300;
/** Kana a slip of the keyboard or of the ear turns into each other: voicing, small and large. */
const CONFUSED = [
  "カガ",
  "キギ",
  "クグ",
  "ケゲ",
  "コゴ",
  "サザ",
  "シジ",
  "スズ",
  "セゼ",
  "ソゾ",
  "タダ",
  "チヂ",
  "ツヅッ",
  "テデ",
  "トド",
  "ハバパ",
  "ヒビピ",
  "フブプ",
  "ヘベペ",
  "ホボポ",
  "アァ",
  "イィ",
  "ウゥ",
  "エェ",
  "オォ",
  "ヤャ",
  "ユュ",
  "ヨョ",
];
const PARTNERS = new Map(CONFUSED.flatMap((group) => [...group].map((ch) => [ch, [...group].filter((other) => other !== ch)])));
/** Names their owners spell with a large kana (「富士フイルム」「キユーピー」): right as they are. */
/** A kana and its small or large form (「ショピング」 for 「ショッピング」): a slip of size, not of sound. */
const SIZE = new Set(["ャヤ", "ュユ", "ョヨ", "ッツ"].flatMap(([a, b]) => [`${a}${b}`, `${b}${a}`]));
/**
 * After ウ・ク・グ・ツ・イ, a small and a large vowel are two accepted spellings of one sound in
 * loanwords (「ウォッチング」「ウオッチング」, 「ハイウェー」「ハイウエー」, 「クォーター」「クオーター」:
 * 外来語の表記, 1991, second table), not a slip. Elsewhere they are different words (「デイサービス」,
 * not 「ディサービス」).
 */
const VOWEL_SIZE = new Set(["ァア", "ィイ", "ゥウ", "ェエ", "ォオ"].flatMap(([a, b]) => [`${a}${b}`, `${b}${a}`]));
const ALTERNATIVE_BEFORE = /[ウクグツイ]/u;
/** Kana a small ッ stands before (a doubled consonant: ク・ト・プ・チ・ス…). */
const SMALL_TSU_BEFORE = /[カ-コガ-ゴサ-ソザ-ゾタ-トダ-ドハ-ホバ-ボパ-ポ]/u;
/**
 * The small kana a loanword writes after a kana: vowels (ティ・ディ・フィ・フェ・シェ・チェ・ジェ・ウィ・
 * ウェ・ウォ) and, after an イ-row kana, ャ・ュ・ョ (「スケジール」 for 「スケジュール」).
 */
const YOON = ["ャ", "ュ", "ョ"];
const SMALL_AFTER = new Map([
  ["テ", ["ィ"]],
  ["デ", ["ィ"]],
  ["フ", ["ィ", "ェ", "ォ", "ァ"]],
  ["シ", ["ェ", ...YOON]],
  ["チ", ["ェ", ...YOON]],
  ["ジ", ["ェ", ...YOON]],
  ["ウ", ["ィ", "ェ", "ォ"]],
  ...[..."キギニヒビピミリ"].map((kana) => /** @type {[string, string[]]} */ ([kana, YOON])),
]);
const BRAND_SPELLINGS = new Set(["フイルム", "キユーピー", "シヤチハタ", "キヤノン", "ブリヂストン"]);
/** Common words the tokenizer's dictionary (IPADIC, 2007) lacks, one slip away from a word it has. */
const MISSING_WORDS = /レッサーパンダ|ピーナツ|スクイーズ|クレッセント|オッケー|クローン|チェンソー|スカットボール/u;
/** kuromojin keeps the tokens of the texts it saw (an LRU map): a word seen again costs nothing. */
const tokens = (/** @type {string} */ word) => /** @type {Promise<readonly import("./japanese-text.js").Token[]>} */ (require("kuromojin").tokenize(word));

/**
 * Every word one slip away inside it (the first kana is the one a writer gets right): a kana swapped
 * for its voiced or small partner, a ー or ン left out or a ー added, a kana typed twice.
 */
function variants(/** @type {string} */ word) {
  const out = new Set();
  /** @type {Set<string>} slips of ッ and of a kana's size, whose word the dictionary may hold only as two (「フリー」「マーケット」) */
  const tsu = new Set();
  for (let i = 1; i < word.length; i++) {
    for (const other of PARTNERS.get(word[i] ?? "") ?? []) {
      if (VOWEL_SIZE.has(`${word[i]}${other}`) && ALTERNATIVE_BEFORE.test(word[i - 1] ?? "")) continue;
      (SIZE.has(`${word[i]}${other}`) ? tsu : out).add(word.slice(0, i) + other + word.slice(i + 1));
    }
    if (word[i] === "ー") out.add(word.slice(0, i) + word.slice(i + 1));
    // A kana typed twice (「ダブルウウェディング」「フレンンズ」): a slip of the keyboard, whatever the word.
    if (word[i] === word[i - 1] && word[i] !== "ー") tsu.add(word.slice(0, i) + word.slice(i + 1));
    if (word[i] !== "ー" && word[i - 1] !== "ー") out.add(`${word.slice(0, i)}ー${word.slice(i)}`);
    // A ン left out (「プレゼト」「イベト」): the nasal is the kana a quick hand drops most.
    if (word[i] !== "ン" && word[i - 1] !== "ン" && !SMALL.test(word[i] ?? "")) out.add(`${word.slice(0, i)}ン${word.slice(i)}`);
    // A small ッ left out (「ワークショプ」), or typed for a long vowel (「フリーマッケット」).
    if (SMALL_TSU_BEFORE.test(word[i] ?? "") && word[i - 1] !== "ッ" && word[i - 1] !== "ー") tsu.add(`${word.slice(0, i)}ッ${word.slice(i)}`);
    if (word[i] === "ッ") tsu.add(`${word.slice(0, i)}ー${word.slice(i + 1)}`);
    // Two kana swapped (「スッタフ」), and a small kana typed after its own sound (「アクティビィティー」).
    // Not with ー: 「クローン」 is not 「クーロン」 typed in the wrong order.
    if (i + 1 < word.length && word[i] !== word[i + 1] && word[i] !== "ー" && word[i + 1] !== "ー")
      out.add(`${word.slice(0, i)}${word[i + 1]}${word[i]}${word.slice(i + 2)}`);
    if (SMALL.test(word[i] ?? "")) out.add(word.slice(0, i) + word.slice(i + 1));
    // A small kana left out after the kana it softens (「フェステバル」→「フェスティバル」「スケジール」→「スケジュール」).
    for (const small of SMALL_AFTER.get(word[i - 1] ?? "") ?? []) if (!SMALL.test(word[i] ?? "")) out.add(`${word.slice(0, i)}${small}${word.slice(i)}`);
  }
  out.delete(word);
  return [...[...out].map((text) => ({ text, tsu: false })), ...[...tsu].filter((text) => !out.has(text)).map((text) => ({ text, tsu: true }))];
}

/**
 * A katakana word the dictionary does not know, or reads as two words, that is one slip away from
 * a word it knows (「ガイト」→「ガイド」、「ワークショック」→「ワークショップ」、「スプリンクーラー」→
 * 「スプリンクラー」): the tokenizer's dictionary is the word list, the slips are the ones people make.
 * @param {string} word
 * @param {number} offset
 * @param {import("./japanese-text.js").Found} found
 * @param {Record<string, number>} [doc] per-article counters (compounds tried)
 */
async function katakanaWord(word, offset, found, doc = {}) {
  // No loanword is this long: a run of hundreds of katakana (a hostile file) would cost its length cubed.
  if (word.length > MAX_WORD) return;
  // A misspelling the certain list knows is reported there once (one finding per place).
  if (CERTAIN.some(([pattern]) => word.match(pattern) !== null) || BRAND_SPELLINGS.has(word) || MISSING_WORDS.test(word)) return;
  // Only a word the dictionary does not know: two known words (「フライ」「ヤー」) are often a real word it lacks.
  const own = await tokens(word);
  if (!own.some((t) => t.word_type === "UNKNOWN")) return;
  const report = (/** @type {string} */ candidate) =>
    found(offset, `「${word}」は「${candidate}」の書き誤りではありませんか。`, { replace: word.length, text: candidate }, word.length);
  for (const { text: candidate, tsu } of variants(word)) {
    // One known word only: two known words (「ペルー」「マーク」) are a coincidence, not the word meant.
    const parts = await tokens(candidate);
    // Not a name (「カワイイ」 is not 「カワイ」): a name is a coincidence, not the word meant.
    if (knownWord(parts, tsu)) return report(candidate);
  }
  // Each compound costs a few hundred dictionary look-ups: the first ones of an article only.
  doc.katakanaCompounds = (doc.katakanaCompounds ?? 0) + 1;
  if (doc.katakanaCompounds > COMPOUNDS_PER_ARTICLE) return;
  const compound = await slippedPart(word);
  if (compound) report(compound);
}

/** Katakana words longer than this are not looked up (the longest loanword compounds have about 15). */
const MAX_WORD = 24;
/** Unknown compounds split and tried per article, at most. */
const COMPOUNDS_PER_ARTICLE = 20;
/** Parts of a compound: the slipped one at least this long (「メイト」 beside 「ヘルス」 is a name, not 「メイド」). */
const SLIPPED_PART = 5;
const KEPT_PART = 3;

/**
 * A compound the dictionary lacks, with one part slipped and the other a known word as written
 * (「フィルード｜スコープ」「リニュアル｜オープン」「フリー｜スーペース」): the compound with the part
 * mended. Both parts are long, so a name made of two words is not taken for a slip.
 * @param {string} word
 * @returns {Promise<string | undefined>}
 */
async function slippedPart(word) {
  for (let k = KEPT_PART; k <= word.length - KEPT_PART; k++) {
    const [left, right] = [word.slice(0, k), word.slice(k)];
    for (const [kept, slipped, join] of /** @type {const} */ ([
      [left, right, (/** @type {string} */ v) => left + v],
      [right, left, (/** @type {string} */ v) => v + right],
    ])) {
      if (slipped.length < SLIPPED_PART || /^[ーッャュョァィゥェォン]/u.test(kept) || !knownWord(await tokens(kept), false)) continue;
      if (knownWord(await tokens(slipped), false)) continue;
      for (const { text } of variants(slipped)) if (knownWord(await tokens(text), false)) return join(text);
    }
  }
  return undefined;
}

/**
 * One known common noun (not a name), or, after a slip of ッ, of a kana's size or a kana typed twice, two of at least three kana each
 * (「フリー」「マーケット」): the dictionary splits compounds it lacks. Two words after another slip
 * are a coincidence (「ヘルスメイト」 is a name, not 「ヘルス」「メイド」).
 * @param {readonly import("./japanese-text.js").Token[]} parts
 * @param {boolean} tsu
 */
function knownWord(parts, tsu) {
  const common = (/** @type {import("./japanese-text.js").Token} */ t) =>
    t.word_type === "KNOWN" && t.pos === "名詞" && /^(?:一般|サ変接続)$/u.test(t.pos_detail_1);
  if (parts.length === 1) return parts[0]?.word_type === "KNOWN" && parts[0].pos === "名詞" && parts[0].pos_detail_1 !== "固有名詞";
  return tsu && parts.length === 2 && parts.every((t) => common(t) && t.surface_form.length >= 3);
}

module.exports = { KATAKANA_RUN, KATAKANA_LOOKUPS, katakanaWord };
