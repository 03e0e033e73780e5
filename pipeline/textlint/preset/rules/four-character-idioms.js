// @ts-check
"use strict";
/**
 * A 四字熟語 written with a kanji of the same sound (part of kawaraban/likely-mistakes, warnings):
 * 「臨期応変」「自我自賛」「危機一発」「意味慎重」「短刀直入」 — for every idiom below and every
 * such slip, not a list of slips. A run of four kanji that is not the idiom, shares two of its
 * places with it, and reads the same where it differs (each differing word of the run, as the
 * tokenizer splits it, read alone or where it stands, against the idiom's characters in the same
 * places, tokenized alone) is the idiom converted wrong. A run the dictionary knows as one word
 * (「一所懸命」) is a word, not a slip.
 */
const { tokenize } = require("./tokens.js");
const { coveredByCertain } = require("./phrases-certain.js");

/** The idioms in their right form: common in city and community writing (data, not slips). */
const IDIOMS = `
臨機応変 心機一転 試行錯誤 一石二鳥 一期一会 十人十色 自画自賛 危機一髪 絶体絶命 単刀直入
意味深長 五里霧中 無我夢中 異口同音 以心伝心 一心同体 一心不乱 一生懸命 一所懸命 一朝一夕
一長一短 一進一退 一喜一憂 一挙両得 一部始終 一網打尽 一目瞭然 一刀両断 一日千秋
一触即発 一騎当千 一念発起 一致団結 一攫千金 右往左往 紆余曲折 温故知新 花鳥風月 我田引水
画竜点睛 感慨無量 完全無欠 起死回生 喜怒哀楽 奇想天外 疑心暗鬼 急転直下 旧態依然 共存共栄
興味津々 切磋琢磨 空前絶後 公明正大 孤軍奮闘 言語道断 古今東西 再三再四 三寒四温
三者三様 四苦八苦 自業自得 七転八倒 質実剛健 弱肉強食 縦横無尽 取捨選択 首尾一貫 順風満帆
諸行無常 支離滅裂 針小棒大 新進気鋭 森羅万象 深謀遠慮 晴耕雨読 青天白日 正々堂々 責任転嫁
千載一遇 千差万別 前代未聞 前途多難 前途洋々 善男善女 創意工夫 大器晩成 大同小異 大胆不敵
多種多様 単純明快 適材適所 電光石火 天真爛漫 天変地異 東奔西走 独立独歩 日進月歩 二者択一
八方美人 半信半疑 百発百中 品行方正 不言実行 不眠不休 付和雷同 粉骨砕身 平身低頭 傍若無人
本末転倒 無病息災 無味乾燥 明鏡止水 面目躍如 問答無用 優柔不断 油断大敵 用意周到 羊頭狗肉
理路整然 老若男女 和洋折衷 和気藹々 悪戦苦闘 暗中模索 意気投合 意気消沈 意気揚々 意志薄弱
一汁三菜 一家団欒 一言一句 一日一善 一宿一飯 一世一代 一方通行 因果応報 有為転変
栄枯盛衰 遠交近攻 音信不通 快刀乱麻 我武者羅 外柔内剛 家内安全 眼光炯々 勧善懲悪
気宇壮大 起承転結 喜色満面 奇々怪々 脚下照顧 驚天動地 虚心坦懐 謹厳実直
金科玉条 空理空論 君子豹変 軽挙妄動 鶏口牛後 捲土重来 堅忍不抜 厚顔無恥 荒唐無稽 公序良俗
広大無辺 豪華絢爛 極悪非道 後生大事 五穀豊穣 誇大妄想 才色兼備 三位一体 自給自足 自信満々
時期尚早 自然淘汰 自暴自棄 四面楚歌 終始一貫 十中八九 熟慮断行 主客転倒 春夏秋冬
笑止千万 常住坐臥 正真正銘 少数精鋭 枝葉末節 神出鬼没 心頭滅却 新陳代謝 誠心誠意
生々流転 清廉潔白 是々非々 責任重大 絶対安静 千客万来 前人未到 前人未踏 先手必勝 全身全霊 全力投球
専守防衛 相思相愛 速戦即決 率先垂範 大義名分 大言壮語 泰然自若 多事多難 他力本願
単身赴任 地域密着 朝令暮改 直情径行 沈思黙考 津々浦々 適者生存 徹頭徹尾 天下泰平
天衣無縫 当意即妙 同床異夢 独断専行 二束三文 日常茶飯 年功序列 馬耳東風 博学多才 薄利多売
波瀾万丈 美辞麗句 百花繚乱 表裏一体 風光明媚 不易流行 不可抗力 複雑怪奇 不撓不屈 不老長寿
文武両道 平穏無事 平和共存 変幻自在 放歌高吟 抱腹絶倒 無理難題 明朗快活 名所旧跡
門外不出 有言実行 勇往邁進 有名無実 悠々自適 油断禁物 利害得失 立身出世 流言飛語
良妻賢母 冷静沈着 和魂洋才 三日坊主 安全第一 一汁一菜 家族団欒 子孫繁栄
商売繁盛 健康長寿 心願成就 地産地消 自由闊達 半官半民 官民一体
前途有望 才気煥発 百戦錬磨 用意万端 準備万端 気分転換 東西南北 孤立無援 意気軒昂 一念発起 自由自在
`
  .split(/\s+/u)
  .filter((idiom) => /^[\u4e00-\u9fff々]{4}$/u.test(idiom));

const KNOWN = new Set(IDIOMS);
const RUN = /[\u4e00-\u9fff々]{4,}/gu;

/** The idioms that hold a given kanji at two given places: "ij" + both kanji → idioms. */
const BY_PAIR = (() => {
  /** @type {Map<string, string[]>} */
  const index = new Map();
  for (const idiom of KNOWN) {
    for (let i = 0; i < 4; i++) {
      for (let j = i + 1; j < 4; j++) {
        const key = `${i}${j}${idiom[i]}${idiom[j]}`;
        index.set(key, [...(index.get(key) ?? []), idiom]);
      }
    }
  }
  return index;
})();

/** @param {string} text */
async function reading(text) {
  const tokens = await tokenize(text);
  if (tokens.some((t) => !t.reading || t.reading === "*")) return undefined;
  return tokens.map((t) => t.reading).join("");
}

/**
 * Whether `run` reads as `idiom` where they differ: each word of the run that holds a differing
 * kanji, against the idiom's characters in its places.
 * @param {string} run
 * @param {string} idiom
 */
async function soundsAlike(run, idiom) {
  const words = await tokenize(run);
  if (words.length === 1 && words[0]?.word_type === "KNOWN") return false;
  // Read where it stands, the whole run sounds like the idiom (「意心伝心」 イシンデンシン), or, one
  // kanji off, all but one kana of it (「千差満別」 センサマンベツ, 「二足三文」 ニソクサンブン: the
  // tokenizer reads the run's other kanji apart, not as the idiom's sounds).
  const differing = [...idiom].filter((c, i) => c !== run[i]).length;
  if (words.every((w) => w.reading && w.reading !== "*")) {
    const [own, meant] = [words.map((w) => w.reading).join(""), (await reading(idiom)) ?? ""];
    if (own === meant) return true;
    if (differing === 1 && own.length === meant.length && [...own].filter((c, i) => c !== meant[i]).length <= 1) return true;
  }
  // One kanji off, in a word the tokenizer reads as a person's name (「風光明美」 メイビ read アケミ,
  // 「千客満来」 マン read ミツル): a name's reading says nothing of the kanji's sound.
  let start = 0;
  for (const word of words) {
    const end = start + word.surface_form.length;
    const own = run.slice(start, end);
    const meant = idiom.slice(start, end);
    // Or in a word it cannot read at all (「共存共営」: 営 alone has no reading): no word of the
    // dictionary, so nothing the writer meant but the idiom.
    const unread = !word.reading || word.reading === "*";
    if (own !== meant && differing === 1 && (word.pos_detail_2 === "人名" || unread)) {
      start = end;
      continue;
    }
    if (own !== meant) {
      // The run's word is read alone and where it stands: 「辺」 alone is あたり, in 「臨機応辺」 へん.
      const [a, b] = [await reading(own), await reading(meant)];
      if (b === undefined || (a !== b && word.reading !== b)) return false;
    }
    start = end;
  }
  return true;
}

/**
 * @param {string} text
 * @param {import("./japanese-text.js").Found} found
 */
async function fourCharacterIdioms(text, found) {
  for (const match of text.matchAll(RUN)) {
    const at = /** @type {number} */ (match.index);
    for (let offset = 0; offset + 4 <= match[0].length; offset++) {
      const run = match[0].slice(offset, offset + 4);
      if (KNOWN.has(run)) break;
      const meant = await idiomMeant(run);
      if (meant === undefined) continue;
      // One finding per place: a slip the certain list knows (「自我自賛」) is an error there.
      if (coveredByCertain(run)) break;
      found(at + offset, `「${run}」は四字熟語「${meant}」の変換の誤りではありませんか。`, { replace: 4, text: meant }, 4);
      break;
    }
  }
}

/** @param {string} run four kanji that are no idiom */
async function idiomMeant(run) {
  /** @type {Set<string>} */
  const near = new Set();
  for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) for (const idiom of BY_PAIR.get(`${i}${j}${run[i]}${run[j]}`) ?? []) near.add(idiom);
  for (const idiom of near) {
    const differing = [...idiom].filter((c, i) => c !== run[i]).length;
    if (differing <= 2 && (await soundsAlike(run, idiom))) return idiom;
  }
  return undefined;
}

module.exports = { fourCharacterIdioms };
