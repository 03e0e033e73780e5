// @ts-check
"use strict";
/**
 * A な-adjective conjugated like an い-adjective (part of kawaraban/likely-mistakes, warnings):
 * 「静かくて」「便利かったです」「賑やかかった」「元気ければ」「大切くなる」, and 〜なそう after one
 * (「大丈夫なそう」「問題なそう」). Judged on the word itself, not a list: the characters before
 * the ending are tokenized alone, and a な-adjective's stem (形容動詞語幹) whose form with い is no
 * い-adjective (「暖か」「細か」 are both: 「暖かかった」 is right) cannot take かった・くて・くない・
 * ければ. The sentence's own tokens are no help here: the tokenizer reads 「静かかった」 as 静 +
 * かかっ and 「便利くない」 as 便 + 利く.
 */
const { tokenize } = require("./tokens.js");
const { coveredByCertain } = require("./phrases-certain.js");

/** An い-adjective's endings after its stem, and what a な-adjective takes instead. */
const ENDING = /(?:かった|くて|くな[いかくけっるりれら]|ければ)/gu;
/**
 * 「にぎやかい屋台」「静かい朝」「にぎやかく盛り上がる」: a な-adjective's stem in か with い before a
 * noun or く before a verb (the commonest slip of the kind; 「暖かい」「細かく」 are い-adjectives and
 * stay; くて・くない are ENDING's).
 */
const KA_I = /(?<=[\u3041-\u3096\u4e00-\u9fff]か)(?:い(?=[\u4e00-\u9fff\u30a1-\u30fa]|[。、！]|$)|く(?=[\u3041-\u3096\u4e00-\u9fff、])(?![なてさ]))/gmu;
/** 〜なそう: an adjective's look (〜そう) or hearsay (〜だそう), never with な. */
const NA_SOU = /なそう(?=[だでなに。、！!）)」]|$)/gmu;
/** Characters a stem is made of (kanji, kana, katakana, the long-vowel mark). */
const STEM_CHAR = /[\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fff々ー]/u;
const LONGEST_STEM = 5;

/**
 * @param {string} text
 * @param {number} end where the stem ends
 * @param {(pos: string) => boolean} kind which stems count (形容動詞語幹, ナイ形容詞語幹)
 * @returns {Promise<string | undefined>} the longest stem of that kind ending at `end`
 */
async function stemBefore(text, end, kind) {
  let found;
  for (let length = 1; length <= LONGEST_STEM && length <= end; length++) {
    const stem = text.slice(end - length, end);
    if (!STEM_CHAR.test(stem[0] ?? "")) break;
    const tokens = await tokenize(stem);
    const only = tokens.length === 1 ? tokens[0] : undefined;
    if (only?.pos === "名詞" && kind(only.pos_detail_1) && only.word_type === "KNOWN") found = stem;
  }
  return found;
}

/**
 * What the い-adjective ending becomes after a な-adjective's stem.
 * @param {string} ending
 */
function naForm(ending) {
  if (ending === "かった") return "だった";
  if (ending === "くて") return "で";
  if (ending === "ければ") return "なら";
  // 「静かくない」「静かくなかった」 → ではな…; 「静かくなる」「静かくなった」 → にな…
  return /^くな[いかくけ]$/u.test(ending) ? `ではな${ending.slice(2)}` : `にな${ending.slice(2)}`;
}

/**
 * @param {string} text
 * @param {import("./japanese-text.js").Found} found
 */
async function adjectiveForms(text, found) {
  for (const match of text.matchAll(ENDING)) {
    const at = /** @type {number} */ (match.index);
    // 「行かなかった」「少なくて」: the commonest of these endings, and no な-adjective's stem ends in な.
    if (text[at - 1] === "な") continue;
    const stem = await stemBefore(text, at, (kind) => kind === "形容動詞語幹");
    if (stem === undefined) continue;
    // 「暖かかった」「細かくて」: the stem is an い-adjective's too, and that one is right.
    const withI = await tokenize(`${stem}い`);
    if (withI.length === 1 && (withI[0]?.pos === "形容詞" || withI[0]?.pos === "助動詞")) continue;
    const place = text.slice(at - stem.length, at + match[0].length + 2);
    // One finding per place: a form the certain list corrects (「きれいかった」) is reported there.
    if (coveredByCertain(place)) continue;
    let ending = match[0];
    let right = naForm(ending);
    // 「便利かったです」: です after the past is 「便利でした」.
    if (ending === "かった" && text.startsWith("です", at + ending.length)) [ending, right] = ["かったです", "でした"];
    found(
      at,
      `「${stem}」は「な」で終わる形容詞（形容動詞）です。「${stem}${ending}」は「${stem}${right}」と書きます。`,
      { replace: ending.length, text: right },
      ending.length,
    );
  }
  for (const match of text.matchAll(KA_I)) {
    const at = /** @type {number} */ (match.index);
    const stem = await stemBefore(text, at, (kind) => kind === "形容動詞語幹");
    if (stem === undefined) continue;
    // 「暖かい」 is an い-adjective, 「嫌い」 a word of its own.
    const withI = await tokenize(`${stem}い`);
    if (withI.length === 1 && withI[0]?.word_type === "KNOWN") continue;
    if (match[0] === "く") {
      found(at, `「${stem}」は「な」で終わる形容詞（形容動詞）です。「${stem}く」は「${stem}に」と書きます。`, { replace: 1, text: "に" }, 1);
      continue;
    }
    const beforeNoun = /[\u4e00-\u9fff\u30a1-\u30fa]/u.test(text[at + 1] ?? "");
    found(
      at,
      `「${stem}」は「な」で終わる形容詞（形容動詞）です。${beforeNoun ? `名詞の前では「${stem}な」と書きます。` : `「${stem}い」とは言いません（「${stem}だ」「${stem}です」）。`}`,
      beforeNoun ? { replace: 1, text: "な" } : undefined,
      1,
    );
  }
  for (const match of text.matchAll(NA_SOU)) {
    const at = /** @type {number} */ (match.index);
    const stem = await stemBefore(text, at, (kind) => kind === "形容動詞語幹" || kind === "ナイ形容詞語幹");
    if (stem === undefined) continue;
    const nai = (await tokenize(stem))[0]?.pos_detail_1 === "ナイ形容詞語幹";
    const right = nai ? "なさそう" : "そう";
    found(at, `「${stem}なそう」は「${stem}${right}」（様子）${nai ? "" : `か「${stem}だそう」（伝え聞き）`}です。`, { replace: 3, text: right }, 3);
  }
}

/** An い-adjective in its dictionary form (「小さい」「おいしい」). @param {import("./japanese-text.js").Token} token */
const plainIAdjective = (token) => token.pos === "形容詞" && token.conjugated_form === "基本形" && token.surface_form.endsWith("い");

/**
 * 「小さいな木」「かわいいなお店」: an い-adjective ends in い before a noun; な belongs to 「小さな」
 * (an adnominal) or a な-adjective. Only before a noun: 「楽しいな。」「いいなあ」 end a sentence.
 * @param {import("./japanese-text.js").Token} adjective
 * @param {import("./japanese-text.js").Token} na
 * @param {import("./japanese-text.js").Token | undefined} noun
 * @param {import("./japanese-text.js").Found} found
 */
function adjectiveBeforeNa(adjective, na, noun, found) {
  if (!plainIAdjective(adjective)) return;
  if (na.surface_form !== "な" || !(na.pos === "助詞" || na.pos === "助動詞")) return;
  if (noun?.pos !== "名詞" || noun.pos_detail_1 === "非自立" || noun.word_type !== "KNOWN") return;
  found(
    na.word_position - 1,
    `「${adjective.surface_form}な${noun.surface_form}」は「${adjective.surface_form}${noun.surface_form}」か「${adjective.surface_form.slice(0, -1)}な${noun.surface_form}」ではありませんか（「〜い」の形容詞は「な」を付けずに名詞に続きます）。`,
    { remove: 1 },
    1,
  );
}

/**
 * 「おいしいだった」「楽しいだった」: the past of an い-adjective is 〜かった; だった follows a noun.
 * @param {import("./japanese-text.js").Token} adjective
 * @param {import("./japanese-text.js").Token} da
 * @param {import("./japanese-text.js").Found} found
 */
function adjectiveBeforeDa(adjective, da, found) {
  if (!plainIAdjective(adjective)) return;
  if (da.pos !== "助動詞" || da.surface_form !== "だっ") return;
  const past = `${adjective.surface_form.slice(0, -1)}かった`;
  found(
    adjective.word_position - 1,
    `「${adjective.surface_form}だった」は「${past}」と書きます（「〜い」の形容詞の過去は「〜かった」です）。`,
    { replace: adjective.surface_form.length + 3, text: past },
    adjective.surface_form.length + 3,
  );
}

module.exports = { adjectiveForms, adjectiveBeforeNa, adjectiveBeforeDa };
