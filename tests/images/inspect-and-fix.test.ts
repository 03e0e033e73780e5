import { describe, it, expect } from "vitest";
import { inspectImage } from "../../pipeline/images/inspect.ts";
import { fixImage } from "../../pipeline/images/fix.ts";
import { personalMetadata } from "../../pipeline/images/metadata.ts";
import { DEFAULT_IMAGE_LIMITS } from "../../pipeline/images/limits.ts";
import { loadSharp } from "../../pipeline/images/sharp.ts";
import { sniffFormat } from "../../pipeline/images/sniff.ts";
import { planVariants } from "../../pipeline/images/variants.ts";
import { animatedGif, gpsTaggedJpeg, photo, pixelBombPng, rotatedJpeg, svgWithEntity, xmpLocatedJpeg } from "../support/images.ts";

const sharp = await loadSharp();

const limits = DEFAULT_IMAGE_LIMITS;
const rules = async (name: string, bytes: Buffer, custom = limits) => (await inspectImage(name, bytes, custom)).problems.map((p) => p.rule.id);

describe("image inspection (real bytes, real sharp)", () => {
  it("accepts a clean photo", async () => {
    const result = await inspectImage("assets/a.jpg", await photo().jpeg().toBuffer(), limits);
    expect(result).toMatchObject({ usable: true, problems: [], info: { format: "jpeg", width: 1200, height: 800 } });
  });

  it("finds GPS coordinates and the owner's name in EXIF", async () => {
    const result = await inspectImage("assets/gps.jpg", await gpsTaggedJpeg(), limits);
    expect(result.problems.map((p) => p.rule.id)).toEqual(["image/personal-metadata"]);
    expect(result.problems[0]!.message).toContain("撮影場所（GPS の位置情報）");
    expect(result.problems[0]!.message).toContain("撮影者・カメラの持ち主の名前");
  });

  it("finds a location in XMP", async () => {
    expect(await rules("assets/x.jpg", await xmpLocatedJpeg())).toEqual(["image/personal-metadata"]);
  });

  it("reports a truncated JPEG as corrupt", async () => {
    const full = await photo().jpeg().toBuffer();
    expect(await rules("assets/cut.jpg", full.subarray(0, Math.floor(full.length / 2)))).toEqual(["image/corrupt"]);
  });

  it("refuses a text file named .png", async () => {
    const result = await inspectImage("assets/note.png", Buffer.from("これは画像ではありません\n"), limits);
    expect(result.problems.map((p) => p.rule.id)).toEqual(["image/unsupported-format"]);
  });

  it("reports content that does not match the extension", async () => {
    expect(await rules("assets/photo.jpg", await photo(300, 200).png().toBuffer())).toEqual(["image/extension-mismatch"]);
  });

  it("refuses a pixel bomb from its header, before decoding", async () => {
    const bomb = pixelBombPng();
    expect(bomb.length).toBeLessThan(1000);
    const result = await inspectImage("assets/bomb.png", bomb, limits);
    expect(result.problems.map((p) => p.rule.id)).toEqual(["image/too-many-pixels"]);
    expect(result.problems[0]!.message).toContain("30000×30000");
  });

  it("refuses SVG (active content), an external entity included", async () => {
    expect(sniffFormat(Buffer.from(svgWithEntity))).toBe("svg");
    expect(await rules("assets/map.svg", Buffer.from(svgWithEntity))).toEqual(["image/unsupported-format"]);
    // And libvips itself will not load it, even if asked directly.
    await expect(sharp(Buffer.from(svgWithEntity)).metadata()).rejects.toThrow();
  });

  it("refuses animated GIFs instead of silently flattening them", async () => {
    expect(await rules("assets/anim.gif", await animatedGif())).toEqual(["image/animated"]);
  });

  it("warns about photos larger than the site needs, and over the byte limits", async () => {
    const big = await photo(3000, 2000).jpeg({ quality: 98 }).toBuffer();
    expect(await rules("assets/big.jpg", big)).toEqual(["image/oversized", "image/heavy"]);
    expect(await rules("assets/big.jpg", big, { ...limits, maxBytes: 1000 })).toEqual(["image/too-large"]);
  });
});

describe("images --fix (the fixer)", () => {
  it("removes GPS and every other metadata, and reading it back finds none", async () => {
    const original = await gpsTaggedJpeg();
    const { info } = await inspectImage("assets/gps.jpg", original, limits);
    const fixed = await fixImage(original, info, limits);
    expect(fixed.output).toBeDefined();
    const meta = await sharp(fixed.output!).metadata();
    expect(personalMetadata(meta)).toEqual([]);
    expect(meta.exif).toBeUndefined();
    expect(fixed.notes[0]).toContain("個人情報");
  });

  it("turns an EXIF-rotated photo upright", async () => {
    const original = await rotatedJpeg();
    const { info } = await inspectImage("assets/rot.jpg", original, limits);
    const fixed = await fixImage(original, info, limits);
    const meta = await sharp(fixed.output!).metadata();
    expect([meta.width, meta.height, meta.orientation ?? 1]).toEqual([200, 400, 1]);
  });

  it("downscales to the configured long edge", async () => {
    const original = await photo(3000, 2000).jpeg().toBuffer();
    const { info } = await inspectImage("assets/big.jpg", original, limits);
    const meta = await sharp((await fixImage(original, info, limits)).output!).metadata();
    expect([meta.width, meta.height]).toEqual([2400, 1600]);
  });

  it("is idempotent: a fixed image is left alone the second time", async () => {
    for (const make of [gpsTaggedJpeg, rotatedJpeg, () => photo(2600, 1300).jpeg({ quality: 95 }).toBuffer(), () => photo(400, 300).png().toBuffer()]) {
      const original = await make();
      const first = await fixImage(original, (await inspectImage("assets/a.jpg", original, limits)).info, limits);
      const once = first.output ?? original;
      const second = await fixImage(once, (await inspectImage("assets/a.jpg", once, limits)).info, limits);
      expect(second.output).toBeUndefined();
    }
  });

  it("never makes a clean image larger", async () => {
    const tight = await photo(800, 600).jpeg({ quality: 40, mozjpeg: true }).toBuffer();
    const fixed = await fixImage(tight, (await inspectImage("assets/t.jpg", tight, limits)).info, limits);
    expect(fixed.output).toBeUndefined();
    expect(fixed.after).toBe(tight.length);
  });
});

describe("site variants (pure plan)", () => {
  it("plans AVIF, WebP and JPEG at the widths an image can fill, with heights for the HTML", () => {
    const { plans, jobs } = planVariants([
      { path: "assets/2026/11/a.jpg", format: "jpeg", bytes: 1, hash: "h1", width: 2400, height: 1600, personal: [], metadata: false, extras: [] },
      { path: "assets/2026/11/small.png", format: "png", bytes: 1, hash: "h2", width: 300, height: 200, personal: [], metadata: false, extras: [] },
      {
        path: "assets/2026/11/tall.jpg",
        format: "jpeg",
        bytes: 1,
        hash: "h3",
        width: 1000,
        height: 500,
        orientation: 6,
        personal: [],
        metadata: false,
        extras: [],
      },
    ]);
    expect(plans[0]!.variants.avif).toEqual([
      { width: 480, height: 320, file: "images/2026/11/a.jpg/480.avif" },
      { width: 960, height: 640, file: "images/2026/11/a.jpg/960.avif" },
      { width: 1600, height: 1067, file: "images/2026/11/a.jpg/1600.avif" },
    ]);
    expect(plans[1]!.variants.jpeg).toEqual([{ width: 300, height: 200, file: "images/2026/11/small.png/300.jpg" }]);
    expect(plans[2]).toMatchObject({ width: 500, height: 1000 });
    expect(jobs).toHaveLength(9 + 3 + 6);
  });
});

describe("lossless metadata removal", () => {
  it("drops EXIF from a JPEG without touching a pixel byte", async () => {
    const { stripJpegMetadata } = await import("../../pipeline/images/strip.ts");
    const plain = await photo(300, 200).jpeg({ quality: 70 }).toBuffer();
    const tagged = await sharp(plain)
      .withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "35/1 0/1 0/1" } })
      .jpeg({ quality: 70 })
      .toBuffer();
    const stripped = stripJpegMetadata(tagged)!;
    expect(personalMetadata(await sharp(stripped).metadata())).toEqual([]);
    const [a, b] = await Promise.all([sharp(tagged).raw().toBuffer(), sharp(stripped).raw().toBuffer()]);
    expect(a.equals(b)).toBe(true);
  });

  it("is what --fix does to an otherwise fine photo that only carries GPS", async () => {
    const tight = await photo(600, 400)
      .jpeg({ quality: 60, mozjpeg: true })
      .withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "35/1 0/1 0/1" } })
      .toBuffer();
    const fixed = await fixImage(tight, (await inspectImage("assets/t.jpg", tight, limits)).info, limits);
    expect(fixed.output!.length).toBeLessThan(tight.length);
    expect(fixed.notes.join("")).toContain("画質はそのまま");
    expect(personalMetadata(await sharp(fixed.output!).metadata())).toEqual([]);
  });
});
