import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { defineRule, report } from "../diagnostics/rules.ts";
import { internalDiagnostic } from "../diagnostics/input-rules.ts";
import type { Config } from "../article/config.ts";
import type { Article, ArticleText } from "../article/article.ts";
import { resolveImageUrl } from "../article/image-refs.ts";
import { mapConcurrent } from "../concurrency.ts";
import type { Snapshot } from "../source/snapshot.ts";
import { lintProse, type ProseOptions } from "../checks/prose/stage.ts";
import type { TextStats } from "../checks/stats.ts";
import { TextlintConfigError, TEXTLINTRC } from "../checks/prose/textlint-config.mjs";
import { RemarkConfigError, REMARKRC } from "../checks/markdown.ts";
import { lineTextsOf, type LineTexts } from "../checks/baseline.ts";
import {
  checkImages,
  photoNameProblems,
  listAssets,
  unreferencedDiagnostics,
  isImagePath,
  type ImageReference,
  type ImageReportEntry,
} from "../images/stage.ts";
import { imageLimits } from "../images/limits.ts";
import { imageRules } from "../images/rules.ts";
import { checkBriefFiles, checkBriefLinks, type BriefContext } from "./briefs.ts";
import { admit } from "./admit.ts";

/**
 * The one check core. `check` (the work tree), the PR verdict (the head commit), the ledger (a
 * version in main's history), `check --fix` and autofix's validation all call this with their
 * snapshot, so what each of them believes about an article is what the others believe: the
 * door, prose, Markdown, accessibility, image references, the photos themselves and briefs.
 */
export interface CoreInput {
  snapshot: Snapshot;
  config: Config;
  /** Where the lint configuration is read from: the checkout, or the configuration of a past commit. */
  lintRoot: string;
  articles: readonly string[];
  /** Photos to inspect besides the ones the articles show (a PR's changed photos; all on a full run). */
  images?: readonly string[];
  /** Brief files to parse (a PR's changed briefs; all on a full run), and how articles' `brief:` is judged. */
  briefFiles?: readonly string[];
  briefs?: BriefContext;
  /** false: photos are judged from their headers in JavaScript, never decoded (privileged jobs, the ledger). */
  decodeImages?: boolean;
  imageCacheDir?: string;
  prose?: ProseOptions & { enabled?: boolean };
  /** Every article and photo is checked: unreferenced photos can be told apart. */
  fullRun?: boolean;
}

export interface CheckedArticle {
  path: string;
  diagnostics: Diagnostic[];
  /** Safe to lint. */
  text?: ArticleText;
  /** Admitted. */
  article?: Article;
  stats?: TextStats;
}

export interface ImagesSection {
  files: ImageReportEntry[];
  bytes: number;
  after: number;
}

export interface CoreResult {
  articles: CheckedArticle[];
  /** Every finding of the run, articles, photos and briefs alike. */
  diagnostics: Diagnostic[];
  /** Every path the run looked at (a clean one included). */
  checked: string[];
  images: ImagesSection;
  lineTexts: LineTexts;
}

export const lintConfigRule = defineRule({ id: "config/lint", source: "config", severity: "error", title: "校正ツールの設定に誤りがあります" });

export async function runCore(input: CoreInput): Promise<CoreResult> {
  const articles = await mapConcurrent(input.articles, 16, (p) => admitSafely(input.snapshot, p, input.config));
  const failures: Diagnostic[] = [];
  const loaded = articles.filter((a) => a.text);
  if (input.prose?.enabled !== false) await addProse(input, loaded, failures);
  if (input.briefs) await checkBriefLinks(input.briefs, articles, input.snapshot);
  const images = await checkPhotos(input, articles);
  const briefFiles = input.briefFiles?.length ? await checkBriefFiles(input.snapshot, input.config, input.briefFiles) : [];
  const diagnostics = [...failures, ...articles.flatMap((a) => a.diagnostics), ...images.diagnostics, ...briefFiles];
  const checked = [...input.articles, ...images.section.files.map((f) => f.path), ...(input.briefFiles ?? []), ...failures.map((f) => f.path)];
  return { articles, diagnostics, checked: [...new Set(checked)], images: images.section, lineTexts: lineTextsOf(loaded.map((a) => a.text!)) };
}

/** A stage that throws is a bug in kawaraban, not a problem of the article: one internal finding, the rest still runs. */
async function admitSafely(snapshot: Snapshot, repoPath: string, config: Config): Promise<CheckedArticle> {
  try {
    return await admit(snapshot, repoPath, config);
  } catch (error) {
    return { path: repoPath, diagnostics: [internalDiagnostic(repoPath, error)] };
  }
}

async function addProse(input: CoreInput, loaded: CheckedArticle[], failures: Diagnostic[]): Promise<void> {
  try {
    const prose = await lintProse(
      input.lintRoot,
      loaded.map((a) => a.text!),
      input.prose,
    );
    for (const a of loaded) {
      const result = prose.results.get(a.path);
      if (!result) continue;
      a.diagnostics.push(...result.diagnostics);
      a.stats = result.stats;
    }
  } catch (error) {
    if (error instanceof TextlintConfigError || error instanceof RemarkConfigError) {
      failures.push(report(lintConfigRule, error instanceof TextlintConfigError ? TEXTLINTRC : REMARKRC, error.message, undefined, { cause: error }));
    } else {
      failures.push(...loaded.map((a) => internalDiagnostic(a.path, error)));
    }
  }
}

/** Where each photo is shown, among the checked articles (the same resolution admit used). */
function photoReferences(articles: readonly CheckedArticle[]): Map<string, ImageReference[]> {
  const refs = new Map<string, ImageReference[]>();
  for (const a of articles) {
    for (const image of a.text?.images ?? []) {
      const resolved = resolveImageUrl(a.path, image.url);
      if (!resolved.ok) continue;
      refs.set(resolved.repoPath, [...(refs.get(resolved.repoPath) ?? []), { article: a.path, span: image.span }]);
    }
  }
  return refs;
}

/** The photos the articles show and the ones listed, inspected once each, with their names checked. */
async function checkPhotos(input: CoreInput, articles: readonly CheckedArticle[]): Promise<{ diagnostics: Diagnostic[]; section: ImagesSection }> {
  const references = photoReferences(articles);
  const listed = (input.images ?? []).filter(isImagePath);
  // assets/ holds photos only: anything else there is never shown, only published with the repository.
  const strangers = (input.images ?? []).filter((p) => p.startsWith("assets/") && !isImagePath(p) && !/(^|\/)\.(gitkeep|keep)$/.test(p));
  const all = await listAssets(input.snapshot);
  // A missing photo is the article's finding (admit); every photo that is there is inspected.
  const present = new Set((await input.snapshot.list("assets")).map((e) => e.path));
  const paths = [...new Set([...[...references.keys()].filter((p) => present.has(p)), ...listed])].sort();
  const limits = imageLimits(input.config);
  const result = await checkImages(
    { snapshot: input.snapshot, limits, decode: input.decodeImages !== false, cacheDir: input.imageCacheDir },
    paths,
    references,
  );
  const diagnostics = [
    ...photoNameProblems(paths, all),
    ...result.diagnostics,
    ...strangers.map((p) => report(imageRules.unsupported, p, "assets/ には写真（JPEG・PNG・WebP・AVIF・GIF）だけを置きます。ほかのファイルは置けません。")),
  ];
  // The site's logo is used by every page, not by an article.
  if (input.fullRun)
    diagnostics.push(
      ...unreferencedDiagnostics(
        all.filter((a) => a !== input.config.site.logo),
        references,
      ),
    );
  const files = result.images;
  return { diagnostics, section: { files, bytes: files.reduce((n, f) => n + f.bytes, 0), after: files.reduce((n, f) => n + f.after, 0) } };
}
