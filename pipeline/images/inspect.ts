import path from "node:path";
import { sha256Bytes } from "../hash.ts";
import { loadSharp } from "./sharp.ts";
import { sniffFormat, EXTENSIONS, SUPPORTED, FORMAT_NAMES, type ImageFormat } from "./sniff.ts";
import { personalMetadata } from "./metadata.ts";
import { readImageHeader, type ImageHeader } from "./header.ts";
import { imageRules, type ImageRule } from "./rules.ts";
import type { ImageLimits } from "./limits.ts";
import { formatBytes } from "../source/decode.ts";

export interface ImageInfo {
  path: string;
  format: ImageFormat;
  bytes: number;
  /** sha256 of the bytes: the key for every cache of derived images. */
  hash: string;
  width?: number;
  height?: number;
  /** EXIF orientation (1 = upright); 5–8 swap width and height when shown. */
  orientation?: number;
  /** Name of the embedded colour profile, if any. */
  icc?: boolean;
  space?: string;
  pages?: number;
  personal: string[];
  /** Any EXIF, XMP, IPTC or text metadata at all (all of it goes on --fix). */
  metadata: boolean;
  /** What the file holds that is not its image (data after the end, a second picture): removed by --fix. */
  extras: string[];
}

export interface ImageProblem {
  rule: ImageRule;
  message: string;
}

export interface Inspection {
  info: ImageInfo;
  problems: ImageProblem[];
  /** Safe to hand to the fixer and the variant builder. */
  usable: boolean;
}

const longEdge = (info: Pick<ImageInfo, "width" | "height">) => Math.max(info.width ?? 0, info.height ?? 0);

/**
 * Inspects untrusted image bytes: the real format from the content, the declared size
 * against the pixel limit *before* any decoding (a small PNG can declare billions of pixels),
 * personal metadata, and then a full decode at reduced size to catch truncated or corrupt data.
 */
export interface InspectOptions {
  /** false: no pixel is decoded (the full decode finds truncated or corrupt data). */
  decode?: boolean;
  /** Read dimensions and metadata in JavaScript (header.ts) instead of libvips; implies no decode. */
  header?: boolean;
}

/** The JavaScript header in the shape of sharp's metadata, so one set of rules judges both. */
const fromHeader = (h: ImageHeader) => ({ width: h.width, height: h.height, pages: h.pages, orientation: undefined, icc: undefined, space: undefined });

export async function inspectImage(repoPath: string, buffer: Buffer, limits: ImageLimits, options: InspectOptions = {}): Promise<Inspection> {
  const format = sniffFormat(buffer);
  const info: ImageInfo = { path: repoPath, format, bytes: buffer.length, hash: sha256Bytes(buffer), personal: [], metadata: false, extras: [] };
  const problems: ImageProblem[] = [];
  const fail = (rule: ImageRule, message: string): Inspection => ({ info, problems: [...problems, { rule, message }], usable: false });

  if (format === "svg") {
    return fail(
      imageRules.unsupported,
      "SVG の画像は使えません。SVG は中にプログラムや外部への参照を含められるためです。写真や図は JPEG か PNG で保存してください。",
    );
  }
  if (format === "heic")
    return fail(
      imageRules.unsupported,
      "HEIC（iPhone の写真の形式）は使えません。スマートフォンの設定で「互換性優先」にするか、JPEG に変換してから置いてください。",
    );
  if (!SUPPORTED.includes(format))
    return fail(imageRules.unsupported, "画像として読み取れないファイルです。JPEG・PNG・WebP・AVIF・GIF の画像を置いてください。");
  const declared = EXTENSIONS[path.extname(repoPath).toLowerCase()];
  if (declared !== format) {
    problems.push({
      rule: imageRules.extension,
      message: `ファイル名は「${path.extname(repoPath)}」ですが、中身は ${FORMAT_NAMES[format]} です。拡張子を「${format === "jpeg" ? ".jpg" : `.${format}`}」に直してください。`,
    });
  }
  if (buffer.length > limits.maxBytes) {
    return fail(
      imageRules.bytes,
      `画像が大きすぎます（${formatBytes(buffer.length)}、上限 ${formatBytes(limits.maxBytes)}）。スマートフォンの写真なら、そのままの大きさでこの上限を超えることはありません。`,
    );
  }

  let meta: { width?: number; height?: number; pages?: number; orientation?: number; icc?: unknown; space?: string };
  // Metadata and anything that is not the image come from the container, in JavaScript, on both
  // paths: libvips reports only the first EXIF block and never what follows the image.
  const header = readImageHeader(buffer);
  try {
    meta = options.header ? fromHeader(header) : await (await loadSharp())(buffer, { limitInputPixels: false }).metadata(); // header only: nothing is decoded here
    if (!meta.width || !meta.height) throw new Error("no dimensions");
  } catch (error) {
    return fail(
      imageRules.corrupt,
      `画像を読み取れません（壊れているか、途中までしかありません）。元の写真からもう一度保存してください。（${(error as Error).message}）`,
    );
  }
  Object.assign(info, { width: meta.width, height: meta.height, orientation: meta.orientation, icc: Boolean(meta.icc), space: meta.space, pages: meta.pages });
  const pixels = (meta.width ?? 0) * (meta.height ?? 0);
  if (pixels > limits.maxPixels) {
    return fail(
      imageRules.pixels,
      `画素数が多すぎます（${meta.width}×${meta.height}、${Math.round(pixels / 1e6)} メガピクセル。上限 ${Math.round(limits.maxPixels / 1e6)} メガピクセル）。読み込むと処理が止まるおそれがあるため、縮小してから置いてください。`,
    );
  }
  const side = Math.max(meta.width ?? 0, meta.height ?? 0);
  const aspect = side / Math.max(1, Math.min(meta.width ?? 0, meta.height ?? 0));
  if (side > limits.maxSide || aspect > limits.maxAspect || !meta.width || !meta.height) {
    return fail(
      imageRules.shape,
      `画像の縦横の大きさが極端です（${meta.width ?? "?"}×${meta.height ?? "?"}。長い辺は ${limits.maxSide} ピクセルまで、縦横の比は ${limits.maxAspect} 倍まで）。写真として切り抜くか縮小してから置いてください。`,
    );
  }
  if ((meta.pages ?? header.pages ?? 1) > 1) {
    return fail(
      imageRules.animated,
      "動く画像（アニメーション GIF など）は使えません。1 枚の写真（JPEG）にしてください。動きを伝えたいときは、編集担当に相談してください。",
    );
  }
  info.personal = personalMetadata(header);
  info.metadata = header.exif.length + header.xmp.length + header.iptc.length + header.comments > 0;
  info.extras = [...new Set(header.extras)];
  if (info.extras.length > 0) {
    problems.push({
      rule: imageRules.extraData,
      message: `写真のファイルに、画像のほかのデータが入っています（${info.extras.join("、")}）。位置情報などが紛れていることがあるため、\`npx kawaraban images --fix\` で取り除いてからコミットしてください。`,
    });
  }
  if (info.personal.length > 0) {
    problems.push({
      rule: imageRules.personal,
      message: `写真に個人情報が入っています（${info.personal.join("、")}）。自宅や子どもの学校の場所が分かってしまうため、\`npx kawaraban images --fix\` で取り除いてからコミットしてください。`,
    });
  }
  // Header-only (the ledger reading history): everything above, no pixels decoded.
  if (options.decode === false || options.header) return { info, problems, usable: true };
  try {
    // A real decode (shrunk on load, so memory stays small) finds truncated and corrupt data.
    await (await loadSharp())(buffer, { failOn: "truncated", limitInputPixels: limits.maxPixels, sequentialRead: true })
      .resize(64, 64, { fit: "inside" })
      .raw()
      .toBuffer();
  } catch (error) {
    return fail(
      imageRules.corrupt,
      `画像が壊れているか、途中までしかありません。元の写真からもう一度保存してください。（${(error as Error).message.split("\n")[0]}）`,
    );
  }
  const edge = longEdge(info);
  if (edge > limits.maxLongEdge) {
    problems.push({
      rule: imageRules.oversized,
      message: `画像が必要以上に大きいです（長い辺 ${edge} ピクセル、サイトでは ${limits.maxLongEdge} ピクセルまで）。\`npx kawaraban images --fix\` で縮小できます。`,
    });
  }
  if (buffer.length > limits.softBytes) {
    problems.push({
      rule: imageRules.heavy,
      message: `ファイルが重いです（${formatBytes(buffer.length)}、目安 ${formatBytes(limits.softBytes)}）。\`npx kawaraban images --fix\` で軽くできます。`,
    });
  }
  return { info, problems, usable: true };
}
