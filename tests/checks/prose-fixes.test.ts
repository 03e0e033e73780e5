import { describe, it, expect, beforeAll } from "vitest";
import { articleText } from "../../pipeline/article/article.ts";
import { lintProse, type ProseRun } from "../../pipeline/checks/prose/stage.ts";
import type { Diagnostic } from "../../pipeline/diagnostics/diagnostic.ts";
import { SAMPLE_ROOT } from "../support/repo.ts";

// A fix must keep the sentence Japanese in every form of the verb it touches: a phrase list that
// replaced 「おっしゃられ」 with 「おっしゃっ」 made 「おっしゃました」. Each honorific verb here is
// written with the doubled 「れる」 in seven forms, and each fix must give the right form.
const FRONT = "---\ntitle: 見本\nwriter: hinata\ndate: 2026-11-01\nsummary: 見本です。\n---\n\n";
const FORMS: [string, string][] = [
  // [ending after the doubled れる, the right ending of a ラ行 verb (stem + this)]
  ["れた", "った"],
  ["れました", "りました"],
  ["れて", "って"],
  ["れます", "ります"],
  ["れる", "る"],
  ["れない", "らない"],
  ["れれば", "れば"],
];
// [the words before the verb's stem, the stem] — 「おっしゃ」+「らた」…
const VERBS: [string, string, boolean][] = [
  // [words before the stem, the ラ行 stem, 連用形 before ます is い]
  ["", "おっしゃ", true],
  ["", "いらっしゃ", true],
  ["", "召し上が", false],
  ["ご覧にな", "", false],
  ["お越しにな", "", false],
  ["お読みにな", "", false],
  ["ご出席にな", "", false],
  ["お召し上がりにな", "", false],
];
const CASES = VERBS.flatMap(([before, stem, i]) =>
  FORMS.map(([wrong, right]) => {
    const fixed = i && right.startsWith("り") && right !== "る" ? `い${right.slice(1)}` : right;
    return [`先生が${before}${stem}ら${wrong}。`, `先生が${before}${stem}${fixed}。`] as const;
  }),
);
// Set phrases whose right form is another verb: each form of the wrong one, with the fix expected
// (undefined: found, but with no fix, since the right form is not a one-word change).
const PHRASES: [string, string | undefined][] = [
  ["念頭に入れて", "念頭に置いて"],
  ["念頭に入れた", "念頭に置いた"],
  ["念頭に入れる", "念頭に置く"],
  ["念頭に入れます", "念頭に置きます"],
  ["念頭に入れれば", undefined],
  ["明るみになった", "明るみに出た"],
  ["明るみになる", "明るみに出る"],
  ["明るみになりました", "明るみに出ました"],
  ["明るみになれば", undefined],
  ["白羽の矢が当たった", "白羽の矢が立った"],
  ["白羽の矢が当たる", "白羽の矢が立つ"],
  ["白羽の矢が当たります", "白羽の矢が立ちます"],
  ["白羽の矢が当たらない", "白羽の矢が立たない"],
  ["白羽の矢が当たれば", undefined],
  ["伝言を伝えた", "伝言した"],
  ["伝言を伝える", "伝言する"],
  ["伝言を伝えます", "伝言します"],
  ["伝言を伝えれば", undefined],
  ["内定が決まった", "内定した"],
  ["内定が決まります", "内定します"],
  ["内定が決まる", "内定する"],
  ["内定が決まれば", undefined],
  ["采配を振るった", "采配を振った"],
  ["公算が強い", "公算が大きい"],
  ["公算が強かった", "公算が大きかった"],
  ["公算が強まる", undefined],
  ["返事を返した", "返事をした"],
  ["返事を返して", "返事をして"],
  ["返事を返す", "返事をする"],
  ["返事を返します", "返事をします"],
  ["返事を返さない", "返事をしない"],
  ["返事を返せば", undefined],
  ["被害を被った", "被害を受けた"],
  ["被害を被る", "被害を受ける"],
  ["被害を被ります", "被害を受けます"],
  ["被害を被らない", "被害を受けない"],
  ["被害を被れば", undefined],
  ["収入が入った", "収入があった"],
  ["収入が入る", "収入がある"],
  ["収入が入らない", "収入がない"],
  ["収入が入らず", undefined],
];
const PHRASE_CASES = PHRASES.map(([wrong, right]) => [`今回は${wrong}。`, right && `今回は${right}。`] as const);
const fileOf = (i: number) => `articles/2026/11/keigo-${i}.md`;
const phraseFile = (i: number) => `articles/2026/11/phrase-${i}.md`;
const apply = (raw: string, d: Diagnostic) => raw.slice(0, d.fix!.range[0]) + d.fix!.text + raw.slice(d.fix!.range[1]);

let run: ProseRun;
beforeAll(async () => {
  run = await lintProse(SAMPLE_ROOT, [
    ...CASES.map(([text], i) => articleText(fileOf(i), `${FRONT}${text}\n`).text!),
    ...PHRASE_CASES.map(([text], i) => articleText(phraseFile(i), `${FRONT}${text}\n`).text!),
  ]);
}, 120_000);

describe("二重敬語 is found by its form, and its fix keeps the verb's form", () => {
  it.each(CASES.map((c, i) => [c[0], c[1], i] as const))("%s → %s", (wrong, right, i) => {
    const raw = `${FRONT}${wrong}\n`;
    const findings = run.results.get(fileOf(i))!.diagnostics.filter((d) => d.line === 8 && d.severity !== "info");
    const keigo = findings.filter((d) => d.message.includes("二重敬語"));
    expect(keigo, JSON.stringify(findings.map((d) => d.message))).toHaveLength(1); // one finding per place
    expect(apply(raw, keigo[0]!)).toBe(`${FRONT}${right}\n`);
  });
});

describe("a set phrase whose right verb conjugates otherwise is fixed per form, or not at all", () => {
  it.each(PHRASE_CASES.map((c, i) => [c[0], c[1] ?? "(no fix)", i] as const))("%s → %s", (wrong, _, i) => {
    const right = PHRASE_CASES[i]![1];
    const raw = `${FRONT}${wrong}\n`;
    const findings = run.results.get(phraseFile(i))!.diagnostics.filter((d) => d.line === 8 && d.severity !== "info");
    const phrase = findings.filter((d) => /念頭|明るみ|白羽|伝言|内定|采配|公算|返事|被害を|収入が/.test(d.message));
    expect(phrase, JSON.stringify(findings.map((d) => d.message))).toHaveLength(1);
    if (right === undefined) expect(phrase[0]!.fix).toBeUndefined();
    else expect(apply(raw, phrase[0]!)).toBe(`${FRONT}${right}\n`);
  });
});
