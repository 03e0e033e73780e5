import { describe, it, expect } from "vitest";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { readImageHeader } from "../../pipeline/images/header.ts";
import { inspectImage } from "../../pipeline/images/inspect.ts";
import { DEFAULT_IMAGE_LIMITS } from "../../pipeline/images/limits.ts";
import { animatedGif, gpsTaggedJpeg, photo, xmpLocatedJpeg } from "../support/images.ts";
import { fixture, SAMPLE_ROOT } from "../support/repo.ts";

/** The privileged job reads photos in JavaScript only: it must find what the libvips path finds. */
describe("image headers read in JavaScript", () => {
  it("gives the same dimensions and the same personal-data findings as sharp, on real images", async () => {
    const cases: [string, Buffer][] = [
      ["assets/2026/11/satoyama.jpg", await readFile(path.join(SAMPLE_ROOT, "assets/2026/11/satoyama.jpg"))],
      ["assets/x/gps.jpg", await gpsTaggedJpeg()],
      ["assets/x/xmp.jpg", await xmpLocatedJpeg()],
      ["assets/x/photo.png", await photo(640, 480).png().toBuffer()],
      ["assets/x/photo.webp", await photo(640, 480).webp().toBuffer()],
      ["assets/x/anim.gif", await animatedGif()],
    ];
    for (const [name, bytes] of cases) {
      const viaSharp = await inspectImage(name, bytes, DEFAULT_IMAGE_LIMITS, { decode: false });
      const viaHeader = await inspectImage(name, bytes, DEFAULT_IMAGE_LIMITS, { header: true });
      expect([viaHeader.info.width, viaHeader.info.height], name).toEqual([viaSharp.info.width, viaSharp.info.height]);
      expect(
        viaHeader.problems.map((p) => p.rule.id),
        name,
      ).toEqual(viaSharp.problems.map((p) => p.rule.id));
      expect(viaHeader.info.personal, name).toEqual(viaSharp.info.personal);
    }
  });

  it("refuses extreme shapes from the header alone", async () => {
    const strip = await readFile(fixture("hostile", "assets", "strip-tall.png"));
    expect(readImageHeader(strip)).toMatchObject({ format: "png", width: 4, height: 10_000_000 });
    const inspection = await inspectImage("assets/x/strip.png", strip, DEFAULT_IMAGE_LIMITS, { header: true });
    expect(inspection.problems.map((p) => p.rule.id)).toEqual(["image/shape"]);
  });
});
