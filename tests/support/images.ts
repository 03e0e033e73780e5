import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";

/** Real image bytes for tests, made with sharp (and one PNG written by hand). */
export const photo = (width = 1200, height = 800, color = "#7aa95a") =>
  sharp({ create: { width, height, channels: 3, background: color, noise: { type: "gaussian", mean: 120, sigma: 30 } } });

export async function gpsTaggedJpeg(): Promise<Buffer> {
  return photo()
    .jpeg({ quality: 95 })
    .withExif({
      IFD0: { Artist: "Hibari Taro", Make: "Phone", Model: "X" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "35/1 41/1 2/1", GPSLongitudeRef: "E", GPSLongitude: "139/1 41/1 3/1" },
    })
    .toBuffer();
}

export async function xmpLocatedJpeg(): Promise<Buffer> {
  const xmp =
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="Hibarino"/></rdf:RDF></x:xmpmeta>';
  return photo(600, 400).jpeg().withXmp(xmp).toBuffer();
}

/** Stored 400×200 with EXIF orientation 6: shown 200 wide and 400 tall. */
export async function rotatedJpeg(): Promise<Buffer> {
  return photo(400, 200).jpeg().withMetadata({ orientation: 6 }).toBuffer();
}

export async function animatedGif(): Promise<Buffer> {
  const frame = (c: string) =>
    sharp({ create: { width: 20, height: 20, channels: 4, background: c } })
      .png()
      .toBuffer();
  return sharp([await frame("#ff0000"), await frame("#0000ff")], { join: { animated: true } })
    .gif()
    .toBuffer();
}

/** A valid PNG header declaring 30000×30000 pixels in a file of a few hundred bytes. */
export function pixelBombPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(30000, 0);
  ihdr.writeUInt32BE(30000, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from("\x89PNG\r\n\x1a\n", "latin1"),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.alloc(64))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export const svgWithEntity = `<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&secret;</text></svg>
`;

/** A JPEG segment: marker, length, data. */
export function jpegSegment(marker: number, data: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([head, data]);
}

/**
 * A phone's "gain map" or multi-picture file: an MPF segment in the primary JPEG, and a second
 * JPEG (here carrying GPS and an artist's name) appended after the primary's end-of-image marker.
 */
export async function gainMapJpeg(): Promise<Buffer> {
  const primary = await photo(800, 600).jpeg({ quality: 80 }).toBuffer();
  const second = await gpsTaggedJpeg();
  const mpf = jpegSegment(0xe2, Buffer.concat([Buffer.from("MPF\0", "latin1"), Buffer.alloc(40)]));
  return Buffer.concat([primary.subarray(0, 2), mpf, primary.subarray(2), second]);
}

/** A second EXIF segment, after a harmless first one: the one libvips never reports. */
export async function secondExifJpeg(): Promise<Buffer> {
  const clean = await photo(600, 400)
    .jpeg()
    .withExif({ IFD0: { Make: "Phone" } })
    .toBuffer();
  const gps = await gpsTaggedJpeg();
  const exif = readSegments(gps).find((s) => s.marker === 0xe1)!;
  const at = readSegments(clean).find((s) => s.marker === 0xe1)!;
  return Buffer.concat([clean.subarray(0, at.end), jpegSegment(0xe1, exif.data), clean.subarray(at.end)]);
}

function readSegments(b: Buffer): { marker: number; data: Buffer; end: number }[] {
  const out: { marker: number; data: Buffer; end: number }[] = [];
  for (let i = 2; i + 4 <= b.length && b[i] === 0xff && b[i + 1] !== 0xda; ) {
    const length = b.readUInt16BE(i + 2);
    out.push({ marker: b[i + 1]!, data: b.subarray(i + 4, i + 2 + length), end: i + 2 + length });
    i += 2 + length;
  }
  return out;
}
