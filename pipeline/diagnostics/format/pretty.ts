import type { CheckReport, FormatOptions } from "../report.ts";
import { severityLabel } from "../report.ts";

// Plain SGR codes: util.styleText decides colour from process.stdout by itself, but the
// stream here is injected and the caller has already decided (TTY, NO_COLOR, FORCE_COLOR).
const sgr = { red: [31, 39], yellow: [33, 39], blue: [34, 39], green: [32, 39], dim: [2, 22], underline: [4, 24] } as const;
type Style = keyof typeof sgr;

/** Human output for a terminal: grouped by file, in Japanese, coloured only on a TTY. */
export function formatPretty(report: CheckReport, options: FormatOptions = {}): string {
  const paint = (style: Style, text: string) => (options.color ? `\u001b[${sgr[style][0]}m${text}\u001b[${sgr[style][1]}m` : text);
  const severityStyle = { error: "red", warning: "yellow", info: "blue" } as const;
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.messages.length === 0) continue;
    lines.push(paint("underline", file.path));
    const positions = file.messages.map((m) => (m.line !== undefined ? `${m.line}:${m.column ?? 1}` : ""));
    const width = Math.max(...positions.map((p) => p.length));
    file.messages.forEach((m, i) => {
      const label = paint(severityStyle[m.severity], severityLabel[m.severity]);
      lines.push(`  ${(positions[i] ?? "").padStart(width)}  ${label}  ${m.message}  ${paint("dim", m.ruleId)}`);
    });
    lines.push("");
  }
  const { files, errors, warnings } = report.summary;
  if (errors === 0 && warnings === 0) {
    lines.push(paint("green", `✓ 問題は見つかりませんでした（${files} ファイルを確認）`));
  } else {
    const mark = errors > 0 ? paint("red", "✖") : paint("yellow", "⚠");
    lines.push(`${mark} エラー ${errors} 件・警告 ${warnings} 件（${files} ファイルを確認）`);
  }
  return `${lines.join("\n")}\n`;
}
