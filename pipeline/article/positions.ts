import type { Point } from "../diagnostics/diagnostic.ts";

/** Converts character offsets of a text to 1-based line/column (UTF-16 units), and back. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  point(offset: number): Point {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] ?? 0) + 1 };
  }

  offset(point: Point): number {
    return (this.starts[point.line - 1] ?? this.text.length) + point.column - 1;
  }

  /** The lines a fix touches, rewritten with the fix applied (for one-click suggestions). */
  suggestion(range: readonly [number, number], text: string): { line: number; endLine: number; text: string } {
    const start = this.point(range[0]);
    const end = this.point(Math.max(range[0], range[1] - (range[1] > range[0] ? 1 : 0)));
    const from = this.starts[start.line - 1] ?? 0;
    const next = this.starts[end.line] ?? this.text.length + 1;
    const to = Math.min(next - 1, this.text.length);
    const replaced = this.text.slice(from, range[0]) + text + this.text.slice(range[1], to);
    return { line: start.line, endLine: end.line, text: replaced.replace(/\r(?=\n|$)/g, "") };
  }

  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return "";
    const end = this.starts[line] ?? this.text.length + 1;
    return this.text.slice(start, end - 1).replace(/\r$/, "");
  }
}
