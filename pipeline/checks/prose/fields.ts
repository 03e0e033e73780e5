import type { ArticleText } from "../../article/article.ts";
import type { TextlintMessage } from "./textlint.mjs";
import { LineIndex } from "../../article/positions.ts";

/**
 * Text a resident reads that is not in the Markdown body: the title, the summary, the cover's
 * and every photo's description. textlint skips front matter and alt text, so these are linted
 * as a small document of their own — one paragraph per field — and each finding is moved back
 * to where the field's text stands in the file (line, column, fix range), so it is reported,
 * fixed and suggested exactly like a finding in the body.
 */
export interface FieldDocument {
  text: string;
  /** The message at its place in the article, or undefined when a rule's finding does not apply to a field. */
  place(message: TextlintMessage): TextlintMessage | undefined;
}

interface Piece {
  kind: "title" | "summary" | "coverAlt" | "alt";
  /** Where the piece starts in the document and in the article (offsets, 1-based line and column). */
  from: number;
  docLine: number;
  at: number;
  line: number;
  column: number;
  length: number;
}

const FRONT_FIELDS = ["title", "summary", "coverAlt"] as const;
/** Labels, not sentences: the rule that wants 。 at the end of a sentence applies to the summary only. */
const NOT_FOR_LABELS = /(^|\/)ja-no-mixed-period$/;

export function fieldDocument(article: ArticleText): FieldDocument | undefined {
  const raw = article.raw;
  const found: Omit<Piece, "from" | "docLine">[] = [];
  const lines = new LineIndex(raw);
  for (const kind of FRONT_FIELDS) {
    const value = article.data[kind];
    if (typeof value !== "string" || value.trim() === "" || /[\r\n]/.test(value)) continue;
    for (let line = 2; line < article.bodyStartLine - 1; line++) {
      const text = lines.lineText(line);
      const m = new RegExp(`^${kind}:[ \\t]*(["']?)`).exec(text);
      if (!m) continue;
      const column = m[0].length + 1;
      // Only text written as it reads (plain, or quoted with no escapes): positions must be exact.
      if (text.slice(column - 1, column - 1 + value.length) === value)
        found.push({ kind, at: lines.offset({ line, column }), line, column, length: value.length });
      break;
    }
  }
  for (const image of article.images) {
    if (image.kind !== "markdown" || !image.alt || !image.span || /[\r\n]/.test(image.alt)) continue;
    const { line, column } = image.span.start;
    const at = lines.offset({ line, column }) + 2; // after "!["
    if (raw.slice(at, at + image.alt.length) === image.alt && raw.slice(at - 2, at) === "![")
      found.push({ kind: "alt", at, line, column: column + 2, length: image.alt.length });
  }
  if (found.length === 0) return undefined;
  const pieces: Piece[] = [];
  let text = "";
  for (const [i, f] of found.entries()) {
    pieces.push({ ...f, from: text.length, docLine: i * 2 + 1 });
    text += `${raw.slice(f.at, f.at + f.length)}\n\n`;
  }
  return { text, place: (message) => place(message, pieces) };
}

function place(message: TextlintMessage, pieces: readonly Piece[]): TextlintMessage | undefined {
  const piece = pieces.find((p) => p.docLine === message.loc.start.line);
  if (!piece || (piece.kind !== "summary" && NOT_FOR_LABELS.test(message.ruleId))) return undefined;
  const offset = (o: number) => piece.at + Math.min(Math.max(o - piece.from, 0), piece.length);
  const point = (p: { line: number; column: number }) =>
    p.line === piece.docLine ? { line: piece.line, column: piece.column + p.column - 1 } : { line: piece.line, column: piece.column + piece.length };
  const moved: TextlintMessage = {
    ...message,
    line: piece.line,
    column: piece.column + message.column - 1,
    index: offset(message.index),
    range: [offset(message.range[0]), offset(message.range[1])],
    loc: { start: point(message.loc.start), end: point(message.loc.end) },
  };
  if (message.fix) moved.fix = { ...message.fix, range: [offset(message.fix.range[0]), offset(message.fix.range[1])] };
  if (message.suggestions)
    moved.suggestions = message.suggestions.map((s) => ({ ...s, fix: { ...s.fix, range: [offset(s.fix.range[0]), offset(s.fix.range[1])] } }));
  return moved;
}
