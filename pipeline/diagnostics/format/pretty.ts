import type { CheckReport, FormatOptions } from "../report.ts";
import { severityLabel } from "../report.ts";
import { logSafe } from "../../text-safety.ts";

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
    // Names and messages carry writer text: one line each, never a workflow command (CI logs).
    lines.push(paint("underline", logSafe(file.path)));
    const positions = file.messages.map((m) => (m.line !== undefined ? `${m.line}:${m.column ?? 1}` : ""));
    const width = Math.max(...positions.map((p) => p.length));
    file.messages.forEach((m, i) => {
      const label = paint(severityStyle[m.severity], severityLabel[m.severity]);
      lines.push(`  ${(positions[i] ?? "").padStart(width)}  ${label}  ${logSafe(m.message)}  ${paint("dim", m.ruleId)}`);
    });
    lines.push("");
  }
  lines.push(...statsTable(report, paint));
  const { files, errors, warnings, baselined } = report.summary;
  if (baselined) lines.push(paint("dim", `（ベースラインにある既存の指摘 ${baselined} 件は表示していません）`));
  if (errors === 0 && warnings === 0) {
    lines.push(paint("green", `✓ 問題は見つかりませんでした（${files} ファイルを確認）`));
  } else {
    const mark = errors > 0 ? paint("red", "✖") : paint("yellow", "⚠");
    lines.push(`${mark} エラー ${errors} 件・警告 ${warnings} 件（${files} ファイルを確認）`);
  }
  // Info with a fix is the city's 表記 and marks: not a problem, but one command away from done.
  const fixableInfo = report.files.reduce((n, f) => n + f.messages.filter((m) => m.severity === "info" && m.fix !== undefined).length, 0);
  if (fixableInfo > 0) lines.push(paint("dim", `（表記などの情報 ${fixableInfo} 件は \`npx kawaraban check --fix\` で直せます）`));
  return `${lines.join("\n")}\n`;
}

/** Character counts per article, for editors; left out for large runs where it would only scroll. */
const STATS_MAX_ROWS = 30;

function statsTable(report: CheckReport, paint: (style: Style, text: string) => string): string[] {
  const entries = Object.entries(report.stats ?? {});
  if (entries.length === 0 || entries.length > STATS_MAX_ROWS) return [];
  const width = Math.max(...entries.map(([path]) => path.length));
  const number = (n: number) => n.toLocaleString("ja-JP");
  const rows = entries.map(
    ([path, s]) =>
      `  ${logSafe(path).padEnd(width)}  ${number(s.characters).padStart(6)} 文字  ${String(s.sentences).padStart(3)} 文  平均 ${s.averageSentence.toFixed(1).padStart(5)} 字  最長 ${String(s.longestSentence).padStart(3)} 字  漢字 ${Math.round(
        s.kanjiRatio * 100,
      )
        .toString()
        .padStart(2)}%  約 ${s.readingMinutes} 分`,
  );
  return [paint("dim", "文字数（本文のみ。記号・空白・コードを除く）"), ...rows.map((r) => paint("dim", r)), ""];
}
