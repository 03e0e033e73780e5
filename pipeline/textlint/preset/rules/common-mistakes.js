// @ts-check
"use strict";
/**
 * Mistakes no dictionary rule of the preset catches, each a fixed phrase with one right form
 * (the list and where each entry came from: docs/rules.md, 「よくある誤り」):
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
  { pattern: /必ず必要/gu, to: "必要", message: "「必ず必要」は意味が重なっています（重言）。「必要」か「必ず要る」と書きます" },
  { pattern: /被害を被/gu, to: "被害を受", message: "「被害を被る」は意味が重なっています（重言）。「被害を受ける」と書きます" },
  { pattern: /今現在/gu, to: "現在", message: "「今現在」は意味が重なっています（重言）。「現在」か「今」と書きます" },
  { pattern: /采配を振るっ/gu, to: "采配を振っ", message: "「采配を振るう」は誤りです。「采配を振る」と書きます" },
  { pattern: /采配を振るう/gu, to: "采配を振る", message: "「采配を振るう」は誤りです。「采配を振る」と書きます" },
  // 「お話しする」 is the verb; 「お話」 alone is the noun, which takes no 「して」.
  {
    pattern: /お話(?=して|させ|します|しました|した|しま)/gu,
    to: "お話し",
    message: "動詞は「お話しする」です。「お話しして」「お話しさせて」のように「し」を入れます",
  },
  { pattern: /(?<=[\u4e00-\u9fff々])つくり(?![方手])/gu, to: "づくり", message: "「地域づくり」「環境づくり」のように、言葉のあとでは「づくり」と書きます" },
  { pattern: /きずい(?=[たてちつ])/gu, to: "気づい", message: "「きずく」ではなく「気づく」（きづく）と書きます" },
  { pattern: /気ず(?=[いかきくけこ])/gu, to: "気づ", message: "「気ずく」ではなく「気づく」と書きます" },
  { pattern: /みんなさん/gu, to: "みなさん", message: "「みんなさん」は「みなさん」か「みんな」と書きます" },
  // 誤変換: the wrong kanji for the sound, found only where the words around it decide the meaning.
  { pattern: /(?<=コロナ)渦/gu, to: "禍", message: "「コロナ渦」は変換の誤りです。災いの意味の「禍」で「コロナ禍」と書きます" },
  { pattern: /民族(?=(?:芸能|舞踊|行事|資料|文化財|学))/gu, to: "民俗", message: "土地の暮らしや芸能は「民族」ではなく「民俗」です（「民俗芸能」）" },
  {
    pattern: /(?<=[0-9０-９〇一二三四五六七八九十百千万億]+(?:人|名|件|円|台|回|本|枚|個|トン|キロ|メートル|％|%|年|歳)?)を越え/gu,
    to: "を超え",
    message: "数が基準を上回るのは「越える」ではなく「超える」です",
  },
  {
    pattern: /(?<=(?:園|校|学校|会社|役場|役所|病院|施設|センター|工場|事務所|店|銀行|市役所|町役場)に)務め/gu,
    to: "勤め",
    message: "勤め先で働くのは「務める」ではなく「勤める」です（「務める」は役目を果たすこと）",
  },
  { pattern: /消化(?=(?:器|訓練|活動|栓|ホース))/gu, to: "消火", message: "火を消すのは「消化」ではなく「消火」です" },
  {
    pattern: /(?<=(?:日|朝|春|夏|秋|冬|年|節目|本番|当日|初日|最終日|誕生日|新年|お客様|お客さま|皆さん|皆様)を)向かえ/gu,
    to: "迎え",
    message: "「向かえる」は変換の誤りです。「迎える」と書きます",
  },
  { pattern: /(?<=準備を)勧め/gu, to: "進め", message: "物事をはかどらせるのは「勧める」ではなく「進める」です" },
  { pattern: /協動(?=(?:の|で|を|に|し|する|によ|による|事業|型))/gu, to: "協働", message: "力を合わせて働くのは「協働」です（「協動」は変換の誤り）" },
  { pattern: /暖か(?=く(?:迎え|見守|応援|励ま|受け入れ))/gu, to: "温か", message: "人の気持ちのあたたかさは「暖かい」ではなく「温かい」です" },
  { pattern: /斬新的/gu, to: "斬新", message: "「斬新的」とは言いません。「斬新」と書きます" },
];

module.exports = textRule((/** @type {string} */ text, /** @type {import("./japanese-text.js").Found} */ found) => {
  for (const m of MISTAKES) {
    for (const match of text.matchAll(m.pattern)) {
      found(/** @type {number} */ (match.index), `${m.message}。`, m.to === undefined ? undefined : { replace: match[0].length, text: m.to });
    }
  }
});
