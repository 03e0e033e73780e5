import type { Config } from "../article/config.ts";

export interface ImageLimits {
  /** Photos are shown at most this wide; anything longer is only weight. */
  maxLongEdge: number;
  /**
   * Refused before decoding. sharp's own default (268 MP) is far too high for a 2-core runner:
   * a 250 KB PNG can declare 256 MP. 50 MP covers every phone camera's normal output.
   */
  maxPixels: number;
  /**
   * Refused before decoding: WebP cannot hold a side over 16,383 px, and a 4×10,000,000 strip
   * (under the pixel limit) cost libvips gigabytes to shrink. A phone panorama is well within.
   */
  maxSide: number;
  /** Longest side over shortest side, refused before decoding (the same strips, the other way). */
  maxAspect: number;
  /** Refused outright (error). */
  maxBytes: number;
  /** Warned about (a web photo rarely needs more). */
  softBytes: number;
}

export const DEFAULT_IMAGE_LIMITS: ImageLimits = {
  maxLongEdge: 2400,
  maxPixels: 50_000_000,
  maxSide: 16_383,
  maxAspect: 20,
  maxBytes: 20 * 1024 * 1024,
  softBytes: 1024 * 1024,
};

export function imageLimits(config: Config | undefined): ImageLimits {
  return { ...DEFAULT_IMAGE_LIMITS, ...Object.fromEntries(Object.entries(config?.images ?? {}).filter(([, v]) => v !== undefined)) };
}
