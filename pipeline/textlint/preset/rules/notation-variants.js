// @ts-check
"use strict";
/**
 * 表記ゆれ within one article: the same word written two ways (「問い合わせ」「問合せ」,
 * 「漫画」「マンガ」, 「子供」「子ども」). Unlike ja-no-orthographic-variants, which compares spellings
 * from a dictionary without their part of speech, two spellings count as one word only when the
 * tokenizer reads them the same, as the same part of speech, and one is the other with kanji
 * written in kana (or different okurigana). That keeps 「増し」 apart from the auxiliary 「まし」,
 * 「屋」 from the particle 「や」 and 「取材時」 from 「とき」. Single characters are too ambiguous
 * (「中」「なか」, 「度」「たび」) and katakana for emphasis (「モノ・コト」) is a style, so both are
 * left alone; intentional pairs a city uses (「まち」 for the community, 「町」 in names) are
 * allowed through the `allow` option. The later spelling is fixed to the one the article uses most.
 */
const { tokenize } = require("./tokens.js");

const DEFAULT_ALLOW = [
  ["まち", "町", "街"],
  ["ひと", "人", "ヒト"],
  ["いう", "言う"],
  ["とき", "時"],
  ["こと", "事"],
  ["もの", "物", "者"],
];
const CONTENT = new Set(["名詞", "動詞", "形容詞", "副詞"]);
const SKIP_DETAIL = new Set(["非自立", "接尾", "数", "代名詞", "固有名詞"]);
/**
 * @typedef {import("@textlint/types").TextlintRuleContext} RuleContext
 * @typedef {import("@textlint/ast-node-types").TxtNode} TxtNode
 * @typedef {{ node: TxtNode; index: number; surface: string; pos: string; key: string }} Use
 */
/** @param {string} s */
const kanjiOf = (s) => [...s].filter((c) => /[\u3400-\u9fff々]/u.test(c)).join("");
/** @param {string} s */
const isKatakana = (s) => /^[\u30a0-\u30ffー]+$/u.test(s);
/** @param {string} s */
const isHiragana = (s) => /^[\u3040-\u309fー]+$/u.test(s);

/**
 * Whether `small`'s kanji are `large`'s in order, some written in kana.
 * @param {string} small
 * @param {string} large
 */
function isSubsequence(small, large) {
  let i = 0;
  for (const c of large) if (c === small[i]) i++;
  return i === small.length;
}

/** @param {string} a @param {string} b @param {string} pos */
function sameWord(a, b, pos) {
  // Short verb stems are homophones more often than variants (「いっ」 of 言う and 「行っ」 of 行く).
  const shortest = pos === "動詞" ? 3 : 2;
  if (a === b || [...a].length < shortest || [...b].length < shortest) return false;
  if ((isKatakana(a) && isHiragana(b)) || (isHiragana(a) && isKatakana(b))) return false;
  const ka = kanjiOf(a);
  const kb = kanjiOf(b);
  if (ka === "" && kb === "") return false;
  return ka.length <= kb.length ? isSubsequence(ka, kb) : isSubsequence(kb, ka);
}

/** What follows 「お話し」 used as a verb (「お話しする」「お話しいただく」「お話しください」). */
const VERB_AFTER = /^(?:する|いただく|頂く|くださる|下さる)$/u;
const OPEN = new Set(["(", "（"]);
const CLOSE = new Set([")", "）"]);
/** The last part of an office's or a facility's name (「こども家庭課」「子育て支援センター」). */
const NAME_ENDS = /^(?:課|係|室|部|局|園|館|所|センター|協議会|委員会)$/u;

/**
 * Spellings that are not a choice between two ways of writing one word:
 * - a reading in brackets after the word (「混沌（こんとん）」);
 * - the verb (「お話しして」: 「お話しする」) beside the noun (「お話」), both as the rules of 送り仮名 want;
 * - the first part of an office's name (「こども家庭課」), spelled as the office is named.
 * @param {readonly import("kuromojin").KuromojiToken[]} tokens
 * @param {number} i
 */
function notAVariant(tokens, i) {
  const t = tokens[i];
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  if (!t) return false;
  const kana = /^[\u3040-\u30ffー]+$/u.test(t.surface_form);
  if (kana && before && OPEN.has(before.surface_form) && after && CLOSE.has(after.surface_form) && /[\u3400-\u9fff々]/u.test(tokens[i - 2]?.surface_form ?? ""))
    return true;
  if (t.pos === "名詞" && t.pos_detail_1 === "サ変接続" && t.surface_form.endsWith("し") && VERB_AFTER.test(after?.basic_form ?? "")) return true;
  for (const next of tokens.slice(i + 1, i + 3)) if (next.pos_detail_1 === "接尾" && NAME_ENDS.test(next.surface_form)) return true;
  return false;
}

/**
 * @param {RuleContext} context
 * @param {{ allow?: string[][] }} [options]
 */
function reporter(context, options = {}) {
  const { Syntax, RuleError, report, getSource, fixer } = context;
  const allowed = (options.allow ?? DEFAULT_ALLOW).map((group) => new Set(group));
  /** @type {(a: string, b: string) => boolean} */
  const isAllowed = (a, b) => allowed.some((g) => [...g].some((w) => a.startsWith(w)) && [...g].some((w) => b.startsWith(w)));
  /** @type {Use[]} */
  const seen = [];
  // textlint runs DocumentExit before it awaits the Str handlers' promises: collect them here.
  /** @type {Promise<void>[]} */
  const pending = [];
  /** @param {TxtNode} node */
  const collect = async (node) => {
    const text = getSource(node);
    const tokens = await tokenize(text);
    for (const [i, t] of tokens.entries()) {
      if (!CONTENT.has(t.pos) || SKIP_DETAIL.has(t.pos_detail_1) || !t.reading || t.reading === "*" || notAVariant(tokens, i)) continue;
      seen.push({ node, index: t.word_position - 1, surface: t.surface_form, pos: t.pos, key: `${t.pos}|${t.pos_detail_1}|${t.reading}` });
    }
  };
  return {
    /** @param {TxtNode} node */
    [Syntax.Str](node) {
      pending.push(collect(node));
    },
    async [Syntax.DocumentExit]() {
      await Promise.all(pending);
      /** @type {Map<string, Use[]>} */
      const byKey = new Map();
      for (const s of seen) byKey.set(s.key, [...(byKey.get(s.key) ?? []), s]);
      for (const uses of byKey.values()) {
        /** @type {Map<string, number>} */
        const counts = new Map();
        for (const u of uses) counts.set(u.surface, (counts.get(u.surface) ?? 0) + 1);
        if (counts.size < 2) continue;
        // The spelling the article uses most (the first one on a tie) is the one to keep.
        const [keep] = /** @type {[string, number]} */ ([...counts].sort((x, y) => y[1] - x[1])[0]);
        for (const u of uses) {
          if (u.surface === keep || !sameWord(u.surface, keep, u.pos) || isAllowed(u.surface, keep)) continue;
          report(
            u.node,
            new RuleError(`「${u.surface}」と「${keep}」の表記が混ざっています。この記事では「${keep}」にそろえます。`, {
              index: u.index,
              fix: fixer.replaceTextRange([u.index, u.index + u.surface.length], keep),
            }),
          );
        }
      }
    },
  };
}
module.exports = { linter: reporter, fixer: reporter };
