import { open, lstat, realpath } from "node:fs/promises";
import { isUtf8 } from "node:buffer";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { report } from "../diagnostics/rules.ts";
import { inputRules } from "../diagnostics/input-rules.ts";
import { isInside } from "./repo-path.ts";

/** `bom`: the file started with a UTF-8 byte order mark (removed from `text`, kept when writing back). */
export type ReadResult = { ok: true; text: string; bytes: number; bom: boolean } | { ok: false; diagnostics: Diagnostic[] };

export interface ReadOptions {
  maxBytes: number;
  /** Paths git records as symlinks (mode 120000), for checkouts made with core.symlinks=false. */
  gitSymlinks?: ReadonlySet<string>;
}

const KIB = 1024;

export function formatBytes(bytes: number): string {
  if (bytes >= KIB * KIB) return `${(bytes / KIB / KIB).toFixed(1)} MB`;
  if (bytes >= KIB) return `${Math.round(bytes / KIB)} KB`;
  return `${bytes} バイト`;
}

export type BytesResult = { ok: true; buffer: Buffer } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Reads an untrusted file from the repository: refuses symlinks and anything that resolves
 * outside `root`, and checks the size before reading a byte. Every refusal is a diagnostic
 * for `repoPath`; nothing throws for bad input.
 */
export async function readRepoBytes(root: string, repoPath: string, options: ReadOptions): Promise<BytesResult> {
  const fail = (d: Diagnostic): BytesResult => ({ ok: false, diagnostics: [d] });
  const abs = path.resolve(root, repoPath);
  if (!isInside(root, abs)) {
    return fail(report(inputRules.outsideRepo, repoPath, "リポジトリの外にあるファイルは確認できません。記事は articles/ に置いてください。"));
  }
  if (options.gitSymlinks?.has(repoPath)) return fail(symlinkDiagnostic(repoPath));
  let stat;
  try {
    stat = await lstat(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      return fail(report(inputRules.notFound, repoPath, "ファイルが見つかりません。パスが正しいか確認してください。"));
    }
    return fail(report(inputRules.unreadable, repoPath, `ファイルを読み込めませんでした（${code ?? "不明なエラー"}）。`, undefined, { cause: error }));
  }
  if (stat.isSymbolicLink()) return fail(symlinkDiagnostic(repoPath));
  if (!stat.isFile()) {
    return fail(report(inputRules.unreadable, repoPath, "通常のファイルではありません（フォルダーなど）。"));
  }
  // A parent folder may itself be a link that leads out of the repository.
  // The file itself is not a link (lstat above), so its real path is its folder's plus its name.
  const [rootReal, realDir] = await Promise.all([realPathOf(root), realPathOf(path.dirname(abs))]);
  const realFile = path.join(realDir, path.basename(abs));
  if (!isInside(rootReal, realFile)) {
    return fail(report(inputRules.outsideRepo, repoPath, "リンクをたどるとリポジトリの外に出るため、このファイルは確認できません。"));
  }
  if (stat.size > options.maxBytes) return fail(tooLarge(repoPath, stat.size, options.maxBytes));
  if (stat.size === 0) {
    return fail(report(inputRules.empty, repoPath, "ファイルが空です。中身を書いてから保存してください。"));
  }
  const buffer = await readAtMost(abs, stat.size, options.maxBytes + 1);
  if (buffer.length > options.maxBytes) return fail(tooLarge(repoPath, buffer.length, options.maxBytes));
  return { ok: true, buffer };
}

/** A text file (an article, the config): the checks of readRepoBytes, then strict UTF-8. */
export async function readRepoTextFile(root: string, repoPath: string, options: ReadOptions): Promise<ReadResult> {
  const read = await readRepoBytes(root, repoPath, options);
  if (!read.ok) {
    for (const d of read.diagnostics) {
      if (d.ruleId === "input/empty") d.message = "ファイルが空です。front matter と本文を書いてから保存してください。";
    }
    return read;
  }
  const decoded = decodeUtf8(read.buffer, repoPath);
  return decoded.ok ? { ok: true, text: decoded.text, bytes: read.buffer.length, bom: decoded.bom } : { ok: false, diagnostics: [decoded.diagnostic] };
}

const realPaths = new Map<string, Promise<string>>();
/**
 * A folder's real path, resolved once per run rather than once per file (realpath reads every
 * component of the path: six system calls per article). Entries expire after a second, so a
 * long-running preview notices a folder replaced by a link.
 */
function realPathOf(dir: string): Promise<string> {
  let real = realPaths.get(dir);
  if (!real) {
    realPaths.set(dir, (real = realpath(dir)));
    setTimeout(() => realPaths.delete(dir), 1000).unref();
  }
  return real;
}

function symlinkDiagnostic(repoPath: string): Diagnostic {
  return report(
    inputRules.symlink,
    repoPath,
    "シンボリックリンクは使えません。リンクではなく、ファイルそのものを置いてください。",
  );
}

function tooLarge(repoPath: string, size: number, max: number): Diagnostic {
  return report(
    inputRules.tooLarge,
    repoPath,
    `ファイルが大きすぎます（${formatBytes(size)}、上限 ${formatBytes(max)}）。記事を分けるか、貼り付けた不要なデータを取り除いてください。`,
  );
}

/**
 * Reads up to `limit` bytes. The buffer starts at the size lstat saw (plus one byte, to notice
 * a file that grew since): allocating the whole limit for every article cost more than reading.
 */
async function readAtMost(abs: string, expected: number, limit: number): Promise<Buffer> {
  const handle = await open(abs, "r");
  try {
    let buffer = Buffer.alloc(Math.min(limit, expected + 1));
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) {
        if (buffer.length >= limit) break;
        const bigger = Buffer.alloc(Math.min(limit, buffer.length * 2));
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
      }
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
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
      diagnostic: report(inputRules.binary, repoPath, "テキストではないファイル（画像や文書ファイルなど）のようです。記事は Markdown のテキストで書いてください。"),
    };
  }
  if (!isUtf8(buffer)) {
    const line = firstNonUtf8Line(buffer);
    const guess = looksLikeShiftJis(buffer) ? "Shift_JIS で保存されているようです。" : "UTF-8 ではない文字コードで保存されています。";
    return {
      ok: false,
      diagnostic: report(
        inputRules.encoding,
        repoPath,
        `${guess}エディターで文字コードを「UTF-8」にして保存し直してください。`,
        { start: { line, column: 1 } },
      ),
    };
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
