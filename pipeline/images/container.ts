import type { ImageFormat } from "./sniff.ts";

/**
 * What an image file holds besides its pixels, found by walking its container in JavaScript
 * (no codec sees the bytes): every metadata block, wherever it stands (a second EXIF segment is
 * read like the first), and everything that is not image data at all — bytes after the end of the
 * image (a phone's gain map or a second picture appended after JPEG's end marker), multi-picture
 * and unknown segments or chunks. A photo is admitted only when the container holds nothing but
 * its image; `images --fix` removes the rest.
 */
export interface Container {
  exif: Buffer[];
  xmp: Buffer[];
  iptc: Buffer[];
  /** Comments and text chunks: metadata, removed by --fix. */
  comments: number;
  /** What is there that is not the image (Japanese, for the writer). */
  extras: string[];
  /** Animation frames, when the container says (GIF: image descriptors; WebP: ANIM; APNG: acTL). */
  pages?: number;
  /** Where the image ends (JPEG: after EOI; PNG: after IEND), when found. */
  end?: number;
}

const EXIF_ID = Buffer.from("Exif\0\0", "latin1");
const XMP_ID = Buffer.from("http://ns.adobe.com/xap/1.0/\0", "latin1");
const XMP_EXT_ID = Buffer.from("http://ns.adobe.com/xmp/extension/\0", "latin1");
const ICC_ID = Buffer.from("ICC_PROFILE\0", "latin1");
const startsWith = (data: Buffer, id: Buffer) => data.length >= id.length && data.subarray(0, id.length).equals(id);

export const TRAILING = "画像の終わりの後ろに付いた別のデータ（スマートフォンのゲインマップや 2 枚目の画像など）";
export const MULTI_PICTURE = "複数の画像をまとめる情報（MPF）";

export function readContainer(bytes: Buffer, format: ImageFormat): Container {
  const c: Container = { exif: [], xmp: [], iptc: [], comments: 0, extras: [] };
  if (format === "jpeg") jpeg(bytes, c);
  else if (format === "png") png(bytes, c);
  else if (format === "webp") webp(bytes, c);
  else if (format === "gif") c.pages = gif(bytes, c);
  else if (format === "avif") avif(bytes, c);
  return c;
}

/** Trailing bytes that are only padding (zeros or 0xFF fill) are harmless; anything else is data. */
function trailing(bytes: Buffer, end: number, c: Container): void {
  c.end = end;
  for (let i = end; i < bytes.length; i++) {
    if (bytes[i] !== 0 && bytes[i] !== 0xff) {
      c.extras.push(TRAILING);
      return;
    }
  }
}

function jpeg(b: Buffer, c: Container): void {
  let i = 2;
  while (i + 2 <= b.length) {
    if (b[i] !== 0xff) return void c.extras.push("読み取れない部分（JPEG の構造が壊れています）");
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xd9) {
      trailing(b, i + 2, c);
      return;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (i + 4 > b.length) return;
    const length = b.readUInt16BE(i + 2);
    const data = b.subarray(i + 4, Math.min(b.length, i + 2 + length));
    segment(marker, data, c);
    i += 2 + length;
    if (marker === 0xda) i = entropyEnd(b, i);
  }
}

/** After a scan header: the entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart. */
export function entropyEnd(b: Buffer, from: number): number {
  for (let i = from; i + 1 < b.length; i++) {
    if (b[i] !== 0xff) continue;
    const next = b[i + 1]!;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) continue;
    return i;
  }
  return b.length;
}

function segment(marker: number, data: Buffer, c: Container): void {
  if (marker === 0xe1) {
    if (startsWith(data, EXIF_ID)) c.exif.push(data);
    else if (startsWith(data, XMP_ID)) c.xmp.push(data.subarray(XMP_ID.length));
    else if (startsWith(data, XMP_EXT_ID)) c.xmp.push(data.subarray(XMP_EXT_ID.length));
    else c.extras.push("正体の分からないデータ（APP1）");
  } else if (marker === 0xe2) {
    if (startsWith(data, ICC_ID)) return;
    c.extras.push(data.toString("latin1", 0, 4) === "MPF\0" ? MULTI_PICTURE : "正体の分からないデータ（APP2）");
  } else if (marker === 0xed) c.iptc.push(data);
  else if (marker === 0xfe) c.comments++;
  else if (marker === 0xe0 || marker === 0xee)
    return; // JFIF/JFXX, Adobe colour transform
  else if (marker >= 0xe3 && marker <= 0xef) c.extras.push(`正体の分からないデータ（APP${marker - 0xe0}）`);
}

/** Chunks a PNG needs or that only describe its pixels; anything else is data of another kind. */
const PNG_IMAGE_CHUNKS = new Set([
  "IHDR",
  "PLTE",
  "IDAT",
  "IEND",
  "tRNS",
  "cHRM",
  "gAMA",
  "iCCP",
  "sBIT",
  "sRGB",
  "cICP",
  "mDCv",
  "cLLi",
  "bKGD",
  "hIST",
  "pHYs",
  "sPLT",
  "acTL",
  "fcTL",
  "fdAT",
]);

function png(b: Buffer, c: Container): void {
  let i = 8;
  while (i + 8 <= b.length) {
    const length = b.readUInt32BE(i);
    const type = b.toString("latin1", i + 4, i + 8);
    const data = b.subarray(i + 8, Math.min(b.length, i + 8 + length));
    if (type === "eXIf") c.exif.push(Buffer.concat([EXIF_ID, data]));
    else if ((type === "iTXt" || type === "tEXt" || type === "zTXt") && data.toString("latin1", 0, 17) === "XML:com.adobe.xmp") c.xmp.push(data);
    else if (type === "iTXt" || type === "tEXt" || type === "zTXt" || type === "tIME") c.comments++;
    else if (type === "acTL") c.pages = data.length >= 4 ? data.readUInt32BE(0) : undefined;
    else if (!PNG_IMAGE_CHUNKS.has(type)) c.extras.push(`正体の分からないデータ（${type.replace(/[^\x20-\x7e]/g, "?")}）`);
    i += 12 + length;
    if (type === "IEND") {
      trailing(b, i, c);
      return;
    }
  }
}

const WEBP_IMAGE_CHUNKS = new Set(["VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP"]);

function webp(b: Buffer, c: Container): void {
  const end = Math.min(b.length, 8 + b.readUInt32LE(4));
  let i = 12;
  while (i + 8 <= end) {
    const type = b.toString("latin1", i, i + 4);
    const length = b.readUInt32LE(i + 4);
    const data = b.subarray(i + 8, Math.min(end, i + 8 + length));
    if (type === "EXIF") c.exif.push(startsWith(data, EXIF_ID) ? data : Buffer.concat([EXIF_ID, data]));
    else if (type === "XMP ") c.xmp.push(data);
    else if (type === "ANIM")
      c.pages = 2; // animated: the frame count needs no exactness here
    else if (!WEBP_IMAGE_CHUNKS.has(type)) c.extras.push(`正体の分からないデータ（${type.replace(/[^\x20-\x7e]/g, "?")}）`);
    i += 8 + length + (length % 2);
  }
  trailing(b, end, c);
}

/** GIF image descriptors (0x2c) counted by walking blocks; 2 is enough to know it moves. */
function gif(b: Buffer, c: Container): number {
  let i = 13;
  if (b[10]! & 0x80) i += 3 * 2 ** ((b[10]! & 0x07) + 1);
  let frames = 0;
  const subBlocks = () => {
    while (i < b.length && b[i] !== 0) i += b[i]! + 1;
    i++;
  };
  while (i < b.length) {
    const block = b[i];
    if (block === 0x3b) {
      trailing(b, i + 1, c);
      break;
    }
    if (block === 0x21) {
      if (b[i + 1] === 0xfe || b[i + 1] === 0xff) c.comments++;
      i += 2;
      subBlocks();
    } else if (block === 0x2c) {
      frames++;
      const packed = b[i + 9]!;
      i += 10;
      if (packed & 0x80) i += 3 * 2 ** ((packed & 0x07) + 1);
      i++; // LZW minimum code size
      subBlocks();
    } else break;
  }
  return frames;
}

/** AVIF (ISOBMFF): top-level boxes, and the item types in `meta` (Exif and XMP are items). */
function avif(b: Buffer, c: Container): void {
  let i = 0;
  while (i + 8 <= b.length) {
    let size = b.readUInt32BE(i);
    const type = b.toString("latin1", i + 4, i + 8);
    if (size === 1 && i + 16 <= b.length) size = Number(b.readBigUInt64BE(i + 8));
    if (size === 0) size = b.length - i;
    if (size < 8) return void c.extras.push("読み取れない部分（AVIF の構造が壊れています）");
    if (type === "meta") metaItems(b.subarray(i, Math.min(b.length, i + size)), c);
    else if (!["ftyp", "mdat", "free", "skip", "moov"].includes(type)) c.extras.push(`正体の分からないデータ（${type.replace(/[^\x20-\x7e]/g, "?")}）`);
    i += size;
  }
  trailing(b, Math.min(i, b.length), c);
}

/** `infe` entries name each item's type: `Exif`, and `mime` for XMP. Their bytes live in mdat. */
function metaItems(meta: Buffer, c: Container): void {
  for (let i = meta.indexOf("infe", 0, "latin1"); i !== -1; i = meta.indexOf("infe", i + 4, "latin1")) {
    const version = meta[i + 4];
    if (version === undefined || version < 2) continue;
    const typeAt = i + 4 + 4 + (version === 2 ? 2 : 4) + 2;
    const itemType = meta.toString("latin1", typeAt, typeAt + 4);
    if (itemType === "Exif") c.exif.push(Buffer.alloc(0));
    else if (itemType === "mime") c.xmp.push(Buffer.alloc(0));
  }
}
