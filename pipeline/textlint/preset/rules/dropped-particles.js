// @ts-check
"use strict";
/**
 * A particle left out between a noun and what follows it (「公園走っていた」「カード必要です」), judged
 * on the tokenizer's part of speech: kawaraban/likely-mistakes reports it as a warning. Set
 * phrases, counts, compound verbs and nouns that stand on their own are not reported.
 */

/** Nouns that take a particle before a verb (times, amounts and adverb-like nouns stand without one). */
const NOUN_KINDS = new Set(["一般", "固有名詞", "サ変接続"]);
/** Verbs that follow a noun without a particle in set phrases (「お出でいただく」「〜くださる」). */
const LINKING_VERBS = new Set([
  ...["する", "できる", "出来る", "なる", "ある", "あり", "いる", "おる", "いう", "言う"],
  // 「遷化なさる」「ご相談なされた」: する's honorific (なされ is read as なす), and 「群れなす」.
  ...["なさる", "なす"],
  // 「ご覧いただける」「ご覧くださる」: honorific nouns before their helper verb.
  ...["いただく", "頂く", "いただける", "頂ける", "くださる", "下さる"],
  // 「ご臨席賜り」「ご支援賜りますよう」: the same favour in letters.
  ...["賜る", "賜わる"],
]);
/** Verbs that make compounds with the noun before them (「遊び始める」「感謝申し上げる」「相談願う」). */
const COMPOUNDING_VERBS = new Set([
  "始める",
  "終わる",
  "終える",
  "続ける",
  "出す",
  "込む",
  "合う",
  "直す",
  "切る",
  "回る",
  "申し上げる",
  "申しあげる",
  "願う",
  "致す",
  "いたす",
  "差し上げる",
  // 「遊び倒す」「食べ歩く」: the second verb finishes the first, a compound verb.
  "倒す",
  // 「通い詰める」
  "詰める",
  "揃う",
  "そろう",
]);
/** The second verb of a compound after a one-kanji stem (「立ち上げる」「取り組む」「持ち寄る」). */
const SECOND_VERBS =
  /^(?:上げる|上がる|あげる|あがる|組む|寄る|付ける|付く|合わせる|合う|入れる|替える|返る|返す|下げる|下がる|戻す|戻る|掛ける|消す|決める|止める|抜く|残す|残る|残れる|越す|過ぎる|回す|込む|始まる|じみる|果てる)$/u;
/** Nouns of amount and manner that stand before a verb on their own (「大勢訪れる」「全員集まる」). */
const ADVERBIAL_NOUNS = new Set([
  ...["大勢", "全員", "皆", "みんな", "皆さん", "みなさん", "皆様", "皆さま", "みなさま", "一緒", "あれこれ", "色々", "いろいろ", "一人", "二人", "自分"],
  // 「家族揃って」「親子そろって」: a group doing something together, a set way of saying it.
  ...["家族", "親子", "夫婦", "兄弟", "姉妹"],
  // 「老若男女楽しめる」: everyone, said as a set word.
  ...["老若男女", "誰も彼も", "大人も子どもも"],
  // 「丹精込めて」「精魂込めて」「歯に衣着せぬ」: set phrases said without を.
  ...["丹精", "精魂", "精根", "衣"],
  // 「最初曇っていた」: the time of it, said as an adverb.
  ...["最初", "最後", "結局", "一時", "当初", "例年"],
]);
/**
 * Verbs a noun stands before in a set phrase: 「老若男女問わず」「年齢問わず」「ばら撒く」「ひとっ風呂浴びる」,
 * and the suffix 〜ぶる (「善人ぶる」「大人ぶって」).
 */
const SET_PHRASE = /^(?:問う|撒く|浴びる|ぶる)$/u;

/** Verbs a one-kanji noun stands before in a set phrase or a compound: 「力及ばず」「指差す」. */
const ONE_KANJI_IDIOM = /^(?:及ぶ|差す|立つ|向く)$/u;

/**
 * A noun followed straight by a finite verb (「公園走っていた」): a particle was left out. Only
 * known words (an unknown word is the tokenizer's guess), not a verb stem that names an action
 * (「ふれあい」「打ち上げ」 before a noun), not honorific nouns (「お出でいただく」).
 * @param {import("./japanese-text.js").Token} noun
 * @param {import("./japanese-text.js").Token} verb
 * @param {import("./japanese-text.js").Token | undefined} before
 * @param {import("./japanese-text.js").Token | undefined} after
 */
function droppedParticle(noun, verb, before, after) {
  // 「集会所開かれ」「参加者集まり」: a noun and its kanji suffix are one noun (not a count's 「人」,
  // a name's 「さん」, 「時」, nor kana the tokenizer split off wrongly: 「農業ら|しからぬ」).
  // 「お母さんたち集まりました」: people named with たち・ども after a noun are that noun too (not ら:
  // 「農業らしからぬ」 is らしい cut wrongly).
  // Not 「数日たち」 (経ち after a time), nor people called to (「学生たち頑張ってください」: only before an ending).
  const people =
    /^(?:たち|達|ども)$/u.test(noun.surface_form) &&
    noun.pos_detail_1 === "接尾" &&
    before?.pos === "名詞" &&
    before.pos_detail_1 !== "数" &&
    !/[日年月間週]$/u.test(before.surface_form) &&
    after?.pos === "助動詞";
  const compound =
    noun.pos === "名詞" &&
    noun.pos_detail_1 === "接尾" &&
    ((noun.pos_detail_2 === "一般" && /^[\u4e00-\u9fff]+$/u.test(noun.surface_form) && before?.pos === "名詞") || people);
  const head = compound && before !== undefined ? before : noun;
  const word = compound && before !== undefined ? before.surface_form + noun.surface_form : noun.surface_form;
  if (head.pos !== "名詞" || !(NOUN_KINDS.has(head.pos_detail_1) || people) || head.word_type !== "KNOWN" || ADVERBIAL_NOUNS.has(word)) return false;
  // 「一店舗増えた」「3人来た」: a count stands before its verb on its own.
  if (!compound && before?.pos === "名詞" && before.pos_detail_1 === "数") return false;
  // 「活気づける」「色づく」「片づける」: one verb written with づく／づける; 「海藻ついて」 is reported as a dropped に.
  if (/^[づつ]/u.test(verb.surface_form) || /^(?:つく|よる)$/u.test(verb.basic_form)) return false;
  // 「立ち上げる」「取り組む」: a one-kanji verb stem read as a noun, then the second verb of a compound.
  if (!compound && /^[\u4e00-\u9fff][いきぎしじちにひびみり]$/u.test(noun.surface_form) && SECOND_VERBS.test(verb.basic_form)) return false;
  // 「ふり返る」「言い訳じみる」: a kana stem, or any noun before じみる, makes one verb too.
  if (!compound && (/^[\u3040-\u309f][いきぎしちにひびみり]$/u.test(noun.surface_form) || verb.basic_form === "じみる") && SECOND_VERBS.test(verb.basic_form))
    return false;
  // 「遭難しかけた」: a サ変 noun with する's own forms (しかける, しだす) is its verb.
  if (
    noun.pos_detail_1 === "サ変接続" &&
    /^し(?:かける|だす|出す|始める|はじめる|直す|なおす|続ける|つづける|過ぎる|すぎる|終える|おえる|損なう|そこなう)$/u.test(verb.basic_form)
  )
    return false;
  // 「ばっちり間に合う」: a kana noun glued to the kana before it is the tail of a word the tokenizer cut.
  if (
    !compound &&
    /^[\u3040-\u309f]+$/u.test(noun.surface_form) &&
    before !== undefined &&
    /[\u3040-\u309f]$/u.test(before.surface_form) &&
    before.pos !== "助詞"
  )
    return false;
  // 「印象もうけます」: kana the tokenizer joined into a verb begin with the particle (も受けます).
  if (/^[もはがをにでと][\u3040-\u309f]*$/u.test(verb.surface_form)) return false;
  // 「ゴミ拾いでした」: a verb stem before です is a noun (a compound), not a finite verb.
  // 「作り置きではなく」「地べたすわりで」: also before the copula's で.
  if (verb.conjugated_form === "連用形" && after?.pos === "助動詞" && /^(?:です|でし|だ|だっ|で)$/u.test(after.surface_form)) return false;
  // 「ごみ拾いや草刈り」: a stem before a listing particle is a noun in a list.
  if (verb.conjugated_form === "連用形" && after?.pos === "助詞" && /^(?:や|とか|など)$/u.test(after.surface_form)) return false;
  // 「一段落つく」「一役買う」「一息つく」: set phrases with 一 take no particle.
  // 「本借りる」「雨降った」: a one-kanji noun only before a verb written with a kanji, after a particle or a mark
  // (not the tail of a compound, nor a stem the tokenizer split: 「手伝う」「気付く」 are one word each).
  const oneKanji =
    /^[\u4e00-\u9fff]$/u.test(word) &&
    !compound &&
    (before === undefined || before.pos === "助詞" || before.pos === "記号") &&
    /^[\u4e00-\u9fff]/u.test(verb.surface_form) &&
    !ONE_KANJI_IDIOM.test(verb.basic_form);
  if (([...word].length < 2 && !oneKanji) || /^一/u.test(word)) return false;
  if (verb.pos !== "動詞" || verb.pos_detail_1 !== "自立" || verb.word_type !== "KNOWN") return false;
  if (LINKING_VERBS.has(verb.basic_form) || COMPOUNDING_VERBS.has(verb.basic_form) || SET_PHRASE.test(verb.basic_form)) return false;
  if ([...verb.surface_form].length < 2 && verb.conjugated_form !== "基本形") return false;
  // A finite verb: its ending follows (て, た, ます, ない…), or it ends the clause.
  if (verb.conjugated_form === "基本形") return after?.pos !== "名詞";
  // 「歴史分かりやすく」: the stem before やすい／にくい is as finite as the verb itself.
  if (after?.pos === "形容詞" && after.pos_detail_1 === "非自立" && /^(?:やすい|にくい|づらい)$/u.test(after.basic_form)) return true;
  // 「開かれて」「行わせて」: the passive or causative ending is as finite as an auxiliary.
  if (after?.pos === "動詞" && after.pos_detail_1 === "接尾") return true;
  return after !== undefined && (after.pos === "助動詞" || (after.pos === "助詞" && /^(?:接続助詞|並立助詞)$/u.test(after.pos_detail_1)));
}

/**
 * 「カード必要です」: a noun straight before 必要 + です (「カードが必要です」).
 * @param {import("./japanese-text.js").Token} noun
 * @param {import("./japanese-text.js").Token} word
 * @param {import("./japanese-text.js").Token | undefined} after
 */
function droppedBeforeNecessary(noun, word, after) {
  if (word.surface_form !== "必要" || !after || !/^(?:です|でした|だ|だっ)$/u.test(after.surface_form)) return false;
  return (
    noun.pos === "名詞" &&
    NOUN_KINDS.has(noun.pos_detail_1) &&
    noun.word_type === "KNOWN" &&
    !ADVERBIAL_NOUNS.has(noun.surface_form) &&
    [...noun.surface_form].length >= 2
  );
}

/** A noun that needs a particle before what follows: known, two characters or more, not a word of amount or manner. @param {import("./japanese-text.js").Token | undefined} noun */
const needsParticle = (noun) =>
  noun?.pos === "名詞" &&
  (NOUN_KINDS.has(noun.pos_detail_1) || noun.pos_detail_1 === "副詞可能") &&
  noun.word_type === "KNOWN" &&
  !ADVERBIAL_NOUNS.has(noun.surface_form) &&
  [...noun.surface_form].length >= 2;

/** 「駐車|場」「反省|点」: `tokens[i]` is a kanji suffix of the known noun before it. @param {readonly import("./japanese-text.js").Token[]} tokens @param {number} i */
const kanjiSuffixOf = (tokens, i) =>
  tokens[i]?.pos_detail_1 === "接尾" &&
  tokens[i]?.pos_detail_2 === "一般" &&
  /^[\u4e00-\u9fff]+$/u.test(tokens[i]?.surface_form ?? "") &&
  needsParticle(tokens[i - 1]);

/**
 * The particle after `tokens[i]` (a noun) that is missing, if one is: 「窓口お申し込みください」
 * 「路線バスご利用ください」「ホームページご覧ください」 (an honorific request or favour: で・を・に),
 * 「雨天場合」 (の), 「結果もとに」 (を).
 * @param {readonly import("./japanese-text.js").Token[]} tokens
 * @param {number} i
 * @returns {string | undefined} the particles that may be missing, for the message
 */
function droppedBeforeWord(tokens, i) {
  const noun = tokens[i];
  const [next, then, last] = [tokens[i + 1], tokens[i + 2], tokens[i + 3]];
  // 「駐車場ございます」「反省点ありましたが」: a thing that is there takes が (a count or a time does not:
  // 「3回あります」「今日あります」). A noun and its kanji suffix (駐車|場) are one noun.
  const polite = then?.basic_form === "ます" && ((next?.pos === "動詞" && next.basic_form === "ある") || next?.surface_form === "ござい");
  // 「ご質問ありましたら」「ご要望ございましたら」: an honorific noun before ある is a set phrase of letters.
  const head = kanjiSuffixOf(tokens, i) ? i - 1 : i;
  // 「関係ありません」「問題ございません」 are set phrases; 「3部門あります」 is a count.
  const setPhrase =
    tokens[head - 1]?.pos === "接頭詞" || tokens[head - 1]?.pos_detail_1 === "数" || (then?.surface_form === "ませ" && last?.surface_form === "ん");
  if (polite && (needsParticle(noun) || head < i) && noun?.pos_detail_1 !== "副詞可能" && !setPhrase) return "が";
  if (!needsParticle(noun) || /^一/u.test(noun?.surface_form ?? "")) return undefined;
  // 「結果もとに」: 〜をもとに takes any noun; the others not a time (「当日ご来場ください」「昨年場合」 is rare and not sure).
  if (next?.surface_form === "もと" && then?.surface_form === "に") return "を";
  if (noun?.pos_detail_1 === "副詞可能") return undefined;
  const request = (/** @type {import("./japanese-text.js").Token | undefined} */ t) => /^(?:くださ|下さ|いただ|頂)/u.test(t?.surface_form ?? "");
  // 「是非ご覧ください」: 是非 is the adverb (「ぜひ」), not a noun that lost its を.
  if (next?.surface_form === "ご覧" && request(then) && !/^(?:是非|ぜひ)$/u.test(noun?.surface_form ?? "")) return "を・で";
  const honorific =
    next?.pos === "接頭詞" &&
    /^[おご御]$/u.test(next.surface_form) &&
    ((then?.pos === "動詞" && then.conjugated_form === "連用形") || then?.pos_detail_1 === "サ変接続") &&
    request(last);
  if (honorific) return "を・で・に";
  if (next?.surface_form === "場合" && noun?.pos_detail_1 !== "サ変接続") return "の";
  return undefined;
}

/**
 * 「ゲームなど楽しみました」「事故など発生しませんでした」: 〜など straight before a verb (or a サ変 noun
 * used as one) lost its particle (「などを」「などが」). Not before する・できる (「掃除などする」).
 * @param {readonly import("./japanese-text.js").Token[]} tokens
 * @param {number} i the など
 */
function droppedAfterNado(tokens, i) {
  const [before, nado, next, then] = [tokens[i - 1], tokens[i], tokens[i + 1], tokens[i + 2]];
  if (nado?.surface_form !== "など" || nado.pos_detail_1 !== "副助詞" || before?.pos !== "名詞" || before.pos_detail_1 === "非自立") return false;
  if (next?.pos === "動詞" && next.pos_detail_1 === "自立") return !LINKING_VERBS.has(next.basic_form);
  return next?.pos_detail_1 === "サ変接続" && then?.pos === "動詞" && /^(?:する|できる|出来る)$/u.test(then.basic_form);
}

/**
 * 「予約なし使えます」「文句なし楽しめる」: 〜なし straight before a verb lost its で (「予約なしで」).
 * @param {readonly import("./japanese-text.js").Token[]} tokens
 * @param {number} i the なし
 */
function droppedAfterNashi(tokens, i) {
  const [before, nashi, next] = [tokens[i - 1], tokens[i], tokens[i + 1]];
  if (nashi?.surface_form !== "なし" || nashi.pos !== "形容詞" || before?.pos !== "名詞") return false;
  // An action done without (「予約なし」「申し込みなし」), not a pear (「日本なし」「洋なし」).
  if (before.pos_detail_1 !== "サ変接続" && !/^(?:申し込み|申込み|申込|断り|手続き|許可|会員証)$/u.test(before.surface_form)) return false;
  return next?.pos === "動詞" && next.pos_detail_1 === "自立" && next.word_type === "KNOWN" && !LINKING_VERBS.has(next.basic_form);
}

/**
 * 「大まかな調整して」「同じ体験しました」「新しい挑戦する」: a サ変 noun that a word describes is a
 * noun, so its する takes を (「大まかな調整をして」). Not after 「すごい」 (an adverb there: 「すごく」,
 * reported as such).
 * @param {readonly import("./japanese-text.js").Token[]} tokens
 * @param {number} i the サ変 noun
 */
function describedNounAsVerb(tokens, i) {
  const [before, noun, verb] = [tokens[i - 1], tokens[i], tokens[i + 1]];
  if (noun?.pos_detail_1 !== "サ変接続" || noun.word_type !== "KNOWN" || verb?.pos !== "動詞" || !/^(?:する|できる|出来る)$/u.test(verb.basic_form))
    return false;
  if (before?.pos === "助動詞" && before.surface_form === "な" && before.conjugated_form === "体言接続") return true;
  if (before?.pos === "連体詞") return !/^(?:この|その|あの|どの)$/u.test(before.surface_form);
  return before?.pos === "形容詞" && before.conjugated_form === "基本形" && !/^(?:すごい|ものすごい|凄い|物凄い)$/u.test(before.surface_form);
}

/**
 * Inside a reading in brackets (「焼尻島(やぎしりとう)」): kana that are not words of the sentence.
 * @param {string} text
 * @param {number} at
 */
function insideReading(text, at) {
  const open = Math.max(text.lastIndexOf("(", at), text.lastIndexOf("（", at));
  if (open < 0 || Math.max(text.lastIndexOf(")", at), text.lastIndexOf("）", at)) > open) return false;
  return /^[\u3041-\u309fー]+[)）]/u.test(text.slice(open + 1));
}

/**
 * Inside 「…」 or 『…』 on the same line: quoted speech keeps its speaker's dropped particles.
 * @param {string} text
 * @param {number} at
 */
function insideQuote(text, at) {
  return [
    ["「", "」"],
    ["『", "』"],
  ].some(([opener, closer]) => {
    const open = text.lastIndexOf(opener ?? "", at);
    return open >= 0 && text.lastIndexOf(closer ?? "", at) < open;
  });
}

module.exports = {
  droppedParticle,
  droppedBeforeNecessary,
  droppedBeforeWord,
  describedNounAsVerb,
  droppedAfterNado,
  droppedAfterNashi,
  insideQuote,
  insideReading,
  kanjiSuffixOf,
};
