// @ts-check
"use strict";
/**
 * Sequences the tokenizer shows cannot be Japanese, whatever the words (part of
 * kawaraban/likely-mistakes, warnings): a noun straight before ます (「意見交換ました」 for
 * 「意見交換しました」), 安い after a verb's stem (「見つけ安い」 for 「見つけやすい」), and two case
 * particles in a row (「ことをは」), an adjective's ending added twice (「強いければ」「楽しいかった」
 * 「行きたいくて」「いませんかった」).
 */

const { godanMizen } = require("./japanese-text.js");
const { lookWithSou } = require("./look-sou.js");

/** Case particle pairs no sentence has (「には」「では」「とは」「をも」 are right and not listed). */
const PARTICLE_PAIRS = new Set([
  ...["をは", "をが", "がを", "はを", "はが", "をに", "でを", "はも", "もは", "がは", "にが", "にを", "にの"],
  // Two case particles where one place takes only one (「学習室でにて」「会場にで」「駅へを」).
  ...["でに", "でにて", "にで", "にへ", "へに", "へで", "でへ", "がで", "でが", "をで", "へを", "をへ", "がに", "へが", "をにて", "がにて", "がの"],
  // The same case particle on both sides of も (「サイトでもで」「町にもに」).
  ...["でもで", "にもに", "へもへ", "からもから"],
  // A topic before の (「分校はの先生」): not 「ここではの」, said on purpose.
  "はの",
  // A case particle before a compound one (「手順をについて」「市がとして」).
  ...["を", "が", "で"].flatMap((p) => ["について", "として", "に対して", "にとって", "によって", "に関して", "において"].map((c) => `${p}${c}`)),
]);

/**
 * @param {import("./japanese-text.js").Token} prev
 * @param {import("./japanese-text.js").Token} token
 * @param {number} at where `token` starts in the text
 * @param {import("./japanese-text.js").Found} found
 * @param {import("./japanese-text.js").Token} [next]
 * @param {import("./japanese-text.js").Token} [before] the token before `prev`
 * @param {import("./japanese-text.js").Token} [afterNext] the token after `next`
 */
function tokenSlips(prev, token, at, found, next, before, afterNext) {
  doubledEnding(prev, token, at, found, next);
  // 「少なかれば」: ば takes an adjective's conditional (けれ); かれ is the old imperative (「多かれ少なかれ」).
  if (prev.pos === "形容詞" && String(prev.conjugated_form).startsWith("命令") && token.pos === "助詞" && token.surface_form === "ば") {
    const right = `${prev.surface_form.slice(0, -2)}ければ`;
    found(prev.word_position - 1 + prev.surface_form.length - 2, `「${prev.surface_form}ば」は「${right}」です。`, { replace: 2, text: "けれ" }, 3);
  }
  droppedTe(prev, token, at, found);
  // 「良いすぎて」「高いすぎる」: すぎる follows an adjective's stem (「良すぎて」「高すぎる」).
  if (prev.pos === "形容詞" && prev.conjugated_form === "基本形" && token.basic_form === "すぎる" && token.pos_detail_1 === "非自立") {
    const stem = /^(?:いい|よい|良い)$/u.test(prev.surface_form)
      ? `${prev.surface_form === "いい" ? "よ" : prev.surface_form.slice(0, -1)}さ`
      : prev.surface_form.slice(0, -1);
    found(
      prev.word_position - 1,
      `「${prev.surface_form}${token.surface_form}」は「${stem}${token.surface_form}」です。`,
      { replace: prev.surface_form.length, text: stem },
      prev.surface_form.length + token.surface_form.length,
    );
  }
  voicedAfterN(prev, token, at, found);
  brokenVerb(prev, token, at, found, next);
  // 「伝えるともに」「であるともに」: ともに after a clause takes と (「伝えるとともに」).
  const together = token.surface_form === "ともに" || (token.surface_form === "とも" && next?.surface_form === "に");
  if (together && (prev.pos === "動詞" || prev.pos === "助動詞") && prev.conjugated_form === "基本形") missingKana(prev, token, at, "と", found);
  droppedI(prev, token, at, found);
  // 「おこなわている」: a 五段 verb's 未然形 takes no て; the passive れ is missing (「おこなわれている」).
  if (godanMizen(prev) && token.surface_form === "て" && token.pos === "助詞") {
    missingKana(prev, token, at, "れ", found);
  }
  // 「中止しざるを得ない」「気にしずに」: する's form before ず・ざる・ぬ is せ.
  if (prev.conjugated_type === "サ変・スル" && prev.surface_form === "し" && token.pos === "助動詞" && token.conjugated_type === "特殊・ヌ") {
    found(
      prev.word_position - 1,
      `「し${token.surface_form}」は「せ${token.surface_form}」です（「する」の打ち消しは「せず」「せざる」）。`,
      { replace: 1, text: "せ" },
      1 + token.surface_form.length,
    );
  }
  // 「少ないでした」: an adjective takes its own past (少なかった) before です, not でした.
  if (prev.pos === "形容詞" && prev.conjugated_form === "基本形" && token.surface_form === "でし" && next?.surface_form === "た") {
    const stem = /^(?:いい|よい)$/u.test(prev.surface_form) ? "よ" : prev.surface_form.slice(0, -1);
    const right = `${stem}かったです`;
    found(
      prev.word_position - 1,
      `「${prev.surface_form}でした」は「${right}」です。`,
      { replace: prev.surface_form.length + 3, text: right },
      prev.surface_form.length + 3,
    );
  }
  // 「減ったいう話」: a clause before いう takes と (「減ったという」).
  if (prev.pos === "助動詞" && prev.surface_form === "た" && token.pos_detail_1 === "自立" && /^(?:いう|言う)$/u.test(token.basic_form)) {
    missingKana(prev, token, at, "と", found);
  }
  lookWithSou(prev, token, found, next, afterNext);
  // 「列ができいました」「仕上げくれました」: an 一段 verb's stem straight before いる or a helper verb lost its て.
  if (
    prev.pos === "動詞" &&
    prev.conjugated_type === "一段" &&
    prev.conjugated_form === "連用形" &&
    token.pos === "動詞" &&
    helperAfterStem(prev, token, next)
  ) {
    missingKana(prev, token, at, "て", found);
  }
  // 「用意ししたり」: する's stem typed twice after a サ変 noun (「手渡ししました」 is the noun 手渡し and する).
  if (
    before?.pos === "名詞" &&
    before.pos_detail_1 === "サ変接続" &&
    prev.surface_form === "し" &&
    prev.basic_form === "する" &&
    token.surface_form === "し" &&
    token.basic_form === "する"
  ) {
    found(at, `「${before.surface_form}しし」の「し」が 1 つ多いのではありませんか。`, { remove: 1 });
  }
  // 「参加しいただいて」「説明しくださった」: する's stem before a helper verb lost its て (「ご参加いただく」
  // takes no し at all; either way this form is none).
  if (
    prev.pos === "動詞" &&
    prev.basic_form === "する" &&
    prev.surface_form === "し" &&
    token.pos === "動詞" &&
    token.pos_detail_1 === "非自立" &&
    /^(?:いただく|頂く|くださる|下さる|くれる|もらう)$/u.test(token.basic_form)
  ) {
    missingKana(prev, token, at, "て", found);
  }
  // ます follows a verb's stem only: after a サ変 noun the し is missing, after another noun the verb.
  // A lone kana read as a noun is a word the tokenizer cut (「奉げました」), not a noun.
  const cutKana = /^[\u3040-\u309f]$/u.test(prev.surface_form);
  if (
    token.pos === "助動詞" &&
    token.basic_form === "ます" &&
    prev.pos === "名詞" &&
    prev.word_type === "KNOWN" &&
    prev.pos_detail_1 !== "非自立" &&
    !cutKana
  ) {
    if (prev.pos_detail_1 === "サ変接続") {
      missingKana(prev, token, at, "し", found);
    } else {
      found(at, `「${prev.surface_form}」と「${token.surface_form}」の間に言葉が抜けていませんか（「ます」は動詞に付きます）。`);
    }
  }
  // 「見つけ安い」「分かり安い」: 〜やすい (easy to) after a verb's stem is written in kana.
  if (token.pos === "形容詞" && token.surface_form.startsWith("安") && verbStem(prev)) {
    found(at, `動詞に付く「〜やすい」（しやすい）は、「安い」ではなく「やすい」と書きます。`, { replace: 1, text: "やす" });
  }
  // 「広場にで、」: the tokenizer reads a で after a case particle as the copula; no copula follows one either.
  const particle = token.pos === "助詞" || (token.pos === "助動詞" && token.surface_form === "で" && prev.pos_detail_1 === "格助詞");
  // 「肉じゃがの」: the tokenizer cut a kana noun (じゃ|が); が after a particle is no subject's.
  const exempt =
    (prev.surface_form === "が" && token.surface_form === "の" && before?.pos !== "名詞") || (prev.surface_form === "は" && before?.surface_form === "で");
  if (prev.pos === "助詞" && particle && !exempt && PARTICLE_PAIRS.has(prev.surface_form + token.surface_form)) {
    found(prev.word_position - 1, `「${prev.surface_form}${token.surface_form}」と助詞が重なっています。どちらか一方にします。`, undefined, 2);
  }
}

/**
 * An adjective-like word (形容詞, 〜たい, 〜ない, 〜ません) in its dictionary form, then its
 * て/ば/た ending as if the い were the stem's: 「強いければ」 (強い|けれ), 「いませんかった」
 * (ん|かっ), or, split by the tokenizer the other way, 「楽しいかった」「行きたいくて」「知らない
 * かった」 (the stem 楽し・た・な, then いかっ/いく/いけれ read as a verb). The い is removed (「ません
 * かった」 becomes 「ませんでした」).
 * @param {import("./japanese-text.js").Token} prev
 * @param {import("./japanese-text.js").Token} token
 * @param {number} at
 * @param {import("./japanese-text.js").Found} found
 * @param {import("./japanese-text.js").Token} [next]
 */
function doubledEnding(prev, token, at, found, next) {
  const full = prev.conjugated_form === "基本形" && (prev.pos === "形容詞" || (prev.pos === "助動詞" && /^(?:たい|ない)$/u.test(prev.basic_form)));
  const ending = `${token.surface_form}|${next?.surface_form ?? ""}`;
  if (full && /^(?:く\|[てな]|くて\||かっ\|た|かった\||けれ\|ば)/u.test(ending)) {
    found(at - 1, `「${prev.surface_form}${token.surface_form}${next?.surface_form}」は活用の誤りではありませんか（「い」が余分です）。`, { remove: 1 });
  } else if (prev.pos === "助動詞" && prev.surface_form === "ん" && /^かっ/u.test(token.surface_form) && next?.surface_form === "た") {
    found(at, "「〜ませんかった」は「〜ませんでした」です。", { replace: 3, text: "でした" }, 3);
  } else if (
    // The stem 楽し・た (〜たい)・な (〜ない), 〜たい read as the past た (「見たいかった」), 暖か.
    (prev.conjugated_form === "ガル接続" ||
      (prev.pos === "助動詞" && prev.surface_form === "た") ||
      (prev.pos_detail_1 === "形容動詞語幹" && prev.surface_form.endsWith("か"))) &&
    /^い(?:く|かっ|けれ)$/u.test(token.surface_form) &&
    /^(?:て|ば|た|ない|なり|なる|なっ|なれ|なら)$/u.test(next?.surface_form ?? "")
  ) {
    found(at, `「${prev.surface_form}${token.surface_form}${next?.surface_form}」は活用の誤りではありませんか（「い」が余分です）。`, { remove: 1 });
  }
}

/**
 * A 五段 verb's 音便 form (「聞い」「行っ」「遊ん」) straight before a helper verb (みる・いる・
 * おく・しまう…) lost its て (で after ん): 「聞いみよう」「行っみました」. Only before a helper:
 * the tokenizer reads many words as an 音便 form (「ほっこり」「駆けっこ」「ねっ！」).
 * @param {import("./japanese-text.js").Token} prev
 * @param {import("./japanese-text.js").Token} token
 * @param {number} at
 * @param {import("./japanese-text.js").Found} found
 */
function droppedTe(prev, token, at, found) {
  if (prev.pos !== "動詞" || prev.conjugated_form !== "連用タ接続" || !String(prev.conjugated_type).startsWith("五段")) return;
  // A kanji stem (「聞い」「行っ」): kana ones are mostly words the tokenizer cut (「とっかかり」「芋っこ」).
  if (!/^[\u4e00-\u9fff]+[いっん]$/u.test(prev.surface_form)) return;
  if (token.pos !== "動詞" || token.pos_detail_1 !== "非自立" || /^[てでただちじとど]/u.test(token.surface_form)) return;
  const te = prev.surface_form.endsWith("ん") ? "で" : "て";
  missingKana(prev, token, at, te, found);
}

/**
 * The verbs that follow a て form, after an 一段 stem: いる (「見い出す」, みいだす, is a word of its
 * own), and the helpers くれる・もらう・しまう・おく・あげる after a kanji stem (a kana stem is a word
 * the tokenizer cut; not いただく: 「お買い求めいただく」 is the honorific お〜いただく).
 * @param {import("./japanese-text.js").Token} prev
 * @param {import("./japanese-text.js").Token} token
 * @param {import("./japanese-text.js").Token} [next]
 */
function helperAfterStem(prev, token, next) {
  if (token.basic_form === "いる") return !/^[出だ]/u.test(next?.surface_form ?? "");
  return token.pos_detail_1 === "非自立" && /^(?:くれる|もらう|しまう|おく|あげる|おる)$/u.test(token.basic_form) && /[\u4e00-\u9fff]/u.test(prev.surface_form);
}

/**
 * Reports the kana left out between two words (「できいました」 → て, 「清掃ました」 → し), with its insertion.
 * @param {import("./japanese-text.js").Token} prev
 * @param {import("./japanese-text.js").Token} token
 * @param {number} at where `token` starts
 * @param {string} kana
 * @param {import("./japanese-text.js").Found} found
 */
function missingKana(prev, token, at, kana, found) {
  found(at, `「${prev.surface_form}${token.surface_form}」は「${prev.surface_form}${kana}${token.surface_form}」の「${kana}」が抜けていませんか。`, {
    insert: kana,
  });
}

/**
 * A verb's stem, also where the tokenizer read it as a noun (「歩き」「住み」: kanji, then the stem's い-row kana).
 * @param {import("./japanese-text.js").Token} token
 */
function verbStem(token) {
  if (token.pos === "動詞") return token.conjugated_form === "連用形";
  return token.pos === "名詞" && /^[\u4e00-\u9fff]+[いきぎしじちにひびみり]$/u.test(token.surface_form);
}

/**
 * A verb whose ending broke: 「取り組みる」 (a 五段 verb's stem, then る: 「取り組む」), 「付るために」
 * (a kanji read as a noun, then the classical る the tokenizer falls back on: 「付けるために」), and
 * 「新鮮さな」 (さ between a な-adjective and its な).
 * @param {import("./japanese-text.js").Token} prev
 * @param {import("./japanese-text.js").Token} token
 * @param {number} at
 * @param {import("./japanese-text.js").Found} found
 * @param {import("./japanese-text.js").Token} [next]
 */
function brokenVerb(prev, token, at, found, next) {
  const start = prev.word_position - 1;
  if (
    prev.pos === "動詞" &&
    prev.conjugated_type.startsWith("五段") &&
    prev.conjugated_form === "連用形" &&
    token.surface_form === "る" &&
    token.pos === "動詞"
  ) {
    found(
      start,
      `「${prev.surface_form}る」は動詞の形が崩れています（「${prev.basic_form}」ではありませんか）。`,
      { replace: prev.surface_form.length + 1, text: prev.basic_form },
      prev.surface_form.length + 1,
    );
  } else if (prev.pos === "名詞" && /^[\u4e00-\u9fff]$/u.test(prev.surface_form) && token.conjugated_type === "文語・リ") {
    found(start, `「${prev.surface_form}${token.surface_form}」は送りがなが抜けていませんか。`, undefined, 1 + token.surface_form.length);
  } else if (
    prev.pos_detail_1 === "形容動詞語幹" &&
    token.surface_form === "さ" &&
    token.pos_detail_1 === "接尾" &&
    next?.surface_form === "な" &&
    next.pos === "助動詞"
  ) {
    found(at, `「${prev.surface_form}さ${next?.surface_form}」の「さ」は要りません（「${prev.surface_form}${next?.surface_form}」）。`, { remove: 1 }, 1);
  }
}

/**
 * 「楽しんた」「読んて」「泳いた」: after the ん of a マ・バ・ナ行 verb and the い of a ガ行 verb, た
 * and て are voiced (「楽しんだ」「読んで」「泳いだ」), whatever the verb.
 * @param {import("./japanese-text.js").Token} prev
 * @param {import("./japanese-text.js").Token} token
 * @param {number} at
 * @param {import("./japanese-text.js").Found} found
 */
function voicedAfterN(prev, token, at, found) {
  if (prev.pos !== "動詞" || prev.conjugated_form !== "連用タ接続" || !/^五段・[マバナガ]行$/u.test(prev.conjugated_type)) return;
  const unvoiced = (token.pos === "助動詞" && token.surface_form === "た") || (token.pos === "助詞" && token.surface_form === "て");
  if (!unvoiced) return;
  const voiced = token.surface_form === "た" ? "だ" : "で";
  found(at, `「${prev.surface_form}${token.surface_form}」は「${prev.surface_form}${voiced}」です。`, { replace: 1, text: voiced }, 1);
}

/**
 * 「懐かし気持ち」「知らな人」: an adjective's stem, or ない's, straight before a noun has lost its
 * い (「懐かしい気持ち」「知らない人」). 「懐かしの歌」 (の) is right and not reported.
 * @param {import("./japanese-text.js").Token} prev
 * @param {import("./japanese-text.js").Token} token
 * @param {number} at
 * @param {import("./japanese-text.js").Found} found
 */
function droppedI(prev, token, at, found) {
  // A noun that starts with a kanji or katakana: a lone kana or a mark read as a noun (「愉しむ」「おいし~く」) is a word cut.
  if (
    prev.conjugated_form !== "ガル接続" ||
    token.pos !== "名詞" ||
    token.pos_detail_1 === "接尾" ||
    // 「楽し気な」「寂し気に」: 気 read げ makes the stem an adjectival noun.
    token.surface_form === "気" ||
    !/^[\u4e00-\u9fff\u30a1-\u30fa]/u.test(token.surface_form)
  )
    return;
  const adjective = prev.pos === "形容詞" && prev.surface_form.endsWith("し");
  const negative = prev.pos === "助動詞" && prev.surface_form === "な" && prev.conjugated_type === "特殊・ナイ";
  if (adjective || negative) missingKana(prev, token, at, "い", found);
}

module.exports = { tokenSlips };
