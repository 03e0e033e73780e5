// @ts-check
"use strict";
/**
 * だ・である endings in a です・ます article (「野菜がとても安いのだ。」 among 「〜です。」「〜ます。」).
 * preset-ja-technical-writing's no-mix-dearu-desumasu only knows 「である」; this rule reads each
 * sentence's final auxiliaries on the tokenizer's part of speech: だ (だ・だっ・だろ・で+ある)
 * without です・ます is the plain style. The article is です・ます when its narrative has at least
 * as many です・ます endings as だ endings (a tie goes to です・ます, the norm of city articles; an
 * article in である has plain verb endings and no です・ます, so it is never judged); then every
 * plain one is reported, with a fix where the polite form is certain (だ→です, だった→でした).
 * Narrative only: paragraphs at the top level (not lists, tables, quotes or headings), quoted
 * speech masked, and a profile box (a paragraph under 「プロフィール」「略歴」…) left in its own
 * style; interview lines, labels and captions are the kawaraban filter's.
 */
const { profileBoxNodes } = require("./japanese-text.js");

const POLITE_FORMS = new Map([
  ["だ", "です"],
  ["だった", "でした"],
  ["だろう", "でしょう"],
]);
/**
 * 「である」 endings are the preset's no-mix-dearu-desumasu's (a warning too): reporting them here
 * as well would put two findings on one place.
 */
const DEARU = /^であ/u;
const QUOTED = /「[^「」]*」|『[^『』]*』|（[^（）]*）|\([^()]*\)/gu;
const SENTENCE = /[^。！？!?\n]+[。！？!?]*/gu;
/** A text of at most this many sentences is a short notice (see the tie below). */
const SHORT = 4;

/**
 * @typedef {import("@textlint/types").TextlintRuleContext} RuleContext
 * @typedef {import("@textlint/ast-node-types").TxtNode} TxtNode
 * @typedef {import("@textlint/ast-node-types").TxtParentNode} TxtParentNode
 * @typedef {Readonly<import("kuromojin").KuromojiToken>} Token
 * @typedef {{ node: TxtNode, index: number, run: string, polite: boolean, plain: boolean, plainVerb?: boolean, request?: boolean }} Ending
 */

/**
 * How a sentence ends: the run of auxiliaries before its closing marks and final particles.
 * @param {readonly Token[]} tokens
 */
function ending(tokens) {
  let end = tokens.length - 1;
  const skip = (/** @type {Token | undefined} */ t) => t && (t.pos === "記号" || (t.pos === "助詞" && /終助詞/u.test(t.pos_detail_1)));
  while (end >= 0 && skip(tokens[end])) end--;
  let start = end;
  while (start >= 0 && tokens[start]?.pos === "助動詞") start--;
  const run = tokens.slice(start + 1, end + 1);
  const last = tokens[end];
  // 「ご活用ください。」 asks politely: a です・ます sentence too.
  const polite =
    run.some((t) => t.basic_form === "です" || t.basic_form === "ます") ||
    /です|ます/u.test(last?.surface_form ?? "") ||
    /^(?:くださる|下さる)$/u.test(last?.basic_form ?? "");
  // 「〜のような。」 trails off (the な of ようだ before a missing noun): a fragment, not an ending.
  // 「〜で」 at a line's end continues on the next line (「300円で」 / 「500円ぐらい」), unless it is 「である」.
  // 「〜なんだよなぁ。」「だめだな。」: a final particle makes it a thought said aloud, not narration.
  // 「〜てはどうだろうか。」 asks in the plain style all the same (「でしょうか」).
  const thought = tokens.slice(end + 1).some((t) => t.pos === "助詞" && !(t.surface_form === "か" && run.at(-1)?.surface_form === "う"));
  const plain = !polite && !thought && run.some((t) => t.basic_form === "だ") && run.at(-1)?.surface_form !== "な" && run.at(-1)?.surface_form !== "で";
  // 「思っている。」「進まない。」: a verb or an adjective in its plain form ends a statement (a
  // sentence that ends in 「！」「？」 or a final particle is an exclamation or a thought, not narrative).
  const marks = tokens.slice(end + 1);
  const statement = marks.length > 0 && marks.every((t) => t.pos === "記号" && /^[。．.]+$/u.test(t.surface_form));
  const verb = [...tokens.slice(0, end + 1)].reverse().find((t) => t.pos !== "助動詞" && t.pos_detail_1 !== "非自立" && t.surface_form !== "て");
  const plainVerb =
    !polite && !plain && statement && (verb?.pos === "動詞" || verb?.pos === "形容詞") && (last?.conjugated_form === "基本形" || last?.basic_form === "た");
  return { polite, plain, plainVerb, verbAt: verb?.word_position ?? 0, at: run[0]?.word_position ?? 0, run: run.map((t) => t.surface_form).join("") };
}

/**
 * 「特徴だが、途中からの参加も歓迎です。」: a plain だ before a conjunctive particle inside a です・ます
 * sentence (「ですが」「ですけど」). Only だ itself: a plain verb before が (「かかるが、」) is accepted
 * written style.
 * @param {readonly Token[]} tokens
 * @returns {{ at: number, plain: string, polite: string }[]} where each such だ is, and its polite form
 */
function plainClauses(tokens) {
  /** @param {Token | undefined} t */
  const joins = (t) => t?.pos === "助詞" && t.pos_detail_1 === "接続助詞" && /^(?:が|けど|けれど|けれども)$/u.test(t.surface_form);
  return tokens.flatMap((t, i) => {
    if (t.pos !== "助動詞") return [];
    if (t.surface_form === "だ" && joins(tokens[i + 1])) return [{ at: t.word_position, plain: "だ", polite: "です" }];
    // 「雨だったが、」: the past of だ (「でしたが」).
    if (t.surface_form === "だっ" && tokens[i + 1]?.surface_form === "た" && joins(tokens[i + 2]))
      return [{ at: t.word_position, plain: "だっ", polite: "でし" }];
    return [];
  });
}

/**
 * An article in だ・である: plain endings at least three times the です・ます ones, and several.
 * @param {number} polite
 * @param {number} plain
 */
const clearlyPlain = (polite, plain) => plain >= 4 && plain >= 3 * polite;

/**
 * The other way round: a です・ます statement in a だ・である article (「〜と話してくれました。」 in a
 * report written in the plain style). A request (「ご参加ください」「お願いします」) is how any
 * article ends, so it is left alone.
 * @param {readonly Ending[]} endings
 * @param {(e: Ending, message: string) => void} reportOne
 */
function reportPolite(endings, reportOne) {
  for (const e of endings) {
    if (!e.polite || e.request) continue;
    reportOne(e, `だ・である調の記事に、です・ます調の文末「${e.run}」が混ざっています。だ・である調にそろえます。`);
  }
}

/** @param {RuleContext} context */
function reporter(context) {
  const { Syntax, RuleError, report, getSource, fixer } = context;
  return {
    /** @param {TxtParentNode} node */
    async [Syntax.Document](node) {
      const { tokenize } = require("./tokens.js");
      /** @type {Ending[]} */
      const endings = [];
      /** @type {{ node: TxtNode, index: number, plain: string, polite: string }[]} */
      const clauses = [];
      const profile = profileBoxNodes(node.children, getSource);
      for (const child of node.children) {
        if (child.type !== Syntax.Paragraph || profile.has(child)) continue;
        const source = getSource(child);
        // Quoted speech keeps its speaker's style: masked, same length, so positions hold.
        const text = source.replace(QUOTED, (q) => "＿".repeat(q.length));
        for (const sentence of text.matchAll(SENTENCE)) {
          // A line that stops at a comma is cut, not ended (a caption, a list written as lines).
          if (/[、，,]\s*$/u.test(sentence[0])) continue;
          const tokens = await tokenize(sentence[0]);
          const found = ending(tokens);
          if (found.polite)
            for (const c of plainClauses(tokens))
              clauses.push({ node: child, index: /** @type {number} */ (sentence.index) + c.at - 1, plain: c.plain, polite: c.polite });
          const index = /** @type {number} */ (sentence.index) + (found.plainVerb ? found.verbAt : found.at) - 1;
          const run = found.plainVerb ? sentence[0].slice(found.verbAt - 1).replace(/[。．.]+$/u, "") : found.run;
          const request = /くださ|下さ|お願い|ござい/u.test(sentence[0]);
          endings.push({ node: child, index, run, polite: found.polite, plain: found.plain, plainVerb: found.plainVerb, request });
        }
      }
      const polite = endings.filter((e) => e.polite).length;
      const plain = endings.filter((e) => e.plain);
      const verbs = endings.filter((e) => e.plainVerb);
      if (polite > 0 && clearlyPlain(polite, plain.length + verbs.length)) {
        reportPolite(endings, (e, message) => report(e.node, new RuleError(message, { index: e.index })));
        return;
      }
      if (polite === 0 || plain.length > polite) return;
      // Plain verb endings count only in an article that is clearly です・ます: a diary in the
      // plain style has many, a です・ます article a slip or two. A notice of a few sentences has
      // too few to be clear: there a tie goes to です・ます, the norm of city articles.
      const clear = endings.length <= SHORT ? polite >= plain.length + verbs.length : polite >= 2 && polite >= 2 * (plain.length + verbs.length);
      if (clear) plain.push(...verbs);
      for (const e of plain) {
        if (DEARU.test(e.run)) continue; // counted above (it decides the article's style), reported by the preset
        const better = POLITE_FORMS.get(e.run);
        const message = `です・ます調の記事に、だ・である調の文末「${e.run}」が混ざっています。${better ? `「${better}」のように` : "です・ます調に"}そろえます。`;
        const fix = better ? fixer.replaceTextRange([e.index, e.index + e.run.length], better) : undefined;
        report(e.node, new RuleError(message, { index: e.index, ...(fix && { fix }) }));
      }
      for (const c of clauses) {
        const message = `です・ます調の文の途中に、だ・である調の「${c.plain === "だ" ? "だ" : "だった"}」が混ざっています。「${c.plain === "だ" ? "です" : "でした"}」のようにそろえます。`;
        report(c.node, new RuleError(message, { index: c.index, fix: fixer.replaceTextRange([c.index, c.index + c.plain.length], c.polite) }));
      }
    },
  };
}

module.exports = { linter: reporter, fixer: reporter };
