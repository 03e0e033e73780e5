import path from "node:path";
import type { Diagnostic, Span } from "../diagnostics/diagnostic.ts";
import { defineRule, report } from "../diagnostics/rules.ts";
import { inputRules } from "../diagnostics/input-rules.ts";
import { DEFAULT_ARTICLE_BYTES, type Config } from "../article/config.ts";
import { articleText, type Article, type ArticleText, type TagRef } from "../article/article.ts";
import { classifyArticlePath } from "../article/article-path.ts";
import { checkStructure } from "../article/structure-limits.ts";
import { tagProblem, tagSlug, TAGS_PER_ARTICLE } from "../article/tags.ts";
import { checkFrontMatter, type FrontMatter } from "../article/schema.ts";
import { imageRefRules, referenceProblems, resolveImageUrl, type ImageRef } from "../article/image-refs.ts";
import { hint } from "../article/schema-helpers.ts";
import { sha256 } from "../hash.ts";
import { textOf } from "../source/decode.ts";
import type { Snapshot } from "../source/snapshot.ts";

/**
 * The door: every stage's only way to an article. `admit` classifies the path, reads the bytes
 * through a snapshot (regular files only, bounded), decodes once and returns diagnostics, the
 * text when it is safe to lint, and — when it is also valid — one immutable `Article` whose
 * derived values (URL, tag folders, decoded strings, photos) were each checked in the form a
 * stage uses them. `check`, the PR verdict, the ledger, the site and every channel call this.
 */
export interface Admission {
  path: string;
  diagnostics: Diagnostic[];
  /** Safe to lint: within every limit of the door. */
  text?: ArticleText;
  /** Also valid: what build, the ledger and the channels take. */
  article?: Article;
}

export const tagRules = {
  unusable: defineRule({ id: "frontmatter/tag", source: "frontmatter", severity: "error", title: "使えないタグです" }),
  duplicate: defineRule({ id: "frontmatter/tag-duplicate", source: "frontmatter", severity: "warning", title: "同じタグが重なっています" }),
};

export const articleBytes = (config: Config) => config.limits.articleBytes ?? DEFAULT_ARTICLE_BYTES;

export async function admit(snapshot: Snapshot, repoPath: string, config: Config): Promise<Admission> {
  const where = classifyArticlePath(repoPath);
  if (where.kind !== "article") {
    const message = where.kind === "invalid" ? where.message : "記事ではありません。";
    const severity = where.kind === "invalid" ? where.severity : "warning";
    return { path: repoPath, diagnostics: [report(inputRules.notArticle, repoPath, message, undefined, { severity })] };
  }
  const cap = articleBytes(config);
  const read = textOf(repoPath, await snapshot.read(repoPath, cap), cap);
  if (!read.ok) return { path: repoPath, diagnostics: read.diagnostics };
  const gated = gateText(repoPath, read.text, config);
  const { text, valid } = gated;
  if (!text) return { path: repoPath, diagnostics: gated.diagnostics };
  const refs = await imageRefDiagnostics(snapshot, text);
  const diagnostics = [...gated.diagnostics, ...refs.diagnostics];
  if (!valid) return { path: repoPath, diagnostics, text };
  return { path: repoPath, diagnostics, text, article: articleOf(text, valid, refs.photos) };
}

interface Valid {
  frontMatter: FrontMatter;
  slug: string;
  url: string;
  tags: TagRef[];
  category?: { slug: string; name: string };
}

/** The door's checks on decoded text: limits, front matter, tags. Pure. */
export function gateText(repoPath: string, raw: string, config: Config): { diagnostics: Diagnostic[]; text?: ArticleText; valid?: Valid } {
  const where = classifyArticlePath(repoPath);
  if (where.kind !== "article")
    return { diagnostics: [report(inputRules.notArticle, repoPath, where.kind === "invalid" ? where.message : "記事ではありません。")] };
  const loaded = articleText(repoPath, raw);
  const text = loaded.text;
  if (!text) return { diagnostics: loaded.diagnostics };
  const limits = checkStructure(repoPath, text.raw, text.bodyStartLine);
  const diagnostics = [...loaded.diagnostics, ...limits];
  // Past a limit, no parser or linter may see the text: the article stops here.
  if (limits.length > 0) return { diagnostics };
  const fm = checkFrontMatter(text, config);
  diagnostics.push(...fm.diagnostics);
  const tags = fm.frontMatter ? tagRefs(text, fm.frontMatter, diagnostics) : [];
  if (!fm.frontMatter || diagnostics.some((d) => d.severity === "error")) return { diagnostics, text };
  const category =
    fm.frontMatter.category === undefined ? undefined : { slug: fm.frontMatter.category, name: config.categories[fm.frontMatter.category]!.name };
  return { diagnostics, text, valid: { frontMatter: fm.frontMatter, slug: where.slug, url: where.url, tags, ...(category && { category }) } };
}

/** The immutable record; the tree and the image list stay lazy (a re-check from the cache never parses). */
function articleOf(text: ArticleText, valid: Valid, photos: string[]): Article {
  return Object.freeze({
    path: text.path,
    raw: text.raw,
    data: text.data,
    yaml: text.yaml,
    bodyStartLine: text.bodyStartLine,
    get tree() {
      return text.tree;
    },
    get images() {
      return text.images;
    },
    frontMatter: Object.freeze(valid.frontMatter),
    slug: valid.slug,
    url: valid.url,
    tags: Object.freeze(valid.tags),
    hash: sha256(text.raw),
    photos: Object.freeze(photos),
    ...(valid.category && { category: Object.freeze(valid.category) }),
  });
}

function tagRefs(text: ArticleText, fm: FrontMatter, diagnostics: Diagnostic[]): TagRef[] {
  const refs: TagRef[] = [];
  const seen = new Set<string>();
  (fm.tags ?? []).forEach((name, index) => {
    const span = text.yaml.locate(["tags", index], "value");
    const slug = tagSlug(name);
    const problem = tagProblem(name, slug);
    if (problem || !slug) {
      diagnostics.push(report(tagRules.unusable, text.path, `タグ「${name.slice(0, 40)}」は使えません。${problem}。`, span));
      return;
    }
    if (seen.has(slug)) {
      diagnostics.push(
        report(
          tagRules.duplicate,
          text.path,
          `タグ「${name}」は、ほかのタグと同じものとして扱われます（全角・半角や大文字・小文字の違いは同じタグです）。1 つにしてください。`,
          span,
        ),
      );
      return;
    }
    seen.add(slug);
    refs.push(Object.freeze({ name: name.normalize("NFKC").trim(), slug }));
  });
  if (refs.length > TAGS_PER_ARTICLE) {
    diagnostics.push(
      report(tagRules.unusable, text.path, `タグが ${refs.length} 個あります。${TAGS_PER_ARTICLE} 個までにしてください。`, text.yaml.locate(["tags"])),
    );
  }
  return refs;
}

/**
 * Every image an article references, against the snapshot: path rules and alt text (from the
 * text alone), then whether the file is there and is a plain file. Returns the findings and the
 * photos that resolve (cover first, each once: `x.jpg?1` and `x.jpg?2` are one photo).
 */
export async function imageRefDiagnostics(snapshot: Snapshot, text: ArticleText): Promise<{ diagnostics: Diagnostic[]; photos: string[] }> {
  const at = (ref: ImageRef): Span => ref.span ?? { start: { line: 1, column: 1 } };
  const diagnostics = referenceProblems(text).map((p) => report(p.rule, text.path, p.message, at(p.ref)));
  const photos: string[] = [];
  for (const ref of text.images) {
    const resolved = resolveImageUrl(text.path, ref.url);
    if (!resolved.ok) continue;
    const entry = await snapshot.entry(resolved.repoPath);
    if (entry?.kind === "file") {
      if (!photos.includes(resolved.repoPath)) photos.push(resolved.repoPath);
      continue;
    }
    const p = resolved.repoPath;
    const message = !entry
      ? `画像（${p}）が見つかりません。${hint(
          path.posix.basename(p),
          (await snapshot.list(path.posix.dirname(p))).filter((e) => e.path.lastIndexOf("/") === p.lastIndexOf("/")).map((e) => path.posix.basename(e.path)),
        )}ファイル名と大文字・小文字、フォルダーを確認してください。`
      : entry.kind === "symlink"
        ? `画像（${p}）はシンボリックリンクです。写真のファイルそのものを置いてください。`
        : `画像（${p}）は普通のファイルではありません（${entry.kind === "submodule" ? "サブモジュール" : "実行できるファイル"}）。写真のファイルそのものを置いてください。`;
    diagnostics.push(report(entry?.kind === "symlink" ? imageRefRules.symlink : imageRefRules.notFound, text.path, message, at(ref)));
  }
  return { diagnostics, photos };
}
