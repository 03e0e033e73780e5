import type { Root, Nodes, Parent } from "mdast";
import { graphemesOf } from "../graphemes.ts";

/**
 * Text statistics for editors and invoicing. The character count rule (documented in the
 * README): the text a reader reads — headings, paragraphs, lists, tables and link text — with
 * Markdown syntax, front matter, code, raw HTML, image alt text, URLs and all whitespace
 * (including the full-width space) removed, counted in user-perceived characters (graphemes).
 */
export interface TextStats {
  characters: number;
  sentences: number;
  averageSentence: number;
  longestSentence: number;
  /** Share of kanji among the counted characters, 0–1, three decimals. */
  kanjiRatio: number;
  /** At 500 characters a minute, a common figure for reading Japanese prose. */
  readingMinutes: number;
}

export const READING_CHARS_PER_MINUTE = 500;

const SKIPPED = new Set(["code", "inlineCode", "html", "yaml", "image", "imageReference", "definition", "footnoteDefinition"]);
const WHITESPACE = /[\s\u3000]/gu;
const KANJI = /[\p{Script=Han}々〆ヶ]/gu;
/** Only these make a user-perceived character longer than one code unit: surrogates, combining marks, joiners, selectors. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: UTF-16 code units on purpose: any surrogate means a character outside the BMP.
const CLUSTERING = /[\u0300-\u036f\u1ab0-\u1aff\u20d0-\u20ff\u200c\u200d\u3099\u309a\ufe00-\ufe0f\ud800-\udfff]/;

/** Graphemes without whitespace. Plain Japanese text (almost all of it) is counted by length, without segmenting. */
function graphemeCount(text: string): number {
  const compact = text.replace(WHITESPACE, "");
  if (!CLUSTERING.test(compact)) return compact.length;
  let count = 0;
  for (const _ of graphemesOf(compact)) count++;
  return count;
}

function textOf(node: Nodes): string {
  if (SKIPPED.has(node.type)) return "";
  if (node.type === "text") return node.value;
  if (node.type === "break") return "\n";
  if ("children" in node) return (node as Parent).children.map((child) => textOf(child as Nodes)).join("");
  return "";
}

/** Paragraphs anywhere (lists and quotes included) are where sentences live; headings and tables are not. */
function paragraphs(node: Nodes, out: string[]): string[] {
  if (node.type === "paragraph") out.push(textOf(node));
  else if (node.type !== "table" && node.type !== "heading" && "children" in node) {
    for (const child of (node as Parent).children) paragraphs(child as Nodes, out);
  }
  return out;
}

export function textStats(tree: Root): TextStats {
  const text = textOf(tree);
  const sentences = paragraphs(tree, [])
    .flatMap((p) => p.split(/(?<=[。！？!?])(?![」』）)])|\n/))
    .map(graphemeCount)
    .filter((length) => length > 0);
  const kanji = text.match(KANJI)?.length ?? 0;
  const total = graphemeCount(text);
  return {
    characters: total,
    sentences: sentences.length,
    averageSentence: sentences.length ? Math.round((sentences.reduce((a, b) => a + b, 0) / sentences.length) * 10) / 10 : 0,
    longestSentence: sentences.length ? Math.max(...sentences) : 0,
    kanjiRatio: total ? Math.round((kanji / total) * 1000) / 1000 : 0,
    readingMinutes: total ? Math.ceil(total / READING_CHARS_PER_MINUTE) : 0,
  };
}
