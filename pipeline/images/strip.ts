import { entropyEnd } from "./container.ts";

/**
 * Lossless removal of everything that is not the image: the pixels' bytes are copied as they
 * are, and only metadata segments (JPEG) or chunks (PNG) are left out, together with anything
 * after the image's end (a gain map or second picture appended after JPEG's end marker, data
 * after PNG's IEND). Used when privacy is the only reason to touch a photo: re-encoding it would
 * cost quality for no gain in size.
 */

const ICC_ID = "ICC_PROFILE\0";

/** JPEG: keeps the image's own segments, JFIF, ICC and Adobe; drops EXIF, XMP, MPF, IPTC, comments and unknown APPn, and ends at EOI. */
export function stripJpegMetadata(jpeg: Buffer): Buffer | undefined {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return undefined;
  const parts: Buffer[] = [jpeg.subarray(0, 2)];
  let offset = 2;
  while (offset + 2 <= jpeg.length) {
    if (jpeg[offset] !== 0xff) return undefined;
    const marker = jpeg[offset + 1]!;
    if (marker === 0xff) {
      offset++;
      continue;
    }
    if (marker === 0xd9) {
      parts.push(jpeg.subarray(offset, offset + 2)); // end of image: nothing after it is kept
      return Buffer.concat(parts);
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      parts.push(jpeg.subarray(offset, offset + 2));
      offset += 2;
      continue;
    }
    if (offset + 4 > jpeg.length) return undefined;
    const length = jpeg.readUInt16BE(offset + 2);
    let end = offset + 2 + length;
    if (end > jpeg.length) return undefined;
    if (marker === 0xda) end = entropyEnd(jpeg, end); // the scan's entropy-coded data, copied verbatim
    if (keepSegment(marker, jpeg.subarray(offset + 4, offset + 2 + length))) parts.push(jpeg.subarray(offset, end));
    offset = end;
  }
  return undefined;
}

function keepSegment(marker: number, data: Buffer): boolean {
  if (marker === 0xe0) return data.toString("latin1", 0, 5) === "JFIF\0";
  if (marker === 0xe2) return data.toString("latin1", 0, ICC_ID.length) === ICC_ID;
  if (marker === 0xee) return true; // Adobe: how the colour channels are stored
  if (marker >= 0xe1 && marker <= 0xef) return false;
  return marker !== 0xfe; // comments go; every other segment is the image
}

/** Chunks kept: the image and how to show its colours; text, EXIF, time and unknown chunks go. */
const PNG_KEPT = new Set(["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "cHRM", "gAMA", "iCCP", "sBIT", "sRGB", "cICP", "mDCv", "cLLi", "bKGD", "pHYs"]);

/** PNG: keeps the image's chunks, ends at IEND. */
export function stripPngMetadata(png: Buffer): Buffer | undefined {
  if (png.subarray(0, 8).toString("latin1") !== "\x89PNG\r\n\x1a\n") return undefined;
  const parts: Buffer[] = [png.subarray(0, 8)];
  let offset = 8;
  while (offset + 12 <= png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.subarray(offset + 4, offset + 8).toString("latin1");
    const end = offset + 12 + length;
    if (end > png.length) return undefined;
    if (PNG_KEPT.has(type)) parts.push(png.subarray(offset, end));
    offset = end;
    if (type === "IEND") return Buffer.concat(parts);
  }
  return undefined;
}
