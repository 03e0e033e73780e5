import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Config } from "../article/config.ts";
import type { ArticleOutcome } from "../checks/run.ts";
import { resolveImageUrl } from "../checks/image-refs.ts";
import { checkImages, listAssets, unreferencedDiagnostics, ASSETS, type ImageReference, type ImageReportEntry } from "./stage.ts";
import { imageLimits } from "./limits.ts";
import { EXTENSIONS } from "./sniff.ts";
import path from "node:path";

export interface ImagesSection {
  files: ImageReportEntry[];
  bytes: number;
  after: number;
}

export interface CheckImagesInput {
  root: string;
  config: Config;
  gitSymlinks: ReadonlySet<string>;
  outcomes: readonly ArticleOutcome[];
  /** Images changed in the PR (with --changed-since); every image under assets/ on a full run. */
  assets: readonly string[];
  /** A full run (all articles): unreferenced images can be told apart. */
  fullRun: boolean;
  cacheDir?: string;
}

/** Where each image is referenced from, among the checked articles. */
export function imageReferences(outcomes: readonly ArticleOutcome[]): Map<string, ImageReference[]> {
  const refs = new Map<string, ImageReference[]>();
  for (const outcome of outcomes) {
    for (const image of outcome.article?.images ?? []) {
      const resolved = resolveImageUrl(outcome.path, image.url);
      if (!resolved.ok) continue;
      const list = refs.get(resolved.repoPath) ?? [];
      list.push({ article: outcome.path, span: image.span });
      refs.set(resolved.repoPath, list);
    }
  }
  return refs;
}

/** The image part of `check`: referenced and changed images inspected, with bytes before → after. */
export async function checkImagesForRun(input: CheckImagesInput): Promise<{ diagnostics: Diagnostic[]; section: ImagesSection }> {
  const references = imageReferences(input.outcomes);
  const isImage = (p: string) => p.startsWith(`${ASSETS}/`) && EXTENSIONS[path.extname(p).toLowerCase()] !== undefined;
  const paths = [...new Set([...references.keys(), ...input.assets.filter(isImage)])].sort();
  const limits = imageLimits(input.config);
  const result = await checkImages({ root: input.root, limits, gitSymlinks: input.gitSymlinks, cacheDir: input.cacheDir }, paths, references);
  const diagnostics = [...result.diagnostics];
  // The site's logo is used by every page, not by an article.
  if (input.fullRun) diagnostics.push(...unreferencedDiagnostics(input.assets.filter((a) => a !== input.config.site.logo), references));
  const files = result.images;
  return {
    diagnostics,
    section: { files, bytes: files.reduce((n, f) => n + f.bytes, 0), after: files.reduce((n, f) => n + f.after, 0) },
  };
}

export { listAssets };
