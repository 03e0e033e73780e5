import { describeProseCases, type FoundCase } from "../support/prose-cases.ts";

// The thirteenth round's families, in sentences written for this project (never the blind
// list's own): each family found on other words, and the words it must leave alone.
const L = "kawaraban/likely-mistakes";
const P = "kawaraban/plain-style";
const FOUND: FoundCase[] = [
  // だ before a conjunctive particle inside a です・ます sentence; だろうか at the end.
  ["公園は広いのが自慢だが、遊具は少なめです。駐車場もあります。", P, "だ", "公園は広いのが自慢ですが、遊具は少なめです。駐車場もあります。"],
  ["雨の日は静かだけど、晴れると混み合います。売店もあります。", P, "だ", "雨の日は静かですけど、晴れると混み合います。売店もあります。"],
  ["皆さんも一度歩いてみてはいかがだろうか。入口は北側です。", P, "だろう", "皆さんも一度歩いてみてはいかがでしょうか。入口は北側です。"],
  // A noun after お／ご straight before its verb.
  ["当番の方がお茶配ってくれました。", L, "配っ"],
  // を before a verb's stem + 方.
  ["講師の方がお米を炊き方を教えてくれました。", L, "を", "講師の方がお米の炊き方を教えてくれました。"],
  ["新聞を折り方にもこつがあります。", L, "を", "新聞の折り方にもこつがあります。"],
  // 〜詰め after a noun, in kana.
  ["取れた梅を袋ずめにしました。", L, "ず", "取れた梅を袋づめにしました。"],
  // 二重敬語 when the tokenizer cut the stem's last kana off as する.
  ["会長が着物をお召しになられていました。", "kawaraban/verb-forms", "お召しになられ"],
  // Half-width punctuation between Japanese among 「、」.
  [
    "朝から雨でしたが、子どもたちは元気に,最後まで走りました。",
    "kawaraban/japanese-punctuation",
    ",",
    "朝から雨でしたが、子どもたちは元気に、最後まで走りました。",
  ],
  // 四字熟語 one kanji off in a word the tokenizer cannot read.
  ["町の商店は共存共営の道を探っています。", L, "共存共営", "町の商店は共存共栄の道を探っています。"],
  // Set phrases and context (List 27's families, other words).
  ["夜になるとカエルが田んぼで泣いていました。", L, "泣", "夜になるとカエルが田んぼで鳴いていました。"],
  ["保険料は月末までに指定の口座から収めます。", L, "収め", "保険料は月末までに指定の口座から納めます。"],
  ["子ども会の挨拶が総会の口火を開きました。", L, "口火を開"],
  ["結果は後日追って連絡します。", L, "後日追って", "結果は追って連絡します。"],
  ["母は取るものも取らず駆けつけました。", L, "取るものも取らず", "母は取るものも取りあえず駆けつけました。"],
  ["温泉でゆっくり羽目を伸ばしました。", L, "羽目を", "温泉でゆっくり羽を伸ばしました。"],
  ["落とした鍵を目を皿にして探しました。", L, "目を皿に", "落とした鍵を目を皿のようにして探しました。"],
  // Set AG's families (sentences written here).
  ["公民館まつりは盛況でした、来年も続けます。", "kawaraban/japanese-punctuation", "、"],
  ["参加者は,12名でした。", "kawaraban/japanese-punctuation", ",", "参加者は、12名でした。"],
  ["受付でル−ルを説明しました。", L, "−", "受付でルールを説明しました。"],
  ["会長にも出席しいただきました。", L, "いただ", "会長にも出席していただきました。"],
  ["まず最初は、名札を配りました。", "kawaraban/common-mistakes", "まず最初", "最初は、名札を配りました。"],
  ["夏祭りは例年恒例の行事です。", L, "例年恒例", "夏祭りは恒例の行事です。"],
  ["当日は約200人以上が集まりました。", L, "約200人以上"],
  ["先週ごお願いした件です。", L, "ごお"],
  ["雨が上がり、西日が指してきました。", L, "指", "雨が上がり、西日が射してきました。"],
  ["市長を初め多くの来賓が集まりました。", L, "初め", "市長を始め多くの来賓が集まりました。"],
  ["釣り好き同志が集まる会です。", L, "同志", "釣り好き同士が集まる会です。"],
  ["夕方には岐路につきました。", L, "岐路に", "夕方には帰路につきました。"],
];

const QUIET = [
  "「はい、そうです、よろしく」と言いました。焼きそば、たません、唐揚げを売りました。人生の岐路に立ちました。",
  "富士山を初めて見ました。改めて見ると大きな山です。ケーキを食べてみました。",
  "ご意見をお寄せください。お知らせします。五時ごろ帰りました。約100人が集まりました。100人以上が来ました。",
  // Plain forms a です・ます sentence may hold, and quoted speech.
  "雨が降るが、行事は予定どおり行います。会場は体育館です。「寒いけど、がんばるぞ」と話していました。",
  "なぜだろうと思いました。会場は駅前です。",
  // Honorific nouns before the helpers that belong to them.
  "ご臨席賜りありがとうございました。お手伝いいただきました。ご覧になりました。お越しください。お待ちしています。",
  "お米の炊き方を習いました。作り方を教わりました。折り紙の折り方です。",
  "缶づめを配りました。すずめが来ました。働きづめでした。",
  "お召しになっていました。お話しになりました。",
  "価格は1,000円です。3.5キロ歩きました。A,B の二つです。",
  "共存共栄の町です。泣き虫の子です。会費を集めました。成果を収めました。カエルの声を聞いて、弟が泣き出しました。",
  "口火を切りました。追って連絡します。羽目を外しました。目を皿のようにして探しました。取るものも取りあえず出かけました。",
];

describeProseCases("families of the thirteenth round", FOUND, QUIET, "leaves the words the families must not take alone");
