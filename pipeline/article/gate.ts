import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { defineRule, report } from "../diagnostics/rules.ts";
import { inputRules } from "../diagnostics/input-rules.ts";
import type { Config } from "./config.ts";
import { DEFAULT_ARTICLE_BYTES } from "./config.ts";
import { articleFromText, type Article } from "./article.ts";
import { classifyArticlePath } from "./article-path.ts";
import { checkStructure } from "./structure-limits.ts";
import { tagSlug, TAG_MAX_CHARACTERS, TAGS_PER_ARTICLE } from "./tags.ts";
import { readRepoTextFile, type ReadOptions } from "./safe-read.ts";
import { checkFrontMatter, type FrontMatter } from "../checks/frontmatter.ts";
import { sha256 } from "../hash.ts";
import { referenceProblems, resolveImageUrl } from "../checks/image-refs.ts";

/**
 * The gate: every stage's only door. Loading yields diagnostics and, when the file is safe to
 * lint, an `Article`; when it is also valid (front matter, tags, path), an `AdmittedArticle`
 * that build, preview, fees, the ledger and every channel take as it is. Nothing downstream
 * reads the raw file or its front matter again.
 */
export interface AdmittedArticle extends Article {
  frontMatter: FrontMatter;
  /** The file name without `.md`. */
  slug: string;
  /** Below the site root: `2026/11/satoyama-walk/`. Safe in any URL, path and attribute. */
  url: string;
  /** The article's tags, deduplicated by slug, in the writer's order. */
  tags: readonly TagRef[];
  category?: { slug: string; name: string };
  /** sha256 of the text: with the build's settings it keys the article's page. */
  hash: string;
}

export interface TagRef {
  name: string;
  slug: string;
}

export const tagRules = {
  unusable: defineRule({ id: "frontmatter/tag", source: "frontmatter", severity: "error", title: "使えないタグです" }),
  duplicate: defineRule({ id: "frontmatter/tag-duplicate", source: "frontmatter", severity: "warning", title: "同じタグが重なっています" }),
};

export interface GateResult {
  /** Safe to lint (path, encoding, size and structure are within the limits). */
  article?: Article;
  /** Also valid: what every later stage takes. */
  admitted?: AdmittedArticle;
  diagnostics: Diagnostic[];
}

export const articleBytes = (config: Config) => config.limits.articleBytes ?? DEFAULT_ARTICLE_BYTES;

/** The gate on text already read (the ledger reads blobs from git). Pure. */
export function admitText(path: string, raw: string, config: Config): GateResult {
  const where = classifyArticlePath(path);
  if (where.kind !== "article") {
    const message = where.kind === "invalid" ? where.message : "記事ではありません。";
    return { diagnostics: [report(inputRules.notArticle, path, message)] };
  }
  if (Buffer.byteLength(raw) > articleBytes(config)) {
    return { diagnostics: [report(inputRules.tooLarge, path, `ファイルが大きすぎます（上限 ${Math.round(articleBytes(config) / 1024)} KB）。記事を分けてください。`)] };
  }
  const loaded = articleFromText(path, raw);
  const article = loaded.article;
  if (!article) return { diagnostics: loaded.diagnostics };
  const limits = checkStructure(path, article.raw, article.bodyStartLine);
  const diagnostics = [...loaded.diagnostics, ...limits];
  // Past a limit, no parser or linter may see the text: the article stops here.
  if (limits.length > 0) return { diagnostics };
  const fm = checkFrontMatter(article, config);
  diagnostics.push(...fm.diagnostics);
  const tags = fm.frontMatter ? tagRefs(article, fm.frontMatter, diagnostics) : [];
  if (!fm.frontMatter || diagnostics.some((d) => d.severity === "error")) return { article, diagnostics };
  const admitted: AdmittedArticle = Object.assign(article, {
    frontMatter: fm.frontMatter,
    slug: where.slug,
    url: where.url,
    tags,
    hash: sha256(raw),
    ...(fm.frontMatter.category && { category: { slug: fm.frontMatter.category, name: config.categories[fm.frontMatter.category]!.name } }),
  });
  return { article, admitted, diagnostics };
}

/** The gate on a file in the working tree: refuses links, escapes and oversize before reading. */
export async function admitFile(root: string, path: string, config: Config, options: Omit<ReadOptions, "maxBytes"> = {}): Promise<GateResult> {
  const where = classifyArticlePath(path);
  if (where.kind === "invalid") return { diagnostics: [report(inputRules.notArticle, path, where.message)] };
  const read = await readRepoTextFile(root, path, { ...options, maxBytes: articleBytes(config) });
  if (!read.ok) return { diagnostics: read.diagnostics };
  return admitText(path, read.text, config);
}

function tagRefs(article: Article, fm: FrontMatter, diagnostics: Diagnostic[]): TagRef[] {
  const refs: TagRef[] = [];
  const seen = new Set<string>();
  (fm.tags ?? []).forEach((name, index) => {
    const span = article.yaml.locate(["tags", index], "value");
    const slug = tagSlug(name);
    if (!slug || [...name].length > TAG_MAX_CHARACTERS) {
      const why = slug ? `${TAG_MAX_CHARACTERS} 文字以内にしてください` : "文字か数字を含めてください（記号だけのタグや「..」は使えません）";
      diagnostics.push(report(tagRules.unusable, article.path, `タグ「${name.slice(0, 40)}」は使えません。${why}。`, span));
      return;
    }
    if (seen.has(slug)) {
      diagnostics.push(report(tagRules.duplicate, article.path, `タグ「${name}」は、ほかのタグと同じものとして扱われます（全角・半角や大文字・小文字の違いは同じタグです）。1 つにしてください。`, span));
      return;
    }
    seen.add(slug);
    refs.push({ name: name.normalize("NFKC").trim(), slug });
  });
  if (refs.length > TAGS_PER_ARTICLE) {
    diagnostics.push(report(tagRules.unusable, article.path, `タグが ${refs.length} 個あります。${TAGS_PER_ARTICLE} 個までにしてください。`, article.yaml.locate(["tags"])));
  }
  return refs;
}

/**
 * What later stages keep of an admitted article: plain data (cacheable, comparable), no raw
 * text and no tree. The site's lists and feeds, the ledger and the channels work on these.
 */
export type ArticleRecord = Pick<AdmittedArticle, "path" | "frontMatter" | "slug" | "url" | "tags" | "category" | "hash"> & {
  /** The images it shows, resolved to repository paths (cover first). */
  assets: string[];
  /** The first problem of its image references themselves (alt text, path rules), if any. */
  referenceProblem?: string;
};

export function recordOf(a: AdmittedArticle): ArticleRecord {
  const problem = referenceProblems(a)[0];
  const assets = [...new Set(a.images.flatMap((ref) => {
    const resolved = resolveImageUrl(a.path, ref.url);
    return resolved.ok ? [resolved.repoPath] : [];
  }))];
  return {
    path: a.path,
    frontMatter: a.frontMatter,
    slug: a.slug,
    url: a.url,
    tags: a.tags,
    hash: a.hash,
    assets,
    ...(a.category && { category: a.category }),
    ...(problem && { referenceProblem: problem.message }),
  };
}

/** Why an image file cannot be shown (missing, unusable, an error in check), or undefined when it can. */
export type ImageLookup = (repoPath: string) => string | undefined;

/**
 * The images of an admitted article, against what the stage knows of the image files: the
 * site build (which inspects every asset) and the ledger (which knows which files existed at
 * that commit) hold back an article that `check` reports an image error for.
 */
export function imageRefusal(record: ArticleRecord, lookup: ImageLookup): string | undefined {
  if (record.referenceProblem) return record.referenceProblem;
  for (const asset of record.assets) {
    const problem = lookup(asset);
    if (problem) return `写真（${asset}）: ${problem}`;
  }
  return undefined;
}
