import type { Diagnostic } from "../diagnostic.ts";
import type { CheckReport } from "../report.ts";

/** GitHub Actions workflow commands: one annotation per diagnostic, positioned in the file. */
export function formatGithub(report: CheckReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const m of file.messages) lines.push(annotation(file.path, m));
  }
  const { files, errors, warnings } = report.summary;
  lines.push(`kawaraban: エラー ${errors} 件・警告 ${warnings} 件（${files} ファイルを確認）`);
  return `${lines.join("\n")}\n`;
}

const command = { error: "error", warning: "warning", info: "notice" } as const;

function annotation(path: string, m: Diagnostic): string {
  const props: [string, string | number | undefined][] = [
    ["file", path],
    ["line", m.line],
    ["col", m.column],
    ["endLine", m.endLine],
    ["endColumn", m.endColumn],
    ["title", `${m.ruleId}`],
  ];
  const list = props
    .filter((p): p is [string, string | number] => p[1] !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(",");
  return `::${command[m.severity]} ${list}::${escapeData(m.message)}`;
}

// As in @actions/core's command.ts: data escapes % CR LF; properties also : and ,.
export function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
