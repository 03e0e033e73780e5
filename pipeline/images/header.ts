import { imageSize } from "image-size";
import { sniffFormat, type ImageFormat } from "./sniff.ts";

/**
 * What an image declares about itself, read in JavaScript from its bytes without decoding any
 * pixel (the privileged report job reads photos from a pull request this way: no native codec
 * ever sees them there). Dimensions come from `image-size`; the metadata blocks are found by
 * walking the container (JPEG segments, PNG chunks, RIFF chunks) and handed to the same
 * personal-data reader the sharp path uses.
 */
export interface ImageHeader {
  format: ImageFormat;
  width?: number;
  height?: number;
  /** Animation frames, when the container says (GIF: image descriptors; WebP: ANIM). */
  pages?: number;
  exif?: Buffer;
  xmp?: Buffer;
  iptc?: Buffer;
}

export function readImageHeader(bytes: Buffer): ImageHeader {
  const format = sniffFormat(bytes);
  const header: ImageHeader = { format };
  try {
    const size = imageSize(bytes);
    header.width = size.width;
    header.height = size.height;
  } catch {
    // No readable dimensions: the caller reports the file as unreadable.
  }
  if (format === "jpeg") Object.assign(header, jpegBlocks(bytes));
  else if (format === "png") Object.assign(header, pngBlocks(bytes));
  else if (format === "webp") Object.assign(header, webpBlocks(bytes));
  else if (format === "gif") header.pages = gifFrames(bytes);
  return header;
}

const EXIF_ID = Buffer.from("Exif\0\0", "latin1");
const XMP_ID = Buffer.from("http://ns.adobe.com/xap/1.0/\0", "latin1");

function jpegBlocks(b: Buffer): Partial<ImageHeader> {
  const out: Partial<ImageHeader> = {};
  let i = 2;
  while (i + 4 <= b.length && b[i] === 0xff) {
    const marker = b[i + 1]!;
    if (marker === 0xda || marker === 0xd9) break; // start of scan: no metadata after it
    const length = b.readUInt16BE(i + 2);
    const data = b.subarray(i + 4, i + 2 + length);
    if (marker === 0xe1 && data.subarray(0, 6).equals(EXIF_ID)) out.exif ??= data;
    else if (marker === 0xe1 && data.subarray(0, XMP_ID.length).equals(XMP_ID)) out.xmp ??= data.subarray(XMP_ID.length);
    else if (marker === 0xed) out.iptc ??= data;
    i += 2 + length;
  }
  return out;
}

function pngBlocks(b: Buffer): Partial<ImageHeader> {
  const out: Partial<ImageHeader> = {};
  let i = 8;
  while (i + 8 <= b.length) {
    const length = b.readUInt32BE(i);
    const type = b.toString("latin1", i + 4, i + 8);
    const data = b.subarray(i + 8, Math.min(b.length, i + 8 + length));
    if (type === "eXIf") out.exif ??= Buffer.concat([EXIF_ID, data]);
    else if ((type === "iTXt" || type === "tEXt" || type === "zTXt") && data.toString("latin1", 0, 17) === "XML:com.adobe.xmp") out.xmp ??= data;
    else if (type === "acTL") out.pages = data.length >= 4 ? data.readUInt32BE(0) : undefined;
    else if (type === "IDAT" || type === "IEND") break;
    i += 12 + length;
  }
  return out;
}

function webpBlocks(b: Buffer): Partial<ImageHeader> {
  const out: Partial<ImageHeader> = {};
  let i = 12;
  while (i + 8 <= b.length) {
    const type = b.toString("latin1", i, i + 4);
    const length = b.readUInt32LE(i + 4);
    const data = b.subarray(i + 8, Math.min(b.length, i + 8 + length));
    if (type === "EXIF") out.exif ??= data.subarray(0, 6).equals(EXIF_ID) ? data : Buffer.concat([EXIF_ID, data]);
    else if (type === "XMP ") out.xmp ??= data;
    else if (type === "ANIM") out.pages = 2; // animated: the frame count needs no exactness here
    i += 8 + length + (length % 2);
  }
  return out;
}

/** GIF image descriptors (0x2c) counted by walking blocks; 2 is enough to know it moves. */
function gifFrames(b: Buffer): number {
  let i = 13;
  if (b[10]! & 0x80) i += 3 * 2 ** ((b[10]! & 0x07) + 1);
  let frames = 0;
  while (i < b.length && frames < 2) {
    const block = b[i];
    if (block === 0x3b) break;
    if (block === 0x21) {
      i += 2;
      while (i < b.length && b[i] !== 0) i += b[i]! + 1;
      i++;
    } else if (block === 0x2c) {
      frames++;
      const packed = b[i + 9]!;
      i += 10;
      if (packed & 0x80) i += 3 * 2 ** ((packed & 0x07) + 1);
      i++; // LZW minimum code size
      while (i < b.length && b[i] !== 0) i += b[i]! + 1;
      i++;
    } else break;
  }
  return frames;
}
