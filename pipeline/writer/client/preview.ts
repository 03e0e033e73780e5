/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The preview: the body's sanitized tree (rendered by the site's own code in the worker) built
// into the page element by element from an allowlist — never parsed from HTML text.
import type { Element as HastElement, Root, RootContent } from "hast";

/** How the worker marks the draft's photos (the page shows them from memory). */
export const PHOTO = "photo:";

const TAGS = new Set(
  "p h1 h2 h3 h4 h5 h6 ul ol li a strong em del blockquote code pre table thead tbody tr th td br hr img figure figcaption sup sub".split(" "),
);

export function renderPreview(target: HTMLElement, tree: Root | undefined, photoUrl: (repoPath: string) => string | undefined): void {
  if (!tree) {
    target.replaceChildren(
      Object.assign(document.createElement("p"), { textContent: "この本文は HTML を含むため、プレビューは公開前の確認（kawaraban preview）で見てください。" }),
    );
    return;
  }
  target.replaceChildren(...tree.children.flatMap((c) => build(c, photoUrl)));
}

function build(node: RootContent, photoUrl: (repoPath: string) => string | undefined): Node[] {
  if (node.type === "text") return [document.createTextNode(node.value)];
  if (node.type !== "element") return [];
  const children = () => node.children.flatMap((c) => build(c as RootContent, photoUrl));
  // <picture>: only its <img> (the page shows the draft's photo, not the site's variants).
  if (node.tagName === "picture" || !TAGS.has(node.tagName)) return children();
  const element = document.createElement(node.tagName);
  if (node.tagName === "a") safeLink(element as HTMLAnchorElement, node);
  if (node.tagName === "img") {
    const src = String(node.properties?.src ?? "");
    const url = src.startsWith(PHOTO) ? photoUrl(decodeURIComponent(src.slice(PHOTO.length))) : undefined;
    if (!url) return [];
    Object.assign(element, { src: url, alt: String(node.properties?.alt ?? "") });
  }
  element.append(...children());
  return [element];
}

function safeLink(a: HTMLAnchorElement, node: HastElement): void {
  const href = String(node.properties?.href ?? "");
  if (/^(https?:|mailto:|#)/i.test(href)) a.href = href;
  a.rel = "noopener noreferrer";
}
