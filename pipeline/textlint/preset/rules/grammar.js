// @ts-check
"use strict";
/**
 * Sequences Japanese grammar does not allow, found on the tokenizer's part of speech and
 * conjugation — each one a slip of the keyboard or of the conversion, never a style:
 * - a compound case particle followed by another (「講座としてを実施」「町についてが」);
 * - a 五段 verb's plain 連用形 before て/た/たり where it takes its 音便 (「気付きていない」→「気付いて」,
 *   「踊りたり」→「踊ったり」; サ行 verbs have no 音便: 「話して」 is right), with the 音便 as the fix;
 * - an 音便 form before ます (「いただいました」→「いただきました」);
 * - 「でしょか」 (「でしょうか」), and the past た before ます (「したました」);
 * - a closing bracket (」』】）〕) with no opening one before it in the paragraph (a quotation over several
 *   paragraphs is understood by the kawaraban filter).
 */
const { textRule, eachTokenPair } = require("./japanese-text.js");
const { EUPHONY } = require("./verb-euphony.js");
const { insideQuote } = require("./dropped-particles.js");

const COMPOUND_PARTICLES = new Set(["として", "について", "に対して", "にとって", "によって", "に関して", "において", "にかけて"]);

const tokenRule = textRule(async (/** @type {string} */ text, /** @type {import("./japanese-text.js").Found} */ found) => {
  const tokens = await eachTokenPair(text, (prev, token, all, i) => {
    const at = token.word_position - 1;
    if (
      COMPOUND_PARTICLES.has(prev.surface_form) &&
      prev.pos === "助詞" &&
      token.pos === "助詞" &&
      token.pos_detail_1 === "格助詞" &&
      /^[をが]$/.test(token.surface_form)
    ) {
      found(at, `「${prev.surface_form}${token.surface_form}」と助詞が続いています。「${token.surface_form}」を消すか、言い方を直してください。`, {
        remove: 1,
      });
    }
    // 「したました」「行ったます」: the past た, then ます — one of them was typed by mistake. た must
    // follow a verb or an ending: after a comma it is a word the tokenizer cut (「焼きそば、たません」).
    const verbBefore = /^(?:動詞|助動詞)$/u.test(all[i - 2]?.pos ?? "");
    if (verbBefore && prev.pos === "助動詞" && prev.surface_form === "た" && token.pos === "助動詞" && token.basic_form === "ます") {
      found(prev.word_position - 1, `「た${token.surface_form}」と過去の形が重なっています。「た」を消してください。`, { remove: 1 });
    }
    if (
      prev.pos === "動詞" &&
      prev.conjugated_form === "連用タ接続" &&
      token.pos === "助動詞" &&
      token.basic_form === "ます" &&
      /[いっん]$/.test(prev.surface_form)
    ) {
      found(
        prev.word_position - 1,
        `「${prev.surface_form}${token.surface_form}」は活用の誤りです（「${prev.basic_form}」に「ます」を付けるときの形を確かめてください。例: いただいました → いただきました）。`,
      );
    }
  });
  for (const [i, token] of tokens.entries()) {
    const next = tokens[i + 1];
    if (
      token.pos === "動詞" &&
      // A verb written in kana only may be a name the dictionary lacks (「いわきで」「ひたちなかで」).
      /\p{Script=Han}/u.test(token.surface_form) &&
      token.conjugated_form === "連用形" &&
      String(token.conjugated_type).startsWith("五段") &&
      !String(token.conjugated_type).includes("サ行") &&
      !String(token.conjugated_type).includes("行く") &&
      next &&
      // Only て, た and たり: before で a 連用形 is a noun with the case particle (「お祝いで」「手伝いで」), whatever the tokenizer says.
      ((next.pos === "助詞" && /^(?:て|たり)$/u.test(next.surface_form)) || (next.pos === "助動詞" && next.basic_form === "た")) &&
      !kanaNounAfter(next, tokens[i + 2]) &&
      !(next.surface_form === "たり" && !listGoesOn(tokens[i + 2])) &&
      !insideQuote(text, token.word_position - 1)
    ) {
      const written = `${token.surface_form}${next.surface_form}`;
      const right = withEuphony(token, next.surface_form);
      found(
        token.word_position - 1,
        right
          ? `「${written}」は活用の誤りです。「${right}」と書きます（五段動詞の音便）。`
          : `「${written}」は活用の誤りです（「${token.basic_form}」は「〜いて」「〜って」「〜んで」の形になります）。`,
        right ? { replace: written.length, text: right } : undefined,
        written.length,
      );
    }
  }
  for (let i = 2; i < tokens.length; i++) {
    const no = tokens[i - 1];
    const noun = tokens[i];
    const verb = tokens[i + 1];
    if (
      !no ||
      !noun ||
      !verb ||
      no.surface_form !== "の" ||
      no.pos_detail_1 !== "連体化" ||
      noun.pos_detail_1 !== "サ変接続" ||
      verb.basic_form !== "する" ||
      verb.pos !== "動詞" ||
      // A kana noun here is often a verb the tokenizer cut (「ふかした」 read as 鱶 + した).
      /^[\u3040-\u309f]+$/u.test(noun.surface_form)
    )
      continue;
    // 「市の管理する公園」 is a relative clause (の for が) and right; the mistake ends the sentence or the clause.
    let j = i + 2;
    while (
      tokens[j] &&
      (tokens[j]?.pos === "助動詞" ||
        (tokens[j]?.pos === "動詞" && /^(?:非自立|接尾)$/u.test(tokens[j]?.pos_detail_1 ?? "")) ||
        tokens[j]?.surface_form === "て")
    )
      j++;
    // Before a noun (「もの」「こと」 too, and 「お醤油」 after its prefix) the clause modifies it.
    // 「私の担当する【ライブハウス】」: an opening bracket may stand before the noun.
    if (tokens[j]?.pos_detail_1 === "括弧開") j++;
    if (tokens[j]?.pos === "名詞" || (tokens[j]?.pos === "接頭詞" && tokens[j + 1]?.pos === "名詞")) continue;
    found(
      no.word_position - 1,
      `「の${noun.surface_form}${verb.surface_form}」では助詞が合いません。「を${noun.surface_form}${verb.surface_form}」か「の${noun.surface_form}を${verb.surface_form}」と書きます。`,
      undefined,
      1 + noun.surface_form.length + verb.surface_form.length,
    );
  }
  for (const match of text.matchAll(/でしょか/gu)) found(/** @type {number} */ (match.index) + 3, "「でしょか」は「でしょうか」と書きます。", { insert: "う" });
});

/** Each closing bracket and its opening one. */
const PAIRS = new Map([
  ["」", "「"],
  ["』", "『"],
  ["】", "【"],
  ["）", "（"],
  [")", "("],
  ["〕", "〔"],
]);
const OPENING = new Map([...PAIRS].map(([close, open]) => [open, close]));
/** A list number or letter (「1)」「ａ）」「①)」「イ）」) at a line's start: closed on purpose. */
const ENUMERATOR = /(?:^|[\s　、。：:])[ \t　]*[0-9０-９a-zA-Zａ-ｚＡ-Ｚ①-⑳ⅰ-ⅹⅠ-Ⅹ例注アイウエオカキクケコイロハニホヘト一二三四五六七八九十]{1,3}$/u;
/** A face's eye or mouth beside a round bracket (「^^)」「(笑)」 aside): 「ﾉ)」「^_^)」「@)」. */
const FACE_MARK = /[\^＾*´`;；・ω≧≦><_＿°ﾟ゜〃∀▽△@＠=＝ﾉノ丿ヽ~〜'’-]/u;

/** One digit or letter on its own before a round bracket: a list number (「1)」「b)」), not 「20)」 or 「第1部)」. */
const LIST_NUMBER = /(?:^|[^0-9０-９a-zA-Zａ-ｚＡ-Ｚ])(?:[0-9０-９①-⑳ア-ンイロハニホヘトⅰ-ⅹⅠ-Ⅹ一二三四五六七八九十]|[a-zA-Zａ-ｚＡ-Ｚ]{1,4})$/u;

/** How far back a stray closing bracket's finding reaches for the start of its clause. */
const CLAUSE_REACH = 40;
/** What ends the clause before it: a mark, a line break or a bracket. */
const CLAUSE_MARK = /[。、！？!?\n「」『』（）()【】]/u;

/** Where the clause ending at `index` begins: after the last mark or bracket before it, within CLAUSE_REACH. @param {string} text @param {number} index */
function clauseStart(text, index) {
  const from = Math.max(0, index - CLAUSE_REACH);
  for (let i = index - 1; i >= from; i--) if (CLAUSE_MARK.test(text[i] ?? "")) return i + 1;
  return from;
}

/**
 * A closing bracket with nothing to close, over the whole paragraph (a link or emphasis may
 * stand between the two brackets): 「いた」と」「サブアリーナ）で」「大会】」. A round bracket after a
 * list number (「1)」) or beside a face (「^^)」) closes nothing on purpose.
 * @param {import("@textlint/types").TextlintRuleContext} context
 */
function strayClosers(context) {
  const { Syntax, RuleError, report, getSource, locator, fixer } = context;
  return {
    /** @param {import("@textlint/ast-node-types").TxtNode} node */
    [Syntax.Paragraph](node) {
      const text = getSource(node);
      /** @type {Map<string, number>} */
      const depth = new Map();
      /** The round brackets open here, innermost last: 「（」 closed by 「)」 is a slip of the width. */
      const rounds = [];
      for (let index = 0; index < text.length; index++) {
        const ch = /** @type {string} */ (text[index]);
        // Round brackets of either width close each other here; a mixed pair 「（…)」 is reported on its closer.
        const closes = round(OPENING.get(ch));
        if (closes !== undefined) depth.set(closes, (depth.get(closes) ?? 0) + 1);
        if (ch === "（" || ch === "(") rounds.push(ch);
        const opener = PAIRS.get(ch);
        if (opener === undefined) continue;
        // A list number of the other width inside brackets (「持ち物（1)筆記用具、2)上履き）」
        // 「持ち物(1）筆記用具)」「（持ち物は1)印鑑）」) closes nothing.
        const top = rounds.at(-1);
        if (top !== undefined && (ch === ")" || ch === "）") && (top === "（") !== (ch === "）") && LIST_NUMBER.test(text.slice(Math.max(0, index - 3), index)))
          continue;
        const key = /** @type {string} */ (round(ch));
        const openedWith = key === "）" && (depth.get(key) ?? 0) > 0 ? rounds.pop() : undefined;
        // An empty pair 「（)」 is likely-mistakes' (「かっこの中が空です」).
        const empty = text[index - 1] === "（" || text[index - 1] === "(";
        if (openedWith !== undefined && openedWith !== opener && !empty && !closesOnPurpose(text, index)) {
          const right = openedWith === "（" ? "）" : ")";
          const message = `${openedWith === "（" ? "全角" : "半角"}の開きかっこ「${openedWith}」を「${ch}」で閉じています。「${right}」にそろえます。`;
          report(node, new RuleError(message, { padding: locator.range([index, index + 1]), fix: fixer.replaceTextRange([index, index + 1], right) }));
        }
        if ((depth.get(key) ?? 0) > 0) depth.set(key, (depth.get(key) ?? 0) - 1);
        else if (!closesOnPurpose(text, index)) {
          // From where the quotation likely began (the clause's start) to the bracket: the opening
          // one is missing somewhere there, which is the place to look at.
          const start = clauseStart(text, index);
          report(node, new RuleError(`閉じかっこ「${ch}」に対応する開きかっこ「${opener}」がありません。`, { padding: locator.range([start, index + 1]) }));
        }
      }
    },
  };
}

/** @param {string | undefined} closer */
const round = (closer) => (closer === ")" ? "）" : closer);

/**
 * @param {string} text
 * @param {number} index a round closing bracket's place
 */
function closesOnPurpose(text, index) {
  if (text[index] !== ")" && text[index] !== "）") return false;
  const [before, after] = [text[index - 1] ?? "", text[index + 1] ?? ""];
  return ENUMERATOR.test(text.slice(Math.max(0, index - 8), index)) || FACE_MARK.test(before) || FACE_MARK.test(after);
}

/** @param {import("@textlint/types").TextlintRuleContext} context */
function reporter(context) {
  return { ...tokenRule.linter(context), ...strayClosers(context) };
}
/** @param {import("@textlint/types").TextlintRuleContext} context */
function fixer(context) {
  return { ...tokenRule.fixer(context), ...strayClosers(context) };
}
/**
 * A stem before a word in kana that begins with た (「巻きたまご」「焼きたらこ」「産みたて」): the
 * tokenizer cut a menu word, not a verb's た.
 * @param {import("./japanese-text.js").Token} suffix
 * @param {import("./japanese-text.js").Token | undefined} after
 */
function kanaNounAfter(suffix, after) {
  if (suffix.pos !== "助動詞" || !after) return false;
  return suffix.surface_form === "た" && after.surface_form === "て"
    ? true
    : /^[\u3041-\u3096]$/u.test(after.surface_form) && !/^(?:助詞|助動詞|記号)$/u.test(after.pos);
}

/** 「踊りたりして」「歌ったり、」: the list form goes on; 「参りたり」」 at the end is the classical 完了. @param {import("./japanese-text.js").Token | undefined} after */
const listGoesOn = (after) => after !== undefined && !(after.pos === "記号" && /^[」』。）)]/u.test(after.surface_form));

/**
 * 「踊りたり」 → 「踊ったり」: the verb's 音便 from its conjugation class, and the voicing it gives
 * た・て (「読みた」 → 「読んだ」). Undefined for a class EUPHONY does not list.
 * @param {import("./japanese-text.js").Token} verb a 五段 verb's plain 連用形
 * @param {string} suffix
 */
function withEuphony(verb, suffix) {
  const rule = EUPHONY.find(([type]) => /** @type {RegExp} */ (type).test(verb.conjugated_type));
  if (!rule || !/[いきぎちにびみり]$/u.test(verb.surface_form)) return undefined;
  const voiced = rule[2] ? suffix.replace(/^た/u, "だ").replace(/^て/u, "で") : suffix;
  // 問う・乞う take う (「問うたり」「問うて」), not the っ of the other ワ行 verbs.
  const sound = /^(?:問う|とう|請う|乞う|こう)$/u.test(verb.basic_form) ? "う" : rule[1];
  return `${verb.surface_form.slice(0, -1)}${sound}${voiced}`;
}

module.exports = { linter: reporter, fixer, PAIRS };
