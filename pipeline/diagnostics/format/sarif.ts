import type { Diagnostic } from "../diagnostic.ts";
import type { CheckReport, FormatOptions } from "../report.ts";
import { absoluteDocsUrl } from "../report.ts";
import type { Rule } from "../rules.ts";

const level = { error: "error", warning: "warning", info: "note" } as const;

/** SARIF 2.1.0, as GitHub code scanning and other viewers read it. Columns are UTF-16 code units. */
export function formatSarif(report: CheckReport, options: FormatOptions & { version?: string; findRule?: (id: string) => Rule | undefined } = {}): string {
  const ruleIds = [...new Set(report.files.flatMap((f) => f.messages.map((m) => m.ruleId)))].sort();
  const rules = ruleIds.map((id) => {
    const rule = options.findRule?.(id);
    const example = report.files.flatMap((f) => f.messages).find((m) => m.ruleId === id);
    const helpUri = absoluteDocsUrl(example?.url, options.repositoryUrl);
    return {
      id,
      shortDescription: { text: rule?.title ?? id },
      ...(helpUri && { helpUri }),
      properties: { source: example?.source },
    };
  });
  const results = report.files.flatMap((file) => file.messages.map((m) => result(file.path, m, ruleIds.indexOf(m.ruleId))));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "kawaraban",
            ...(options.repositoryUrl && { informationUri: options.repositoryUrl }),
            version: options.version ?? "0.0.0",
            rules,
          },
        },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function result(path: string, m: Diagnostic, ruleIndex: number) {
  const region =
    m.line !== undefined
      ? {
          startLine: m.line,
          startColumn: m.column ?? 1,
          ...(m.endLine !== undefined && { endLine: m.endLine, endColumn: m.endColumn }),
        }
      : undefined;
  return {
    ruleId: m.ruleId,
    ruleIndex,
    level: level[m.severity],
    message: { text: m.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(path), uriBaseId: "%SRCROOT%" }, ...(region && { region }) } }],
  };
}
