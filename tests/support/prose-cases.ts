import { describe, it, expect, beforeAll } from "vitest";
import { articleText } from "../../pipeline/article/article.ts";
import { lintProse, type ProseRun } from "../../pipeline/checks/prose/stage.ts";
import type { Diagnostic } from "../../pipeline/diagnostics/diagnostic.ts";
import { SAMPLE_ROOT } from "./repo.ts";

/** [sentence, rule, the wrong words, the fixed sentence when the fix is certain] */
export type FoundCase = [string, string, string, string?];

const FRONT = "---\ntitle: 見本\nwriter: hinata\ndate: 2026-11-01\nsummary: 見本です。\n---\n\n";
const LINE = 8;
const fileOf = (i: number, kind: string) => `articles/2026/11/${kind}-${i}.md`;
const apply = (raw: string, d: Diagnostic) => raw.slice(0, d.fix!.range[0]) + d.fix!.text + raw.slice(d.fix!.range[1]);

/**
 * Each FOUND sentence gets a finding of its rule on the wrong words themselves (not merely on the
 * line), with the fix when one is given; each QUIET text gets no error and no warning, and no
 * finding at all of a rule `quietInfo` names (the 表記 rules, whose findings are info). Sentences
 * are written for this project, never third-party text.
 */
export function describeProseCases(title: string, FOUND: FoundCase[], QUIET: string[], quietTitle: string, root = SAMPLE_ROOT, quietInfo?: RegExp) {
  let found: ProseRun;
  let quiet: ProseRun;
  beforeAll(async () => {
    found = await lintProse(
      root,
      FOUND.map(([text], i) => articleText(fileOf(i, "found"), `${FRONT}${text}\n`).text!),
    );
    quiet = await lintProse(
      root,
      QUIET.map((text, i) => articleText(fileOf(i, "quiet"), `${FRONT}${text}\n`).text!),
    );
  }, 120_000);

  describe(title, () => {
    it.each(FOUND.map((f, i) => [f[0], i] as const))("%s", (sentence, i) => {
      const [, rule, wrong, fixed] = FOUND[i]!;
      const raw = `${FRONT}${sentence}\n`;
      const lineStart = FRONT.length;
      const all = found.results.get(fileOf(i, "found"))!.diagnostics;
      const mine = all.filter((d) => d.ruleId === rule && d.line === LINE);
      expect(mine.length, JSON.stringify(all.map((d) => d.ruleId))).toBeGreaterThan(0);
      const at = lineStart + sentence.indexOf(wrong);
      const on = mine.find((d) => {
        const start = lineStart + (d.column ?? 1) - 1;
        const end = d.endLine === LINE ? lineStart + (d.endColumn ?? 1) - 1 : start + 1;
        return start < at + wrong.length && at <= Math.max(end, start + 1);
      });
      expect(on, `${rule} on 「${wrong}」`).toBeDefined();
      if (fixed) expect(apply(raw, mine.find((d) => d.fix)!)).toBe(`${FRONT}${fixed}\n`);
    });

    it(quietTitle, () => {
      for (const [i, text] of QUIET.entries()) {
        const loud = quiet.results.get(fileOf(i, "quiet"))!.diagnostics.filter((d) => d.severity !== "info" || quietInfo?.test(d.ruleId));
        expect(
          loud.map((d) => `${d.ruleId}: ${d.message}`),
          text,
        ).toEqual([]);
      }
    });
  });
}
