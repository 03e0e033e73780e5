// @ts-check
"use strict";
/**
 * A verb's stem + 方 (かた: 「作り方」「使い方」) is a noun, and the particles around it are a noun's
 * (part of kawaraban/likely-mistakes, warnings, each with its fix):
 * - を before it is の (「血圧を測り方」→「血圧の測り方」);
 * - a noun straight before it lacks の (「消火器使い方」→「消火器の使い方」);
 * - a verb straight after it lacks を (「作り方学べる」→「作り方を学べる」).
 * The tokenizer reads the method either as one noun (「使い方」) or as a stem and 方 (「焼き|方」).
 */
const { kanjiSuffixOf } = require("./dropped-particles.js");

/** @typedef {import("./japanese-text.js").Token} Token */

/** 方 read かた, as its own token after a stem. @param {Token | undefined} t */
const methodSuffix = (t) => t?.surface_form === "方" && t.pos_detail_1 === "接尾" && t.reading === "カタ";
/** 「使い方」 read as one noun. @param {Token | undefined} t */
const methodWord = (t) => t?.pos === "名詞" && /[^方]方$/u.test(t.surface_form) && /カタ$/u.test(t.reading ?? "");
/** A noun that needs a particle before a method: known, not a number or a suffix of its own. @param {Token | undefined} t */
const plainNoun = (t) => t?.pos === "名詞" && /^(?:一般|サ変接続|固有名詞)$/u.test(t.pos_detail_1) && t.word_type === "KNOWN";

/**
 * Reports the three slips at `tokens[i]`.
 * @param {readonly Token[]} tokens
 * @param {number} i
 * @param {import("./japanese-text.js").Found} found
 */
function methodNouns(tokens, i, found) {
  const [before, prev, token, next] = [tokens[i - 2], tokens[i - 1], tokens[i], tokens[i + 1]];
  if (!prev || !token) return;
  const at = token.word_position - 1;
  // 「血圧を測り方」: を, a stem, then 方.
  if (methodSuffix(token) && prev.pos === "動詞" && prev.conjugated_form === "連用形" && before?.surface_form === "を" && before.pos_detail_1 === "格助詞") {
    found(before.word_position - 1, `「を${prev.surface_form}方」の「を」は「の」です（「〜方」は名詞です）。`, { replace: 1, text: "の" });
  }
  // 「消火器使い方」「ごみ出し方」: a noun, then the method (a kanji stem and 方, not 「したい|方」, a person).
  const stemAndMethod = token.pos === "動詞" && token.conjugated_form === "連用形" && /[\u4e00-\u9fff]/u.test(token.surface_form) && methodSuffix(next);
  const noun = kanjiSuffixOf(tokens, i - 1) ? before : prev;
  if ((methodWord(token) || stemAndMethod) && plainNoun(noun)) {
    const words = `${kanjiSuffixOf(tokens, i - 1) ? (before?.surface_form ?? "") : ""}${prev.surface_form}`;
    found(at, `「${words}」と「${token.surface_form}${stemAndMethod ? "方" : ""}」の間の「の」が抜けていませんか。`, { insert: "の" });
  }
  // 「作り方学べる」「焼き|方|習える」: the method, then a verb that takes it as its object.
  const method = methodWord(prev) || methodSuffix(prev);
  if (method && token.pos === "動詞" && token.pos_detail_1 === "自立" && !/^(?:する|なる|ある|いる|できる|出来る)$/u.test(token.basic_form)) {
    const words = `${methodSuffix(prev) ? (before?.surface_form ?? "") : ""}${prev.surface_form}`;
    found(at, `「${words}」と「${token.surface_form}」の間の「を」が抜けていませんか。`, { insert: "を" });
  }
}

module.exports = { methodNouns };
