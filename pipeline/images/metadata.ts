import exifReader from "exif-reader";

/**
 * Personal data a phone or camera writes into a photo: where it was taken (GPS, XMP/IPTC
 * location), who owns the camera (owner, artist, serial numbers). Returns what was found,
 * in Japanese, for the writer.
 */
export function personalMetadata(meta: { exif?: Buffer; xmp?: Buffer; iptc?: Buffer }): string[] {
  const found = new Set<string>();
  if (meta.exif) {
    try {
      const tags = exifReader(meta.exif) as unknown as Record<string, Record<string, unknown> | undefined>;
      if (tags.GPSInfo && Object.keys(tags.GPSInfo).some((k) => k !== "GPSVersionID")) found.add("撮影場所（GPS の位置情報）");
      if (tags.Image?.Artist || tags.Photo?.CameraOwnerName) found.add("撮影者・カメラの持ち主の名前");
      if (tags.Photo?.BodySerialNumber || tags.Photo?.LensSerialNumber || tags.Image?.CameraSerialNumber) found.add("カメラの製造番号");
    } catch {
      found.add("読み取れない EXIF 情報");
    }
  }
  if (meta.xmp) {
    const xmp = meta.xmp.toString("utf8");
    if (/GPS(Latitude|Longitude)|photoshop:(City|State|Country)|Iptc4xmpCore:Location|Iptc4xmpExt:Location/i.test(xmp)) found.add("撮影場所（XMP の位置情報）");
    if (/dc:creator|photoshop:AuthorsPosition|aux:SerialNumber|exifEX:BodySerialNumber/i.test(xmp)) found.add("撮影者・カメラの情報（XMP）");
  }
  if (meta.iptc && meta.iptc.length > 0) found.add("撮影者や場所の情報（IPTC）");
  return [...found];
}
