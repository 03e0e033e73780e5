import { isUtf8 } from "node:buffer";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { report } from "../diagnostics/rules.ts";
import { inputRules } from "../diagnostics/input-rules.ts";
import type { Read, Snapshot } from "./snapshot.ts";

const KIB = 1024;

export function formatBytes(bytes: number): string {
  if (bytes >= KIB * KIB) return `${(bytes / KIB / KIB).toFixed(1)} MB`;
  if (bytes >= KIB) return `${Math.round(bytes / KIB)} KB`;
  return `${bytes} バイト`;
}

/** `bom`: the file started with a UTF-8 byte order mark (removed from `text`, kept when writing back). */
export type TextRead = { ok: true; text: string; bytes: number; bom: boolean } | { ok: false; diagnostics: Diagnostic[] };

/** The one Japanese wording for each way a read can be refused, whatever the snapshot. */
export function refusal(repoPath: string, read: Exclude<Read, { ok: true }>, cap: number, what = "ファイル"): Diagnostic {
  switch (read.problem) {
    case "missing":
      return report(inputRules.notFound, repoPath, `${what}が見つかりません。パスが正しいか確認してください。`);
    case "outside":
      return report(inputRules.outsideRepo, repoPath, "リンクをたどるとリポジトリの外に出るため、このファイルは確認できません。");
    case "too-large":
      return report(
        inputRules.tooLarge,
        repoPath,
        `${what}が大きすぎます（${read.size === undefined ? "" : `${formatBytes(read.size)}、`}上限 ${formatBytes(cap)}）。記事なら分けるか、貼り付けた不要なデータを取り除いてください。`,
      );
    case "not-file":
      if (read.kind === "symlink")
        return report(inputRules.symlink, repoPath, "シンボリックリンクは使えません。リンクではなく、ファイルそのものを置いてください。");
      if (read.kind === "submodule")
        return report(inputRules.unreadable, repoPath, "サブモジュール（別のリポジトリへの参照）は使えません。ファイルそのものを置いてください。");
      if (read.kind === "executable")
        return report(
          inputRules.executable,
          repoPath,
          "実行できるファイルとして登録されています。記事や写真は普通のファイルにしてください（git update-index --chmod=-x でも直せます）。",
        );
      return report(inputRules.unreadable, repoPath, "通常のファイルではありません（フォルダーなど）。");
    default:
      return report(inputRules.unreadable, repoPath, `${what}を読み込めませんでした。`, undefined, { cause: read.cause });
  }
}

/** A text file (an article, a brief, the config) from a snapshot: the read's refusals, then strict UTF-8. */
export async function readText(snapshot: Snapshot, repoPath: string, cap: number): Promise<TextRead> {
  return textOf(repoPath, await snapshot.read(repoPath, cap), cap);
}

export function textOf(repoPath: string, read: Read, cap: number): TextRead {
  if (!read.ok) return { ok: false, diagnostics: [refusal(repoPath, read, cap)] };
  if (read.bytes.length === 0) {
    return { ok: false, diagnostics: [report(inputRules.empty, repoPath, "ファイルが空です。front matter と本文を書いてから保存してください。")] };
  }
  const decoded = decodeUtf8(read.bytes, repoPath);
  return decoded.ok ? { ok: true, text: decoded.text, bytes: read.bytes.length, bom: decoded.bom } : { ok: false, diagnostics: [decoded.diagnostic] };
}

type Decoded = { ok: true; text: string; bom: boolean } | { ok: false; diagnostic: Diagnostic };

/** Strict UTF-8 decoding with a plain-language diagnosis of what the file is instead. */
export function decodeUtf8(buffer: Buffer, repoPath: string): Decoded {
  const utf16 = buffer.length >= 2 && ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff));
  if (utf16) {
    return {
      ok: false,
      diagnostic: report(inputRules.encoding, repoPath, "UTF-16 で保存されています。エディターで文字コードを「UTF-8」にして保存し直してください。"),
    };
  }
  if (buffer.includes(0)) {
    return {
      ok: false,
      diagnostic: report(
        inputRules.binary,
        repoPath,
        "テキストではないファイル（画像や文書ファイルなど）のようです。記事は Markdown のテキストで書いてください。",
      ),
    };
  }
  if (!isUtf8(buffer)) {
    const guess = looksLikeShiftJis(buffer) ? "Shift_JIS で保存されているようです。" : "UTF-8 ではない文字コードで保存されています。";
    const span = { start: { line: firstNonUtf8Line(buffer), column: 1 } };
    return { ok: false, diagnostic: report(inputRules.encoding, repoPath, `${guess}エディターで文字コードを「UTF-8」にして保存し直してください。`, span) };
  }
  const text = buffer.toString("utf8");
  const bom = text.charCodeAt(0) === 0xfeff;
  return { ok: true, text: bom ? text.slice(1) : text, bom };
}

/** Multi-byte UTF-8 sequences never contain 0x0A, so checking line by line is exact. */
function firstNonUtf8Line(buffer: Buffer): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= buffer.length; i++) {
    if (i === buffer.length || buffer[i] === 0x0a) {
      if (!isUtf8(buffer.subarray(start, i))) return line;
      line++;
      start = i + 1;
    }
  }
  return 1;
}

function looksLikeShiftJis(buffer: Buffer): boolean {
  try {
    new TextDecoder("shift_jis", { fatal: true }).decode(buffer);
    return true;
  } catch {
    return false;
  }
}
