import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import type { Link, Parent, Root, Text } from "mdast";
import type { Point } from "unist";
import { LineIndex } from "./positions.ts";

/**
 * One frozen parser per process. The whole raw file is parsed (front matter included, as a
 * `yaml` node) so every position in the tree is a position in the writer's file.
 */
const parser = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfm).freeze();

export function parseMarkdown(raw: string): Root {
  const tree = parser.parse(raw) as Root;
  // Line starts are indexed only for a file that has a bare URL to cut.
  let lines: LineIndex | undefined;
  endBareUrls(tree, raw, (offset) => ({ ...(lines ??= new LineIndex(raw)).point(offset), offset }));
  return tree;
}

/** What GFM drops from the end of a bare URL (its trailing punctuation rule). */
const TRAILING = /[.,:;!?"'*_~]+$/;

/**
 * A bare URL ends where the Japanese after it begins. GFM ends one only at a space or `<`, and
 * Japanese puts none between a URL and its sentence: 「詳しくはhttps://www.city.example.jp/をご覧
 * ください。」 made the rest of the sentence part of the link (a broken page for residents, and a
 * link-text fix that swallowed the writer's words). A browser copies a Japanese path
 * percent-encoded, so a bare URL is cut at its first character outside ASCII; the rest is text
 * again. Links written as `<…>` or `[…](…)` are the writer's own and are left as they are.
 */
function endBareUrls(node: Parent, raw: string, pointAt: (offset: number) => Point): void {
  for (let i = 0; i < node.children.length; i++) {
    const child = node.children[i]!;
    if (child.type === "link") {
      const rest = cutBareUrl(child, raw, pointAt);
      if (rest) node.children.splice(i + 1, 0, rest as never);
    } else if ("children" in child) endBareUrls(child as Parent, raw, pointAt);
  }
}

function cutBareUrl(link: Link, raw: string, pointAt: (offset: number) => Point): Text | undefined {
  const only = link.children.length === 1 ? link.children[0] : undefined;
  if (only?.type !== "text" || !bare(link, only.value, raw)) return undefined;
  const text = only.value;
  const cut = text.search(/[^\x21-\x7e]/);
  if (cut <= 0) return undefined;
  let keep = text.slice(0, cut).replace(TRAILING, "");
  // An unmatched ")" at the end is the sentence's, as GFM has it.
  while (keep.endsWith(")") && keep.split(")").length > keep.split("(").length) keep = keep.slice(0, -1);
  if (!/[/.]\w/.test(keep)) return undefined;
  link.url = link.url.slice(0, link.url.length - (text.length - keep.length));
  only.value = keep;
  const rest: Text = { type: "text", value: text.slice(keep.length) };
  // GFM's own scan gives a bare URL its place in the file; its later pass (a www. address after
  // a Japanese character) gives none, and neither part then has one.
  const [start, end] = [link.position?.start.offset, link.position?.end.offset];
  if (start === undefined || end === undefined) return rest;
  const at = start + keep.length;
  link.position = { start: link.position!.start, end: pointAt(at) };
  only.position = { start: link.position.start, end: pointAt(at) };
  rest.position = { start: pointAt(at), end: pointAt(end) };
  return rest;
}

/** A link GFM made from a bare address: its text is the address as written. */
function bare(link: Link, text: string, raw: string): boolean {
  const [start, end] = [link.position?.start.offset, link.position?.end.offset];
  if (start !== undefined && end !== undefined) return raw.slice(start, end) === text;
  return link.url === text || link.url === `http://${text}`;
}
