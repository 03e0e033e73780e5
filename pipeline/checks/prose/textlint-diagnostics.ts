import type { Diagnostic, Severity } from "../../diagnostics/diagnostic.ts";
import { stamp, ruleDocsUrl } from "../../diagnostics/rules.ts";
import { LineIndex } from "../../article/positions.ts";
import type { TextlintMessage } from "./textlint.mjs";
import { textlintMessageJa } from "./messages-ja.ts";

const severities: Record<number, Severity> = { 1: "warning", 2: "error", 3: "info" };

/** Every textlint rule, kawaraban's and upstream ones alike, is explained in Japanese in docs/rules.md. */
export function textlintRuleUrl(ruleId: string): string {
  return ruleDocsUrl(ruleId);
}

/**
 * textlint's messages in the project's one diagnostic shape. The span is the fix's range
 * where there is one (textlint's own range is often a single character), so an editor
 * highlights the whole word being replaced.
 */
export function textlintToDiagnostics(path: string, raw: string, messages: readonly TextlintMessage[]): Diagnostic[] {
  const index = new LineIndex(raw);
  return messages.map((m) => {
    const range = m.fix?.range ?? m.range;
    const start = m.fix ? index.point(range[0]) : m.loc.start;
    const end = m.fix ? index.point(range[1]) : m.loc.end;
    const identity = { id: m.ruleId, source: "textlint" as const, url: textlintRuleUrl(m.ruleId) };
    const d = stamp(identity, severities[m.severity] ?? "error", path, textlintMessageJa(m.ruleId, m.message), { start, end });
    if (m.fix) {
      d.fix = { range: [m.fix.range[0], m.fix.range[1]], text: m.fix.text };
      d.suggestion = index.suggestion(d.fix.range, d.fix.text);
    } else if (m.suggestions?.[0]) {
      // A rule's suggestion is offered for one click in the PR, never applied by --fix.
      const { range, text } = m.suggestions[0].fix;
      d.suggestion = index.suggestion([range[0], range[1]], text);
    }
    return d;
  });
}
