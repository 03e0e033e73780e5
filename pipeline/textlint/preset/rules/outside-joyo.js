// @ts-check
"use strict";
/**
 * Words written with a kanji outside the 常用漢字表 (part of kawaraban/kana-notation, info):
 * 「嬉しい」「賑やか」「綺麗」「繋がる」「叶う」「溜まる」. 公用文作成の考え方 (令和4年) writes a
 * word the table has no kanji for in kana (「うれしい」「にぎやか」); one editor of the evaluation
 * sets marked them every time. Judged on each word the tokenizer knows, not a list of words, for
 * the outside kanji real community writing uses (COVERED): only words whose kana a reading gives
 * safely — verbs, adjectives, な-adjectives, adverbs, and nouns made from a verb (「賑わい」) — get
 * a finding, with the word's own reading as the fix; the word's other kanji are kept where its
 * kana lets the reading be split (「くみ上げ」).
 * Proper nouns, words before an honorific (a person's name) and words the dictionary does not
 * know are left alone: a place or a person keeps the kanji of its name.
 */
const { tokenize, dictionaryEntries, toKatakana: katakana, toHiragana: hiragana } = require("./tokens.js");
const { kanji: JOYO_LIST } = require("joyo-kanji");

/** The table's kanji, with the forms it lists beside them (𠮟/叱, 剝/剥, 頰/頬, 塡/填). */
const JOYO = new Set([...JOYO_LIST, "叱", "剥", "頬", "填", "𠮟", "剝", "頰", "塡"]);
const KANJI = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/gu;
const HONORIFIC = new Set(["さん", "様", "さま", "氏", "君", "くん", "ちゃん", "先生", "殿"]);
/**
 * The kanji outside the table that real community writing uses: every one found at least twice
 * in the 1,110 real articles of the evaluation sets and the sweep corpus (docs/prose-eval.md),
 * without those used mostly in names (幡, 瑞) or alone (俄). The dictionary's reading of a rare
 * kanji is often not the writer's (「袖を捲って」 read めくって, 「見惚れる」 みほれる), and a kana
 * fix from a wrong reading is worse than the kanji. The last eight (舐掻漲蘇咄嗟喧嘩) came from the
 * 1,200 articles of sets AD–AM (seventeenth round).
 */
const COVERED = new Set(
  "嬉賑揃綺繋覗叩勿馴溢遽鯉焚茹溜叶喋亘馳濡挽詫涸洒汲搗憐吊蔭綴炒贅貰纏眩廻冴逢輿訊撒掴惹噛呑儲闊逞辿萌翳窺稀祀熾焙淋棲播撫揉掠捌悴恙怯喰呟呆吠偲佇些舐掻漲蘇咄嗟喧嘩",
);
/** Whether a text holds any covered kanji: every other text is left without tokenizing it. */
const ANY_COVERED = new RegExp(`[${[...COVERED].join("")}]`, "u");
/** Words in kanji only that are written in kana as a whole (記者ハンドブック); other 漢語 keep their kanji. */
const WHOLE_WORDS = new Set(["綺麗", "勿論", "贅沢", "喧嘩", "呑気", "咄嗟"]);

const KANA_RUN = /([\u3041-\u3096\u30a1-\u30fa\u30fc]+)/u;

/**
 * The word in kana where the table has no kanji for it, its other kanji kept (「汲み上げ」 →
 * 「くみ上げ」, 「勢揃い」 → 「勢ぞろい」 only when 勢 stands apart): the reading is aligned on the
 * word's own kana. Undefined when the reading does not align.
 * @param {string} surface
 * @param {string} reading katakana
 */
function inKana(surface, reading) {
  const parts = surface.split(KANA_RUN).filter((part) => part !== "");
  const kanaPart = (/** @type {string} */ part) => KANA_RUN.test(part);
  const literal = (/** @type {string} */ text) => text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
  const shape = new RegExp(`^${parts.map((part) => (kanaPart(part) ? literal(katakana(part)) : "(.+?)")).join("")}$`, "u");
  const groups = reading.match(shape)?.slice(1);
  if (!groups) return undefined;
  let group = 0;
  return parts
    .map((part) => {
      if (kanaPart(part)) return part;
      const read = groups[group++] ?? "";
      return [...part].every((ch) => JOYO.has(ch)) ? part : hiragana(read);
    })
    .join("");
}

/**
 * Whether the word's kana is certain: verbs, adjectives, adverbs and な-adjectives; a noun with
 * okurigana only when the same letters read the same as a verb (「賑わい」, not 「叩き」: はたき or
 * たたき). A noun in kanji only may be a loanword (「珈琲」) and is left alone.
 * @param {import("./japanese-text.js").Token} token
 */
async function kanaIsSafe(token) {
  // A name read otherwise where it stands (「八幡神社」) is still a name.
  if ((await tokenize(token.surface_form)).some((alone) => alone.pos_detail_1 === "固有名詞")) return false;
  if (token.pos === "動詞" || token.pos === "形容詞") return readsAsItsDictionaryForm(token);
  if (token.pos === "副詞" || token.pos_detail_1 === "形容動詞語幹" || WHOLE_WORDS.has(token.surface_form)) return true;
  if (token.pos !== "名詞" || !/[\u3041-\u3096]/u.test(token.surface_form)) return false;
  const [asVerb] = await tokenize(`${token.surface_form}ます`);
  const sameWord = asVerb?.pos === "動詞" && asVerb.surface_form === token.surface_form && asVerb.reading === token.reading;
  return sameWord && (await readsAsItsDictionaryForm(asVerb));
}

/**
 * A verb the dictionary reads two ways (叩く: たたく, はたく) may be read the other way in its
 * conjugated form (叩き → ハタキ): its reading must begin as its dictionary form's does.
 * @param {import("./japanese-text.js").Token} token
 */
async function readsAsItsDictionaryForm(token) {
  const [base] = await tokenize(token.basic_form);
  return base?.reading !== undefined && base.reading.slice(0, 2) === token.reading?.slice(0, 2);
}

/**
 * The word as a dictionary lists it, for the message (「嬉しかっ」 → 「嬉しい」「うれしい」).
 * @param {import("./japanese-text.js").Token} token
 * @param {string} kana the token's own kana
 * @returns {Promise<[string, string]>}
 */
async function dictionaryForm(token, kana) {
  if (token.basic_form === token.surface_form) return [token.surface_form, kana];
  const [base] = await tokenize(token.basic_form);
  const baseKana = base?.reading ? inKana(token.basic_form, base.reading) : undefined;
  return baseKana ? [token.basic_form, baseKana] : [token.surface_form, kana];
}

/**
 * Every reading the dictionary has for exactly these letters (「滲み」: にじみ, しみ; 「溢れ」:
 * あふれ, こぼれ). More than one: the tokenizer's choice may not be the writer's. Empty when
 * kuromoji's internals are not there (another version): then no finding.
 * @param {string} surface
 * @returns {Promise<Set<string>>}
 */
async function readings(surface) {
  return new Set((await dictionaryEntries(surface)).filter(([word]) => word === surface).map(([, features]) => features[8] ?? ""));
}

/** Where the text is inside 「」 or 『』: [from, to) of each bracket's content. @param {string} text */
function quotedRanges(text) {
  /** @type {[number, number][]} */
  const ranges = [];
  for (const match of text.matchAll(/「[^「」]*」|『[^『』]*』/gu)) {
    const at = /** @type {number} */ (match.index);
    ranges.push([at + 1, at + match[0].length - 1]);
  }
  return ranges;
}

/**
 * @param {string} text
 * @param {import("./japanese-text.js").Found} found
 */
async function outsideJoyo(text, found) {
  if (!ANY_COVERED.test(text)) return;
  const tokens = await tokenize(text);
  const quoted = quotedRanges(text);
  for (const [i, token] of tokens.entries()) {
    const outside = [...token.surface_form.matchAll(KANJI)].map(([ch]) => ch).filter((ch) => !JOYO.has(ch));
    if (outside.length === 0 || !outside.every((ch) => COVERED.has(ch))) continue;
    if (token.word_type !== "KNOWN" || token.pos_detail_1 === "固有名詞" || HONORIFIC.has(tokens[i + 1]?.surface_form ?? "")) continue;
    // A name or title in brackets (「賑わい祭り」『嬉しい知らせ』) is written as its owner writes it.
    if (quoted.some(([from, to]) => token.word_position - 1 >= from && token.word_position - 1 < to)) continue;
    // Kanji only: a 漢語 keeps its kanji (強靱, 明媚), but for the few written in kana as a whole.
    if (!/[\u3041-\u3096]/u.test(token.surface_form) && !WHOLE_WORDS.has(token.surface_form)) continue;
    if (!(await kanaIsSafe(token)) || (await readings(token.surface_form)).size !== 1) continue;
    const reading = token.reading;
    const kana = reading && /^[\u30a1-\u30f6\u30fc]+$/u.test(reading) ? inKana(token.surface_form, reading) : undefined;
    if (kana === undefined || kana.includes("ー")) continue;
    const [word, wordKana] = await dictionaryForm(token, kana);
    found(
      token.word_position - 1,
      `「${outside.join("」「")}」は常用漢字表にない漢字です。「${word}」は「${wordKana}」と、かなで書きます（公用文作成の考え方）`,
      { replace: token.surface_form.length, text: kana },
      token.surface_form.length,
    );
  }
}

module.exports = { outsideJoyo };
