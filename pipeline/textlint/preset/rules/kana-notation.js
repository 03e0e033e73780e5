// @ts-check
"use strict";
/**
 * Words the city writes in kana (公用文作成の考え方, 令和4年; 公用文における漢字使用等について):
 * 「ある」「ない」 after a particle, 「〜という」, 「〜ような」, 「よく」, 「〜をもって」… The kanji
 * is the same word, not a mistake: one editor of the evaluation sets marked these every time and
 * another never did. So they are the city's 表記, like prh.yml's (info by default, each with a
 * fix the autofix applies); a city that wants them shown as warnings raises the severity in
 * .textlintrc.json. Each pattern names the context that makes the kana certain.
 */
const { textRule, findPhrases } = require("./japanese-text.js");
const { outsideJoyo } = require("./outside-joyo.js");

/** @type {[RegExp, string | undefined, string][]} */
const KANA_NOTATION = [
  // From phrases-context: formal nouns, auxiliaries and set phrases after the words that decide them.
  [/を初め(?=、|，|として|とする|とした)/gu, "をはじめ", "「〜をはじめ（として）」は、かなで書きます（「初め」は時の始まり）"],
  [
    /(?<=(?:長|者|員|様|さん|方|先生|議員|委員|会|団|隊|部|課|所|館|園|校)を)始め(?=、|，|として|とする|とした)/gu,
    "はじめ",
    "「〜をはじめ（として）」は、かなで書きます（「始め」は物事を始めること）",
  ],
  [/(?<=[かさたまらわばけせてねべめれげえ])無(?=い|く|かっ|けれ)/gu, "な", "動詞に付く打ち消しの「ない」は、かなで書きます"],
  [
    /(?<=[にがもはでて])有(?=る(?:[。、がとのなもよ]|[\u4e00-\u9fff])|れば|ります|りま|った)/gu,
    "あ",
    "「ある」（存在・補助の言葉）は、かなで書きます（公用文作成の考え方）",
  ],
  [/(?<=で|では)無(?=く(?!な)|い|かっ)/gu, "な", "「〜でない」「〜だけでなく」は、かなで書きます（公用文作成の考え方）"],
  [/良く(?=見か|見ら|知|分か|わか|似|耳に|目に|晴れ)/gu, "よく", "「しばしば」「十分に」の意味の「よく」は、かなで書きます"],
  [
    /(?<![」』]と)(?<=と)言う(?=(?:こと|もの|方|人|私|僕|方々|わけ|訳|意味|気持ち|思い|話|名前|名の|感じ)|[\u4e00-\u9fff]{2,}(?:[をがはにでの]|です)|[\u4e00-\u9fff]{1,3}[\u3041-\u3096]?[\u30a1-\u30fa][\u30a1-\u30fc])/gu,
    "いう",
    "「〜という」は、かなで書きます（実際に話す意味のときだけ「言う」）",
  ],
  [/(?<=(?:^|[。、「])(?:そう|こう|ああ|どう))言った(?=[\u4e00-\u9fffァ-ヴ]|もの|こと)/gu, "いった", "「そういった」「こういった」は、かなで書きます"],
  [/(?<=て|で)(?<!として)止み(?=ません)/gu, "やみ", "「〜てやみません」は、かなで書きます"],
  [/(?<=(?:お陰|おかげ|御蔭|お蔭)を)持ち(?=まして)/gu, "もち", "「おかげをもちまして」は、かなで書きます"],
  [/(?<!お互い|あなた|そなた|こなた|お構い)(?<=[るたい])様(?=な|に|です|だ)/gu, "よう", "「〜ような」「〜ように」は、かなで書きます"],
  [/(?<=[しっけめえべねれせげ]て|んで)行(?=きたい|きたく|けたら|ければ)/gu, "い", "「〜していく」の「いく」は、かなで書きます"],
  // From phrases-likely: 〜にわたる, 〜にもかかわらず.
  [/(?<=多岐に)渡/gu, "わた", "「多岐にわたる」は、かなで書きます"],
  [/(?<=にも)関わらず/gu, "かかわらず", "「〜にもかかわらず」は、かなで書きます"],
  [/(?<=(?:[0-9０-９日月年週回度間]|範囲|全域|多岐|長期|長年|全国|全般)に)渡(?=って|り|る)/gu, "わた", "「〜にわたって」は、かなで書きます"],
  // From phrases-usage: 〜をもって, もとより, 〜という and others in set phrases.
  [
    /(?<=(?:日|回|年度|月|末|今回|本日|今日|これ|それ|稽古|公演|大会|号)を)持って(?=、|終了|閉店|閉館|閉園|閉会|解散|廃止|引退|退職|退任|卒業|最後|終わ|締め切|休止|休刊|廃刊)/gu,
    "もって",
    "区切りを示す「〜をもって」は、かなで書きます",
  ],
  [/(?<=^|[。、\n])基より(?=[、\u3040-\u309f\u4e00-\u9fff])/gu, "もとより", "「もとより」は、かなで書きます（「元より」とも）"],
  [/唯でさえ/gu, "ただでさえ", "「ただでさえ」は、かなで書きます"],
  [/(?<=(?:^|[。\n]|と、))言うわけ(?=で|だ|です)/gu, "いうわけ", "「というわけで」の「いう」は、かなで書きます"],
  [/(?<=と、)言って(?=も)/gu, "いって", "「といっても」の「いう」は、かなで書きます"],
  [/どう言う(?=[\u4e00-\u9fffァ-ヴ]|こと|もの|ふう|風|わけ)/gu, "どういう", "「どういう」は、かなで書きます"],
  [/皆んな/gu, "みんな", "「みんな」は、かなで書きます（「皆」は「みな」）"],
  // Sixteenth round, beginner list 32: 「〜について」 (about) is a particle, not 付く (attach).
  [/(?<=[\u4e00-\u9fffァ-ヴー]に)付いて(?=は|の)/gu, "ついて", "「〜について」（〜に関して）は、かなで書きます"],
];

module.exports = textRule(async (/** @type {string} */ text, /** @type {import("./japanese-text.js").Found} */ found) => {
  findPhrases(KANA_NOTATION, text, found);
  await outsideJoyo(text, found);
});
module.exports.KANA_NOTATION = KANA_NOTATION;
