import sharp from "sharp";

/**
 * sharp, restricted to what kawaraban needs. Untrusted files only ever reach it as buffers
 * (librsvg and friends resolve references next to a file path), and every loader for a format
 * we do not accept is blocked in libvips itself: SVG (active content), PDF, TIFF, RAW, the
 * ImageMagick fallback, libvips' own formats. HEIF stays: AVIF is a HEIF format; HEIC files
 * are refused by content sniffing before sharp sees them.
 */
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

export { sharp };
