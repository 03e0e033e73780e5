import { unified, type PluggableList } from "unified";
import remarkRehype from "remark-rehype";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import type { Root as Mdast } from "mdast";
import type { Root as Hast, Element } from "hast";
import { resolveImageUrl } from "../article/image-refs.ts";
import type { ImageVariants } from "../images/variants.ts";

/**
 * Writers' Markdown (and any raw HTML in it) is untrusted. It is turned into HTML, then
 * sanitized with GitHub's schema (hast-util-sanitize): no script or style, no event handlers,
 * no javascript: or data: URLs, no iframes/objects/forms, ids prefixed so they cannot clobber
 * the page. Only after that are kawaraban's own trusted changes made (responsive images).
 */
const schema = {
  ...defaultSchema,
  // Front matter never reaches the page; the title comes from it, rendered by the layout.
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => !["input", "details", "summary"].includes(t)),
};

export interface BodyOptions {
  source: string;
  basePath: string;
  images: ReadonlyMap<string, ImageVariants>;
  /** Preview only: mark block elements with the source line they start on (for inline findings). */
  lineMarks?: boolean;
}

/**
 * A site file as a URL path: each segment percent-encoded, so a photo named with spaces, commas
 * or `#` still makes a valid `src` and `srcset` (a comma would split a srcset candidate).
 */
export const fileUrl = (file: string) => file.split("/").map(encodeURIComponent).join("/");

/** The one <picture> markup of the site: AVIF, WebP, then JPEG with width and height. */
export function picture(variants: ImageVariants, alt: string, basePath: string, extra: Record<string, string> = {}): Element {
  const srcset = (list: { width: number; file: string }[]) => list.map((v) => `${basePath}${fileUrl(v.file)} ${v.width}w`).join(", ");
  const jpeg = variants.variants.jpeg;
  const fallback = jpeg.find((v) => v.width >= 960) ?? jpeg[jpeg.length - 1]!;
  const sizes = "(min-width: 48rem) 44rem, 100vw";
  return {
    type: "element",
    tagName: "picture",
    properties: {},
    children: [
      { type: "element", tagName: "source", properties: { type: "image/avif", srcSet: srcset(variants.variants.avif), sizes }, children: [] },
      { type: "element", tagName: "source", properties: { type: "image/webp", srcSet: srcset(variants.variants.webp), sizes }, children: [] },
      {
        type: "element",
        tagName: "img",
        properties: {
          src: `${basePath}${fileUrl(fallback.file)}`,
          srcSet: srcset(jpeg),
          sizes,
          width: fallback.width,
          height: fallback.height,
          alt,
          loading: "lazy",
          decoding: "async",
          ...extra,
        },
        children: [],
      },
    ],
  };
}

/** Characters XML 1.0 cannot hold (controls, noncharacters, lone surrogates): a raw `&#1;` decodes to one. */
export const XML_INVALID = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * A line break inside Japanese text is only the writer's editor wrapping; in HTML it would
 * show as a space between two Japanese characters. Removed there, kept elsewhere (and never
 * inside code).
 */
const CJK_BREAK = /([\u3000-\u30ff\u3400-\u9fff\uff00-\uffef])\n(?=[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef])/g;
/** Blocks that get the source line they start on (preview only). */
const LINE_MARKED = /^(p|h[1-6]|li|table|blockquote|pre)$/;

/**
 * kawaraban's own changes, trusted and made after sanitizing (so writers cannot forge them), in
 * one walk of the tree (a walk per change was a tenth of rendering):
 * - what no page or feed may carry (XML_INVALID) becomes U+FFFD, in text and attributes alike;
 * - each article image becomes a <picture> of its variants with width and height, and an image
 *   that is not a checked photo of this repository is removed (never hotlinked);
 * - preview only: data-line on each block, from the Markdown positions;
 * - line breaks between Japanese characters are joined, outside code.
 */
function finish(parent: Hast | Element, options: BodyOptions, inCode: boolean): void {
  const children = parent.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.type === "text") {
      node.value = node.value.replace(XML_INVALID, "\uFFFD");
      if (!inCode && node.value.includes("\n")) node.value = node.value.replace(CJK_BREAK, "$1");
    } else if (node.type === "comment") node.value = node.value.replace(XML_INVALID, "\uFFFD");
    else if (node.type === "element") {
      for (const [key, value] of Object.entries(node.properties)) {
        if (typeof value === "string") node.properties[key] = value.replace(XML_INVALID, "\uFFFD");
      }
      if (node.tagName === "img") {
        const image = pictureFor(node, options);
        if (image) children[i] = image;
        else children.splice(i--, 1);
        continue;
      }
      if (options.lineMarks && node.position && LINE_MARKED.test(node.tagName)) node.properties.dataLine = node.position.start.line;
      finish(node, options, inCode || node.tagName === "pre" || node.tagName === "code");
    }
  }
}

/** The <picture> of an article image, or undefined for one that is not a checked photo of this repository. */
function pictureFor(img: Element, options: BodyOptions): Element | undefined {
  const resolved = resolveImageUrl(options.source, String(img.properties.src ?? ""));
  const variants = resolved.ok ? options.images.get(resolved.repoPath) : undefined;
  return variants && picture(variants, String(img.properties.alt ?? ""), options.basePath);
}

/** Whether the Markdown tree holds raw HTML anywhere. */
function hasHtml(node: Mdast | Mdast["children"][number]): boolean {
  if (node.type === "html") return true;
  return "children" in node && (node.children as Mdast["children"]).some(hasHtml);
}

// Built once per process (plugins attach once): one without raw HTML, one with it. The second
// needs rehype-raw (parse5, an HTML parser): loaded only when an article may contain HTML, since
// most never do and its modules cost more than rendering one article.
const toSanitizedHast = (raw: boolean, plugins: PluggableList) =>
  unified().use(remarkRehype, { allowDangerousHtml: raw }).use(plugins).use(rehypeSanitize, schema).freeze();
const plain = toSanitizedHast(false, []);
let withRaw: ReturnType<typeof toSanitizedHast> | undefined;
const html = unified().use(rehypeStringify).freeze();

/** Whether Markdown text may hold raw HTML: it always starts with "<" and a letter, "/", "!" or "?". */
export const mayHaveHtml = (markdown: string) => /<[A-Za-z/!?]/.test(markdown);

/** Loads the raw-HTML path; renderBody needs it for any article where mayHaveHtml is true. */
export async function loadRawHtmlSupport(): Promise<void> {
  if (withRaw) return;
  const { default: rehypeRaw } = await import("rehype-raw");
  withRaw ??= toSanitizedHast(true, [rehypeRaw]);
}

/** The article's body as sanitized HTML. The Markdown tree is read, never changed. */
export function renderBody(tree: Mdast, options: BodyOptions): string {
  return html.stringify(renderBodyTree(tree, options));
}

/** The sanitized HTML tree of the body (the writer's page builds its preview from it, never from HTML text). */
export function renderBodyTree(tree: Mdast, options: BodyOptions): Hast {
  // Raw HTML needs a real HTML parser (rehype-raw, parse5); most articles have none, and
  // skipping it halves the rendering time. Sanitizing runs either way. Front matter (the
  // `yaml` node) has no HTML form and is dropped by remark-rehype.
  const raw = hasHtml(tree);
  if (raw && !withRaw) throw new Error("renderBody: raw HTML found before loadRawHtmlSupport()");
  const hast = (raw ? withRaw! : plain).runSync(tree) as Hast;
  finish(hast, options, false);
  return hast;
}
