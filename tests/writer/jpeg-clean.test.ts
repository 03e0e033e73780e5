import { describe, it, expect } from "vitest";
import sharp from "sharp";
import fc from "fast-check";
import { stripJpegMetadata } from "../../pipeline/writer/jpeg-clean.ts";
import { gainMapJpeg, gpsTaggedJpeg, jpegSegment, photo, secondExifJpeg, xmpLocatedJpeg } from "../support/images.ts";
import { readContainer } from "../../pipeline/images/container.ts";

/** The markers of a JPEG's segments before its scan. */
function markers(bytes: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 2; i + 4 <= bytes.length && bytes[i] === 0xff && bytes[i + 1] !== 0xda; i += 2 + ((bytes[i + 2]! << 8) | bytes[i + 3]!)) out.push(bytes[i + 1]!);
  return out;
}

describe("the page's last guard: a JPEG keeps only what the picture needs", () => {
  it.each([
    ["GPS and Artist EXIF", gpsTaggedJpeg],
    ["XMP with a city", xmpLocatedJpeg],
    ["a gain map after the end of the image, with its own GPS", gainMapJpeg],
    ["a second EXIF segment", secondExifJpeg],
  ])("%s: nothing but the picture is left, and it still decodes to the same pixels", async (_name, make) => {
    const original = await make();
    const clean = stripJpegMetadata(original);
    expect(markers(clean).filter((m) => (m >= 0xe1 && m <= 0xef) || m === 0xfe)).toEqual([]);
    expect(clean[clean.length - 2]).toBe(0xff);
    expect(clean[clean.length - 1]).toBe(0xd9);
    const meta = await sharp(clean).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    const [a, b] = await Promise.all([sharp(original).raw().toBuffer(), sharp(clean).raw().toBuffer()]);
    expect(Buffer.compare(a, b)).toBe(0);
  });

  it("whatever segments are inserted before the frame, the output has none of them and the same image data", async () => {
    const plain = await photo(64, 48).jpeg().toBuffer();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0xe1, max: 0xfe }), fc.uint8Array({ maxLength: 300 })), { maxLength: 6 }), async (segments) => {
        const extra = segments.filter(([m]) => m <= 0xef || m === 0xfe).map(([m, data]) => jpegSegment(m, Buffer.from(data)));
        const dirty = Buffer.concat([plain.subarray(0, 2), ...extra, plain.subarray(2)]);
        const clean = stripJpegMetadata(dirty);
        expect(Buffer.compare(Buffer.from(clean), stripJpegMetadata(plain) as Buffer)).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it("the cleaned bytes pass the project's own container inspection with no finding", async () => {
    const clean = stripJpegMetadata(await gainMapJpeg());
    expect(readContainer(Buffer.from(clean), "jpeg")).toMatchObject({ exif: [], xmp: [], iptc: [], comments: 0, extras: [] });
  });

  it("refuses what is not a JPEG rather than passing it through", () => {
    expect(() => stripJpegMetadata(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toThrow();
    expect(() => stripJpegMetadata(new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x40]))).toThrow();
  });
});
