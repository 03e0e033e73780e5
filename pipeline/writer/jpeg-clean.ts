/**
 * The last guard before a photo leaves the writer's device: a JPEG keeps only the segments a
 * picture needs (the frame, tables, scan and JFIF); every APPn but APP0 (EXIF, XMP, ICC, maker
 * data, MPF), every comment and anything after the end-of-image marker is dropped. The canvas
 * the page re-encodes with writes none of these, so this normally removes nothing: it is here
 * so that no browser's encoder can ever carry one through.
 */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error("not a JPEG");
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) throw new Error("broken JPEG segment");
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    const end = i + 2 + length;
    if (end > bytes.length) throw new Error("truncated JPEG segment");
    if (marker === 0xda) {
      // Start of scan: the entropy-coded data runs to the end-of-image marker.
      const eoi = endOfImage(bytes, end);
      kept.push(bytes.subarray(i, eoi + 2));
      return concat(kept);
    }
    const metadata = (marker >= 0xe1 && marker <= 0xef) || marker === 0xfe;
    if (!metadata) kept.push(bytes.subarray(i, end));
    i = end;
  }
  throw new Error("JPEG without image data");
}

function endOfImage(bytes: Uint8Array, from: number): number {
  for (let j = from; j + 1 < bytes.length; j++) {
    // 0xFF00 is a stuffed byte and 0xFFD0–D7 are restart markers: both belong to the scan.
    if (bytes[j] === 0xff && bytes[j + 1] === 0xd9) return j;
  }
  throw new Error("JPEG without an end-of-image marker");
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
