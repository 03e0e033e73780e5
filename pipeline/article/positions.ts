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

  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return "";
    const end = this.starts[line] ?? this.text.length + 1;
    return this.text.slice(start, end - 1).replace(/\r$/, "");
  }
}
