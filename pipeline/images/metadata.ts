import exifReader from "exif-reader";

type Blocks = Buffer | readonly Buffer[] | undefined;
const all = (b: Blocks): readonly Buffer[] => (b === undefined ? [] : Buffer.isBuffer(b) ? [b] : b);

/**
 * Personal data a phone or camera writes into a photo: where it was taken (GPS, XMP/IPTC
 * location), who owns the camera (owner, artist, serial numbers). Every block is read, not only
 * the first: a second EXIF segment is as public as the first. Returns what was found, in
 * Japanese, for the writer.
 */
export function personalMetadata(meta: { exif?: Blocks; xmp?: Blocks; iptc?: Blocks }): string[] {
  const found = new Set<string>();
  for (const exif of all(meta.exif)) {
    try {
      const tags = exifReader(exif) as unknown as Record<string, Record<string, unknown> | undefined>;
      if (tags.GPSInfo && Object.keys(tags.GPSInfo).some((k) => k !== "GPSVersionID")) found.add("撮影場所（GPS の位置情報）");
      if (tags.Image?.Artist || tags.Photo?.CameraOwnerName || tags.Image?.XPAuthor) found.add("撮影者・カメラの持ち主の名前");
      if (tags.Photo?.BodySerialNumber || tags.Photo?.LensSerialNumber || tags.Image?.CameraSerialNumber) found.add("カメラの製造番号");
    } catch {
      found.add("読み取れない EXIF 情報");
    }
  }
  for (const block of all(meta.xmp)) {
    const xmp = block.toString("utf8");
    if (/GPS(Latitude|Longitude)|photoshop:(City|State|Country)|Iptc4xmpCore:Location|Iptc4xmpExt:Location/i.test(xmp)) found.add("撮影場所（XMP の位置情報）");
    if (/dc:creator|photoshop:AuthorsPosition|aux:SerialNumber|exifEX:BodySerialNumber/i.test(xmp)) found.add("撮影者・カメラの情報（XMP）");
  }
  if (all(meta.iptc).some((b) => b.length > 0)) found.add("撮影者や場所の情報（IPTC）");
  return [...found];
}
