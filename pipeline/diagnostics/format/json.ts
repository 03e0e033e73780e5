import type { Diagnostic } from "../diagnostic.ts";
import type { CheckReport } from "../report.ts";

/** The public message shape of `check --format json` (DESIGN.md, version 1). */
export function publicMessage(d: Diagnostic) {
  return {
    ruleId: d.ruleId,
    source: d.source,
    severity: d.severity,
    message: d.message,
    ...(d.line !== undefined && { line: d.line, column: d.column ?? 1 }),
    ...(d.endLine !== undefined && { endLine: d.endLine, endColumn: d.endColumn }),
    ...(d.fix && { fix: d.fix }),
    ...(d.suggestion && { suggestion: d.suggestion }),
    ...(d.url && { url: d.url }),
  };
}

export function formatJson(report: CheckReport): string {
  const doc = {
    version: 1,
    files: report.files.map((f) => ({
      path: f.path,
      messages: f.messages.map(publicMessage),
      ...(report.stats?.[f.path] && { stats: report.stats[f.path] }),
    })),
    summary: report.summary,
    ...(report.images && { images: report.images }),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
