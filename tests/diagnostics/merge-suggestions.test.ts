import { describe, it, expect } from "vitest";
import { mergeLineSuggestions } from "../../pipeline/diagnostics/merge-suggestions.ts";
import { lineTextsOf } from "../../pipeline/checks/baseline.ts";
import { LineIndex } from "../../pipeline/article/positions.ts";
import type { Diagnostic } from "../../pipeline/diagnostics/diagnostic.ts";

describe("one suggestion per line", () => {
  it("merges every fix on a line into one suggestion that applies them all (golden)", () => {
    const raw = "---\ntitle: t\n---\n\n子供たちと友達がｶﾌｪに行きました!\n次の行です。\n";
    const index = new LineIndex(raw);
    const fix = (from: string, to: string, ruleId: string): Diagnostic => {
      const start = raw.indexOf(from);
      const range: [number, number] = [start, start + from.length];
      return {
        ruleId,
        source: "textlint",
        severity: "warning",
        message: `${from}→${to}`,
        path: "articles/a.md",
        line: 5,
        column: 1,
        fix: { range, text: to },
        suggestion: index.suggestion(range, to),
      };
    };
    const merged = mergeLineSuggestions(
      [fix("子供", "子ども", "prh"), fix("ｶﾌｪ", "カフェ", "no-hankaku-kana"), fix("!", "！", "exclamation"), fix("友達", "友だち", "prh")],
      lineTextsOf([{ path: "articles/a.md", raw }]),
    );
    const withSuggestion = merged.filter((d) => d.suggestion);
    expect(withSuggestion).toHaveLength(1);
    expect(withSuggestion[0]!.suggestion).toEqual({ line: 5, endLine: 5, text: "子どもたちと友だちがカフェに行きました！" });
    // Each finding keeps its own fix for --fix.
    expect(merged.every((d) => d.fix)).toBe(true);
  });

  it("leaves a line with one suggestion as it is", () => {
    const raw = "子供\n";
    const index = new LineIndex(raw);
    const d: Diagnostic = {
      ruleId: "prh",
      source: "textlint",
      severity: "warning",
      message: "m",
      path: "a.md",
      line: 1,
      fix: { range: [0, 2], text: "子ども" },
      suggestion: index.suggestion([0, 2], "子ども"),
    };
    expect(mergeLineSuggestions([d], lineTextsOf([{ path: "a.md", raw }]))).toEqual([d]);
  });
});
