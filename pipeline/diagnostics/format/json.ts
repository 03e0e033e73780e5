import type { Diagnostic } from "../diagnostic.ts";
import type { CheckReport } from "../report.ts";
import type { CheckReportDocument, ReportMessage } from "../../github/report-input.ts";

/** The public message shape of `check --format json` (DESIGN.md, version 1). */
export function publicMessage(d: Diagnostic): ReportMessage {
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

/**
 * The one report document: what `check --format json` prints, what the check job hands the
 * report job, and what the PR summary, line comments and check run are made from. The report
 * command builds it in memory from a check run the same way (no JSON round trip).
 */
export function reportDocument(report: CheckReport): CheckReportDocument {
  return {
    version: 1,
    files: report.files.map((f) => ({
      path: f.path,
      messages: f.messages.map(publicMessage),
      ...(report.stats?.[f.path] && { stats: report.stats[f.path] }),
    })),
    summary: report.summary,
    ...(report.images && { images: report.images }),
  };
}

export function formatJson(report: CheckReport): string {
  return `${JSON.stringify(reportDocument(report), null, 2)}\n`;
}
