// @ts-check
"use strict";
/**
 * Mistakes no dictionary rule of the preset catches, each a fixed phrase with one right form:
 * 二重敬語 (「おっしゃられる」: 「おっしゃる」 is already respectful), 重言 (「まず最初に」) and
 * 誤用 (「的を得る」→「的を射る」, 「汚名挽回」→「汚名返上」「名誉挽回」). Only phrases whose
 * every occurrence is wrong are listed, so a finding is always a mistake.
 */
const { textRule } = require("./japanese-text.js");

const MISTAKES = [
  { pattern: /おっしゃられ/gu, to: "おっしゃ", message: "「おっしゃられ」は二重敬語です。「おっしゃっ」「おっしゃい」のように書きます" },
  { pattern: /ご覧になられ/gu, to: "ご覧になり", message: "「ご覧になられ」は二重敬語です。「ご覧になり」と書きます" },
  { pattern: /お越しになられ/gu, to: "お越しになり", message: "「お越しになられ」は二重敬語です。「お越しになり」と書きます" },
  { pattern: /お見えになられ/gu, to: "お見えになり", message: "「お見えになられ」は二重敬語です。「お見えになり」と書きます" },
  { pattern: /お召し上がりになられ/gu, to: "召し上がり", message: "「お召し上がりになられ」は二重敬語です。「召し上がり」と書きます" },
  { pattern: /お帰りになられ/gu, to: "お帰りになり", message: "「お帰りになられ」は二重敬語です。「お帰りになり」と書きます" },
  { pattern: /お話しになられ/gu, to: "お話しになり", message: "「お話しになられ」は二重敬語です。「お話しになり」と書きます" },
  { pattern: /的を得/gu, to: "的を射", message: "「的を得る」は誤りです。「的を射る」と書きます" },
  { pattern: /汚名挽回/gu, message: "「汚名挽回」は誤りです。「汚名返上」か「名誉挽回」と書きます" },
  { pattern: /まず最初に/gu, to: "最初に", message: "「まず最初に」は意味が重なっています（重言）。「最初に」か「まず」と書きます" },
  { pattern: /一番最初/gu, to: "最初", message: "「一番最初」は意味が重なっています（重言）。「最初」と書きます" },
  { pattern: /後で後悔/gu, to: "後悔", message: "「後で後悔」は意味が重なっています（重言）。「後悔」と書きます" },
  { pattern: /馬から落馬/gu, to: "落馬", message: "「馬から落馬」は意味が重なっています（重言）。「落馬」と書きます" },
  { pattern: /頭痛が痛/gu, message: "「頭痛が痛い」は意味が重なっています（重言）。「頭が痛い」「頭痛がする」と書きます" },
  { pattern: /違和感を感じ/gu, to: "違和感を覚え", message: "「違和感を感じ」は意味が重なっています（重言）。「違和感を覚え」と書きます" },
  { pattern: /過半数を超え/gu, to: "半数を超え", message: "「過半数を超える」は意味が重なっています（重言）。「過半数に達する」「半数を超える」と書きます" },
  { pattern: /元旦の朝/gu, to: "元旦", message: "「元旦」は元日の朝のことです（重言）。「元旦」か「元日の朝」と書きます" },
  { pattern: /返事を返/gu, to: "返事をし", message: "「返事を返す」は意味が重なっています（重言）。「返事をする」と書きます" },
];

module.exports = textRule((/** @type {string} */ text, /** @type {import("./japanese-text.js").Found} */ found) => {
  for (const m of MISTAKES) {
    for (const match of text.matchAll(m.pattern)) {
      found(/** @type {number} */ (match.index), `${m.message}。`, m.to === undefined ? undefined : { replace: match[0].length, text: m.to });
    }
  }
});
