import { defineRule } from "../diagnostics/rules.ts";

export const imageRules = {
  unsupported: defineRule({ id: "image/unsupported-format", source: "image", severity: "error", title: "使えない形式の画像です" }),
  extension: defineRule({ id: "image/extension-mismatch", source: "image", severity: "error", title: "拡張子と中身の形式が違います" }),
  pixels: defineRule({ id: "image/too-many-pixels", source: "image", severity: "error", title: "画素数が多すぎます" }),
  shape: defineRule({ id: "image/shape", source: "image", severity: "error", title: "画像の縦横の大きさが極端です" }),
  bytes: defineRule({ id: "image/too-large", source: "image", severity: "error", title: "ファイルが大きすぎます" }),
  corrupt: defineRule({ id: "image/corrupt", source: "image", severity: "error", title: "画像が壊れています" }),
  personal: defineRule({ id: "image/personal-metadata", source: "image", severity: "error", title: "位置情報などの個人情報が入っています" }),
  extraData: defineRule({ id: "image/extra-data", source: "image", severity: "error", title: "画像のほかのデータが入っています" }),
  fileName: defineRule({ id: "image/file-name", source: "image", severity: "error", title: "写真のファイル名が使えません" }),
  animated: defineRule({ id: "image/animated", source: "image", severity: "error", title: "動く画像は使えません" }),
  oversized: defineRule({ id: "image/oversized", source: "image", severity: "warning", title: "画像が必要以上に大きいです" }),
  heavy: defineRule({ id: "image/heavy", source: "image", severity: "warning", title: "ファイルが重いです" }),
  unreferenced: defineRule({ id: "image/unreferenced", source: "image", severity: "warning", title: "どの記事にも使われていない画像です" }),
};

export type ImageRule = (typeof imageRules)[keyof typeof imageRules];
