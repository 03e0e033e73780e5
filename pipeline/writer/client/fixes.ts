// Applying many fixes to the body at once (「表記をまとめて直す」): the fixes' ranges are offsets
// in the composed article, the body starts at `bodyOffset`. Later fixes are applied first so the
// earlier offsets stay valid; a fix that overlaps one already applied, or reaches outside the
// body, is left for the next check.

export interface TextFix {
  range: readonly [number, number];
  text: string;
}

export function applyFixes(body: string, fixes: readonly TextFix[], bodyOffset: number): string {
  let out = body;
  let limit = Number.POSITIVE_INFINITY;
  const inBody = fixes
    .map((f) => ({ start: f.range[0] - bodyOffset, end: f.range[1] - bodyOffset, text: f.text }))
    .filter((f) => f.start >= 0 && f.start <= f.end && f.end <= body.length)
    .sort((a, b) => b.start - a.start || b.end - a.end);
  for (const f of inBody) {
    // Two insertions at one place, or a fix that reaches into the last one applied, wait.
    if (f.end > limit || (f.end === limit && f.start === f.end)) continue;
    out = out.slice(0, f.start) + f.text + out.slice(f.end);
    limit = f.start;
  }
  return out;
}
