import { defineRule } from "./rules.ts";

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
