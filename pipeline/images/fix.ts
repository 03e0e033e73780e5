import { loadSharp } from "./sharp.ts";
import { encodeAs } from "./encode.ts";
import type { ImageInfo } from "./inspect.ts";
import type { ImageLimits } from "./limits.ts";
import { formatBytes } from "../source/decode.ts";
import { stripJpegMetadata, stripPngMetadata } from "./strip.ts";
import { readImageHeader } from "./header.ts";
import { personalMetadata } from "./metadata.ts";

export interface FixPlan {
  /** What must change for privacy or correctness, whatever it does to the size. */
  required: string[];
  resize: boolean;
  /** Only metadata has to go: that can be done without touching the pixels. */
  metadataOnly: boolean;
}

/** Below this saving a clean image is left alone: re-encoding again would only lose quality (and break idempotence). */
export const MIN_SAVING = 0.1;

export function planFix(info: ImageInfo, limits: ImageLimits): FixPlan {
  const required: string[] = [];
  if (info.personal.length > 0) required.push(`個人情報（${info.personal.join("、")}）を削除`);
  else if (info.metadata) required.push("撮影情報（EXIF など）を削除");
  if (info.extras.length > 0) required.push(`画像のほかのデータ（${info.extras.join("、")}）を削除`);
  const pixelWork = required.length;
  if (info.orientation && info.orientation !== 1) required.push("写真の向きを補正");
  const resize = Math.max(info.width ?? 0, info.height ?? 0) > limits.maxLongEdge;
  if (resize) required.push(`長い辺を ${limits.maxLongEdge} ピクセルに縮小`);
  if (info.icc && info.space !== "srgb") required.push("色を sRGB に変換");
  return { required, resize, metadataOnly: pixelWork > 0 && required.length === pixelWork };
}

export interface FixOutcome {
  output?: Buffer;
  /** Japanese, for the writer: what was done, or why nothing was. */
  notes: string[];
  before: number;
  after: number;
}

/**
 * The rewritten image, or none when the original is already fine. Orientation is applied,
 * all metadata dropped (colour converted to sRGB), the long edge capped, and the same format
 * re-encoded. A clean image is only rewritten when that saves at least 10 %; an image with
 * personal data or a wrong orientation is always rewritten — privacy comes before bytes —
 * losslessly (metadata segments dropped, pixels untouched) when metadata is all that is wrong.
 */
export async function fixImage(buffer: Buffer, info: ImageInfo, limits: ImageLimits): Promise<FixOutcome> {
  const outcome = await rewrite(buffer, info, limits);
  if (!outcome.output || clean(outcome.output)) return outcome;
  // The encoder kept something that is not the image (a gain map it carried over): strip it too.
  const stripped = info.format === "jpeg" ? stripJpegMetadata(outcome.output) : info.format === "png" ? stripPngMetadata(outcome.output) : undefined;
  if (stripped && clean(stripped)) return { ...outcome, output: stripped, after: stripped.length };
  return {
    notes: ["画像のほかのデータを取り除けませんでした。スマートフォンの設定で「互換性優先」にして撮り直すか、別の写真にしてください"],
    before: buffer.length,
    after: buffer.length,
  };
}

/** Nothing but the image: no personal metadata and nothing beyond it (what --fix promises). */
function clean(bytes: Buffer): boolean {
  const header = readImageHeader(bytes);
  return header.extras.length === 0 && personalMetadata(header).length === 0;
}

async function rewrite(buffer: Buffer, info: ImageInfo, limits: ImageLimits): Promise<FixOutcome> {
  const plan = planFix(info, limits);
  const sharp = await loadSharp();
  let pipeline = sharp(buffer, { limitInputPixels: limits.maxPixels, failOn: "truncated" }).autoOrient();
  if (plan.resize) pipeline = pipeline.resize({ width: limits.maxLongEdge, height: limits.maxLongEdge, fit: "inside", withoutEnlargement: true });
  const candidate = await encodeAs(pipeline.toColourspace("srgb"), info.format).toBuffer();
  const saving = 1 - candidate.length / buffer.length;
  if (plan.metadataOnly && saving < MIN_SAVING) {
    // Privacy is the only reason to touch this photo: remove the metadata, keep every pixel.
    const stripped = info.format === "jpeg" ? stripJpegMetadata(buffer) : info.format === "png" ? stripPngMetadata(buffer) : undefined;
    if (stripped) {
      return {
        output: stripped,
        notes: [...plan.required, `画質はそのまま（${formatBytes(buffer.length)} → ${formatBytes(stripped.length)}）`],
        before: buffer.length,
        after: stripped.length,
      };
    }
  }
  if (plan.required.length > 0) {
    const notes = [...plan.required];
    if (candidate.length < buffer.length) notes.push(`${formatBytes(buffer.length)} → ${formatBytes(candidate.length)}`);
    else notes.push(`個人情報などを取り除くため、少し大きくなりました（${formatBytes(buffer.length)} → ${formatBytes(candidate.length)}）`);
    return { output: candidate, notes, before: buffer.length, after: candidate.length };
  }
  if (saving >= MIN_SAVING) {
    return {
      output: candidate,
      notes: [`画質を保ったまま軽くしました（${formatBytes(buffer.length)} → ${formatBytes(candidate.length)}）`],
      before: buffer.length,
      after: candidate.length,
    };
  }
  return { notes: ["直すところはありません"], before: buffer.length, after: buffer.length };
}
