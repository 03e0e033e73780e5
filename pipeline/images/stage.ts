import { readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic, Span } from "../diagnostics/diagnostic.ts";
import { report } from "../diagnostics/rules.ts";
import { readRepoBytes } from "../article/safe-read.ts";
import { EXTENSIONS } from "./sniff.ts";
import { inspectImage, type ImageInfo } from "./inspect.ts";
import { fixImage } from "./fix.ts";
import { imageRules } from "./rules.ts";
import type { ImageLimits } from "./limits.ts";
import { mapConcurrent } from "../concurrency.ts";
import { sha256 } from "../hash.ts";

export const ASSETS = "assets";

export interface ImageReference {
  article: string;
  span?: Span;
}

export interface ImageReportEntry {
  path: string;
  format: string;
  width?: number;
  height?: number;
  bytes: number;
  /** Size after `images --fix` (the same bytes when nothing would change). */
  after: number;
  ruleIds: string[];
}

export interface ImageStageResult {
  diagnostics: Diagnostic[];
  images: ImageReportEntry[];
  /** Inspected, usable images, for the fixer and the variant builder. */
  usable: { info: ImageInfo; buffer?: Buffer }[];
}

export interface ImageStageContext {
  root: string;
  limits: ImageLimits;
  gitSymlinks: ReadonlySet<string>;
  /** Folder for cached "size after fixing" estimates; undefined: no cache. */
  cacheDir?: string;
  /** Keep the buffers of usable images (for the fixer and variants). */
  keepBuffers?: boolean;
}

/** Every image file under assets/ (links and dot-files left out; links are reported where referenced). */
export async function listAssets(root: string): Promise<string[]> {
  const entries = await readdir(path.join(root, ASSETS), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && !e.name.startsWith(".") && EXTENSIONS[path.extname(e.name).toLowerCase()] !== undefined)
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

/**
 * Inspects the given images. A problem is reported at the article line that references the
 * image (so the writer sees it where they wrote it), or on the image file when no checked
 * article references it (a PR that only adds photos).
 */
export async function checkImages(ctx: ImageStageContext, paths: readonly string[], references: ReadonlyMap<string, ImageReference[]>): Promise<ImageStageResult> {
  const result: ImageStageResult = { diagnostics: [], images: [], usable: [] };
  const entries = await mapConcurrent(paths, 2, async (imagePath) => {
    const read = await readRepoBytes(ctx.root, imagePath, { maxBytes: ctx.limits.maxBytes, gitSymlinks: ctx.gitSymlinks });
    if (!read.ok) return { imagePath, failed: read.diagnostics.map((d) => ({ ...d, source: "image" as const })) };
    const inspection = await inspectImage(imagePath, read.buffer, ctx.limits);
    const after = inspection.usable ? await estimateAfter(ctx, read.buffer, inspection.info) : read.buffer.length;
    return { imagePath, inspection, buffer: read.buffer, after };
  });
  for (const entry of entries) {
    if ("failed" in entry) {
      result.diagnostics.push(...entry.failed!);
      continue;
    }
    const { inspection, buffer, after } = entry;
    // Once per article, at its first reference (a cover that is also shown in the body is one photo).
    const seen = new Set<string>();
    const refs = (references.get(entry.imagePath) ?? []).filter((r) => !seen.has(r.article) && seen.add(r.article));
    for (const problem of inspection.problems) {
      if (refs.length === 0) result.diagnostics.push(report(problem.rule, entry.imagePath, problem.message));
      for (const ref of refs) {
        result.diagnostics.push(report(problem.rule, ref.article, `${entry.imagePath}: ${problem.message}`, ref.span ?? { start: { line: 1, column: 1 } }));
      }
    }
    const { info } = inspection;
    result.images.push({ path: info.path, format: info.format, width: info.width, height: info.height, bytes: info.bytes, after, ruleIds: inspection.problems.map((p) => p.rule.id) });
    if (inspection.usable) result.usable.push({ info, buffer: ctx.keepBuffers ? buffer : undefined });
  }
  return result;
}

export function unreferencedDiagnostics(assets: readonly string[], references: ReadonlyMap<string, ImageReference[]>): Diagnostic[] {
  return assets
    .filter((a) => !references.has(a))
    .map((a) => report(imageRules.unreferenced, a, "どの記事にも使われていない画像です。使わないなら削除してください（不要な写真を公開のリポジトリに残さないため）。"));
}

/** What `images --fix` would make of it, cached by content (encoding a photo takes a while). */
async function estimateAfter(ctx: ImageStageContext, buffer: Buffer, info: ImageInfo): Promise<number> {
  const key = sha256("fix-estimate-1", info.hash, JSON.stringify(ctx.limits));
  const file = ctx.cacheDir && path.join(ctx.cacheDir, `${key}.json`);
  if (file) {
    const cached = await readFile(file, "utf8").then((t) => JSON.parse(t) as { after: number }, () => undefined);
    if (cached) return cached.after;
  }
  const { after } = await fixImage(buffer, info, ctx.limits);
  if (file) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify({ after }));
  }
  return after;
}
