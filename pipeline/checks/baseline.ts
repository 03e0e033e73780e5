import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { LineIndex } from "../article/positions.ts";

/**
 * A baseline records the findings that already exist on `main`, so a pull request fails only
 * on what it introduces: an editor is not flooded when a writer touches an old article.
 *
 * A finding is identified by file, rule and the text of the line it is on (not the line
 * number, which shifts whenever text is added above). Identical findings are counted, so a
 * PR that adds a second copy of a known problem is still reported once.
 */
export const BASELINE_FILE = "kawaraban.baseline.json";

export interface BaselineEntry {
  path: string;
  ruleId: string;
  text: string;
  count: number;
}

export interface Baseline {
  version: 1;
  findings: BaselineEntry[];
}

const NEVER_BASELINED = new Set(["input", "config"]);
const MAX_TEXT = 120;

export type LineTexts = (path: string) => LineIndex | undefined;

/** Line texts of loaded articles, indexed on first use. */
export function lineTextsOf(articles: readonly { path: string; raw: string }[]): LineTexts {
  const indexes = new Map<string, LineIndex>();
  const raw = new Map(articles.map((a) => [a.path, a.raw]));
  return (file) => {
    if (!indexes.has(file) && raw.has(file)) indexes.set(file, new LineIndex(raw.get(file)!));
    return indexes.get(file);
  };
}

function fingerprint(d: Diagnostic, lines: LineTexts): string {
  const text = d.line !== undefined ? (lines(d.path)?.lineText(d.line).trim().slice(0, MAX_TEXT) ?? "") : "";
  return JSON.stringify([d.path, d.ruleId, text]);
}

export function buildBaseline(diagnostics: readonly Diagnostic[], lines: LineTexts): Baseline {
  const counts = new Map<string, number>();
  for (const d of diagnostics) {
    if (NEVER_BASELINED.has(d.source) || d.internal || d.severity === "info") continue;
    const key = fingerprint(d, lines);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const findings = [...counts.entries()].map(([key, count]) => {
    const [file, ruleId, text] = JSON.parse(key) as [string, string, string];
    return { path: file, ruleId, text, count };
  });
  findings.sort((a, b) => a.path.localeCompare(b.path) || a.ruleId.localeCompare(b.ruleId) || a.text.localeCompare(b.text));
  return { version: 1, findings };
}

/** Splits findings into those the baseline already knows and the new ones. */
export function applyBaseline(diagnostics: readonly Diagnostic[], baseline: Baseline, lines: LineTexts): { kept: Diagnostic[]; baselined: number } {
  const remaining = new Map<string, number>();
  for (const f of baseline.findings) remaining.set(JSON.stringify([f.path, f.ruleId, f.text]), f.count);
  const kept: Diagnostic[] = [];
  let baselined = 0;
  for (const d of diagnostics) {
    const key = fingerprint(d, lines);
    const left = remaining.get(key) ?? 0;
    if (left > 0 && !NEVER_BASELINED.has(d.source) && !d.internal) {
      remaining.set(key, left - 1);
      baselined++;
    } else kept.push(d);
  }
  return { kept, baselined };
}

export async function readBaseline(root: string): Promise<Baseline | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(root, BASELINE_FILE), "utf8");
  } catch {
    return undefined;
  }
  const parsed = JSON.parse(text) as Baseline;
  if (parsed.version !== 1 || !Array.isArray(parsed.findings)) throw new Error(`${BASELINE_FILE} の形式が正しくありません`);
  return parsed;
}

/** One finding per line, so a diff of the baseline reads as a list of added and removed findings. */
export async function writeBaseline(root: string, baseline: Baseline): Promise<void> {
  const body = baseline.findings.map((f) => `    ${JSON.stringify(f)}`).join(",\n");
  await writeFile(path.join(root, BASELINE_FILE), `{\n  "version": 1,\n  "findings": [\n${body}${body ? "\n" : ""}  ]\n}\n`);
}
