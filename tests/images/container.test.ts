import { describe, it, expect } from "vitest";
import sharp from "sharp";
import { inspectImage } from "../../pipeline/images/inspect.ts";
import { fixImage } from "../../pipeline/images/fix.ts";
import { readImageHeader } from "../../pipeline/images/header.ts";
import { personalMetadata } from "../../pipeline/images/metadata.ts";
import { stripJpegMetadata, stripPngMetadata } from "../../pipeline/images/strip.ts";
import { DEFAULT_IMAGE_LIMITS } from "../../pipeline/images/limits.ts";
import { gainMapJpeg, photo, secondExifJpeg } from "../support/images.ts";

const rules = async (bytes: Buffer, name: string, header: boolean) =>
  (await inspectImage(name, bytes, DEFAULT_IMAGE_LIMITS, { header })).problems.map((p) => p.rule.id);
const onlyImage = (bytes: Buffer) => {
  const h = readImageHeader(bytes);
  return { extras: h.extras, personal: personalMetadata(h) };
};

/** A photo is admitted only when nothing but its image is there: the family of things phones append or embed. */
describe("nothing but image data", () => {
  it.each([true, false])("flags a second picture appended after JPEG's end marker, with an MPF segment (header only: %s)", async (header) => {
    expect(await rules(await gainMapJpeg(), "assets/a.jpg", header)).toContain("image/extra-data");
  });

  it.each([true, false])("reads every EXIF segment, not only the first (header only: %s)", async (header) => {
    expect(await rules(await secondExifJpeg(), "assets/a.jpg", header)).toContain("image/personal-metadata");
  });

  it("flags data after PNG's IEND and an unknown chunk", async () => {
    const png = await photo(200, 100).png().toBuffer();
    expect(await rules(Buffer.concat([png, Buffer.from("secret trailer with GPS 35.68,139.69")]), "assets/a.png", true)).toContain("image/extra-data");
    const padded = Buffer.concat([png, Buffer.alloc(64)]);
    expect(await rules(padded, "assets/a.png", true)).not.toContain("image/extra-data"); // zero padding is not data
  });

  it("flags data after a WebP's RIFF end", async () => {
    const webp = await photo(200, 100).webp().toBuffer();
    expect(await rules(Buffer.concat([webp, Buffer.from("appended")]), "assets/a.webp", true)).toContain("image/extra-data");
  });

  it.each([
    ["a gain map", gainMapJpeg],
    ["a second EXIF segment", secondExifJpeg],
  ])("images --fix leaves nothing but the image of %s", async (_what, make) => {
    const bytes = await make();
    const info = (await inspectImage("assets/a.jpg", bytes, DEFAULT_IMAGE_LIMITS)).info;
    const fixed = await fixImage(bytes, info, DEFAULT_IMAGE_LIMITS);
    expect(fixed.output).toBeDefined();
    expect(onlyImage(fixed.output!)).toEqual({ extras: [], personal: [] });
    expect(await rules(fixed.output!, "assets/a.jpg", false)).toEqual([]);
    expect((await sharp(fixed.output!).metadata()).width).toBe(info.width);
  });

  it("strips losslessly: the scan data is copied byte for byte and everything after EOI is gone", async () => {
    const bytes = await gainMapJpeg();
    const stripped = stripJpegMetadata(bytes)!;
    expect(onlyImage(stripped)).toEqual({ extras: [], personal: [] });
    expect(stripped.length).toBeLessThan(bytes.length);
    expect(stripped.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    const png = await photo(50, 50).png().toBuffer();
    expect(stripPngMetadata(Buffer.concat([png, Buffer.from("tail")]))).toEqual(png);
  });
});
