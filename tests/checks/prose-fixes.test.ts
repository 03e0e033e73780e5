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
const fileOf = (i: number) => `articles/2026/11/keigo-${i}.md`;
const apply = (raw: string, d: Diagnostic) => raw.slice(0, d.fix!.range[0]) + d.fix!.text + raw.slice(d.fix!.range[1]);

let run: ProseRun;
beforeAll(async () => {
  run = await lintProse(
    SAMPLE_ROOT,
    CASES.map(([text], i) => articleText(fileOf(i), `${FRONT}${text}\n`).text!),
  );
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
