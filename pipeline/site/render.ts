import { parseMarkdown } from "../article/markdown.ts";
import { textStats, type TextStats } from "../checks/stats.ts";
import type { ImageVariants } from "../images/variants.ts";
import { loadRawHtmlSupport, mayHaveHtml, renderBody } from "./body.ts";
import { toString as plainText } from "mdast-util-to-string";
import type { Root } from "mdast";
import { SEARCH_TEXT_CHARS } from "./search-text.ts";

/** What the search index knows of an article's body: its readable text, front matter left out. */
function searchText(tree: Root): string {
  return tree.children
    .filter((n) => n.type !== "yaml" && n.type !== "html" && n.type !== "code")
    .map((n) => plainText(n, { includeImageAlt: false }))
    .join(" ")
    .replace(/\s+/g, " ")
    .slice(0, SEARCH_TEXT_CHARS);
}

/** What every article page of one build shares: plain data, so it can be sent to a worker. */
export interface RenderSettings {
  basePath: string;
  images: ImageVariants[];
  lineMarks?: boolean;
}

export interface RenderJob {
  source: string;
  raw: string;
}

/** A page, or why this one article could not be rendered (the build goes on without it). */
export type Rendered = { body: string; stats: TextStats; text: string; error?: undefined } | { error: string };

/** One article's Markdown to sanitized HTML and its statistics. Pure; the tree is dropped after. */
export function renderer(settings: RenderSettings): (job: RenderJob) => Rendered {
  const images = new Map(settings.images.map((i) => [i.source, i]));
  return ({ source, raw }) => {
    try {
      const tree = parseMarkdown(raw);
      return {
        stats: textStats(tree),
        text: searchText(tree),
        body: renderBody(tree, { source, basePath: settings.basePath, images, lineMarks: settings.lineMarks }),
      };
    } catch (error) {
      // A bug in one article's processing is never a failed build for everyone.
      return { error: error instanceof Error ? error.message : String(error) };
    }
  };
}

/** What must be loaded before `jobs` can be rendered synchronously. */
export async function prepareFor(jobs: readonly RenderJob[]): Promise<void> {
  if (jobs.some((job) => mayHaveHtml(job.raw))) await loadRawHtmlSupport();
}
