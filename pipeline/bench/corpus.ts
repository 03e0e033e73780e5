/**
 * A generated corpus of municipal articles for `npm run bench`. Every sentence is unique:
 * the Japanese tokenizer memoises repeated text, so a corpus of recombined paragraphs
 * flatters every tool. Seeded, so every run measures the same text.
 */

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const places = [
  "北ひばり",
  "南ひばり",
  "東ひばり",
  "西ひばり",
  "中央",
  "ひばり台",
  "みどり町",
  "さくら通り",
  "川端",
  "山手",
  "駅前",
  "港町",
  "若葉",
  "青葉台",
  "桜ケ丘",
  "つつじ野",
  "もみじ坂",
  "ゆり園",
  "あおい町",
  "すみれ台",
];
const facilities = [
  "公民館",
  "図書館",
  "児童館",
  "体育館",
  "市民センター",
  "交流プラザ",
  "子育てひろば",
  "郷土資料館",
  "農業公園",
  "コミュニティホール",
  "福祉センター",
  "生涯学習館",
];
const events = [
  "季節の料理教室",
  "親子の工作会",
  "野菜の収穫体験",
  "防災の学習会",
  "絵本の読み聞かせ会",
  "健康づくり講座",
  "地域の清掃活動",
  "写真の撮り方講座",
  "手話の入門講座",
  "昔遊びの体験会",
  "環境の学習会",
  "花の苗の配布会",
  "朝のラジオ体操",
  "地元の歴史を学ぶ会",
  "スマートフォンの相談会",
];
const people = [
  "小学生",
  "子育て中の保護者",
  "地域の高齢者",
  "中学生",
  "大学生",
  "近所の家族連れ",
  "ボランティアの皆さん",
  "初めて参加した人",
  "転入してきた家族",
  "地元の農家の方",
];
const activities = [
  "意見交換",
  "作品づくり",
  "軽い運動",
  "料理の試食",
  "資料の見学",
  "道具の使い方の練習",
  "地図づくり",
  "花壇の手入れ",
  "聞き取り調査",
  "発表の準備",
];
const feelings = [
  "楽しかった",
  "勉強になった",
  "また参加したい",
  "家でも続けたい",
  "友達を誘いたい",
  "思ったより簡単だった",
  "子どもが喜んでいた",
  "地域のことを知れた",
];
const names = [
  "佐藤",
  "鈴木",
  "高橋",
  "田中",
  "伊藤",
  "渡辺",
  "山本",
  "中村",
  "小林",
  "加藤",
  "吉田",
  "山田",
  "松本",
  "井上",
  "木村",
  "林",
  "清水",
  "山口",
  "森",
  "池田",
];
const weekdays = ["月", "火", "水", "木", "金", "土", "日"];
const items = ["筆記用具", "飲み物", "タオル", "上履き", "エプロン", "帽子", "マスク", "雨具", "軍手", "汚れてもよい服"];
const targets = ["市内に住んでいる人", "市内に通勤している人", "小学生とその保護者", "65歳以上の人", "中学生以上の人", "市内の子育て世帯"];
const headings = [
  "当日の様子",
  "参加した人の声",
  "活動の内容",
  "次回のお知らせ",
  "会場について",
  "申し込みの方法",
  "担当者の話",
  "これまでの歩み",
  "準備の工夫",
  "地域とのつながり",
];

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

const templates: ((r: Rng) => string)[] = [
  (r) => `${pick(r, places)}地区の${pick(r, facilities)}で、${pick(r, events)}が${int(r, 1, 12)}月${int(r, 1, 28)}日に開かれました。`,
  (r) => `当日は${int(r, 8, 180)}人ほどの${pick(r, people)}が集まり、${pick(r, activities)}に取り組みました。`,
  (r) => `参加した${pick(r, names)}さんは「${pick(r, feelings)}です」と笑顔で話していました。`,
  (r) => `${pick(r, facilities)}では、毎週${pick(r, weekdays)}曜日の${int(r, 9, 16)}時から${pick(r, events)}を続けています。`,
  (r) => `参加費は${int(r, 1, 30) * 100}円で、${pick(r, targets)}なら誰でも申し込めます。`,
  (r) => `持ち物は${pick(r, items)}と${pick(r, items)}で、定員は先着${int(r, 10, 60)}人です。`,
  (r) => `運営する${pick(r, places)}の団体は、${int(r, 2, 40)}年前から${pick(r, activities)}を大切にしてきました。`,
  (r) => `${pick(r, names)}さんによると、${pick(r, people)}の参加が${int(r, 2, 9)}割ほど増えたそうです。`,
  (r) => `会場の${pick(r, facilities)}は${pick(r, places)}駅から歩いて${int(r, 3, 25)}分ほどの場所にあります。`,
  (r) => `次回は${int(r, 1, 12)}月${int(r, 1, 28)}日の${pick(r, weekdays)}曜日に、${pick(r, events)}を予定しています。`,
  (r) => `${pick(r, people)}からは、${pick(r, activities)}の時間をもっと長くしてほしいという声が${int(r, 3, 40)}件寄せられました。`,
  (r) => `${pick(r, names)}さんは、${pick(r, places)}で${int(r, 2, 30)}年にわたって${pick(r, events)}に関わっています。`,
];

export interface CorpusArticle {
  path: string;
  text: string;
}

const writers = ["hinata", "komorebi", "hibari-npo"];
const categories = ["kurashi", "kosodate", "shigoto", "hito", "event"];

/** `count` articles of about 700–1,000 characters, with headings, lists, a table and a link. */
export function generateCorpus(count: number, seed = 20261123): CorpusArticle[] {
  const rng = mulberry32(seed);
  const seen = new Set<string>();
  const sentence = (): string => {
    for (;;) {
      const s = pick(rng, templates)(rng);
      if (!seen.has(s)) {
        seen.add(s);
        return s;
      }
    }
  };
  const paragraph = (n: number) => Array.from({ length: n }, sentence).join("\n");
  return Array.from({ length: count }, (_, i) => {
    const id = String(i + 1).padStart(4, "0");
    const sections = [0, 1, 2].map(() => `## ${pick(rng, headings)}${int(rng, 1, 99)}\n\n${paragraph(int(rng, 3, 5))}`);
    const list = Array.from({ length: 3 }, () => `- ${sentence()}`).join("\n");
    const table = `| 項目 | 内容 |\n| --- | --- |\n| 日時 | ${int(rng, 1, 12)}月${int(rng, 1, 28)}日 ${int(rng, 9, 15)}時から |\n| 会場 | ${pick(rng, places)}地区の${pick(rng, facilities)} |`;
    const text = [
      "---",
      `title: ${pick(rng, places)}の${pick(rng, events)}（第${i + 1}号）`,
      `writer: ${writers[i % writers.length]}`,
      `date: 2026-${String(int(rng, 1, 12)).padStart(2, "0")}-${String(int(rng, 1, 28)).padStart(2, "0")}`,
      `summary: ${sentence()}`,
      `category: ${categories[i % categories.length]}`,
      "---",
      "",
      paragraph(3),
      "",
      sections[0],
      "",
      list,
      "",
      sections[1],
      "",
      table,
      "",
      sections[2],
      "",
      `くわしくは[${pick(rng, facilities)}の案内ページ](https://www.city.hibarino.example/info/${id}/)をご覧ください。`,
      "",
    ].join("\n");
    return { path: `articles/bench/${id}.md`, text };
  });
}
