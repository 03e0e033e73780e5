// @ts-check
"use strict";
/**
 * 二重敬語 made with the honorific れる (「おっしゃられた」「ご覧になられます」「召し上がられる」):
 * found by the verb's form, with a fix that keeps the form (「おっしゃいました」). verb-forms reports
 * STRICT as errors, likely-mistakes TOLERATED as warnings.
 */

/** @typedef {import("./japanese-text.js").Token} Token */

/**
 * 尊敬語 verbs (ラ行 五段) that need no 「れる」, and 〜になる after an honorific noun: verb-forms
 * reports these as errors. なさる and くださる are read as なす / くだす.
 */
const STRICT = { verbs: new Set(["おっしゃる", "いらっしゃる"]), naru: true };
/**
 * 「召し上がられる」 is as doubled, but polite writing uses it widely (four of 360 blind articles,
 * none marked by their annotators): likely-mistakes warns about it instead.
 */
const TOLERATED = { verbs: new Set(["召し上がる", "めしあがる"]), naru: false };
/** Their 連用形 before ます is い: 「おっしゃいます」. */
const I_BEFORE_MASU = new Set(["おっしゃる", "いらっしゃる"]);

/** @param {Token | undefined} t @param {Token | undefined} before */
const honorificPrefixed = (t, before) =>
  (t !== undefined && /^[おご御]/u.test(t.surface_form) && t.pos === "名詞") ||
  (before !== undefined && before.pos === "接頭詞" && /^[おご御]$/u.test(before.surface_form));

/**
 * The ラ行 verb `verb` in the form the honorific 「れる」 (`reru`) had before `next`.
 * @param {string} verb
 * @param {Token} reru
 * @param {Token | undefined} next
 */
function withoutReru(verb, reru, next) {
  const stem = verb.slice(0, -1);
  switch (reru.conjugated_form) {
    case "基本形":
      return verb;
    case "未然形":
      return `${stem}ら`;
    case "仮定形":
      return `${stem}れ`;
    case "連用形":
      if (next && (next.basic_form === "た" || (next.pos === "助詞" && /^(?:て|たり)$/u.test(next.surface_form)))) return `${stem}っ`;
      return `${stem}${I_BEFORE_MASU.has(verb) ? "い" : "り"}`;
    default:
      return undefined;
  }
}

/**
 * 「おっしゃられた」「ご覧になられます」: where the doubled honorific starts, or undefined.
 * @param {Token} prev @param {Token} token @param {readonly Token[]} tokens @param {number} i
 * @param {{ verbs: Set<string>, naru: boolean }} kind which honorifics to look for
 */
function doubleHonorific(prev, token, tokens, i, kind) {
  if (token.pos_detail_1 !== "接尾" || token.basic_form !== "れる" || prev.conjugated_form !== "未然形") return undefined;
  if (!String(prev.conjugated_type).startsWith("五段・ラ行")) return undefined;
  if (kind.verbs.has(prev.basic_form)) return i - 1;
  if (!kind.naru || prev.basic_form !== "なる" || tokens[i - 2]?.surface_form !== "に") return undefined;
  // The honorific's word before に: up to three pieces, as the tokenizer cut it (「お|引き|取り」,
  // 「お召|し」 with the stem's last kana read as する).
  for (let j = i - 3; j >= i - 5; j--) {
    const piece = tokens[j];
    // A noun (not a count: 「御年86歳になられた」 is なる's own honorific) or a verb's stem (「お|出かけ」).
    const part =
      (piece?.pos === "名詞" && piece.pos_detail_1 !== "数") ||
      (piece?.pos === "動詞" && piece.conjugated_form === "連用形") ||
      (piece?.surface_form === "し" && piece.basic_form === "する");
    if (!part) return undefined;
    if (honorificPrefixed(piece, tokens[j - 1])) return tokens[j - 1]?.pos === "接頭詞" ? j - 1 : j;
  }
  return undefined;
}

/**
 * Reports a doubled honorific at `tokens[i]` (the honorific れる) with its fix.
 * @param {Token} prev @param {Token} token @param {readonly Token[]} tokens @param {number} i
 * @param {import("./japanese-text.js").Found} found
 * @param {{ verbs: Set<string>, naru: boolean }} kind
 */
function reportDoubleHonorific(prev, token, tokens, i, found, kind) {
  const from = doubleHonorific(prev, token, tokens, i, kind);
  if (from === undefined) return;
  const right = withoutReru(prev.basic_form, token, tokens[i + 1]);
  const words = tokens
    .slice(from, i - 1)
    .map((t) => t.surface_form)
    .join("");
  const next = tokens[i + 1];
  const after = next && (next.pos === "助動詞" || next.pos === "助詞") ? next.surface_form : "";
  const length = prev.surface_form.length + token.surface_form.length;
  found(
    prev.word_position - 1,
    `「${words}${prev.surface_form}${token.surface_form}${after}」は二重敬語です。${right ? `「${words}${right}${after}」と書きます。` : "「れる・られる」を付けずに書きます。"}`,
    right ? { replace: length, text: right } : undefined,
    length,
  );
}

module.exports = { reportDoubleHonorific, STRICT, TOLERATED };
