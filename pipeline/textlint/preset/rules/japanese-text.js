// @ts-check
"use strict";
const { candidatesIn } = require("./phrase-index.js");
/** Characters of Japanese running text (kana, kanji, the iteration mark, the long-vowel mark). */
const JAPANESE = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ー]/u;
/** @param {string | undefined} ch */
const isJapanese = (ch) => ch !== undefined && JAPANESE.test(ch);

/**
 * @typedef {import("@textlint/types").TextlintRuleContext} RuleContext
 * @typedef {import("@textlint/ast-node-types").TxtNode} TxtNode
 * @typedef {{ remove: number } | { replace: number; text: string } | { insert: string }} Fix
 * @typedef {(index: number, message: string, fix?: Fix, length?: number) => void} Found
 * @typedef {(text: string, found: Found, doc: Record<string, number>) => void | Promise<void>} Check
 */

/**
 * A fixable textlint rule over each text node: `check(text, found)` calls `found(index,
 * message, fix?, length?)` for each finding, where `fix` is `{ remove: length }`, `{ replace: length,
 * text }` or `{ insert: text }` at `index`. `check` may be async (tokenizing).
 */
/** @param {Check} check */
function textRule(check) {
  /** @param {RuleContext} context */
  function reporter(context) {
    const { Syntax, RuleError, report, getSource, fixer, locator } = context;
    /** Per document: counters a check keeps across the document's text nodes (budgets). */
    const doc = /** @type {Record<string, number>} */ ({});
    return {
      /** @param {TxtNode} node */
      async [Syntax.Str](node) {
        // One finding per place: two patterns of one list that catch the same words report once.
        const reported = new Set();
        await check(
          getSource(node),
          (index, message, fix, length) => {
            if (reported.has(index)) return;
            reported.add(index);
            const edit =
              fix === undefined
                ? undefined
                : "remove" in fix
                  ? fixer.removeRange([index, index + fix.remove])
                  : "insert" in fix
                    ? fixer.insertTextBeforeRange([index, index], fix.insert)
                    : fixer.replaceTextRange([index, index + fix.replace], fix.text);
            // With a length the finding spans the words (an editor highlights them all), not one character.
            const where = length ? { padding: locator.range([index, index + length]) } : { index };
            report(node, new RuleError(message, { ...where, ...(edit && { fix: edit }) }));
          },
          doc,
        );
      },
    };
  }
  return { linter: reporter, fixer: reporter };
}

/**
 * @typedef {Readonly<import("kuromojin").KuromojiToken>} Token
 * @typedef {(prev: Token, token: Token, tokens: readonly Token[], i: number) => void} PairCheck
 */

/**
 * Each pair of neighbouring tokens of the text, with the whole list for looking further.
 * @param {string} text
 * @param {PairCheck} check
 */
async function eachTokenPair(text, check) {
  const { tokenize } = require("./tokens.js");
  const tokens = await tokenize(text);
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1];
    const token = tokens[i];
    if (prev && token) check(prev, token, tokens, i);
  }
  return tokens;
}

/**
 * A profile box's label (a heading or the first words of a paragraph): 「プロフィール」「【略歴】」
 * 「■ライター紹介」. The box keeps its own style (often である) inside a です・ます article.
 */
const PROFILE = /^\s*(?:[【■◆●［[(（]\s*)?(?:プロフィール|profile|略歴|経歴|著者紹介|筆者紹介|ライター紹介)/iu;

/**
 * The top-level nodes inside profile boxes: from a heading or paragraph labelled PROFILE to the
 * next heading (the label included). Both the style rule and the kawaraban filter read boxes so.
 * @param {readonly import("@textlint/ast-node-types").TxtNode[]} children
 * @param {(node: import("@textlint/ast-node-types").TxtNode) => string} getSource
 */
function profileBoxNodes(children, getSource) {
  const inside = new Set();
  let open = false;
  for (const child of children) {
    const heading = child.type === "Header";
    if (heading) open = false;
    if (!open && (heading || child.type === "Paragraph")) open = PROFILE.test(getSource(child).replace(/^#+\s*/u, ""));
    if (open) inside.add(child);
  }
  return inside;
}

/**
 * Reports every match of a phrase list ([pattern, right form or undefined, message]), spanning the
 * matched characters; `$&` in the right form stands for them (「4」 → 「4日」).
 * @param {readonly [RegExp, string | undefined, string][]} list
 * @param {string} text
 * @param {Found} found
 */
function findPhrases(list, text, found) {
  // Only the patterns that can match this text (phrase-index.js).
  for (const [pattern, to, message] of candidatesIn(list, text)) {
    for (const match of text.matchAll(pattern)) {
      const fix = to === undefined ? undefined : { replace: match[0].length, text: to.replaceAll("$&", match[0]) };
      found(/** @type {number} */ (match.index), `${message}。`, fix, match[0].length);
    }
  }
}

/**
 * A 五段 verb in its 未然形 (「行か」「おこなわ」): what comes next is a suffix (せる・れる), ない or う.
 * @param {Token} token
 */
const godanMizen = (token) => token.pos === "動詞" && String(token.conjugated_type).startsWith("五段") && token.conjugated_form === "未然形";

module.exports = { JAPANESE, isJapanese, textRule, eachTokenPair, profileBoxNodes, findPhrases, godanMizen };
