/// <reference lib="dom" />
import { stripJpegMetadata } from "../jpeg-clean.ts";

export interface CleanPhoto {
  bytes: Uint8Array;
  width: number;
  height: number;
}

/** A web photo needs no more: within the project's soft size limit at a quality residents cannot tell apart. */
const QUALITIES = [0.85, 0.75, 0.65];
const SOFT_BYTES = 1024 * 1024;

/**
 * Decodes the photo on the device, turns it upright (EXIF orientation), reduces its long edge to
 * the project's limit and re-encodes it as a JPEG drawn on a canvas: no EXIF, GPS, XMP or maker
 * data survives, because none of the original file's bytes do.
 */
export async function cleanPhoto(file: Blob, maxLongEdge: number): Promise<CleanPhoto> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    throw new Error("この写真は読み込めませんでした。JPEG か PNG の写真を選んでください（iPhone の HEIC は「互換性優先」の設定で JPEG になります）。");
  }
  const scale = Math.min(1, maxLongEdge / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("この端末では写真を縮小できませんでした。");
  // A transparent PNG becomes a JPEG on white, not on black.
  context.fillStyle = "#fff";
  context.fillRect(0, 0, width, height);
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  let bytes = new Uint8Array();
  for (const quality of QUALITIES) {
    bytes = new Uint8Array(await (await canvas.convertToBlob({ type: "image/jpeg", quality })).arrayBuffer());
    if (bytes.length <= SOFT_BYTES) break;
  }
  return { bytes: stripJpegMetadata(bytes), width, height };
}
