// @ts-check
"use strict";
/**
 * い抜き言葉, judged on the tokenizer's part of speech and conjugation (not on word lists): a
 * て/で form directly followed by an auxiliary that needs 「いる」 — 「遊んでます」「書いてた」
 * 「知ってるお店」「行ってない」 → 「でいます」「ていた」「ている」「ていない」, before a noun and at
 * the end of a sentence alike. Reported by kawaraban/verb-forms (an error) in a です・ます
 * sentence; in a plain one (the writer's casual register, or a thought written as spoken:
 * 「何してるんだろう？」「起きてんねん！」) by kawaraban/likely-mistakes as a warning. In quoted
 * speech the speaker's own words stay (the kawaraban filter); an aside in brackets is the writer's
 * own voice, judged like a plain sentence.
 */

/** @typedef {import("./japanese-text.js").Token} Token */

/** @param {{ surface_form: string; pos: string; pos_detail_1: string } | undefined} t */
const isTeForm = (t) => t !== undefined && t.pos === "助詞" && t.pos_detail_1 === "接続助詞" && (t.surface_form === "て" || t.surface_form === "で");

/**
 * @param {Token} prev
 * @param {Token} token
 * @param {readonly Token[]} tokens
 * @param {number} i where `token` is
 * @param {import("./japanese-text.js").Found} found
 */
function iNuki(prev, token, tokens, i, found) {
  const at = token.word_position - 1;
  // 「待ってました！」「待ってましたのおかわり」: the set phrase of a cheer, not a verb form to mend.
  const cheer = tokens[i - 2]?.basic_form === "待つ" && token.surface_form === "まし" && /^(?:の|!|！|」)$/u.test(tokens[i + 2]?.surface_form ?? "");
  if (cheer) return;
  // 「組み立てます」 read as 組み立 + て + ます: an 一段 stem of two or more characters always ends in
  // kana, so one ending in a kanji is a dictionary entry cut short and the て is the verb's own.
  const stem = tokens[i - 2];
  if (stem?.pos === "動詞" && stem.conjugated_type === "一段" && /^.+[\u4e00-\u9fff]$/u.test(stem.surface_form)) return;
  // 「遊んでます」「書いてた」「手伝ってたり」: the て/で form, then ます, た or たり without いる between them.
  const pastOrList =
    (token.pos === "助動詞" && (token.basic_form === "ます" || token.basic_form === "た")) || (token.pos === "助詞" && token.surface_form === "たり");
  if (isTeForm(prev) && pastOrList) {
    found(at, `「${prev.surface_form}${token.surface_form}」は「い抜き言葉」です。「${prev.surface_form}い${token.surface_form}」と書きます。`, {
      insert: "い",
    });
  }
  // 「負けてられません」「見てられない」「配ってらっしゃる」: いられる (いる's potential) and いらっしゃる
  // without their い. 「建てられる」 is a stem and られる, with no て between them.
  if (isTeForm(prev) && ((token.pos === "動詞" && token.pos_detail_1 === "接尾" && token.basic_form === "られる") || token.basic_form === "らっしゃる")) {
    const shown = token.surface_form.slice(0, token.basic_form === "らっしゃる" ? 4 : 2);
    found(at, `「${prev.surface_form}${shown}」は「い抜き言葉」です。「${prev.surface_form}い${shown}」と書きます。`, { insert: "い" });
  }
  // 「知ってる」「遊んでる」「言ってた」「行ってない」: the tokenizer's own てる/でる.
  // 「並んでて」: after the て/で form the tokenizer reads the dropped いて as てる's 連用形.
  if (token.pos === "動詞" && token.pos_detail_1 === "非自立" && token.basic_form === "てる" && isTeForm(prev) && token.surface_form === "て") {
    found(at, `「${prev.surface_form}て」は「い抜き言葉」です。「${prev.surface_form}いて」と書きます。`, { insert: "い" });
  }
  // 「並んでてとても」「読んでてわかる」: the dropped いて read as a second particle て.
  if (token.pos === "助詞" && token.surface_form === "て" && isTeForm(prev) && tokens[i - 2]?.pos === "動詞") {
    found(at, `「${prev.surface_form}て」は「い抜き言葉」です。「${prev.surface_form}いて」と書きます。`, { insert: "い" });
  }
  // でる follows only a verb's 音便 (「遊ん」「泳い」): after 「ひらめき」 the で is a particle the tokenizer misread.
  const dropped = token.basic_form === "てる" || (token.basic_form === "でる" && prev.conjugated_form === "連用タ接続");
  if (token.pos === "動詞" && token.pos_detail_1 === "非自立" && dropped && prev.pos === "動詞") {
    const next = tokens[i + 1];
    const shown = `${token.surface_form}${next && next.pos === "助動詞" ? next.surface_form : ""}`;
    // 「してんの」「起きてんねん」「してんだ」: てん is てる with its る said as ん (before の・ね・な),
    // or てるん (before だ・です): the い alone does not make it right.
    if (/^[てで]ん$/u.test(token.surface_form)) {
      const right = `${token.surface_form[0]}いる${/^[のねな]/u.test(next?.surface_form ?? "") ? "" : "ん"}`;
      found(token.word_position - 1, `「${token.surface_form}」は「い抜き言葉」です。「${right}」と書きます。`, { replace: 2, text: right }, 2);
    } else found(token.word_position, `「${shown}」は「い抜き言葉」です。「${shown[0]}い${shown.slice(1)}」と書きます。`, { insert: "い" });
  }
}

/** A sentence's end, and a polite form inside one. */
const ENDS = /[。！？!?…\n]/u;
const POLITE = /です|ます|でし|まし|ませ/u;

/**
 * Whether the sentence around `at` is plain (no です・ます in it): there い抜き is the writer's
 * register or a thought written as spoken (「東京に住んでた時より寒くない。」「何してるんだろう？」),
 * while in a polite sentence (「遊んでました！」) it is a slip in narration.
 * @param {string} text
 * @param {number} at
 */
function plainAt(text, at) {
  if (inAside(text, at)) return true;
  let start = at;
  while (start > 0 && !ENDS.test(text[start - 1] ?? "")) start--;
  const end = text.slice(at).search(ENDS);
  return !POLITE.test(text.slice(start, end < 0 ? text.length : at + end));
}

/**
 * Whether `at` is inside brackets opened on its line and not yet closed (「（まだセールはしてません！）」):
 * an aside in the writer's own voice, like quoted speech, not the article's narration.
 * @param {string} text
 * @param {number} at
 */
function inAside(text, at) {
  let depth = 0;
  for (let i = at - 1; i >= 0 && text[i] !== "\n"; i--) {
    const ch = text[i] ?? "";
    if (ch === ")" || ch === "）") depth++;
    else if (ch === "(" || ch === "（") {
      if (depth === 0) return true;
      depth--;
    }
  }
  return false;
}

/**
 * Whether `at` is in words quoted without brackets: the clause ends in a sentence-final particle
 * or mark and 「と」/「って」 before a verb of saying (「いつも飲んでますよ、と言ってくれて」
 * 「楽しんでるって話していました」). Those are the speaker's words, kept as in 「」.
 * @param {string} text
 * @param {number} at
 */
function spokenAt(text, at) {
  const rest = text.slice(at, at + 40);
  return REPORTED.test(rest) || REPORTED_TTE.test(rest);
}
const SAYING = "(?:言|い[っうわい]|話|おっしゃ|笑|叫|つぶや|呟|声をかけ|返)";
/** A thought reported the same way (「遠慮してるのかな？と見ており」「できてるかな！と思い」). */
const THINKING = "(?:思|考え|感じ|見|眺め)";
const REPORTED = new RegExp(`^[^、。「」\\n]{0,10}?(?:[よねわなさぞ〜~ー]|[！!？?])+[、,]?\\s*(?:って|と)(?:${SAYING}|${THINKING})`, "u");
const REPORTED_TTE = new RegExp(`^[^、。「」\\n]{0,6}?って${SAYING}`, "u");

module.exports = { iNuki, plainAt, spokenAt };
