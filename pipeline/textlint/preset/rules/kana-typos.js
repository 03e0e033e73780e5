// @ts-check
"use strict";
/**
 * Two kana typed in the wrong order or one typed twice, inside a word written in hiragana
 * (「ひわまり」→「ひまわり」、「すみかやに」→「すみやかに」、「くつろろげます」→「くつろげます」): part of
 * kawaraban/likely-mistakes, warnings. The tokenizer's dictionary is the word list and its costs
 * the judge: a run of hiragana is reported only where swapping two neighbouring kana (or dropping
 * a doubled one) makes a word of four kana or more that the dictionary knows, across the edit,
 * and makes the text far likelier to the tokenizer (its best path's cost falls by MIN_DROP).
 * Tuned on beginner lists 24–27 and checked on 16,368 runs of hiragana in 660 real articles,
 * where it reported 2 places, both annotated mistakes (docs/prose-eval.md, thirteenth round).
 */

const { insideQuote } = require("./dropped-particles.js");

/** Greetings a swap of two kana may have broken. */
const GREETINGS = /^(?:ありがとう|おめでとう|こんにちは|こんばんは|おはよう|さようなら|いただきます|ごちそうさま|よろしく)/u;
/** Runs of hiragana (and ー) at least this long are tried. */
const RUN = /[\u3041-\u3096ー]{4,}/gu;
/** The word the edit makes: at least four kana, a content word, not a verb's volitional stem or a name's さん. */
const MIN_WORD = 4;
/** How much likelier the edited text must be, in the tokenizer's cost units. */
const MIN_DROP = 3500;
/** Characters of context on each side of the run for the tokenizer. */
const CONTEXT = 4;
/** Half of a surrogate pair standing alone (with the u flag, a whole pair is one character and is kept). */
const LONE_SURROGATE = /[\ud800-\udfff]/gu;
/**
 * Longer runs are not tried: each edit re-reads the whole run, so a run of thousands of kana (a
 * hostile file, or text with no kanji at all) would cost its length squared.
 */
const MAX_RUN = 60;
/** Runs tried per article, at most: each costs a few small lattices. */
const RUNS_PER_ARTICLE = 400;

/**
 * @typedef {{
 *   viterbi_builder: { trie: { commonPrefixSearch(key: string): { k: string }[] }; build(text: string): Lattice };
 *   viterbi_searcher: { forward(lattice: Lattice): Lattice };
 *   tokenize(text: string): import("./japanese-text.js").Token[];
 * }} Tokenizer
 * @typedef {{ eos_pos: number; nodes_end_at: { shortest_cost: number }[][] }} Lattice
 * @typedef {{ text: string; at: number; length: number }} Variant
 */

/** Every neighbouring pair swapped, and every doubled kana typed once. @param {string} run @returns {Variant[]} */
function variants(run) {
  /** @type {Variant[]} */
  const out = [];
  for (let i = 0; i + 1 < run.length; i++) {
    if (run[i] === run[i + 1]) out.push({ text: run.slice(0, i) + run.slice(i + 1), at: i, length: 1 });
    else if (run[i] !== "ー" && run[i + 1] !== "ー") out.push({ text: run.slice(0, i) + run[i + 1] + run[i] + run.slice(i + 2), at: i, length: 2 });
  }
  return out;
}

/** @param {import("./japanese-text.js").Token} t */
const contentWord = (t) =>
  t.word_type === "KNOWN" &&
  /^[\u3041-\u3096ー]+$/u.test(t.surface_form) &&
  [...t.surface_form].length >= MIN_WORD &&
  t.conjugated_form !== "未然ウ接続" &&
  !/(?:さん|ちゃん|くん|さま)$/u.test(t.surface_form) &&
  ((t.pos === "名詞" && /^(?:一般|サ変接続|形容動詞語幹|副詞可能)$/u.test(t.pos_detail_1)) ||
    (t.pos === "動詞" && t.pos_detail_1 === "自立") ||
    t.pos === "副詞" ||
    // 「ありがうと」→「ありがとう」: greetings are one word of their own (not 「そう」: 「うそですね」 is right).
    (t.pos === "感動詞" && GREETINGS.test(t.surface_form)) ||
    (t.pos === "形容詞" && t.pos_detail_1 === "自立"));

/**
 * Whether the dictionary holds a word of MIN_WORD kana or more that starts at or before `at` and
 * reaches past the edit: the cheap test before any lattice is built.
 * @param {Tokenizer} tokenizer @param {string} text @param {number} at @param {number} length
 */
function wordAcross(tokenizer, text, at, length) {
  for (let start = Math.max(0, at - 8); start <= at; start++) {
    for (const { k } of tokenizer.viterbi_builder.trie.commonPrefixSearch(text.slice(start))) {
      if (k.length >= MIN_WORD && start + k.length >= at + length) return true;
    }
  }
  return false;
}

/** The cost of the tokenizer's best path through `text`. @param {Tokenizer} tokenizer @param {string} text */
function cost(tokenizer, text) {
  const lattice = tokenizer.viterbi_searcher.forward(tokenizer.viterbi_builder.build(text));
  return lattice.nodes_end_at[lattice.eos_pos]?.[0]?.shortest_cost ?? Number.MAX_VALUE;
}

/**
 * @param {string} text
 * @param {import("./japanese-text.js").Found} found
 * @param {Record<string, number>} doc
 * @param {readonly number[]} taken where other checks already reported: their runs are theirs
 */
async function kanaTypos(text, found, doc, taken) {
  const tokenizer = /** @type {Tokenizer} */ (/** @type {unknown} */ (await require("kuromojin").getTokenizer()));
  // Internals of kuromoji 0.1.x: without them (another version), the check is skipped, not broken.
  if (typeof tokenizer.viterbi_builder?.trie?.commonPrefixSearch !== "function" || typeof tokenizer.viterbi_searcher?.forward !== "function") return;
  for (const match of text.matchAll(RUN)) {
    doc.kanaRuns = (doc.kanaRuns ?? 0) + 1;
    if (doc.kanaRuns > RUNS_PER_ARTICLE) return;
    const start = /** @type {number} */ (match.index);
    if (taken.some((index) => index >= start && index < start + match[0].length)) continue;
    if (match[0].length > MAX_RUN) continue;
    // Sounds and calls repeat on purpose (「とととっと」「ねえねえ」): a kana three times, or two kana twice,
    // unless the run with one of the three dropped is an adjective or a verb (「あたたたかい」).
    // A vowel three times is a long sound or an adjective's い before a word in い (「おいしいいか」).
    const tripled = /([^あいうえおぁぃぅぇぉ])\1\1/u.test(match[0]);
    if (/([あいうえお])\1\1/u.test(match[0])) continue;
    // Said aloud, a kana drawn out three times is emphasis (「おおおきい!」).
    if (tripled && insideQuote(text, start)) continue;
    if (/(..)\1/u.test(match[0])) continue;
    // Whole characters only: half of a surrogate pair (an emoji cut by the slice, or one that came
    // alone) breaks the dictionary's search, so the context drops any.
    const before = text.slice(Math.max(0, start - CONTEXT), start).replace(LONE_SURROGATE, "");
    const after = text.slice(start + match[0].length, start + match[0].length + CONTEXT).replace(LONE_SURROGATE, "");
    const original = before + match[0] + after;
    /** @type {number | undefined} */
    let base;
    /** @type {import("./japanese-text.js").Token[] | undefined} */
    let own;
    for (const v of variants(match[0])) {
      const edited = before + v.text + after;
      const at = before.length + v.at;
      if (!wordAcross(tokenizer, edited, at, v.length)) continue;
      // Counted per article: each edit past the prefix search costs lattices over the whole run.
      doc.kanaEdits = (doc.kanaEdits ?? 0) + 1;
      // A word of the text as written already stands there (「かわいい」 is no 「かいわい」 typed wrong).
      own ??= tokenizer.tokenize(original);
      if (own.some((t) => contentWord(t) && t.word_position - 1 <= at && t.word_position - 1 + t.surface_form.length >= at + 2)) continue;
      base ??= cost(tokenizer, original);
      if (base - cost(tokenizer, edited) < MIN_DROP) continue;
      const tokens = tokenizer.tokenize(edited);
      const i = tokens.findIndex((t) => contentWord(t) && t.word_position - 1 <= at && t.word_position - 1 + t.surface_form.length >= at + v.length);
      const word = tokens[i];
      if (tripled && !(word && /^(?:形容詞|動詞)$/u.test(word.pos))) continue;
      // 「おいしいいか」: an adjective's い before a word that begins with い, not い typed twice.
      if (v.length === 1 && match[0][v.at] === "い" && word?.pos === "形容詞") continue;
      // 「濾過したいして」 is not 「したしいて」: an adjective's plain form takes no て.
      if (!word || (word.pos === "形容詞" && word.conjugated_form === "基本形" && tokens[i + 1]?.surface_form === "て")) continue;
      const from = word.word_position - 1;
      const typed = original.slice(from, from + word.surface_form.length + (v.length === 1 ? 1 : 0));
      const fix = v.length === 1 ? { remove: 1 } : { replace: 2, text: v.text.slice(v.at, v.at + 2) };
      found(start + v.at, `「${typed}」は「${word.surface_form}」の打ち間違いではありませんか。`, fix);
      break;
    }
  }
}

module.exports = { kanaTypos };
