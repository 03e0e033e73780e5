import type SharpModule from "sharp";

/**
 * sharp, restricted to what kawaraban needs. Untrusted files only ever reach it as buffers
 * (librsvg and friends resolve references next to a file path), and every loader for a format
 * we do not accept is blocked in libvips itself: SVG (active content), PDF, TIFF, RAW, the
 * ImageMagick fallback, libvips' own formats. HEIF stays: AVIF is a HEIF format; HEIC files
 * are refused by content sniffing before sharp sees them.
 */
let loaded: Promise<typeof SharpModule> | undefined;

/**
 * Loaded on first use: sharp and libvips take 40 ms to load, and most runs (a site rebuild, a
 * PR with no photos) never touch an image.
 */
export function loadSharp(): Promise<typeof SharpModule> {
  loaded ??= import("sharp").then(({ default: sharp }) => {
    block(sharp);
    return sharp;
  });
  return loaded;
}

const block = (sharp: typeof SharpModule) =>
  sharp.block({
    operation: [
      "VipsForeignLoadSvg",
      "VipsForeignLoadPdf",
      "VipsForeignLoadMagick",
      "VipsForeignLoadOpenslide",
      "VipsForeignLoadVips",
      "VipsForeignLoadMatrix",
      "VipsForeignLoadCsv",
      "VipsForeignLoadFits",
      "VipsForeignLoadRad",
      "VipsForeignLoadPpm",
      "VipsForeignLoadTiff",
      "VipsForeignLoadJp2k",
      "VipsForeignLoadJxl",
      "VipsForeignLoadRaw",
      "VipsForeignLoadAnalyze",
      "VipsForeignLoadMat",
    ],
  });

export type { Sharp } from "sharp";
