import type { Diagnostic } from "./diagnostic.ts";
import type { LineTexts } from "../checks/baseline.ts";

/**
 * One suggestion per line. Each fixable finding carries a suggestion that rewrites its whole
 * line; four findings on one line would be four conflicting suggestions, and accepting one
 * would undo the others. Findings whose fixes touch the same lines are merged: the first keeps
 * one suggestion with every (non-overlapping) fix applied, the others keep their fix for
 * `--fix` but offer no suggestion of their own.
 */
export function mergeLineSuggestions(diagnostics: readonly Diagnostic[], lines: LineTexts): Diagnostic[] {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (!d.suggestion) continue;
    const key = `${d.path}\0${d.suggestion.line}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const replaced = new Map<Diagnostic, Diagnostic>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const index = lines(group[0]!.path);
    const fixes = group.filter((d) => d.fix).sort((a, b) => a.fix!.range[0] - b.fix!.range[0]);
    if (!index || fixes.length === 0) continue;
    const applied: Diagnostic[] = [];
    for (const d of fixes) if (applied.length === 0 || d.fix!.range[0] >= applied[applied.length - 1]!.fix!.range[1]) applied.push(d);
    const start = applied[0]!.fix!.range[0];
    const end = applied[applied.length - 1]!.fix!.range[1];
    let text = "";
    let at = start;
    for (const d of applied) {
      text += index.text.slice(at, d.fix!.range[0]) + d.fix!.text;
      at = d.fix!.range[1];
    }
    const suggestion = index.suggestion([start, end], text);
    const [first, ...rest] = group;
    replaced.set(first!, { ...first!, suggestion });
    for (const d of rest) {
      const { suggestion: _dropped, ...without } = d;
      replaced.set(d, without);
    }
  }
  return diagnostics.map((d) => replaced.get(d) ?? d);
}
