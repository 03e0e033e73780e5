// @ts-check
"use strict";
/**
 * Municipal article forms, understood in context (a textlint filter rule, so the CLI and editor
 * plugins see the same). Each form turns off only the rules it makes wrong:
 * - captions and labels (「【講座の様子】」, a line after a photo, 「■」「◆」 headings, 「※」 notes)
 *   numbered headings (「1.お知らせ」) and bylines (「文：」「写真：」「▶️文:」) are not sentences: no
 *   period rule, no length, no style mix; nor, for the period rule, a line that ends in a name with
 *   its title (「館長の柴田晴美さん」) or in a face (「(^^)ノ」), nor an interviewer's question on its
 *   own line answered by the next paragraph's 「…」;
 * - interview lines (「――」 questions, 「名前：」「Q1:」「A1:」 answers, 「-記者-」 speaker lines) and
 *   quoted speech 「…」 keep the speaker's own style: no です・ます/だ・である mix, no period rule,
 *   no weak-phrase hint;
 * - a profile box (a heading or label 「プロフィール」「略歴」…, to the next heading) keeps its
 *   own style, often である: no style mix;
 * - a quotation that spans paragraphs (「 opened in one, 」 closed in a later one) and a
 *   deliberately open 「（笑」 are not unmatched brackets;
 * - organisation and place names (「下川町役場政策推進課」「小林製薬株式会社」) are one name each,
 *   spelled as registered: no kanji-run hint and no 表記 rule inside them.
 */
const { profileBoxNodes } = require("../preset/rules/japanese-text.js");
const { ownPhrasesLike } = require("./own-phrases.js");
const { TYPOS } = require("../preset/rules/phrases-typos.js");
const { candidatesIn } = require("../preset/rules/phrase-index.js");
const { PAIRS } = require("../preset/rules/grammar.js");

const RULES = {
  period: "ja-technical-writing/ja-no-mixed-period",
  length: "ja-technical-writing/sentence-length",
  style: "ja-technical-writing/no-mix-dearu-desumasu",
  plain: "kawaraban/plain-style",
  weak: "ja-technical-writing/ja-no-weak-phrase",
  kanji: "ja-technical-writing/max-kanji-continuous-len",
  exclamation: "kawaraban/exclamation-width",
  punctuation: "kawaraban/japanese-punctuation",
  variants: "kawaraban/notation-variants",
  recommended: "prh",
  required: "kawaraban/city-required",
  pair: "ja-technical-writing/no-unmatched-pair",
  closer: "kawaraban/grammar",
  verbs: "kawaraban/verb-forms",
  ra: "ja-technical-writing/no-dropping-the-ra",
  // The short name: textlint compares a filter's rule id in this normalized form only.
  sa: "@textlint-ja/no-insert-dropping-sa",
};
/** @type {Record<string, string>} */
const OPENERS = { "「": "」", "『": "』", "（": "）", "(": ")" };
const CLOSERS = new Map(Object.entries(OPENERS).map(([open, close]) => [close, open]));

/**
 * @typedef {import("@textlint/types").TextlintFilterRuleContext} FilterContext
 * @typedef {import("@textlint/ast-node-types").TxtNode} TxtNode
 * @typedef {import("@textlint/ast-node-types").TxtParentNode} TxtParentNode
 */

/**
 * How many of each opening bracket a paragraph leaves open (negative: it closes earlier ones).
 * @param {string} text
 */
function balance(text) {
  /** @type {Record<string, number>} */
  const open = {};
  for (const ch of text) {
    const opener = OPENERS[ch] ? ch : CLOSERS.get(ch);
    if (opener === undefined) continue;
    open[opener] = (open[opener] ?? 0) + (opener === ch ? 1 : -1);
  }
  return open;
}
/** A face whose brackets are not a pair: turned round (「)^o^(」), or in quotes (「"(-""-)"」). */
const FACES = /[）)][\^＾][^（(\n]{0,6}[（(]|"[（(][^\s（）()\u3041-\u3096\u4e00-\u9fff]{0,8}[）)]"|[σｏ][（(][\^＾][^）)\n]{0,6}/gu;
const STANDARD_WORDS = /自分本位/gu;
const ABUSAGE = "ja-technical-writing/ja-no-abusage";
/** Ends like a sentence: kana (a verb, an adjective, an auxiliary, a particle), maybe inside a closing bracket. */
const NOT_A_LABEL = /[\u3041-\u3096ー][」』）)]*\s*$/u;
/** A name with its title (「館長の柴田晴美さん」, under a photo or in a list of guests): no sentence ends so. */
const NAMED = /(?:さん|様|さま|氏|先生|くん|ちゃん)\s*$/u;
/** A line that ends in a face (「(`-ω-)つ」「(^^)ノ」): the face is the line's end mark. */
const FACE_END = /[（(][^（）()\n]{0,12}[\^＾*´`;；・ω≧≦><_＿°ﾟ〃∀▽△oｏ@＠=＝-][^（）()\n]{0,12}[）)][\u3041-\u30ffσ]?\s*$/u;
/** An interviewer's question on its own line, answered in the next paragraph's 「」. */
const QUESTION = /(?:か|ください|下さい)[?？]?\s*$/u;
/** A line that stops where a sentence goes on: a case particle, a conjunctive form, a listing word. */
const CONTINUES = /(?:[をがにへとやはもで]|て|ので|けど|けれど|から|たら|れば|ながら|たり|など|まで|より|ように|ような|そして|し)[\s　]*$/u;
const LABEL = /^\s*(?:【[^】]*】.{0,40}|(?:[0-9０-９]{1,2}|[①-⑳])[.．)）]\s*[^\s。、]{1,30}|[（(][^）)]*[）)]|[■□◆◇▼▽●○◎※★☆▶▷►・].*|#.*)$/u;
const ROLE = "(?:文|写真|撮影|取材|編集|構成|イラスト|絵|協力|出典|提供|お?問い?合わせ先?)";
const BYLINE = new RegExp(`^\\s*(?:▶️?|▷|■|◆|・)?\\s*${ROLE}(?:[・と]${ROLE})*\\s*[:：／/].*$`, "u");
const INTERVIEW = /^\s*(?:――|—{2}|ー{2}|－{2}|[QＱAＡ][0-9０-９]*\s*[.:：．]|-[^-]{1,15}-\s*$|[^\s:：「」。、]{1,12}\s*[:：](?!\/\/))/u;
const NAME_SUFFIX =
  "(?:役場|役所|県庁|庁舎|[部課係室局]|センター|協議会|委員会|組合|振興会|公民館|図書館|体育館|保育園|幼稚園|小学校|中学校|高等学校|高校|大学|病院|会議所)";
const ORGANISATION = new RegExp(
  `(?:(?:株式|有限|合同)会社|(?:一般|公益)(?:社団|財団)法人|特定非営利活動法人|NPO法人)[^\\s、。「」（）()]{1,20}|[^\\s、。「」（）()]{1,20}(?:株式会社|有限会社)|[\\u4e00-\\u9fff々ヶ]{1,12}(?:都|道|府|県|市|区|町|村)[\\u4e00-\\u9fff々ヶ]*?${NAME_SUFFIX}+|[\\u4e00-\\u9fff々ヶ]{2,12}${NAME_SUFFIX}+`,
  "gu",
);

/** @param {FilterContext} context */
module.exports = function filter(context) {
  const { Syntax, shouldIgnore, getSource } = context;
  /** @type {(start: number, end: number, ...ruleIds: string[]) => void} */
  const ignore = (start, end, ...ruleIds) => {
    for (const ruleId of ruleIds) shouldIgnore([start, end], { ruleId });
  };
  return {
    /** @param {TxtParentNode} node */
    [Syntax.Document](node) {
      // A profile box (under 「プロフィール」「略歴」…, to the next heading) keeps its own style.
      for (const child of profileBoxNodes(node.children, getSource)) ignore(child.range[0], child.range[1], RULES.style, RULES.plain);
      // An interview article keeps the speakers' register next to the narrator's (a report in
      // である with answers in です・ます is the norm): the style rule has no mix to report there.
      const paragraphs = /** @type {TxtParentNode[]} */ (node.children.filter((child) => child.type === Syntax.Paragraph));
      const interviewLines = paragraphs.flatMap((p) => getSource(p).split("\n")).filter((line) => INTERVIEW.test(line)).length;
      if (interviewLines >= 2) ignore(node.range[0], node.range[1], RULES.style, RULES.plain);
      // An interview laid out as a question and its answer in 「」: the question is a heading.
      for (const [i, paragraph] of paragraphs.entries()) {
        const answer = paragraphs[i + 1];
        const question = getSource(paragraph);
        if (answer && !question.includes("\n") && QUESTION.test(question) && getSource(answer).trimStart().startsWith("「"))
          ignore(paragraph.range[0], paragraph.range[1], RULES.period);
      }
      // A quotation over several paragraphs opens 「 in the first and closes 」 in the last (each
      // middle paragraph may open again): the bracket is matched, just not within one paragraph.
      for (let i = 0; i < paragraphs.length; i++) {
        const paragraph = /** @type {TxtParentNode} */ (paragraphs[i]);
        const opened = balance(getSource(paragraph));
        for (const [bracket, count] of Object.entries(opened)) {
          if (count <= 0) continue;
          let depth = count;
          for (let j = i + 1; j < paragraphs.length && j <= i + 10 && depth > 0; j++) {
            const later = /** @type {TxtParentNode} */ (paragraphs[j]);
            const next = getSource(later);
            // A continuing paragraph reopens the quotation with the same bracket: not a new one.
            depth += (balance(next)[bracket] ?? 0) - (next.trimStart().startsWith(bracket) ? 1 : 0);
            if (depth <= 0) ignore(paragraph.range[0], later.range[1], RULES.pair, RULES.closer);
          }
        }
      }
    },
    /** @param {TxtParentNode} node */
    [Syntax.Paragraph](node) {
      const text = getSource(node);
      const base = node.range[0];
      // Text after a photo in the same paragraph, or a short line under it, is its caption.
      const image = node.children.find((child) => child.type === Syntax.Image);
      if (image) ignore(image.range[1], node.range[1], RULES.period, RULES.length, RULES.style, RULES.plain);
      let offset = 0;
      for (const line of text.split("\n")) {
        const start = base + offset;
        const end = start + line.length;
        offset += line.length + 1;
        // A byline separates its parts with a full-width space (「文:ひなた　写真:こもれび」).
        if (LABEL.test(line) || BYLINE.test(line)) ignore(start, end, RULES.period, RULES.length, RULES.style, RULES.plain, RULES.punctuation);
        if (INTERVIEW.test(line)) ignore(start, end, RULES.period, RULES.style, RULES.plain, RULES.weak, RULES.exclamation, RULES.verbs, RULES.ra);
        // A line that does not end in kana ends in a name, a number, a date or a time (「午後3時~午後6時」,
        // 「ひばり野市立図書館」): a label or a caption, not a sentence that lacks its 。.
        if (!NOT_A_LABEL.test(line)) ignore(start, end, RULES.period);
        // A sentence broken over lines (「旅している方や」 / 「キャンピングカーで…」) ends on a later line.
        if (CONTINUES.test(line) || NAMED.test(line) || FACE_END.test(line)) ignore(start, end, RULES.period);
      }
      for (const quote of text.matchAll(/「[^「」]*」|『[^『』]*』/gu)) {
        const at = base + /** @type {number} */ (quote.index);
        // The speaker's own words: their register, their い抜き and ら抜き, their ！ and ？.
        ignore(at, at + quote[0].length, RULES.style, RULES.plain, RULES.period, RULES.weak, RULES.verbs, RULES.ra, RULES.exclamation);
      }
      // 「（笑」 is written open on purpose, and so is a face: 「(^^♪」「(＾▽＾)」「(*´ω`*)」「(@。@=」.
      for (const laugh of text.matchAll(/[（(](?:(?:笑|汗|泣)+(?![）)])|[\^＾*´`;；・ω≧≦><_＿°ﾟ〃∀▽△o０0@＠=＝-](?=[^）)\n]{0,12}))/gu)) {
        const at = base + /** @type {number} */ (laugh.index);
        ignore(at, at + laugh[0].length + 1, RULES.pair, RULES.period);
      }
      // Faces that turn the brackets round or wrap them in quotes: 「)^o^(」「"(-""-)"」「σ(^_^=;」.
      for (const face of text.matchAll(FACES)) {
        const at = base + /** @type {number} */ (face.index);
        ignore(at, at + face[0].length + 1, RULES.pair, RULES.closer, RULES.period);
      }
      // A bare URL runs on into the closing bracket after it (「【参照:https://…/】」): Markdown makes the
      // bracket part of the link, so the rules no longer see it. The writer gets the URL's own warning.
      for (const url of text.matchAll(/https?:\/\/[!-~]+?([】」』）〕])/gu)) {
        const closer = /** @type {string} */ (url[1]);
        const end = /** @type {number} */ (url.index) + url[0].length;
        const opener = text.lastIndexOf(PAIRS.get(closer) ?? "", url.index);
        if (opener >= 0) ignore(base + opener, base + end, RULES.pair, RULES.closer);
      }
      // The spacing marks ゛ ゜ ﾞ ﾟ (U+309B, U+309C, U+FF9E, U+FF9F) are characters of their own, in faces 「(*゜.゜)」「(ﾟ∀ﾟ)」: not NFD.
      // A combining mark that joins no kana (「(゚д゚)」: after a bracket or a Cyrillic letter) is a face's eye,
      // not a decomposed character: NFC leaves it as it is.
      for (const mark of text.matchAll(/[\u309b\u309c\uff9e\uff9f]|(?<=(.))[\u3099\u309a]/gu)) {
        if (mark[1] !== undefined && `${mark[1]}${mark[0]}`.normalize("NFC").length === 1) continue;
        const at = base + /** @type {number} */ (mark.index);
        ignore(at - 1, at + 1, "ja-technical-writing/no-nfd");
      }
      // A misuse kawaraban's own lists explain (in Japanese, with a fix for each form of the verb)
      // is not reported a second time by the upstream abusage dictionary: one finding per place.
      for (const [pattern] of candidatesIn(ownPhrasesLike(ABUSAGE), text)) {
        for (const match of text.matchAll(pattern)) {
          const at = base + /** @type {number} */ (match.index);
          ignore(at, at + Math.max(1, match[0].length), ABUSAGE);
        }
      }
      // A slip of a polite word (「いたました」「ありががとう」) is reported as that word's typo, with
      // the word as its fix; the grammar, repetition and particle rules would only guess at it.
      for (const [pattern] of candidatesIn(TYPOS, text)) {
        for (const slip of text.matchAll(pattern)) {
          const at = base + /** @type {number} */ (slip.index);
          ignore(at, at + slip[0].length, RULES.closer, RULES.verbs, "kawaraban/repeated-word", "kawaraban/likely-mistakes");
        }
      }
      // 「採れたて」「獲れたて野菜」: 〜たて (just done) on 採れる, not ら抜き of 採られる.
      for (const kana of text.matchAll(/(?<=[\u4e00-\u9fff])れ(?=たて)/gu)) {
        const at = base + /** @type {number} */ (kana.index);
        ignore(at - 1, at + 3, RULES.ra);
      }
      // 「マグロが獲れた」「よく釣れる」: the potential of a 五段 verb (獲る・釣る), which the dictionary
      // reads as an 一段 verb plus れる; no ら is missing.
      for (const kana of text.matchAll(/(?<=[獲捕釣撮採取刈掘彫])れ(?=[たてるまずな])/gu)) {
        const at = base + /** @type {number} */ (kana.index);
        ignore(at - 1, at + 2, RULES.ra);
      }
      // 「良いそうです」「ないそうです」: そう after the plain form is hearsay (伝聞), not 「良さそう」 with
      // its さ dropped; the さ rule's dictionary matches 良い and 無い in either form.
      for (const hearsay of text.matchAll(/(?<=[良よ無な])いそう/gu)) {
        const at = base + /** @type {number} */ (hearsay.index);
        ignore(at - 1, at + 3, RULES.sa);
      }
      // 「お茶をいれて」「間髪いれず」 are 入れる written in kana: いる takes no を, so not ら抜き of いられる.
      for (const kana of text.matchAll(/(?<=を|間髪)いれ/gu)) {
        const at = base + /** @type {number} */ (kana.index);
        ignore(at, at + kana[0].length, RULES.ra);
      }
      // Standard words a dictionary rule takes for misuses of a neighbour (「自分本位」 is not 「自己本位」 misspelt).
      for (const word of text.matchAll(STANDARD_WORDS)) {
        const at = base + /** @type {number} */ (word.index);
        ignore(at, at + word[0].length, ABUSAGE);
      }
      for (const name of text.matchAll(ORGANISATION)) {
        const at = base + /** @type {number} */ (name.index);
        // A name is spelled as registered (「研修生受入協議会」): no kanji-run hint, no 表記 rule.
        ignore(at, at + name[0].length, RULES.kanji, RULES.variants, RULES.recommended, RULES.required);
      }
    },
  };
};
