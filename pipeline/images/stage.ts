import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic, Span } from "../diagnostics/diagnostic.ts";
import { report } from "../diagnostics/rules.ts";
import { refusal } from "../source/decode.ts";
import type { Snapshot } from "../source/snapshot.ts";
import { componentBytes, longComponent, MAX_NAME_BYTES, unsafeCharacter, codePoint, visible } from "../source/names.ts";
import { inputRules } from "../diagnostics/input-rules.ts";
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
  snapshot: Snapshot;
  limits: ImageLimits;
  /** false: header only, in JavaScript (the privileged job and the ledger never decode a pixel). */
  decode?: boolean;
  /** Folder for cached "size after fixing" estimates; undefined: no cache. */
  cacheDir?: string;
  /** Keep the buffers of usable images (for the fixer and variants). */
  keepBuffers?: boolean;
}

export const isImagePath = (p: string) => p.startsWith(`${ASSETS}/`) && EXTENSIONS[path.posix.extname(p).toLowerCase()] !== undefined;

/** Every image file under assets/ (dot-files left out; links are listed, and refused when read). */
export async function listAssets(snapshot: Snapshot): Promise<string[]> {
  return (await snapshot.list(ASSETS)).map((e) => e.path).filter((p) => isImagePath(p) && !path.posix.basename(p).startsWith("."));
}

/**
 * A photo's path as every system needs it: no component past 255 bytes (git could not check
 * the branch out), no control or direction characters (a name is shown in pages, logs and
 * messages), and, among `all`, no other photo differing only in case or normalisation (on
 * macOS and Windows one would overwrite the other). The later name (in path order) gets it.
 */
export function photoNameProblems(paths: readonly string[], all: readonly string[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const firstOf = new Map<string, string>();
  for (const p of [...all].sort()) {
    const key = p.normalize("NFC").toUpperCase().toLowerCase();
    if (!firstOf.has(key)) firstOf.set(key, p);
  }
  for (const p of paths) {
    const long = longComponent(p);
    const bad = unsafeCharacter(p);
    const first = firstOf.get(p.normalize("NFC").toUpperCase().toLowerCase());
    if (long !== undefined) {
      found.push(
        report(
          inputRules.nameTooLong,
          p,
          `名前「${visible(long, 40)}」が ${componentBytes(long)} バイトあります（${MAX_NAME_BYTES} バイトまで）。このままでは、リポジトリを取り出す（clone する）ことができなくなります。短い名前にしてください。`,
        ),
      );
    } else if (bad) {
      found.push(
        report(
          imageRules.fileName,
          p,
          `ファイル名に見えない文字（${codePoint(bad.code)}）があります。半角英数字とハイフンの名前にしてください（例: satoyama-1.jpg）。`,
        ),
      );
    } else if (first !== undefined && first !== p) {
      found.push(
        report(
          imageRules.fileName,
          p,
          `「${visible(first)}」と、大文字・小文字や文字の形の違いしかない名前です。Windows や Mac では同じファイルになり、片方が消えてしまいます。別の名前にしてください。`,
        ),
      );
    }
  }
  return found;
}

/**
 * Inspects the given images. A problem is reported at the article line that references the
 * image (so the writer sees it where they wrote it), or on the image file when no checked
 * article references it (a PR that only adds photos).
 */
export async function checkImages(
  ctx: ImageStageContext,
  paths: readonly string[],
  references: ReadonlyMap<string, ImageReference[]>,
): Promise<ImageStageResult> {
  const result: ImageStageResult = { diagnostics: [], images: [], usable: [] };
  const entries = await mapConcurrent(paths, 2, async (imagePath) => {
    const read = await ctx.snapshot.read(imagePath, ctx.limits.maxBytes);
    if (!read.ok) return { imagePath, failed: [{ ...refusal(imagePath, read, ctx.limits.maxBytes, "画像"), source: "image" as const }] };
    const inspection = await inspectImage(imagePath, read.bytes, ctx.limits, { header: ctx.decode === false });
    const after = inspection.usable && ctx.decode !== false ? await estimateAfter(ctx, read.bytes, inspection.info) : read.bytes.length;
    return { imagePath, inspection, buffer: read.bytes, after };
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
    result.images.push({
      path: info.path,
      format: info.format,
      width: info.width,
      height: info.height,
      bytes: info.bytes,
      after,
      ruleIds: inspection.problems.map((p) => p.rule.id),
    });
    if (inspection.usable) result.usable.push({ info, buffer: ctx.keepBuffers ? buffer : undefined });
  }
  return result;
}

export function unreferencedDiagnostics(assets: readonly string[], references: ReadonlyMap<string, ImageReference[]>): Diagnostic[] {
  return assets
    .filter((a) => !references.has(a))
    .map((a) =>
      report(imageRules.unreferenced, a, "どの記事にも使われていない画像です。使わないなら削除してください（不要な写真を公開のリポジトリに残さないため）。"),
    );
}

/** What `images --fix` would make of it, cached by content (encoding a photo takes a while). */
async function estimateAfter(ctx: ImageStageContext, buffer: Buffer, info: ImageInfo): Promise<number> {
  const key = sha256("fix-estimate-1", info.hash, JSON.stringify(ctx.limits));
  const file = ctx.cacheDir && path.join(ctx.cacheDir, `${key}.json`);
  if (file) {
    const cached = await readFile(file, "utf8").then(
      (t) => JSON.parse(t) as { after: number },
      () => undefined,
    );
    if (cached) return cached.after;
  }
  const { after } = await fixImage(buffer, info, ctx.limits);
  if (file) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify({ after }));
  }
  return after;
}
