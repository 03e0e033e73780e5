import { describe, it, expect, beforeAll } from "vitest";
import { articleText } from "../../pipeline/article/article.ts";
import { lintProse, type ProseRun } from "../../pipeline/checks/prose/stage.ts";
import type { Diagnostic } from "../../pipeline/diagnostics/diagnostic.ts";
import { SAMPLE_ROOT } from "../support/repo.ts";

// Sentences written for this project (never third-party text): each mistake with the words it is
// on, and sentences an editor would leave alone.
const FRONT = "---\ntitle: 見本\nwriter: hinata\ndate: 2026-11-01\nsummary: 見本です。\n---\n\n";
const FOUND: [string, string, string, string?][] = [
  // [sentence, rule, the wrong words, the fixed sentence when the fix is certain]
  ["図書館のの本を借りました。", "kawaraban/repeated-word", "のの", "図書館の本を借りました。"],
  ["子どもたちが遊んでる間に片付けました。", "kawaraban/verb-forms", "でる", "子どもたちが遊んでいる間に片付けました。"],
  ["よく知ってるお店に寄りました。", "kawaraban/verb-forms", "てる", "よく知っているお店に寄りました。"],
  ["みんなで歌を楽しんでた。", "kawaraban/verb-forms", "でた", "みんなで歌を楽しんでいた。"],
  ["公民館で毎週教えてます。", "kawaraban/verb-forms", "てます", "公民館で毎週教えています。"],
  ["春の講座としてを開きました。", "kawaraban/grammar", "を", "春の講座としてを開きました。".replace("てを", "て")],
  ["雨に気付きていませんでした。", "kawaraban/grammar", "気付きて"],
  ["たくさんの方にご協力いただいました。", "kawaraban/grammar", "いただいまし"],
  ["参加できるでしょか。", "kawaraban/grammar", "か", "参加できるでしょうか。"],
  ["当日は受付の確認しました。", "kawaraban/grammar", "の"],
  ["みどり保育園に務めて十年になります。", "kawaraban/common-mistakes", "務め", "みどり保育園に勤めて十年になります。"],
  ["来場者は三百人を越える見込みです。", "kawaraban/common-mistakes", "を越え", "来場者は三百人を超える見込みです。"],
  ["コロナ渦でも続けてきました。", "kawaraban/common-mistakes", "渦", "コロナ禍でも続けてきました。"],
  ["地区の民族芸能を受け継ぎます。", "kawaraban/common-mistakes", "民族", "地区の民俗芸能を受け継ぎます。"],
  ["雨具は必ず必要です。", "kawaraban/common-mistakes", "必ず必要", "雨具は必要です。"],
  ["講師の方がお話してくださいました。", "kawaraban/common-mistakes", "お話", "講師の方がお話ししてくださいました。"],
  ["地域つくりの話し合いです。", "kawaraban/common-mistakes", "つくり", "地域づくりの話し合いです。"],
  ["しっかりしてして安心しました。", "kawaraban/repeated-word", "してして", "しっかりして安心しました。"],
  ["会場はこちら」と案内しました。", "kawaraban/grammar", "」"],
  ["朝市では野菜の買い物をすることができます。", "kawaraban/redundant-expression", "をすることができ", "朝市では野菜の買い物ができます。"],
  ["予約することができます。", "kawaraban/redundant-expression", "することができ", "予約できます。"],
  ["朝市は毎週開かれています。野菜がとても安いのだ。", "kawaraban/plain-style", "だ", "朝市は毎週開かれています。野菜がとても安いのです。"],
  ["会場は駅前です。去年は雨だった。", "kawaraban/plain-style", "だった", "会場は駅前です。去年は雨でした。"],
];
const QUIET = [
  "「毎日ここで遊んでます」と話していました。",
  "市の管理する公園で開きました。",
  "ゆっくり話してください。",
  "ますます楽しみになりました。",
  "自分本位にならないよう気をつけています。",
  "また来年ね(^^♪",
  "■料理教室[西箕輪公民館]",
  "午後3時～午後6時",
  "ひばり野市立図書館",
  "手づくりのパンとまちづくりの話をしました。",
  "地域の人の話をじっくり聞きました。",
  "混沌（こんとん）とした会場が、やがて落ち着きました。混沌の中にも笑顔がありました。",
  "店主さんとお話ししてから、昔のお話を聞きました。",
  "こども家庭課の方に、子どもの遊び場について聞きました。",
  "会場は駅前です。「ここは大事な場所だ」と話していました。",
  "この町の朝市は古い歴史を持つ。野菜がとても安いのである。",
  "見学会は楽しかったです。\n\n【プロフィール】\n市内在住のライターだ。二児の母である。",
];

let found: ProseRun;
let quiet: ProseRun;
const fileOf = (i: number, kind: string) => `articles/2026/11/${kind}-${i}.md`;

beforeAll(async () => {
  found = await lintProse(
    SAMPLE_ROOT,
    FOUND.map(([text], i) => articleText(fileOf(i, "found"), `${FRONT}${text}\n`).text!),
  );
  quiet = await lintProse(
    SAMPLE_ROOT,
    QUIET.map((text, i) => articleText(fileOf(i, "quiet"), `${FRONT}${text}\n`).text!),
  );
}, 120_000);

const apply = (raw: string, d: Diagnostic) => raw.slice(0, d.fix!.range[0]) + d.fix!.text + raw.slice(d.fix!.range[1]);

describe("prose detectors built on the tokenizer and on context", () => {
  it.each(FOUND.map((f, i) => [f[0], i] as const))("%s", (sentence, i) => {
    const [, rule, wrong, fixed] = FOUND[i]!;
    const raw = `${FRONT}${sentence}\n`;
    const lineStart = FRONT.length;
    const mine = found.results.get(fileOf(i, "found"))!.diagnostics.filter((d) => d.ruleId === rule && d.line === 8);
    expect(mine.length, JSON.stringify(found.results.get(fileOf(i, "found"))!.diagnostics.map((d) => d.ruleId))).toBeGreaterThan(0);
    // On the wrong words themselves, not merely on the line.
    const at = lineStart + sentence.indexOf(wrong);
    const on = mine.find((d) => {
      const start = lineStart + (d.column ?? 1) - 1;
      const end = d.endLine === 8 ? lineStart + (d.endColumn ?? 1) - 1 : start + 1;
      return start < at + wrong.length && at <= Math.max(end, start + 1);
    });
    expect(on, `${rule} on 「${wrong}」`).toBeDefined();
    if (fixed) expect(apply(raw, mine.find((d) => d.fix)!)).toBe(`${FRONT}${fixed}\n`);
  });

  it("leaves quoted speech, relative clauses, words, faces, labels and names alone", () => {
    for (const [i, text] of QUIET.entries()) {
      const loud = quiet.results.get(fileOf(i, "quiet"))!.diagnostics.filter((d) => d.severity !== "info");
      expect(
        loud.map((d) => `${d.ruleId}: ${d.message}`),
        text,
      ).toEqual([]);
    }
  });
});

describe("beginner mistakes written after the rules (tests/fixtures/prose/beginner-mistakes-heldout.json)", () => {
  it("finds at least 37 of the 40 on their line", async () => {
    const { readFile } = await import("node:fs/promises");
    const path = await import("node:path");
    const { REPO_ROOT } = await import("../support/repo.ts");
    const list = JSON.parse(await readFile(path.join(REPO_ROOT, "tests/fixtures/prose/beginner-mistakes-heldout.json"), "utf8")) as {
      kind: string;
      text: string;
    }[];
    expect(list).toHaveLength(40);
    const run = await lintProse(
      SAMPLE_ROOT,
      list.map((m, i) => articleText(fileOf(i, "heldout"), `${FRONT}${m.text}\n`).text!),
    );
    const missed = list.filter((m, i) => !run.results.get(fileOf(i, "heldout"))!.diagnostics.some((d) => d.line === 8 && d.severity !== "info"));
    expect(missed.length, missed.map((m) => m.text).join("\n")).toBeLessThanOrEqual(3);
  }, 120_000);
});
