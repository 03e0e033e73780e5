import { copyFile, mkdir, rename, access, rm, writeFile } from "node:fs/promises";
import type { Snapshot } from "../source/snapshot.ts";
import path from "node:path";
import { availableParallelism } from "node:os";
import { loadSharp, type Sharp } from "./sharp.ts";
import type { ImageInfo } from "./inspect.ts";
import { mapConcurrent } from "../concurrency.ts";
import { containedJoin } from "../contained-path.ts";

export const VARIANT_WIDTHS = [480, 960, 1600] as const;
export const VARIANT_FORMATS = ["avif", "webp", "jpeg"] as const;
export type VariantFormat = (typeof VARIANT_FORMATS)[number];

export interface VariantJob {
  source: string;
  hash: string;
  format: VariantFormat;
  width: number;
  height: number;
  /** Output path relative to the site root, e.g. images/2026/11/satoyama.jpg/960.webp. */
  file: string;
}

export interface ImageVariants {
  source: string;
  width: number;
  height: number;
  variants: Record<VariantFormat, { width: number; height: number; file: string }[]>;
}

const EXT: Record<VariantFormat, string> = { avif: "avif", webp: "webp", jpeg: "jpg" };

/** Width and height as shown, after EXIF orientation. */
export function displaySize(info: Pick<ImageInfo, "width" | "height" | "orientation">): { width: number; height: number } {
  const swap = (info.orientation ?? 1) >= 5;
  const w = info.width ?? 0;
  const h = info.height ?? 0;
  return swap ? { width: h, height: w } : { width: w, height: h };
}

/**
 * Where a photo's variants go: a folder named by the whole source name, extension included, so
 * `satoyama.png` never overwrites the variants of `satoyama.jpg`, and every name is exactly as
 * long as the source's (which the door bounds to 255 bytes a component).
 */
export const variantFolder = (source: string) => source.replace(/^assets\//, "images/");

/**
 * Pure plan: for each image, AVIF, WebP and JPEG at the standard widths it can fill (never
 * upscaled), with the height known for the HTML so pages do not shift while loading.
 */
export function planVariants(images: readonly ImageInfo[]): { plans: ImageVariants[]; jobs: VariantJob[] } {
  const plans: ImageVariants[] = [];
  const jobs: VariantJob[] = [];
  for (const info of images) {
    const shown = displaySize(info);
    if (!shown.width || !shown.height) continue;
    const largest = VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1]!;
    const widths: number[] = VARIANT_WIDTHS.filter((w) => w < shown.width);
    // An image narrower than the largest width also gets one variant at its own width.
    if (shown.width <= largest) widths.push(shown.width);
    const base = variantFolder(info.path);
    const plan: ImageVariants = { source: info.path, ...shown, variants: { avif: [], webp: [], jpeg: [] } };
    for (const format of VARIANT_FORMATS) {
      for (const width of [...new Set(widths)].sort((a, b) => a - b)) {
        const height = Math.round((shown.height * width) / shown.width);
        const job = { source: info.path, hash: info.hash, format, width, height, file: `${base}/${width}.${EXT[format]}` };
        jobs.push(job);
        plan.variants[format].push({ width, height, file: job.file });
      }
    }
    plans.push(plan);
  }
  return { plans, jobs };
}

/**
 * Variant encoders: faster than for originals (they are regenerated, never edited). AVIF at
 * sharp's default effort took ~10 s a photo on a 2-core runner; effort 2 keeps it near a second.
 */
function encode(format: VariantFormat, input: Sharp) {
  if (format === "avif") return input.avif({ quality: 50, effort: 2 });
  if (format === "webp") return input.webp({ quality: 78, effort: 4 });
  return input.jpeg({ quality: 78, mozjpeg: true });
}

export interface VariantRun {
  generated: number;
  cached: number;
  /** Sources an encoder failed on: left out of the manifest, so no page links a missing file. */
  failed: { source: string; error: string }[];
}

/** Where variants go: the site's output (which skips unchanged files) or a plain folder. */
export interface VariantSink {
  put(rel: string, content: string): void;
  /** `key` names the content, so an unchanged file need not be copied again. */
  copy(rel: string, from: string, key: string): void;
}

/** A plain folder as a sink (`kawaraban images --variants`): every file is written. */
export function folderSink(dir: string): VariantSink & { flush(): Promise<void> } {
  const pending: Promise<void>[] = [];
  const place = (rel: string, write: (target: string) => Promise<void>) => {
    const target = containedJoin(dir, rel);
    pending.push(mkdir(path.dirname(target), { recursive: true }).then(() => write(target)));
  };
  return {
    put: (rel, content) => place(rel, (target) => writeFile(target, content)),
    copy: (rel, from) => place(rel, (target) => copyFile(from, target)),
    flush: async () => void (await Promise.all(pending)),
  };
}

/**
 * Applies the plan: each variant is made once per source content (`cacheDir`, keyed by the
 * source's hash, width and format) and handed to `sink`; jobs run on every core.
 */
export async function buildVariants(
  jobs: readonly VariantJob[],
  read: (source: string) => Promise<Buffer | undefined>,
  sink: VariantSink,
  cacheDir: string,
): Promise<VariantRun> {
  const run: VariantRun = { generated: 0, cached: 0, failed: [] };
  const broken = new Set<string>();
  const fail = (source: string, error: unknown) => {
    // One photo an encoder or the sink cannot handle is left out; every other image and page still builds.
    if (!broken.has(source)) run.failed.push({ source, error: (error as Error).message.split("\n")[0]! });
    broken.add(source);
  };
  // libvips threads per image × images in flight ≈ cores.
  const sharp = jobs.length ? await loadSharp() : undefined;
  sharp?.concurrency(1);
  // Two photos with the same bytes share their cache files: each file is made once, whoever asks.
  const making = new Map<string, Promise<"generated" | "cached">>();
  const make = (job: VariantJob, name: string, cached: string) => {
    let made = making.get(name);
    if (!made) {
      made = (async () => {
        if (
          await access(cached).then(
            () => true,
            () => false,
          )
        )
          return "cached" as const;
        await mkdir(cacheDir, { recursive: true });
        const temp = `${cached}.${process.pid}.tmp`;
        try {
          const bytes = await read(job.source);
          if (!bytes) throw new Error("読み込めませんでした");
          await encode(
            job.format,
            sharp!(bytes, { failOn: "truncated" }).autoOrient().resize({ width: job.width, withoutEnlargement: true }).toColourspace("srgb"),
          ).toFile(temp);
        } catch (error) {
          await rm(temp, { force: true });
          throw error;
        }
        await rename(temp, cached);
        return "generated" as const;
      })();
      making.set(name, made);
    }
    return made;
  };
  await mapConcurrent(jobs, availableParallelism(), async (job) => {
    if (broken.has(job.source)) return;
    const name = `${job.hash}-${job.width}.${EXT[job.format]}`;
    const cached = path.join(cacheDir, name);
    try {
      run[await make(job, name, cached)]++;
      sink.copy(job.file, cached, name);
    } catch (error) {
      fail(job.source, error);
    }
  });
  return run;
}

/**
 * The site's responsive images (AVIF, WebP, JPEG at several widths) and their manifest (sizes
 * for width/height attributes), as `images/…` in `sink`. Returns the plans and what was done.
 */
export async function writeVariants(
  snapshot: Snapshot,
  images: readonly ImageInfo[],
  sink: VariantSink,
  cacheDir: string,
  maxBytes = Infinity,
): Promise<VariantRun & { plans: ImageVariants[]; count: number }> {
  const planned = planVariants(images);
  const read = async (source: string) => {
    const got = await snapshot.read(source, maxBytes);
    return got.ok ? got.bytes : undefined;
  };
  const run = await buildVariants(planned.jobs, read, sink, cacheDir);
  const failed = new Set(run.failed.map((f) => f.source));
  const plans = planned.plans.filter((p) => !failed.has(p.source));
  sink.put("images/manifest.json", `${JSON.stringify(plans, null, 2)}\n`);
  return { ...run, plans, count: planned.jobs.length };
}

/** The log line for a variants run. */
export function variantsLine(run: VariantRun & { count: number }, shownOut: string): string {
  return `サイト用の画像: ${run.count} 枚（新しく作成 ${run.generated}、前回の結果を再利用 ${run.cached}）→ ${shownOut}/images/`;
}
