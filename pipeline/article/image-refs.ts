import type { Root, Image, Definition, Html } from "mdast";
import { visit } from "unist-util-visit";
import type { Span } from "../diagnostics/diagnostic.ts";
import type { ParsedYaml } from "./safe-yaml.ts";

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
