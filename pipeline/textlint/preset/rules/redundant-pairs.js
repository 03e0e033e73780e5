// @ts-check
"use strict";
/**
 * 重言 of a noun and the verb it takes (part of kawaraban/likely-mistakes, warnings): the verb says
 * again what a kanji of the noun already says — 「進行を進める」「被害を被る」「犯罪を犯す」
 * 「出店が出される」「頭痛が痛い」「開始を始める」 — for any noun and verb, not a list of pairs.
 * A noun that names the thing the verb makes or uses (「作品を作る」「書類を書く」「建物を建てる」)
 * is its object, not a repetition, and 「行事を行う」「都合が合う」「歩道を歩く」「囲炉裏を囲む」 are
 * the usual words: those verbs are not reported. Pairs the certain list knows are reported there.
 */
const { coveredByCertain } = require("./phrases-certain.js");

/** @typedef {import("./japanese-text.js").Token} Token */

/** Verbs whose object is what they make, hold or perform: 「作品を作る」「歌詞を歌う」 are right. */
const MAKING =
  /^(?:作る|造る|創る|書く|描く|建てる|植える|歌う|踊る|見る|聞く|聴く|言う|話す|着る|結ぶ|折る|編む|組む|刻む|包む|貼る|乗る|入る|食べる|飲む|読む|撮る|写す|釣る|打つ|焼く|煮る|切る|走る|飛ぶ|泳ぐ|祝う|祭る|願う|守る|学ぶ|教える|習う|練る|生きる|住む|使う|送る|届ける|配る|積む|投げる|通う|決める|行う|出来る|合う|歩く|囲む|灯る|咲く|降る|吹く|楽しむ|味わう)$/u;
/** Adjectives of size and age that any noun may take: 「大会を大きくする」 is right. */
const PLAIN_ADJECTIVES = /^(?:大きい|小さい|高い|低い|新しい|古い|長い|短い|多い|少ない|早い|速い|強い|弱い|良い|よい)$/u;

/**
 * @param {readonly Token[]} tokens
 * @param {number} i the verb or adjective
 * @param {import("./japanese-text.js").Found} found
 */
function redundantPair(tokens, i, found) {
  const [noun, particle, word] = [tokens[i - 2], tokens[i - 1], tokens[i]];
  if (!noun || !particle || !word || noun.pos !== "名詞" || !/^(?:一般|サ変接続)$/u.test(noun.pos_detail_1)) return;
  if (particle.pos !== "助詞" || !/^[をがも]$/u.test(particle.surface_form)) return;
  const verb = word.pos === "動詞" && word.pos_detail_1 === "自立" && !MAKING.test(word.basic_form);
  const adjective = word.pos === "形容詞" && word.pos_detail_1 === "自立" && !PLAIN_ADJECTIVES.test(word.basic_form);
  if (!verb && !adjective) return;
  const kanji = word.surface_form[0] ?? "";
  // Two kanji or more in the noun, one of them the verb's: 「歌を歌う」 (one kanji) is Japanese.
  if (!/^[\u4e00-\u9fff]$/u.test(kanji) || !/^[\u4e00-\u9fff]{2,}$/u.test(noun.surface_form) || !noun.surface_form.includes(kanji)) return;
  // 「着物を着せる」: the verb's kanji and a word for a thing (物・品・具…) name what the verb makes or
  // wears, whatever the verb (MAKING lists the verbs whose every object is theirs: 着る, 作る, 建てる).
  if (new RegExp(`^${kanji}[物品類具器木]$`, "u").test(noun.surface_form)) return;
  const words = `${noun.surface_form}${particle.surface_form}${word.surface_form}`;
  if (coveredByCertain(words)) return;
  const instead = noun.pos_detail_1 === "サ変接続" ? `「${noun.surface_form}する」のように` : "";
  found(
    noun.word_position - 1,
    `「${words}」は「${kanji}」の意味が重なっています（重言）。${instead}言い方を変えます。`,
    undefined,
    noun.surface_form.length + particle.surface_form.length + word.surface_form.length,
  );
}

/** Adverbs (and adverbial nouns) of time or certainty whose kanji a following word may say again. */
const ADVERBS = /^(?:途中|後|後で|必ず|予め|最初|元々|再び|未だ|既に|全て|改めて|初めて|前もって)$/u;

/**
 * 「途中で中断」「後で後悔」「必ず必要」「予め予約」「再び再開」: an adverb, then (after で or に, or
 * straight) a サ変 or adjectival noun with one of its kanji — the noun already says it (重言).
 * @param {readonly Token[]} tokens
 * @param {number} i the noun
 * @param {import("./japanese-text.js").Found} found
 */
function redundantAdverb(tokens, i, found) {
  const word = tokens[i];
  if (word?.pos !== "名詞" || !/^(?:サ変接続|形容動詞語幹)$/u.test(word.pos_detail_1)) return;
  const particle = /^[でに]$/u.test(tokens[i - 1]?.surface_form ?? "") && tokens[i - 1]?.pos === "助詞";
  const adverb = tokens[particle ? i - 2 : i - 1];
  if (!adverb || !ADVERBS.test(adverb.surface_form)) return;
  const shared = [...adverb.surface_form].find((c) => /[\u4e00-\u9fff]/u.test(c) && word.surface_form.includes(c));
  if (!shared) return;
  const words = tokens
    .slice(particle ? i - 2 : i - 1, i + 1)
    .map((t) => t.surface_form)
    .join("");
  if (coveredByCertain(words)) return;
  found(adverb.word_position - 1, `「${words}」は「${shared}」の意味が重なっています（重言）。どちらか一方にします。`, undefined, words.length);
}

module.exports = { redundantPair, redundantAdverb };
