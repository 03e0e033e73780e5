import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseSafeYaml } from "../article/safe-yaml.ts";
import { sha256 } from "../hash.ts";
import { textOf } from "../source/decode.ts";
import type { Snapshot } from "../source/snapshot.ts";
import { installSpeedups } from "../checks/prose/speedups.mjs";

/** The city's 表記 files: what they turn into the city's form, search treats as the same word. */
const NOTATION_FILES = ["prh.yml", "prh-required.yml"];
const CAP = 512 * 1024;

type Pair = [string, string];
const fold = (s: string) => s.normalize("NFKC").toLowerCase();
const toHiragana = (katakana: string) => katakana.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

/**
 * [spelling, the city's form] pairs for the site's search (search-client.mjs `unify`): each plain
 * prh pattern (regular expressions are context rules, not spellings), and the reading in kana of
 * each form written with kanji (「こども」 for 「子ども」; readings shorter than three kana are too
 * ambiguous: 「はし」). Longest first; a pair whose result another pair would rewrite is dropped,
 * so unifying twice changes nothing.
 */
export async function searchVariants(tree: Snapshot, cacheDir: string | undefined): Promise<Pair[]> {
  const sources = await Promise.all(NOTATION_FILES.map(async (f) => textOrEmpty(f, await tree.read(f, CAP))));
  const key = sha256("search-variants-1", ...sources);
  const cacheFile = cacheDir && path.join(cacheDir, `search-variants-${key.slice(0, 16)}.json`);
  if (cacheFile && existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, "utf8")) as Pair[];
  const pairs = new Map<string, string>();
  const expectedForms = new Set<string>();
  for (const source of sources) {
    const rules = (parseSafeYaml(source).data as { rules?: unknown } | undefined)?.rules;
    for (const rule of Array.isArray(rules) ? rules : []) {
      const { expected, pattern } = (rule ?? {}) as { expected?: unknown; pattern?: unknown };
      if (typeof expected !== "string" || /[$\\]/.test(expected)) continue;
      expectedForms.add(fold(expected));
      for (const p of Array.isArray(pattern) ? pattern : [pattern])
        if (typeof p === "string" && !p.startsWith("/") && p.trim()) pairs.set(fold(p), fold(expected));
    }
  }
  // The check's faster dictionary load (1.3 s → 0.3 s on a cold build) and tokenizing; same tokens.
  installSpeedups();
  // CommonJS: its names are on `default` when the pipeline runs from the prebuilt ESM bundle.
  const kuromojin = (await import("kuromojin")) as typeof import("kuromojin") & { default?: typeof import("kuromojin") };
  const tokenize = kuromojin.default?.tokenize ?? kuromojin.tokenize;
  for (const form of expectedForms) {
    if (!/\p{Script=Han}/u.test(form)) continue;
    const tokens = await tokenize(form);
    if (tokens.some((t) => !t.reading || t.reading === "*")) continue;
    const reading = toHiragana(tokens.map((t) => t.reading).join(""));
    if ([...reading].length >= 3 && reading !== form && !pairs.has(reading)) pairs.set(reading, form);
  }
  const all = [...pairs].filter(([from, to]) => from && from !== to).sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
  const stable = all.filter(([, to]) => !all.some(([from]) => to.includes(from)));
  if (cacheFile) {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(stable));
  }
  return stable;
}

function textOrEmpty(file: string, read: Awaited<ReturnType<Snapshot["read"]>>): string {
  const decoded = textOf(file, read, CAP);
  return decoded.ok ? decoded.text : "";
}
