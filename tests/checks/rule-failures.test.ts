import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { articleText } from "../../pipeline/article/article.ts";
import { lintProse } from "../../pipeline/checks/prose/stage.ts";
import { REPO_ROOT } from "../support/repo.ts";

// Upstream rules meet text their authors never saw: arabic-kanji-numbers threw "Wrong sequence of
// numerals" on 「十二三回」「三四十万円」 (an everyday way of writing a rough number), and the throw
// failed every article of the run with an internal error.
const FRONT = "---\ntitle: 見本\nwriter: hinata\ndate: 2026-11-01\nsummary: 見本です。\n---\n\n";
const text = (i: number, body: string) => articleText(`articles/2026/11/r${i}.md`, `${FRONT}${body}\n`).text!;

describe("a rule that throws on one paragraph", () => {
  it("loses only its own finding there: the article's other findings and every other article stay", async () => {
    const run = await lintProse(REPO_ROOT, [
      text(0, "講座は十二三回目で、費用は三四十万円ほどでした。みんなで歌を楽しんでました。"),
      text(1, "朝市は毎週開かれています。公民館で毎週教えてます。"),
    ]);
    const first = run.results.get("articles/2026/11/r0.md")!.diagnostics;
    expect(first.filter((d) => d.ruleId === "internal/exception")).toEqual([]);
    const failed = first.filter((d) => d.ruleId === "kawaraban/rule-failed");
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((d) => d.severity === "info" && d.line === 8 && d.message.includes("arabic-kanji-numbers"))).toBe(true);
    expect(first.some((d) => d.ruleId === "kawaraban/verb-forms")).toBe(true); // the same paragraph, still checked
    const second = run.results.get("articles/2026/11/r1.md")!.diagnostics;
    expect(second.map((d) => d.ruleId)).toContain("kawaraban/verb-forms");
    expect(second.filter((d) => d.ruleId === "kawaraban/rule-failed" || d.ruleId === "internal/exception")).toEqual([]);
  }, 120_000);

  it("never fails an article for any mix of numerals, brackets, marks and symbols", async () => {
    // Runs of numerals before the words number rules look for (万, 回, つ, か月, 第…章), among marks.
    const numerals = fc.string({ unit: fc.constantFrom(..."〇一二三四五六七八九十百千壱弐参拾0１"), minLength: 1, maxLength: 6 });
    const word = fc.constantFrom("万", "億", "兆", "回", "つ", "か月", "番目", "章", "人", "円", "年");
    const mark = fc.string({ unit: fc.constantFrom(..."、。・ー〜「」『』()（）！？%※♪\u3099\u200b\n*_`#>-|第数何"), maxLength: 3 });
    const piece = fc.tuple(mark, numerals, word).map((p) => p.join(""));
    const bodies = fc.sample(
      fc.array(piece, { minLength: 1, maxLength: 5 }).map((p) => p.join("")),
      { numRuns: 60, seed: 26 },
    );
    const texts = bodies.map((b, i) => text(100 + i, `今回は${b}でした。`));
    const run = await lintProse(REPO_ROOT, texts);
    for (const [i, t] of texts.entries()) {
      const internal = run.results.get(t.path)!.diagnostics.filter((d) => d.ruleId === "internal/exception");
      expect(internal, JSON.stringify(bodies[i])).toEqual([]);
    }
  }, 120_000);
});
