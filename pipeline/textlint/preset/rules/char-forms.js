// @ts-check
"use strict";
/**
 * Characters that look like the kanji meant but are other characters (part of
 * kawaraban/likely-mistakes, warnings, each with its fix): a Kangxi radical (「お⼿伝い」, U+2F3F
 * for 手), often pasted from a PDF, and an old form (旧字体) as a verb's or an adjective's stem
 * (「來る」 for 「来る」).
 * Search and screen readers do not take either for the word. Old forms that are common in names
 * (澤, 邊, 齋, 濱, 廣, 國, 櫻, 榮, 惠, 眞, 德, 壽) are not listed: names keep their own characters.
 */

/** Kangxi radicals and the CJK radicals supplement: NFKC gives the kanji. */
const RADICAL = /[\u2e80-\u2fdf]/gu;

/** Old forms (旧字体) with their modern form (常用漢字表). */
const OLD_FORMS = new Map(
  [
    ..."來来學学會会實実體体氣気當当發発變変區区圓円醫医藝芸驛駅鐵鉄戰戦對対圖図聲声賣売讀読寫写歸帰兩両傳伝價価舊旧與与擔担擧挙團団縣県廳庁觀観歡歓勞労禮礼獨独燒焼晝昼黨党辯弁彈弾",
  ].flatMap((ch, i, all) => (i % 2 === 0 ? [[ch, all[i + 1] ?? ch]] : [])),
);
// Only as a word's stem before its kana (「來る」「學ぶ」「變わる」): a group's name keeps its old
// form (「神力會の」「和太鼓グループ彈紅」), and there a particle or a kanji follows.
const OLD_FORM = new RegExp(`[${[...OLD_FORMS.keys()].join("")}](?=[ぁ-ゖ])(?![のはがをにでともやへ])`, "gu");

/**
 * @param {string} text
 * @param {import("./japanese-text.js").Found} found
 */
function charForms(text, found) {
  for (const m of text.matchAll(RADICAL)) {
    const kanji = m[0].normalize("NFKC");
    if (kanji === m[0]) continue;
    found(
      /** @type {number} */ (m.index),
      `「${m[0]}」は漢字の「${kanji}」に見えますが、部首の記号です（PDF から写したときなどに入ります）。「${kanji}」にします。`,
      {
        replace: m[0].length,
        text: kanji,
      },
    );
  }
  for (const m of text.matchAll(OLD_FORM)) {
    const modern = OLD_FORMS.get(m[0]) ?? m[0];
    found(/** @type {number} */ (m.index), `「${m[0]}」は旧字体です。「${modern}」と書きます（名前の字なら proper-nouns.yml に登録します）。`, {
      replace: m[0].length,
      text: modern,
    });
  }
}

module.exports = { charForms };
