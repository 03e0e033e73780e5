// @ts-check
"use strict";
/**
 * Likely mistakes (warnings): the writer looks at the words and decides.
 * - phrases that are nearly always wrong (phrases-likely.js: 誤変換 by context, 重言 that are
 *   often heard, 「お話しを」 for the noun, a dash inside a katakana word);
 * - a word typed twice (「第一会場会場」), kanji words of two to four characters; reduplicated
 *   words that start with a number or 毎 (「一歩一歩」「一人一人」) are Japanese;
 * - on the tokenizer's part of speech: 「すごい」 before an adjective (「ものすごい素早い」→
 *   「ものすごく」); a verb's dictionary form before て (「走るて」); 「な」 before て (「なて」:
 *   「なって」); a noun followed straight by a verb (「公園走っていた」: a particle left out).
 */
const { textRule, eachTokenPair, findPhrases } = require("./japanese-text.js");
const { LIKELY } = require("./phrases-likely.js");
const {
  droppedParticle,
  droppedBeforeNecessary,
  droppedBeforeWord,
  describedNounAsVerb,
  droppedAfterNado,
  droppedAfterNashi,
  insideQuote,
  insideReading,
  kanjiSuffixOf,
} = require("./dropped-particles.js");
const { tokenSlips } = require("./token-slips.js");
const { stemSlips } = require("./stem-slips.js");
const { okuriganaSlips } = require("./okurigana-slips.js");
const { kanaSlips } = require("./kana-slips.js");
const { repeatedPhrase } = require("./repeated-phrase.js");
const { iNuki, plainAt, spokenAt } = require("./i-nuki.js");
const { charForms } = require("./char-forms.js");
const { adjectiveForms, adjectiveBeforeNa, adjectiveBeforeDa } = require("./adjective-forms.js");
const { fourCharacterIdioms } = require("./four-character-idioms.js");
const { wrongEuphony, ichidanAsGodan } = require("./verb-euphony.js");
const { redundantPair, redundantAdverb } = require("./redundant-pairs.js");
const {
  wrongCase,
  subjectForObject,
  doubledObject,
  objectOfRequest,
  objectBeforeCopula,
  objectBeforeAdjective,
  missingNiBeforeLimit,
} = require("./case-particles.js");
const { reportDoubleHonorific, TOLERATED } = require("./honorifics.js");
const { KATAKANA_RUN, KATAKANA_LOOKUPS, katakanaWord } = require("./katakana-words.js");
const { kanaTypos } = require("./kana-typos.js");
const { methodNouns } = require("./method-nouns.js");

const INTENSIFIERS = new Set(["すごい", "ものすごい", "凄い", "物凄い"]);
const DOUBLED = /[\u4e00-\u9fff]{4,}/gu;
const COUNTING = /^[一二三四五六七八九十毎]/u;
/**
 * Doubled words that are words: 「半分半分」(half and half), 「感謝感謝」「土地土地」 (said twice on purpose),
 * and nouns doubled to mean "each one" (「合間合間で」「節目節目に」「場面場面で」). 「一人一人」「日々」 pass
 * by COUNTING or are one character.
 */
const DOUBLED_WORDS = new Set(["半分", "少々", "時々", "感謝", "土地", "場所", "合間", "節目", "場面", "要所", "段階", "時代", "地域", "地区", "季節", "家庭"]);

/**
 * What 「すごい」 cannot stand before in its plain form: an adjective (「すごい大きい」), a verb
 * (「すごい混んで」) or an adjectival noun used as one (「すごい便利です」, not 「すごい人気」).
 * @param {import("./japanese-text.js").Token} word
 * @param {import("./japanese-text.js").Token | undefined} after
 */
function intensified(word, after) {
  if ((word.pos === "形容詞" || word.pos === "動詞") && word.pos_detail_1 === "自立") return true;
  // 「すごい混雑しました」: a サ変 noun used as its verb (「すごい混雑」 alone is a noun, and right).
  if (word.pos_detail_1 === "サ変接続" && after?.pos === "動詞" && after.basic_form === "する") return true;
  return word.pos_detail_1 === "形容動詞語幹" && /^(?:な|に|だ|で|です|でし)$/u.test(after?.surface_form ?? "");
}

/** @type {import("./japanese-text.js").Check} */
async function check(text, reportFound, doc) {
  // Where the other checks reported: a run of kana one of them explains is not a typo again.
  /** @type {number[]} */
  const taken = [];
  /** @type {import("./japanese-text.js").Found} */
  const found = (index, ...rest) => {
    taken.push(index);
    return reportFound(index, ...rest);
  };
  findPhrases(LIKELY, text, found);
  for (const run of text.matchAll(DOUBLED)) doubledWords(run[0], /** @type {number} */ (run.index), found);
  for (const m of text.matchAll(LOOKALIKE)) {
    const kanji = LOOKALIKES.get(m[0]) ?? "";
    found(/** @type {number} */ (m.index), `片仮名の「${m[0]}」は、漢字の「${kanji}」の打ち間違いではありませんか。`, { replace: 1, text: kanji });
  }
  for (const m of text.matchAll(KANA_LOOKALIKE)) {
    const hiragana = String.fromCharCode(m[0].charCodeAt(0) - 0x60);
    found(/** @type {number} */ (m.index), `片仮名の「${m[0]}」は、平仮名の「${hiragana}」の打ち間違いではありませんか。`, { replace: 1, text: hiragana });
  }
  weekdays(text, found);
  charForms(text, found);
  await adjectiveForms(text, found);
  await fourCharacterIdioms(text, found);
  // Each word costs a few dozen dictionary look-ups: an article of thousands of invented words gets the first ones only.
  for (const run of text.matchAll(KATAKANA_RUN)) {
    doc.katakana = (doc.katakana ?? 0) + 1;
    if (doc.katakana > KATAKANA_LOOKUPS) break;
    await katakanaWord(run[0], /** @type {number} */ (run.index), found, doc);
  }
  const tokens = await eachTokenPair(text, (prev, token, tokens, i) => {
    const at = token.word_position - 1;
    // 「すごいすごい」 is the word said twice, not すごい before an adjective.
    if (
      INTENSIFIERS.has(prev.surface_form) &&
      prev.conjugated_form === "基本形" &&
      !INTENSIFIERS.has(token.surface_form) &&
      intensified(token, tokens[i + 1])
    ) {
      found(
        prev.word_position - 1,
        `${token.pos === "形容詞" || token.pos === "動詞" ? token.pos : token.pos_detail_1 === "サ変接続" ? "動詞" : "形容動詞"}の前では「${prev.surface_form}」ではなく「${prev.surface_form.slice(0, -1)}く」です。`,
        {
          replace: prev.surface_form.length,
          text: `${prev.surface_form.slice(0, -1)}く`,
        },
      );
    }
    if (token.pos === "助詞" && token.pos_detail_1 === "接続助詞" && token.surface_form === "て") teSlip(prev, at, found);
    tokenSlips(prev, token, at, found, tokens[i + 1], tokens[i - 2], tokens[i + 2]);
    stemSlips(prev, token, at, found);
    kanaSlips(prev, token, at, found, tokens[i + 1]);
    // 「召し上がられる」: 二重敬語, common in polite writing, so a warning here (verb-forms' error for the others).
    reportDoubleHonorific(prev, token, tokens, i, found, TOLERATED);
    adjectiveBeforeDa(prev, token, found);
    missingNiBeforeLimit(tokens, i, found);
    const outsideQuotes = /** @type {import("./japanese-text.js").Found} */ (
      (index, ...rest) => (insideQuote(text, index) ? undefined : found(index, ...rest))
    );
    wrongCase(tokens, i, outsideQuotes);
    subjectForObject(tokens, i, outsideQuotes);
    doubledObject(tokens, i, outsideQuotes);
    objectOfRequest(tokens, i, outsideQuotes);
    objectBeforeCopula(tokens, i, outsideQuotes);
    objectBeforeAdjective(tokens, i, outsideQuotes);
    methodNouns(tokens, i, outsideQuotes);
    adjectiveBeforeNa(prev, token, tokens[i + 1], outsideQuotes);
    redundantPair(tokens, i, outsideQuotes);
    redundantAdverb(tokens, i, outsideQuotes);
    iNuki(prev, token, tokens, i, (index, ...rest) =>
      plainAt(text, index) && !insideQuote(text, index) && !spokenAt(text, index) ? found(index, ...rest) : undefined,
    );
    const before = tokens[i - 2];
    if (
      before?.pos === "接頭詞" &&
      /^[おご]$/u.test(before.surface_form) &&
      prev.pos === "動詞" &&
      prev.conjugated_form === "連用形" &&
      token.pos === "助動詞" &&
      token.basic_form === "ます"
    ) {
      found(
        at,
        `「${before.surface_form}${prev.surface_form}${token.surface_form}」は「${before.surface_form}${prev.surface_form}し${token.surface_form}」の「し」が抜けていませんか。`,
        {
          insert: "し",
        },
      );
    }
    if (droppedBeforeNecessary(prev, token, tokens[i + 1]) && !insideQuote(text, at)) {
      found(at, `「${prev.surface_form}${token.surface_form}」は「${prev.surface_form}が${token.surface_form}」の「が」が抜けていませんか。`, { insert: "が" });
    }
    if (describedNounAsVerb(tokens, i) && !insideQuote(text, at)) {
      const end = token.word_position - 1 + token.surface_form.length;
      const describer = prev.pos === "助動詞" ? `${tokens[i - 2]?.surface_form ?? ""}${prev.surface_form}` : prev.surface_form;
      found(end, `「${token.surface_form}」のあとの「を」が抜けていませんか（「${describer}${token.surface_form}をする」）。`, { insert: "を" });
    }
    if (droppedAfterNashi(tokens, i - 1) && !insideQuote(text, at)) {
      found(at, `「${tokens[i - 2]?.surface_form ?? ""}なし」と「${token.surface_form}」の間の「で」が抜けていませんか。`, { insert: "で" });
    }
    if (droppedAfterNado(tokens, i - 1) && !insideQuote(text, at)) {
      found(at, `「など」と「${token.surface_form}」の間の助詞（を・が・に など）が抜けていませんか。`);
    }
    const missing = droppedBeforeWord(tokens, i - 1);
    if (missing && !insideQuote(text, at) && !insideReading(text, at)) {
      const noun = `${kanjiSuffixOf(tokens, i - 1) ? (tokens[i - 2]?.surface_form ?? "") : ""}${prev.surface_form}`;
      found(at, `「${noun}」と「${token.surface_form}」の間の助詞（${missing}）が抜けていませんか。`);
    }
    if (droppedParticle(prev, token, before, tokens[i + 1]) && !insideQuote(text, at) && !insideReading(text, at)) {
      found(at, `「${prev.surface_form}」と「${token.surface_form}」の間の助詞（を・が・に など）が抜けていませんか。`);
    }
  });
  await wrongEuphony(tokens, found);
  ichidanAsGodan(tokens, found);
  await okuriganaSlips(text, tokens, found, taken);
  repeatedPhrase(text, tokens, found);
  await kanaTypos(text, found, doc, taken);
}

/**
 * A word before the conjunctive て in a form that cannot take it: a verb's dictionary form
 * (「走るて」), 「な」 (「なて」 for 「なって」), a サ変 noun (「説明て」 for 「説明して」).
 * @param {import("./japanese-text.js").Token} prev
 * @param {number} at where the て is
 * @param {import("./japanese-text.js").Found} found
 */
function teSlip(prev, at, found) {
  if (prev.pos === "動詞" && prev.conjugated_form === "基本形" && prev.pos_detail_1 !== "非自立") {
    found(prev.word_position - 1, `「${prev.surface_form}て」は活用の誤りではありませんか（「${prev.basic_form}」に「て」を付けた形を確かめてください）。`);
  } else if (prev.pos === "助動詞" && prev.surface_form === "な" && prev.basic_form === "だ") {
    found(at, "「なて」は打ち間違いではありませんか（「なって」）。", { insert: "っ" });
  } else if (prev.pos === "名詞" && prev.pos_detail_1 === "サ変接続" && prev.word_type === "KNOWN") {
    found(at, `「${prev.surface_form}て」は「${prev.surface_form}して」の打ち間違いではありませんか。`, { insert: "し" });
  }
}

/** Katakana that look like kanji (「ニつ」「タ方」「協カ」「エ場」「入りロ」), alone between kanji or numbers. */
const LOOKALIKES = new Map([
  ["ニ", "二"],
  ["カ", "力"],
  ["エ", "工"],
  ["ロ", "口"],
  ["タ", "夕"],
  ["ハ", "八"],
  ["ー", "一"],
]);
const KANJI = "[\\u4e00-\\u9fff々]";
/** Katakana that look like their hiragana (「滑リ台」), alone between kanji or hiragana. The particle 「ヘ」 is phrases-context's. */
const KANA_LOOKALIKE = /(?<=[\u4e00-\u9fff々\u3041-\u3096])[リベペ](?=[\u4e00-\u9fff々\u3041-\u3096])/gu;
const LOOKALIKE = new RegExp(
  `(?<![\\u30a0-\\u30ffー])(?:(?<=${KANJI})[ニカエロタハ](?![\\u30a0-\\u30ffー]|[所月国条年])|[ニカエロタハ](?=${KANJI}|[つ人])(?<![0-9０-９何数幾一二三四五六七八九十百千]カ)(?![\\u30a0-\\u30ffー])|(?<=[第十百千万唯統均同単逐随画]|[のをがにで])ー(?=${KANJI})|(?<=${KANJI})ー(?=[人回日月年番度部本枚個件名位組号時分週期生列段等言]))`,
  "gu",
);
const WEEKDAYS = "日月火水木金土";
/** A number written in ASCII or full-width digits. */
const digits = (/** @type {string | undefined} */ d) => Number((d ?? "").replace(/[０-９]/gu, (c) => String(c.charCodeAt(0) - 0xff10)));
const ERAS = new Map([
  ["令和", 2018],
  ["平成", 1988],
]);

/**
 * A weekday that is not the date's, where the text gives the year (「2019年4月23日(日)」, or a
 * year earlier in the same text: 「令和6年度の予定は、5月12日(日)…」).
 * @param {string} text
 * @param {import("./japanese-text.js").Found} found
 */
function weekdays(text, found) {
  let year;
  const dates =
    /(?:(令和|平成)?([0-9０-９]{1,4})年(?:度)?)|(?:来年|昨年|去年|翌年|前年)|([0-9０-９]{1,2})月([0-9０-９]{1,2})日[（(]([日月火水木金土])(?:曜日?)?[）)]/gu;
  for (const m of text.matchAll(dates)) {
    if (m[2] !== undefined) {
      const n = digits(m[2]);
      year = m[1] ? (ERAS.get(m[1]) ?? 0) + n : n >= 1900 ? n : undefined;
      continue;
    }
    if (m[3] === undefined) {
      year = undefined; // 「来年」: the next dates are not in the year given before
      continue;
    }
    if (year === undefined) continue;
    const date = new Date(Date.UTC(year, digits(m[3]) - 1, digits(m[4])));
    const actual = WEEKDAYS[date.getUTCDay()];
    if (date.getUTCMonth() === digits(m[3]) - 1 && actual !== m[5]) {
      const at = /** @type {number} */ (m.index) + m[0].indexOf(/** @type {string} */ (m[5]), m[0].indexOf("日") + 1);
      found(at, `${year}年${digits(m[3])}月${digits(m[4])}日は${actual}曜日です。日付か曜日を確かめてください。`);
    }
  }
}

/**
 * A kanji word typed twice inside a run of kanji.
 * @param {string} run
 * @param {number} offset
 * @param {import("./japanese-text.js").Found} found
 */
function doubledWords(run, offset, found) {
  for (let length = 2; length <= 4; length++) {
    for (let i = 0; i + 2 * length <= run.length; i++) {
      const word = run.slice(i, i + length);
      if (word === run.slice(i + length, i + 2 * length) && !COUNTING.test(word) && !DOUBLED_WORDS.has(word)) {
        found(offset + i + length, `「${word}」が 2 回続いています。1 つ消してください。`, { remove: length });
        return;
      }
    }
  }
}

module.exports = textRule(check);
