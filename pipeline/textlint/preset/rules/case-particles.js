// @ts-check
"use strict";
/**
 * A case particle the verb does not take (part of kawaraban/likely-mistakes, warnings), judged
 * on the tokenizer's reading of the verb, whatever its form: 「バスを乗って」「大会を参加しました」
 * 「地域を貢献する」 (these verbs take に), 「優勝に目指して」「ルールに守って」 (these take を),
 * 「外をあります」「人を集まって」 (a verb without an object: が or に). Only a noun, the particle
 * and the verb next to each other (an adverb may stand between), and only verbs whose case is
 * not a matter of meaning: 「階段を上がる」「門を入る」 (を for the way through) are right and not
 * listed.
 */

const { coveredByCertain } = require("./phrases-certain.js");

const { TAKES_NI, TAKES_TO, NO_OBJECT, TAKES_WO, KEPT, ADVERBIAL } = require("./case-frames.js");

/**
 * @typedef {import("./japanese-text.js").Token} Token
 * @param {Token} token
 */
const verbOf = (token) => (token.pos === "名詞" && token.pos_detail_1 === "サ変接続" ? token.surface_form : token.basic_form);

/** Verbs that follow a て form as helpers (「驚いている」「濡れてしまう」): the を is still the first verb's. */
const HELPERS = /^(?:いる|いく|くる|しまう|おく|ある|みる|ほしい|もらう|くれる|いただく|くださる)$/u;

/**
 * 「夜道を濡れて帰る」「一日を黙って過ごす」「寒空の下を震えながら待つ」: an intransitive verb joined
 * by て or ながら to a verb after it; the を is that verb's (a route, a span of time).
 * @param {readonly Token[]} tokens
 * @param {number} i the intransitive verb
 */
function objectOfNextVerb(tokens, i) {
  let k = i + 1;
  if (!/^(?:て|で|ながら)$/u.test(tokens[k]?.surface_form ?? "")) return false;
  k++;
  const next = tokens[k];
  if (next?.pos === "動詞" && !HELPERS.test(next.basic_form)) return true;
  return next?.pos === "名詞" && next.pos_detail_1 === "サ変接続" && doneBy(tokens[k + 1]);
}

/**
 * Reports a case particle the verb at `tokens[i]` does not take.
 * @param {readonly Token[]} tokens
 * @param {number} i
 * @param {import("./japanese-text.js").Found} found
 */
function wrongCase(tokens, i, found) {
  const verb = /** @type {Token} */ (tokens[i]);
  const sahen = verb.pos === "名詞" && verb.pos_detail_1 === "サ変接続";
  if (!(verb.pos === "動詞" && verb.pos_detail_1 === "自立") && !(sahen && doneBy(tokens[i + 1]))) return;
  // 「本を返いて」: the tokenizer's guess at a broken form (verb-euphony reports it), not the verb 返る.
  if (verb.conjugated_form === "体言接続特殊２") return;
  // 「人を並ばせる」「人に守られる」「信頼を勝ち取る」: a causative, a passive or a compound verb takes its own particles.
  const next = tokens[i + 1];
  // 「できる限り」「できるだけ」: adverbs, not the verb.
  if (/^(?:限り|かぎり|だけ)$/u.test(next?.surface_form ?? "")) return;
  // 「言葉を励みに」「地図を頼りに」: a verb's stem before に is a noun, not the verb.
  if (!sahen && verb.conjugated_form === "連用形" && next?.surface_form === "に") return;
  if (
    voiced(next) ||
    (sahen && (voiced(tokens[i + 2]) || /^さ/u.test(next?.surface_form ?? ""))) ||
    (!sahen && next?.pos === "動詞" && next.pos_detail_1 === "自立")
  )
    return;
  let p = i - 1;
  if (tokens[p]?.pos === "副詞") p--;
  const particle = tokens[p];
  const noun = tokens[p - 1];
  if (particle?.pos !== "助詞" || particle.pos_detail_1 !== "格助詞" || !partner(noun)) return;
  const word = verbOf(verb);
  // 「面した」 is read as the classical 面す: the writer's verb is 面する.
  const dict = sahen ? `${word}する` : word === "面す" ? "面する" : word;
  // The whole noun before the particle (「消防士さん」「広さ」, not 「士さん」「さ」), at most four tokens
  // back: a noun after a noun, or a suffix after whatever it is attached to.
  const joins = (/** @type {Token | undefined} */ before, /** @type {Token | undefined} */ part) =>
    before !== undefined && part?.pos === "名詞" && (before.pos === "名詞" || part.pos_detail_1 === "接尾");
  let from = p - 1;
  while (from > p - 4 && joins(tokens[from - 1], tokens[from])) from--;
  const head = tokens
    .slice(from, p)
    .map((t) => t.surface_form)
    .join("");
  const words = `「${head}${tokens
    .slice(p, i + 1)
    .map((t) => t.surface_form)
    .join("")}」の「${particle.surface_form}」`;
  const at = particle.word_position - 1;
  // 「役を努める」: the certain list reports the verb's kanji (務める), not the particle.
  if (particle.surface_form === "を" && TAKES_NI.has(word) && !coveredByCertain(`${head}を${verb.surface_form}`)) {
    found(at, `${words}は「に」ではありませんか（「〜に${dict}」と言います）。`, { replace: 1, text: "に" }, 1);
  } else if (particle.surface_form === "を" && TAKES_TO.has(word)) {
    found(at, `${words}は「と」ではありませんか（「〜と${dict}」と言います）。`, { replace: 1, text: "と" }, 1);
  } else if (particle.surface_form === "を" && NO_OBJECT.has(word) && !objectOfNextVerb(tokens, i)) {
    found(at, `${words}は「が」か「に」ではありませんか（「${dict}」は「〜を」をとりません）。`, undefined, 1);
  } else if (particle.surface_form === "に" && TAKES_WO.has(word) && (word !== "守る" || KEPT.test(head)) && !forSomeone(tokens, i)) {
    found(at, `${words}は「を」ではありませんか（「〜を${dict}」と言います）。`, { replace: 1, text: "を" }, 1);
  }
}

/**
 * 「病気が少なくする」「ことが嬉しく思います」: an adjective's く form before する, or before 思う・感じる
 * after a clause (こと・の), describes what the verb acts on, which takes を (「病気を少なくする」
 * 「ことを嬉しく思います」). 「少なくなる」 (intransitive) and 「子どもが楽しく感じる」 (who feels) are right.
 * @param {readonly Token[]} tokens
 * @param {number} i the adjective
 * @param {import("./japanese-text.js").Found} found
 */
function subjectForObject(tokens, i, found) {
  const [particle, adjective, verb] = [tokens[i - 1], tokens[i], tokens[i + 1]];
  const noun = tokens[i - 2];
  const clause = /^(?:こと|事|の)$/u.test(noun?.surface_form ?? "");
  if (particle?.surface_form !== "が" || particle.pos_detail_1 !== "格助詞" || !(clause || partner(noun))) return;
  if (adjective?.pos !== "形容詞" || !String(adjective.conjugated_form).startsWith("連用")) return;
  if (verb?.pos !== "動詞" || !/^(?:する|思う|感じる)$/u.test(verb.basic_form)) return;
  // 「子どもが楽しく感じる」: が is who feels it; only a clause (「ことが」「のが」) is what is felt.
  if (verb.basic_form !== "する" && !clause) return;
  found(
    particle.word_position - 1,
    `「${noun?.surface_form}が${adjective.surface_form}${verb.surface_form}」の「が」は「を」ではありませんか（「〜を${adjective.surface_form}${verb.basic_form}」）。`,
    { replace: 1, text: "を" },
    1,
  );
}

/**
 * 「机の下を身を守りましょう」「名簿を名前を確認します」: two を before one verb, with nothing but a
 * noun phrase between them. A verb in its て form (「料理を手を使って食べる」) leaves the first を
 * to a later verb, and a causative (「子どもを道を渡らせる」) takes two; neither is reported.
 * @param {readonly Token[]} tokens
 * @param {number} i the verb
 * @param {import("./japanese-text.js").Found} found
 */
function doubledObject(tokens, i, found) {
  const verb = /** @type {Token} */ (tokens[i]);
  const sahen = verb.pos === "名詞" && verb.pos_detail_1 === "サ変接続" && doneBy(tokens[i + 1]);
  if (!(verb.pos === "動詞" && verb.pos_detail_1 === "自立") && !sahen) return;
  const after = tokens.slice(i + 1, i + (sahen ? 4 : 3));
  // 「教わっています」「確認してください」: て before a helping verb is still the same verb.
  const nextClause = (/** @type {Token} */ t, /** @type {number} */ k) =>
    t.pos === "助詞" && (/^(?:ながら|つつ|たり|だり)$/u.test(t.surface_form) || (/^[てで]$/u.test(t.surface_form) && !helping(after[k + 1])));
  if (after.some((t, k) => voiced(t) || nextClause(t, k))) return;
  // 「資産を技術を使い、…」: a verb in its continuative form may leave the first を to the next clause.
  const tail = sahen ? tokens[i + 1] : verb;
  const then = tokens[i + (sahen ? 2 : 1)];
  const helped = then?.pos === "助詞" && /^[てで]$/u.test(then.surface_form) && helping(tokens[i + (sahen ? 3 : 2)]);
  if (String(tail?.conjugated_form).startsWith("連用") && then?.pos !== "助動詞" && !helped) return;
  if (!objectMark(tokens[i - 1])) return;
  let p = i - 2;
  while (p >= 0 && inNounPhrase(/** @type {Token} */ (tokens[p]))) p--;
  const first = tokens[p];
  if (p === i - 2 || !objectMark(first) || !partner(tokens[p - 1])) return;
  const phrase = tokens
    .slice(p - 1, i + 1)
    .map((t) => t.surface_form)
    .join("");
  found(first.word_position - 1, `「${phrase}」は「を」が二つあります。一つ目は「で」「の」など別の助詞ではありませんか。`, undefined, 1);
}

/** Who can be asked to do something: people, groups and offices (「保護者が記入してください」 is right). */
const WHO =
  /(?:者|人|員|方|様|さま|さん|くん|ちゃん|長|生|児|師|士|家族|族|親|子|ども|供|たち|達|ら|本人|自身|各自|全員|皆|みんな|チーム|団体|会|部|課|係|校|園|所|局|店|社|班|組)$/u;

/** What a notice asks readers to do to a thing (transitive: 「体調が回復してください」 is no を slip). */
const ASKED = new Set(
  "記入 提出 申請 持参 確認 準備 用意 記載 入力 送付 返送 返却 分別 予約 登録 購入 回収 処分 着用 携帯 提示 記名 押印 添付 保管 確保 消毒 利用 使用 閲覧 申告 選択 記録 保存 撮影 掲示 配布 投函 郵送 送信 受信 清掃 整理 点検 管理".split(
    " ",
  ),
);

/**
 * 「名前が記入してください」「申込書がご提出ください」: a request's object marked with が. The one
 * asked to act may take が (「保護者が記入してください」), a thing cannot.
 * @param {readonly Token[]} tokens
 * @param {number} i the particle
 * @param {import("./japanese-text.js").Found} found
 */
function objectOfRequest(tokens, i, found) {
  const [noun, particle] = [tokens[i - 1], tokens[i]];
  if (particle?.surface_form !== "が" || particle.pos_detail_1 !== "格助詞" || !partner(noun)) return;
  const head = noun.pos_detail_1 === "接尾" ? `${tokens[i - 2]?.surface_form ?? ""}${noun.surface_form}` : noun.surface_form;
  if (noun.pos_detail_1 === "代名詞" || noun.pos_detail_1 === "固有名詞" || WHO.test(head)) return;
  let j = i + 1;
  const honorific = tokens[j]?.pos === "接頭詞" && /^[おご御]$/u.test(tokens[j]?.surface_form ?? "");
  if (honorific) j++;
  const act = tokens[j];
  if (act?.pos_detail_1 !== "サ変接続" || !ASKED.has(act.surface_form)) return;
  const rest = tokens
    .slice(j + 1, j + 4)
    .map((t) => t.surface_form)
    .join("");
  if (!(honorific ? /^(?:ください|下さい)/u : /^(?:してください|して下さい|してくださ|しましょう)/u).test(rest)) return;
  found(
    particle.word_position - 1,
    `「${head}が${honorific ? tokens[i + 1]?.surface_form : ""}${act.surface_form}」の「が」は「を」ではありませんか（${act.surface_form}するものには「を」を付けます）。`,
    { replace: 1, text: "を" },
    1,
  );
}

/**
 * 「翌日を休館日です」「予約を必要です」: を before a noun and the copula, with no verb to take it —
 * the noun is what the first one is, so the particle is が・は・に (「翌日が休館日です」).
 * @param {readonly Token[]} tokens
 * @param {number} i
 * @param {import("./japanese-text.js").Found} found
 */
function objectBeforeCopula(tokens, i, found) {
  const copula = /** @type {Token} */ (tokens[i]);
  if (copula.pos !== "助動詞" || !/^特殊・(?:デス|ダ)$/u.test(copula.conjugated_type) || copula.surface_form === "な") return;
  // The predicate's end (「です」「でした」), not the continuative で of 「みんなで作る」「必死で走る」.
  const next = tokens[i + 1];
  const ends = copula.conjugated_form === "基本形" || (next?.pos === "助動詞" && next.basic_form === "た");
  if (!ends || next?.pos === "名詞" || next?.pos === "動詞") return;
  let p = i - 1;
  while (p >= 0 && inNounPhrase(/** @type {Token} */ (tokens[p]))) p--;
  const mark = tokens[p];
  if (p === i - 1 || !objectMark(mark) || tokens[p - 1]?.pos !== "名詞") return;
  // 「寄付を募集中です」「海を大満喫です」: a verbal noun takes を; 「3本だった」 is a count, not a thing named.
  const phrase = tokens.slice(p + 1, i);
  const last = phrase.at(-1);
  if (last?.pos_detail_1 === "サ変接続" || phrase.some((t) => t.pos_detail_1 === "数")) return;
  if (phrase.some((t, k) => t.pos_detail_1 === "サ変接続" && /^(?:中|予定|済み|後)$/u.test(phrase[k + 1]?.surface_form ?? ""))) return;
  const words = tokens
    .slice(p - 1, i + 1)
    .map((t) => t.surface_form)
    .join("");
  found(mark.word_position - 1, `「${words}」の「を」を受ける動詞がありません。「が」「は」などではありませんか。`, undefined, 1);
}

/** いる, しまう, ください…: a helping verb after て, which belongs to the verb before it. @param {Token | undefined} token */
const helping = (token) =>
  (token?.pos === "動詞" && token.pos_detail_1 === "非自立") ||
  /^(?:ください|下さい|くださる|下さる|いただく|頂く|もらう|貰う|あげる|くれる|ほしい|欲しい)$/u.test(token?.basic_form ?? "");

/**
 * 「歴史を詳しいガイドが」「地域を詳しい方は」: を before an adjective, which takes no object (「歴史に
 * 詳しい」). Only where the adjective describes the next noun and that noun is a subject or a
 * topic: 「ボールを強い力で蹴る」「本を面白いと思う」 leave the を to a later verb.
 * @param {readonly Token[]} tokens
 * @param {number} i the adjective
 * @param {import("./japanese-text.js").Found} found
 */
function objectBeforeAdjective(tokens, i, found) {
  const adjective = /** @type {Token} */ (tokens[i]);
  if (adjective.pos !== "形容詞" || adjective.pos_detail_1 !== "自立" || adjective.conjugated_form !== "基本形") return;
  if (/^(?:ほしい|欲しい|無い|ない|良い|よい|いい)$/u.test(adjective.basic_form)) return;
  const mark = tokens[i - 1];
  if (!objectMark(mark) || !partner(tokens[i - 2])) return;
  let n = i + 1;
  while (tokens[n]?.pos === "名詞") n++;
  const after = tokens[n];
  if (n === i + 1 || after?.pos !== "助詞" || !/^(?:が|は)$/u.test(after.surface_form)) return;
  found(
    mark.word_position - 1,
    `「${tokens[i - 2]?.surface_form}を${adjective.surface_form}」の「を」は「に」などではありませんか（形容詞は「〜を」をとりません）。`,
    undefined,
    1,
  );
}

/**
 * 「駐車台数限りがあります」: a noun, then 限りがある, lacks its に (「台数に限りがあります」).
 * 「本日限りで」「力の限り」 are other uses.
 * @param {readonly Token[]} tokens
 * @param {number} i the noun
 * @param {import("./japanese-text.js").Found} found
 */
function missingNiBeforeLimit(tokens, i, found) {
  const [noun, limit, ga, aru] = tokens.slice(i, i + 4);
  if (!partner(noun) || noun.pos_detail_1 === "接尾" || limit?.surface_form !== "限り" || ga?.surface_form !== "が" || aru?.basic_form !== "ある") return;
  found(limit.word_position - 1, `「${noun.surface_form}限りが」は「${noun.surface_form}に限りが」の「に」が抜けていませんか。`, { insert: "に" });
}

/** @param {Token | undefined} token @returns {token is Token} */
const objectMark = (token) => token?.surface_form === "を" && token.pos_detail_1 === "格助詞";
/** Nouns (not a verb's stem with its kana), prefixes, の and adnominals: what a noun phrase between two particles is made of. @param {Token} token */
const inNounPhrase = (token) =>
  // 「高め」「走り」: a verb's continuative form read as a noun ends a clause, not a phrase.
  (token.pos === "名詞" && !/[\u4e00-\u9fff][\u3041-\u3096]+$/u.test(token.surface_form)) ||
  token.pos === "接頭詞" ||
  token.pos === "連体詞" ||
  (token.pos === "助詞" && token.pos_detail_1 === "連体化");

/**
 * A noun that can be the verb's partner: not a time or amount (「5月に目指す」), not a word of manner.
 * @param {Token | undefined} noun
 * @returns {noun is Token}
 */
function partner(noun) {
  if (noun?.pos !== "名詞" || ADVERBIAL.has(noun.surface_form)) return false;
  return /^(?:一般|固有名詞|サ変接続|接尾|代名詞|ナイ形容詞語幹)$/u.test(noun.pos_detail_1) && noun.surface_form !== "時";
}

/**
 * 「皆さんに楽しんでもらう」「子どもに守ってほしい」: に is who is asked to do it, not the partner.
 * @param {readonly Token[]} tokens
 * @param {number} i the verb
 */
function forSomeone(tokens, i) {
  const asked = (/** @type {Token[]} */ after) => {
    const te = after.findIndex((t) => t.pos === "助詞" && /^[てで]$/u.test(t.surface_form));
    return (
      te >= 0 && /^(?:もらう|もらえる|貰う|貰える|いただく|いただける|頂く|頂ける|ほしい|欲しい|くれる|くださる|下さる)$/u.test(after[te + 1]?.basic_form ?? "")
    );
  };
  if (asked(tokens.slice(i + 1, i + 4))) return true;
  // 「皆さんに楽しみ、リフレッシュしていただく」: the stem is the first of verbs the asking ends.
  if (tokens[i]?.conjugated_form !== "連用形" || tokens[i + 1]?.surface_form !== "、") return false;
  const clause = tokens.slice(i + 2, i + 10);
  const end = clause.findIndex((t) => /^[。、]$/u.test(t.surface_form));
  return asked(end >= 0 ? clause.slice(0, end) : clause);
}

/** する (or できる) after a サ変 noun makes it the verb. @param {Token | undefined} next */
const doneBy = (next) => next?.pos === "動詞" && /^(?:する|できる|出来る)$/u.test(next.basic_form);

/** 「守られる」「並ばせる」: the passive or causative changes who takes which particle. @param {Token | undefined} next */
const voiced = (next) => next?.pos === "動詞" && next.pos_detail_1 === "接尾";

module.exports = {
  wrongCase,
  subjectForObject,
  doubledObject,
  objectOfRequest,
  objectBeforeCopula,
  objectBeforeAdjective,
  missingNiBeforeLimit,
};
