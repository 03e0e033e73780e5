import type { Root, Image, Definition, Html } from "mdast";
import { visit } from "unist-util-visit";
import path from "node:path";
import type { Span } from "../diagnostics/diagnostic.ts";
import { defineRule } from "../diagnostics/rules.ts";
import type { ParsedYaml } from "./safe-yaml.ts";
import type { ArticleText } from "./article.ts";

/** An image an article points at, where it points from, and the alt text it gives (if any). */
export interface ImageRef {
  url: string;
  kind: "cover" | "markdown" | "html";
  /** null when the syntax has no alt at all (`<img>` without alt). */
  alt: string | null;
  span?: Span;
}

const positionToSpan = (node: { position?: { start: { line: number; column: number }; end: { line: number; column: number } } }): Span | undefined =>
  node.position && {
    start: { line: node.position.start.line, column: node.position.start.column },
    end: { line: node.position.end.line, column: node.position.end.column },
  };

export function collectImageRefs(tree: Root, data: Record<string, unknown>, yaml: ParsedYaml): ImageRef[] {
  const refs: ImageRef[] = [];
  if (typeof data.cover === "string" && data.cover.trim() !== "") {
    const alt = typeof data.coverAlt === "string" ? data.coverAlt : null;
    refs.push({ url: data.cover.trim(), kind: "cover", alt, span: yaml.locate(["cover"], "value") });
  }
  const definitions = new Map<string, Definition>();
  visit(tree, "definition", (node: Definition) => {
    definitions.set(node.identifier, node);
  });
  visit(tree, (node) => {
    if (node.type === "image") {
      const image = node as Image;
      refs.push({ url: image.url, kind: "markdown", alt: image.alt ?? "", span: positionToSpan(image) });
    } else if (node.type === "imageReference") {
      const definition = definitions.get(node.identifier);
      if (definition) refs.push({ url: definition.url, kind: "markdown", alt: node.alt ?? "", span: positionToSpan(node) });
    } else if (node.type === "html") {
      refs.push(...htmlImageRefs(node as Html));
    }
  });
  return refs;
}

const IMG_TAG = /<img\b[^>]*>/gi;
const attribute = (tag: string, name: string): string | null => {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, "i").exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3] ?? "") : null;
};

/** Raw `<img>` in the body: found so that its path and alt are checked like Markdown images. */
function htmlImageRefs(node: Html): ImageRef[] {
  const span = positionToSpan(node);
  const refs: ImageRef[] = [];
  for (const [tag] of node.value.matchAll(IMG_TAG)) {
    const src = attribute(tag, "src");
    if (src !== null) refs.push({ url: src, kind: "html", alt: attribute(tag, "alt"), span });
  }
  return refs;
}

export const ASSETS_DIR = "assets";

export const imageRefRules = {
  external: defineRule({ id: "image/external-url", source: "image", severity: "error", title: "外部の画像 URL は使えません" }),
  badPath: defineRule({ id: "image/bad-path", source: "image", severity: "error", title: "画像のパスの書き方が正しくありません" }),
  outside: defineRule({ id: "image/outside-assets", source: "image", severity: "error", title: "画像は assets/ の中に置きます" }),
  notFound: defineRule({ id: "image/not-found", source: "image", severity: "error", title: "画像ファイルが見つかりません" }),
  symlink: defineRule({ id: "image/symlink", source: "image", severity: "error", title: "画像にシンボリックリンクは使えません" }),
  altMissing: defineRule({ id: "a11y/alt-missing", source: "a11y", severity: "error", title: "画像の代替テキスト（alt）がありません" }),
};

type ImageRefRule = (typeof imageRefRules)[keyof typeof imageRefRules];
export type ResolvedRef = { ok: true; repoPath: string } | { ok: false; rule: ImageRefRule; message: string };

/**
 * Pure resolution of an image URL written in `articlePath`: relative to the article (so
 * GitHub's preview shows it) or `/`-rooted at the repository; never a URL, an OS path,
 * or anything that leaves `assets/`.
 */
export function resolveImageUrl(articlePath: string, url: string): ResolvedRef {
  const fail = (rule: ImageRefRule, message: string): ResolvedRef => ({ ok: false, rule, message });
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//")) {
    return fail(imageRefRules.external, `外部の画像（${truncate(url)}）は使えません。写真は assets/ に置いて、記事からの相対パスで書いてください。`);
  }
  if (url.includes("\\")) return fail(imageRefRules.badPath, "画像のパスの区切りには \\ ではなく / を使ってください。");
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.split(/[?#]/)[0] ?? "");
  } catch {
    return fail(imageRefRules.badPath, "画像のパスに読み取れない % の書き方があります。");
  }
  if (decoded.includes("\0") || decoded.trim() === "") return fail(imageRefRules.badPath, "画像のパスが空か、使えない文字を含んでいます。");
  const base = decoded.startsWith("/") ? "" : path.posix.dirname(articlePath);
  const joined = path.posix.normalize(path.posix.join(base, decoded.replace(/^\/+/, "")));
  if (joined.startsWith("../") || joined === "..") {
    return fail(imageRefRules.outside, `画像のパス（${truncate(url)}）がリポジトリの外を指しています。assets/ の中の写真を指定してください。`);
  }
  if (!joined.startsWith(`${ASSETS_DIR}/`)) {
    return fail(imageRefRules.outside, `画像（${joined}）は assets/ フォルダーの中に置いてください。`);
  }
  return { ok: true, repoPath: joined };
}

function truncate(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/** What is wrong with an article's image references without looking at any file: alt text and path rules. */
export function referenceProblems(article: Pick<ArticleText, "path" | "images">): { ref: ImageRef; rule: ImageRefRule; message: string; repoPath?: string }[] {
  const problems: { ref: ImageRef; rule: ImageRefRule; message: string; repoPath?: string }[] = [];
  for (const ref of article.images) {
    if (ref.kind !== "cover" && (ref.alt === null || ref.alt.trim() === "")) {
      problems.push({
        ref,
        rule: imageRefRules.altMissing,
        message: "画像に代替テキスト（alt）がありません。![ここに写真の説明](パス) のように、写っているものを書いてください。",
      });
    }
    const resolved = resolveImageUrl(article.path, ref.url);
    if (!resolved.ok) problems.push({ ref, rule: resolved.rule, message: resolved.message });
  }
  return problems;
}
