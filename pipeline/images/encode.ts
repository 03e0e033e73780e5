import type { Sharp } from "sharp";
import type { ImageFormat } from "./sniff.ts";

/**
 * Encoder settings, chosen once and measured (`npm run bench`):
 * - JPEG: mozjpeg at quality 82 (progressive, trellis quantisation, 4:2:0). Against libjpeg
 *   at 85 and 4:4:4 (image-actions' default) it saves more bytes at the same luminance SSIM.
 * - PNG: lossless, maximum zlib effort — PNGs in articles are mostly screenshots and maps.
 * - WebP 82, AVIF 55 at effort 4 for originals; variants use faster settings (variants.ts).
 */
export function encodeAs(pipeline: Sharp, format: ImageFormat): Sharp {
  switch (format) {
    case "jpeg":
      return pipeline.jpeg({ quality: 82, mozjpeg: true });
    case "png":
      return pipeline.png({ compressionLevel: 9, effort: 10, adaptiveFiltering: true });
    case "webp":
      return pipeline.webp({ quality: 82, effort: 5 });
    case "avif":
      return pipeline.avif({ quality: 55, effort: 4 });
    case "gif":
      return pipeline.gif({ effort: 10 });
    default:
      throw new Error(`cannot encode ${format}`);
  }
}
