import { describe, it, expect } from "vitest";
import { textlintToDiagnostics } from "../../pipeline/checks/prose/textlint-diagnostics.ts";
import type { TextlintMessage } from "../../pipeline/checks/prose/textlint.mjs";

const raw = "---\ntitle: t\n---\n\nこれは例文です。\r\n次の行です。\n";
const at = raw.indexOf("例文");
const message = (extra: Partial<TextlintMessage>): TextlintMessage =>
  ({
    type: "lint",
    ruleId: "some-rule",
    message: "Something is off.",
    line: 5,
    column: 3,
    index: at,
    range: [at, at + 1],
    loc: { start: { line: 5, column: 3 }, end: { line: 5, column: 4 } },
    severity: 2,
    ...extra,
  }) as TextlintMessage;

describe("textlint messages in the one diagnostic shape", () => {
  it("uses the fix's range for the span and offers the fixed line as a suggestion", () => {
    const [d] = textlintToDiagnostics("a.md", raw, [message({ fix: { range: [at, at + 2], text: "見本" } })]);
    expect(d).toMatchObject({
      line: 5,
      column: 4,
      endLine: 5,
      endColumn: 6,
      fix: { range: [at, at + 2], text: "見本" },
      suggestion: { line: 5, endLine: 5, text: "これは見本です。" },
    });
    expect(d!.message).toBe("文章の書き方を確認してください（some-rule）。"); // never raw English
  });

  it("offers a rule's suggestion for one click, but never as an automatic fix", () => {
    const [d] = textlintToDiagnostics("a.md", raw, [
      message({ suggestions: [{ id: "s", message: "m", fix: { range: [at, at + 2], text: "文例" } }] } as Partial<TextlintMessage>),
    ]);
    expect(d!.fix).toBeUndefined();
    expect(d!.suggestion).toEqual({ line: 5, endLine: 5, text: "これは文例です。" });
  });

  it("maps severities: 1 warning, 2 error, 3 info", () => {
    expect(
      textlintToDiagnostics(
        "a.md",
        raw,
        ([1, 2, 3] as const).map((severity) => message({ severity })),
      ).map((d) => d.severity),
    ).toEqual(["warning", "error", "info"]);
  });
});
