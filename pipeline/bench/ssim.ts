import sharp from "sharp";

/**
 * Mean SSIM of two images on luminance (what the eye is most sensitive to, and what
 * JPEG chroma subsampling leaves alone), computed on 8×8 windows with a stride of 4 after
 * scaling both to the same size (at most 2048 px wide, to keep the bench quick).
 */
export async function ssim(a: Buffer, b: Buffer): Promise<number> {
  const meta = await sharp(a).autoOrient().metadata();
  const width = Math.min(2048, meta.autoOrient?.width ?? meta.width ?? 1);
  const gray = (input: Buffer) =>
    sharp(input)
      .autoOrient()
      .resize({ width, height: Math.round(((meta.autoOrient?.height ?? meta.height ?? 1) * width) / (meta.autoOrient?.width ?? meta.width ?? 1)), fit: "fill" })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
  const [x, y] = await Promise.all([gray(a), gray(b)]);
  const w = x.info.width;
  const h = x.info.height;
  const C1 = (0.01 * 255) ** 2;
  const C2 = (0.03 * 255) ** 2;
  let total = 0;
  let count = 0;
  for (let top = 0; top + 8 <= h; top += 4) {
    for (let left = 0; left + 8 <= w; left += 4) {
      let sx = 0,
        sy = 0,
        sxx = 0,
        syy = 0,
        sxy = 0;
      for (let j = 0; j < 8; j++) {
        for (let i = 0; i < 8; i++) {
          const p = x.data[(top + j) * w + left + i]!;
          const q = y.data[(top + j) * w + left + i]!;
          sx += p;
          sy += q;
          sxx += p * p;
          syy += q * q;
          sxy += p * q;
        }
      }
      const n = 64;
      const mx = sx / n,
        my = sy / n;
      const vx = sxx / n - mx * mx,
        vy = syy / n - my * my,
        cov = sxy / n - mx * my;
      total += ((2 * mx * my + C1) * (2 * cov + C2)) / ((mx * mx + my * my + C1) * (vx + vy + C2));
      count++;
    }
  }
  return total / count;
}
