// @ts-check
"use strict";
/**
 * A verb written with the wrong 音便 (part of kawaraban/likely-mistakes, warnings): 「泳んだ」 for
 * 「泳いだ」, 「読いて」 for 「読んで」, 「書った」 for 「書いた」 — for every verb, from its
 * conjugation class, not a list of slips. The tokenizer cannot read such a form as a verb, so it
 * leaves the kanji as a word of its own (a noun, often unknown) before ん・っ・い and た・て. Where
 * that kanji with a verb ending is a verb the dictionary knows, its own て/た form is the one meant;
 * a kanji that makes no verb, or a form one of its verbs takes (「強いて」 from 強いる), is left alone.
 */
const { tokenize } = require("./tokens.js");

/** The kana a 五段 verb takes before た/て (連用タ接続), by conjugation class, and whether た/て is voiced. */
const EUPHONY = [
  [/^五段・カ行イ音便$/u, "い", false],
  [/^五段・カ行促音便/u, "っ", false],
  [/^五段・ガ行$/u, "い", true],
  [/^五段・サ行$/u, "し", false],
  [/^五段・[タラワ]行/u, "っ", false],
  [/^五段・[ナバマ]行$/u, "ん", true],
];
/** Endings that make a kanji a verb in its dictionary form: 五段, and 一段 verbs in い (「用いる」「強いる」). */
const ENDINGS = ["く", "ぐ", "す", "つ", "ぬ", "ぶ", "む", "る", "う", "いる"];
const SOUNDS = new Set(["ん", "っ", "い"]);
const SUFFIX = new Set(["た", "だ", "て", "で"]);

/** @type {Map<string, string[]>} kanji → the て forms of the verbs it makes (cached per thread) */
const teForms = new Map();

/**
 * The て forms (「泳いで」) of the verbs a kanji makes with one of ENDINGS.
 * @param {string} kanji
 */
async function verbTeForms(kanji) {
  let forms = teForms.get(kanji);
  if (forms) return forms;
  forms = [];
  for (const ending of ENDINGS) {
    const word = `${kanji}${ending}`;
    const [verb, ...rest] = await tokenize(word);
    if (!verb || rest.length > 0 || verb.pos !== "動詞" || verb.basic_form !== word || verb.word_type !== "KNOWN") continue;
    if (ending === "いる") {
      if (verb.conjugated_type.startsWith("一段")) forms.push(`${kanji}いて`);
      continue;
    }
    const rule = EUPHONY.find(([type]) => /** @type {RegExp} */ (type).test(verb.conjugated_type));
    if (rule) forms.push(`${kanji}${rule[1]}${rule[2] ? "で" : "て"}`);
  }
  teForms.set(kanji, forms);
  return forms;
}

/**
 * @param {readonly import("./japanese-text.js").Token[]} tokens a sentence's tokens
 * @param {import("./japanese-text.js").Found} found
 */
async function wrongEuphony(tokens, found) {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const stem = /** @type {import("./japanese-text.js").Token} */ (tokens[i]);
    // A one-kanji "verb" in 体言接続特殊２ before い (「探いて」 read as 探る) is the tokenizer's guess at a
    // broken form; after a noun it is a suffix (「わたし達って」「2組いて」).
    const guessed =
      stem.pos === "動詞" && stem.conjugated_form === "体言接続特殊２" && tokens[i + 1]?.surface_form.startsWith("い") && tokens[i - 1]?.pos !== "名詞";
    if ((stem.pos === "動詞" && !guessed) || !/^[\u4e00-\u9fff]$/u.test(stem.surface_form)) continue;
    // A suffix after a noun (「わたし達って」「2組いて」「空き家率って」) is a word of its own, not a verb's stem.
    if (stem.pos_detail_1 === "接尾" && tokens[i - 1]?.pos === "名詞") continue;
    const after = tokens
      .slice(i + 1, i + 3)
      .map((t) => t.surface_form)
      .join("");
    const sound = after[0] ?? "";
    const suffix = after[1] ?? "";
    if (!SOUNDS.has(sound) || !SUFFIX.has(suffix)) continue;
    // 「本当んだ」 and such: the kana must belong to the broken verb, not start a word of their own.
    if (tokens[i + 1]?.surface_form.length !== 1 && tokens[i + 1]?.surface_form !== `${sound}${suffix}`) continue;
    const forms = await verbTeForms(stem.surface_form);
    if (forms.length === 0) continue;
    const written = `${stem.surface_form}${sound}${/[ただ]/u.test(suffix) ? (suffix === "た" ? "て" : "で") : suffix}`;
    if (forms.includes(written)) continue;
    // The writer usually keeps the voicing of the verb meant (「泳んだ」 for 「泳いだ」, not 急く's 「急いた」).
    const voiced = /[だで]/u.test(suffix);
    const sameVoicing = forms.filter((f) => f.endsWith("で") === voiced);
    const right = (sameVoicing.length > 0 ? sameVoicing : forms).map((f) => past(f, suffix));
    const at = stem.word_position - 1;
    const fix = right.length === 1 ? { replace: 3, text: /** @type {string} */ (right[0]) } : undefined;
    found(at, `「${stem.surface_form}${sound}${suffix}」は活用の誤りではありませんか（「${right.join("」「")}」）。`, fix, 3);
  }
}

/**
 * A て form (「泳いで」) in the written suffix's kind: た/だ for the past, て/で for the て form.
 * @param {string} teForm
 * @param {string} suffix
 */
function past(teForm, suffix) {
  if (suffix === "て" || suffix === "で") return teForm;
  return teForm.replace(/て$/u, "た").replace(/で$/u, "だ");
}

/** Kanji whose verb is 一段 in every reading (見る・着る・煮る・似る・寝る・出る; 経 is also 経つ, 干 also 干す). */
const ICHIDAN_ONLY = /^[見着煮似寝出]$/u;

/**
 * A 一段 verb (or 来る) given a 五段 verb's っ before た/て (「煮った」「着った」「食べった」 for 「煮た」
 * 「着た」「食べた」), or its ら before ない (「足りらない」「起きらなかった」): the tokenizer reads the
 * verb's stem and leaves the っ or ら as a stray word of its own.
 * A stem that may also make a 五段 verb (「獲る」 read とる) is left alone.
 * @param {readonly import("./japanese-text.js").Token[]} tokens a sentence's tokens
 * @param {import("./japanese-text.js").Found} found
 */
function ichidanAsGodan(tokens, found) {
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [verb, tsu, suffix] = /** @type {[import("./japanese-text.js").Token, import("./japanese-text.js").Token, import("./japanese-text.js").Token]} */ (
      tokens.slice(i, i + 3)
    );
    if (verb.pos !== "動詞" || verb.conjugated_form !== "連用形" || !/^(?:一段|カ変)/u.test(verb.conjugated_type)) continue;
    // 「足りらない」「起きらなかった」: the 五段 ら before ない, read as a suffix of the stem.
    const ra = tsu.surface_form === "ら" && tsu.pos === "名詞" && suffix.basic_form === "ない";
    if (!ra && (tsu.surface_form !== "っ" || !/^[たて]$/u.test(suffix.surface_form))) continue;
    // A stem of one kanji may also be a 五段 verb's (「獲る」 read とる: 「獲った」), which the
    // tokenizer's best path does not tell: only the kanji whose verbs are 一段 alone.
    if (!/[\u3041-\u3096]$/u.test(verb.surface_form) && !ICHIDAN_ONLY.test(verb.surface_form)) continue;
    // 「なかっ」 is shown with what follows it (「足りなかった」).
    const tail = suffix.surface_form.endsWith("っ") ? (tokens[i + 3]?.surface_form ?? "") : "";
    const written = `${verb.surface_form}${tsu.surface_form}${suffix.surface_form}${tail}`;
    const right = `${verb.surface_form}${suffix.surface_form}${tail}`;
    found(
      verb.word_position - 1,
      `「${written}」は活用の誤りです。「${verb.basic_form}」は「${right}」と活用します。`,
      { replace: written.length, text: right },
      written.length,
    );
  }
}

module.exports = { wrongEuphony, ichidanAsGodan, EUPHONY };
