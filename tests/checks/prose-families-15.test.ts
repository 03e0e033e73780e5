import { describeProseCases, type FoundCase } from "../support/prose-cases.ts";
import { REPO_ROOT } from "../support/repo.ts";

// The fifteenth round, in sentences written for this project (never the blind sets' or lists'
// own). The template's 表記 (prh.yml) from 「公用文作成の考え方」: auxiliary verbs after て, and
// particles, conjunctions and adverbs written in kana; each entry on other words than its specs,
// and the words it must leave alone.
const CITY: FoundCase[] = [
  ["雨が降ってきたので中へお入り下さい。", "prh", "下さ", "雨が降ってきたので中へお入りください。"],
  ["遠くから応援に来て下さった方々です。", "prh", "下さ", "遠くから応援に来てくださった方々です。"],
  ["たくさんの方に読んで頂けました。", "prh", "頂", "たくさんの方に読んでいただけました。"],
  ["心よりお礼申し上げます。今後ともよろしくお願い致します。", "prh", "致し", "心よりお礼申し上げます。今後ともよろしくお願いいたします。"],
  ["参加者が年々増えて来ています。", "prh", "来", "参加者が年々増えてきています。"],
  ["ツバメが今年も帰って来るでしょうか。", "prh", "来", "ツバメが今年も帰ってくるでしょうか。"],
  ["伝統を守って行きます。", "prh", "行", "伝統を守っていきます。"],
  ["名札を付けて置いてください。", "prh", "置", "名札を付けておいてください。"],
  ["すぐに満席になって仕舞いました。", "prh", "仕舞", "すぐに満席になってしまいました。"],
  ["ぜひ足を運んで欲しいです。", "prh", "欲し", "ぜひ足を運んでほしいです。"],
  ["皆さんが待って居ました。", "prh", "居", "皆さんが待っていました。"],
  ["先輩が教えて呉れました。", "prh", "呉れ", "先輩が教えてくれました。"],
  ["受付は正午迄です。", "prh", "迄", "受付は正午までです。"],
  ["片道40分程かかります。", "prh", "程", "片道40分ほどかかります。"],
  ["選手達が入場しました。", "prh", "達", "選手たちが入場しました。"],
  ["又、来月も開きます。", "prh", "又", "また、来月も開きます。"],
  ["但し、雨天の場合は中止します。", "prh", "但し", "ただし、雨天の場合は中止します。"],
  ["尚、駐車場はありません。", "prh", "尚", "なお、駐車場はありません。"],
  ["因みに昨年は三百人でした。", "prh", "因み", "ちなみに昨年は三百人でした。"],
  ["予め申し込んでください。", "prh", "予め", "あらかじめ申し込んでください。"],
  ["本当に有難うございました。", "prh", "有難う", "本当にありがとうございました。"],
  ["何故か毎年雨が降ります。", "prh", "何故", "なぜか毎年雨が降ります。"],
  ["流石の腕前でした。", "prh", "流石", "さすがの腕前でした。"],
];

// The verb itself (「車で来ました」), a word holding the same kanji (「一致」「友達」「程度」), and
// an adverb ending in て before a verb (「初めて来た」「全て頂いた」) keep their kanji.
const CITY_QUIET = [
  "バスで来ました。歩いて来場してください。初めて来たときは驚きました。判決が下されました。全て頂きました。皆さんで頂きました。",
  "意見が一致しました。工場を誘致します。友達と遊びました。上達しました。十人程度です。又は電話でお申し込みください。",
  "協力して行います。分担して行っています。捨てて置き場に運びます。山の頂上です。一位になりました。",
];
describeProseCases("the template's 表記 of the fifteenth round", CITY, CITY_QUIET, "adds no error or warning, and no 表記 note on them", REPO_ROOT, /^prh$/);
