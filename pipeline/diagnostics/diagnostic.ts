/**
 * The one diagnostic shape every stage reports in (modelled on vfile-message):
 * 1-based line/column counted in UTF-16 code units (what editors and textlint use),
 * a permanent rule id, the checker that produced it, and a Japanese message.
 */
export type Severity = "error" | "warning" | "info";

export type Source = "frontmatter" | "textlint" | "remark-lint" | "a11y" | "image" | "config" | "input";

/** A text edit the writer can accept: replace [start, end) character offsets of the raw file. */
export interface Fix {
  range: [number, number];
  text: string;
}

export interface Diagnostic {
  ruleId: string;
  source: Source;
  severity: Severity;
  message: string;
  path: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  fix?: Fix;
  /**
   * The fix as whole lines (what a GitHub ```suggestion block replaces): lines `line` to
   * `endLine` of the file become `text`. Computed where the raw text is known.
   */
  suggestion?: { line: number; endLine: number; text: string };
  /** Documentation of the rule. */
  url?: string;
  /** Set on diagnostics that stand for a bug in kawaraban itself (exit code 2). */
  internal?: boolean;
  /** The original error, kept for logs; never serialised into reports. */
  cause?: unknown;
}

export interface Point {
  line: number;
  column: number;
}

export interface Span {
  start: Point;
  end?: Point;
}

export interface FileReport {
  path: string;
  messages: Diagnostic[];
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  /** Findings left out because the baseline already records them (present only when a baseline is used). */
  baselined?: number;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: by line, then column, then severity, then rule id. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    severityRank[a.severity] - severityRank[b.severity] ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

/** Groups diagnostics by file; every checked path gets an entry, even a clean one. */
export function groupByFile(paths: Iterable<string>, diagnostics: Diagnostic[]): FileReport[] {
  const byPath = new Map<string, Diagnostic[]>();
  for (const path of paths) byPath.set(path, []);
  for (const d of diagnostics) {
    const list = byPath.get(d.path);
    if (list) list.push(d);
    else byPath.set(d.path, [d]);
  }
  return [...byPath.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, messages]) => ({ path, messages: messages.sort(compareDiagnostics) }));
}

export function summarize(files: FileReport[]): Summary {
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    for (const m of file.messages) {
      if (m.severity === "error") errors++;
      else if (m.severity === "warning") warnings++;
    }
  }
  return { files: files.length, errors, warnings };
}

export function withSpan(span: Span | undefined): Pick<Diagnostic, "line" | "column" | "endLine" | "endColumn"> {
  if (!span) return {};
  const out: Pick<Diagnostic, "line" | "column" | "endLine" | "endColumn"> = {
    line: span.start.line,
    column: span.start.column,
  };
  if (span.end) {
    out.endLine = span.end.line;
    out.endColumn = span.end.column;
  }
  return out;
}
