/**
 * Lossless metadata removal: the pixels' bytes are copied as they are, only metadata
 * segments (JPEG) or chunks (PNG) are left out. Used when privacy is the only reason to
 * touch a photo: re-encoding it would cost quality for no gain in size.
 */

/** JPEG: drops APP1 (EXIF, XMP), APP12, APP13 (IPTC/Photoshop) and comments; keeps JFIF, ICC and Adobe segments. */
export function stripJpegMetadata(jpeg: Buffer): Buffer | undefined {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return undefined;
  const parts: Buffer[] = [jpeg.subarray(0, 2)];
  let offset = 2;
  while (offset + 4 <= jpeg.length) {
    if (jpeg[offset] !== 0xff) return undefined;
    const marker = jpeg[offset + 1]!;
    if (marker === 0xda) {
      parts.push(jpeg.subarray(offset)); // start of scan: the image data, copied verbatim
      return Buffer.concat(parts);
    }
    const length = jpeg.readUInt16BE(offset + 2);
    const end = offset + 2 + length;
    if (end > jpeg.length) return undefined;
    const drop = marker === 0xe1 || marker === 0xec || marker === 0xed || marker === 0xfe;
    if (!drop) parts.push(jpeg.subarray(offset, end));
    offset = end;
  }
  return undefined;
}

const PNG_METADATA_CHUNKS = new Set(["tEXt", "iTXt", "zTXt", "eXIf", "tIME"]);

/** PNG: drops text, EXIF and time chunks; every other chunk (pixels, palette, colour) stays. */
export function stripPngMetadata(png: Buffer): Buffer | undefined {
  if (png.subarray(0, 8).toString("latin1") !== "\x89PNG\r\n\x1a\n") return undefined;
  const parts: Buffer[] = [png.subarray(0, 8)];
  let offset = 8;
  while (offset + 12 <= png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.subarray(offset + 4, offset + 8).toString("latin1");
    const end = offset + 12 + length;
    if (end > png.length) return undefined;
    if (!PNG_METADATA_CHUNKS.has(type)) parts.push(png.subarray(offset, end));
    offset = end;
    if (type === "IEND") return Buffer.concat(parts);
  }
  return undefined;
}
