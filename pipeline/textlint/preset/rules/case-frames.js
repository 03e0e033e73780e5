// @ts-check
"use strict";
/**
 * The verbs' case frames kawaraban/likely-mistakes judges particles by (case-particles.js): data,
 * from the usage guides and a grammar guide's table of 自他 pairs, each list with what it leaves out.
 */

/** Verbs (and サ変 nouns, with する) whose partner takes に, never を. */
const TAKES_NI = new Set([
  ...[
    "乗る",
    "取り組む",
    "取組む",
    "従う",
    "似る",
    "会う",
    "勝つ",
    "負ける",
    "向かう",
    "着く",
    "座る",
    "通う",
    "住む",
    "慣れる",
    "気づく",
    "気付く",
    "鑑みる",
    "応える",
    "励む",
    "努める",
    "沿う",
    "基づく",
    "対する",
    "関する",
    "応じる",
    "反する",
    // Fourteenth round: verbs the usage guides give with に only.
    "こだわる",
    "拘る",
    "接する",
    // Fifteenth round (beginner list 31's family, on other verbs): longing, facing, belonging, answering.
    ...["憧れる", "あこがれる", "面する", "面す", "属する", "甘える", "関わる", "携わる"],
  ],
  ...[
    "位置",
    "参加",
    "貢献",
    "到着",
    "出席",
    "挑戦",
    "協力",
    "賛成",
    "反対",
    "合格",
    "入学",
    "入会",
    "所属",
    "感動",
    "注目",
    "配慮",
    "集中",
    "熱中",
    "来場",
    "来館",
    ...["加入", "加盟", "応募", "出場", "出演", "寄与", "従事", "専念", "没頭", "就任", "立候補", "到達", "満足", "反論", "依存"],
    ...["該当", "相当", "匹敵", "就職", "登場", "影響", "感謝"],
  ],
]);
/** サ変 nouns whose partner takes と (「留学生と交流する」「隣町と対戦する」), never を. */
const TAKES_TO = new Set(["交流", "対戦", "結婚", "握手", "提携", "連携", "共演", "合流"]);
/** Verbs with no object (each has a partner that takes one: 集める, 始める…): the noun takes が (or に). */
const NO_OBJECT = new Set([
  ...["ある", "有る", "なる", "成る", "集まる", "始まる", "決まる", "届く", "並ぶ", "増える", "減る", "広がる", "続く", "残る", "見つかる", "伝わる", "育つ"],
  ...[
    "閉まる",
    "止まる",
    "変わる",
    "起きる",
    "起こる",
    "壊れる",
    "揃う",
    "そろう",
    "見える",
    "聞こえる",
    "できる",
    "出来る",
    "盛り上がる",
    "入り交じる",
    "入り混じる",
  ],
  // 「興味を湧く」「花を咲く」: their partners are 湧かせる・咲かせる…
  ...["湧く", "沸く", "咲く", "深まる", "高まる", "溢れる", "あふれる", "生まれる", "実る", "膨らむ", "固まる"],
  // Fifteenth round: the intransitive member of every 自他 pair a grammar guide lists, without the
  // ones that take を for a route, a place left or another sense (出る, 通る, 上がる, 着く, 寄る …).
  ...`
    加わる 掛かる 受かる 埋まる 収まる 納まる 治まる 重なる 絡まる 極まる 広まる 強まる 弱まる 早まる
    丸まる 温まる 暖まる 改まる 静まる 鎮まる 染まる 締まる 助かる 備わる 定まる 詰まる つながる 儲かる
    休まる 据わる 挟まる 塞がる 刺さる 混ざる 縮まる 薄まる 狭まる 緩まる 溜まる はまる ぶつかる 捕まる
    まとまる 当てはまる ぶら下がる 仕上がる 立ち上がる 連なる 勤まる 務まる 空く 建つ 整う 浮かぶ 沈む 緩む
    痛む 傷む 縮む 片付く 近づく 傾く 叶う 和らぐ 落ち着く くっつく 結びつく 傷つく 役立つ 波立つ
    泡立つ 色づく 遠のく 濡れる 倒れる 汚れる 崩れる 潰れる 隠れる 遅れる 晴れる 荒れる 枯れる 漏れる
    揺れる 乱れる 現れる 表れる こぼれる ずれる 剥がれる 紛れる 焦げる ばれる 埋もれる 鳴る 冷える 冷める
    覚める 燃える 生える 絶える 消える 煮える 伸びる 延びる 満ちる 滅びる 尽きる 懲りる 返る 直る
    治る 写る 映る 散らかる 載る 驚く 困る 黙る 太る 眠る 寝る 散る 光る 輝く
    響く 轟く なびく 凍る 腐る 乾く 震える 転ぶ 死ぬ 照る 和む 潤う 賑わう 目立つ
    際立つ 苛立つ 更ける 浮く 騒ぐ 揺らぐ 及ぶ 滅ぶ 凹む 滲む 綻ぶ 生き返る 裏返る ひっくり返る
    引っ込む ふやける とろける 尖る 匂う 香る 茂る
  `
    .split(/\s+/u)
    .filter(Boolean),
]);
/** Verbs whose partner takes を, never に (in the active voice: 「ルールに守られる」 is right). */
const TAKES_WO = new Set(["目指す", "目ざす", "守る", "楽しむ", "味わう"]);
/** 守る takes に for a place on the field (「後ろ目に守る」): only rules are kept with を. */
const KEPT = /(?:ルール|約束|規則|マナー|決まり|きまり|期限|締め?切り?|法律|時間)$/u;
/** Nouns that are how or when, not a partner: 「一緒に目指す」「本格的に取り組む」. */
const ADVERBIAL = new Set([
  "一緒",
  "共",
  "とも",
  "本格",
  "最後",
  "最初",
  "次",
  "更",
  "さら",
  "真剣",
  "必死",
  "懸命",
  "本気",
  "存分",
  "十分",
  "充分",
  "同時",
  "交互",
  "順番",
  "個別",
  "一斉",
  "別々",
  "各自",
  "自由",
]);

module.exports = { TAKES_NI, TAKES_TO, NO_OBJECT, TAKES_WO, KEPT, ADVERBIAL };
