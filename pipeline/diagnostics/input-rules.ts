import type { Diagnostic } from "./diagnostic.ts";
import { defineRule, report } from "./rules.ts";

/** Rules about reading a file at all: these fire before any content check can run. */
export const inputRules = {
  unreadable: defineRule({ id: "input/unreadable", source: "input", severity: "error", title: "ファイルを読み込めません" }),
  notArticle: defineRule({ id: "input/not-article", source: "input", severity: "error", title: "記事ファイル（.md）ではありません" }),
  empty: defineRule({ id: "input/empty", source: "input", severity: "error", title: "ファイルが空です" }),
  encoding: defineRule({ id: "input/encoding", source: "input", severity: "error", title: "UTF-8 で保存されていません" }),
  binary: defineRule({ id: "input/binary", source: "input", severity: "error", title: "テキストではないファイルです" }),
  tooLarge: defineRule({ id: "input/too-large", source: "input", severity: "error", title: "ファイルが大きすぎます" }),
  symlink: defineRule({ id: "input/symlink", source: "input", severity: "error", title: "シンボリックリンクは使えません" }),
  executable: defineRule({ id: "input/executable", source: "input", severity: "error", title: "実行できるファイルは置けません" }),
  nameTooLong: defineRule({ id: "input/name-too-long", source: "input", severity: "error", title: "ファイル名やフォルダー名が長すぎます" }),
  outsideRepo: defineRule({ id: "input/outside-repository", source: "input", severity: "error", title: "リポジトリの外のファイルです" }),
  notFound: defineRule({ id: "input/not-found", source: "input", severity: "error", title: "ファイルが見つかりません" }),
  internal: defineRule({ id: "internal/exception", source: "input", severity: "error", title: "kawaraban 内部のエラー（不具合）" }),
};

/** A stage that throws on one file is a bug in kawaraban, not a problem of the file: one finding there, the rest still runs. */
export function internalDiagnostic(path: string, error: unknown): Diagnostic {
  const detail = error instanceof Error ? error.message : String(error);
  const message = `kawaraban の内部でエラーが起きました（記事の問題ではなく不具合です。開発者に知らせてください）: ${detail}`;
  return { ...report(inputRules.internal, path, message, undefined, { cause: error }), internal: true };
}
