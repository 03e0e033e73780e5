import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

// The phrase lists are CommonJS (textlint loads the preset with require).
const require = createRequire(import.meta.url);
const RULES = "../../pipeline/textlint/preset/rules";
type Entry = [RegExp, string | undefined, string];
const { CERTAIN } = require(`${RULES}/phrases-certain.js`) as { CERTAIN: Entry[] };
const { LIKELY } = require(`${RULES}/phrases-likely.js`) as { LIKELY: Entry[] };
const { TYPOGRAPHY } = require(`${RULES}/typography.js`) as { TYPOGRAPHY: Entry[] };
const { phraseIndex, requiredKeys } = require(`${RULES}/phrase-index.js`) as {
  phraseIndex: (list: readonly Entry[]) => (text: string) => Entry[];
  requiredKeys: (source: string) => string[][];
};

const LISTS = { CERTAIN, LIKELY, TYPOGRAPHY };

/**
 * A pattern whose matches hold every match of `source` (fast-check cannot generate for
 * lookarounds): positive lookarounds consume their text, negative ones are dropped.
 */
function consuming(source: string): string {
  let out = "";
  for (let i = 0; i < source.length; i++) {
    const rest = source.slice(i);
    if (source[i] === "\\") {
      out += source.slice(i, i + 2);
      i++;
    } else if (source[i] === "[") {
      const end = classEnd(source, i);
      out += source.slice(i, end + 1);
      i = end;
    } else if (rest.startsWith("(?<=") || rest.startsWith("(?=")) {
      out += "(?:";
      i += rest.startsWith("(?=") ? 2 : 3;
    } else if (rest.startsWith("(?!") || rest.startsWith("(?<!")) i = groupEnd(source, i);
    else out += source[i];
  }
  return out;
}
/** Texts `pattern` matches; none for a pattern fast-check cannot generate from (a backreference). */
function generated(pattern: RegExp): string[] {
  try {
    return fc.sample(fc.stringMatching(pattern), { numRuns: 12, seed: 7 });
  } catch (error) {
    if (String(error).includes("not implemented")) return [];
    throw error;
  }
}
function classEnd(source: string, i: number): number {
  for (let j = i + 1; j < source.length; j++) {
    if (source[j] === "\\") j++;
    else if (source[j] === "]") return j;
  }
  return source.length;
}
function groupEnd(source: string, i: number): number {
  let depth = 0;
  for (let j = i; j < source.length; j++) {
    if (source[j] === "\\") j++;
    else if (source[j] === "[") j = classEnd(source, j);
    else if (source[j] === "(") depth++;
    else if (source[j] === ")" && --depth === 0) return j;
  }
  return source.length;
}
const matches = (list: readonly Entry[], text: string) =>
  list.flatMap(([pattern, , message]) => [...text.matchAll(pattern)].map((m) => `${m.index}:${m[0]}:${message}`));

// Texts written for this project and the lists' own characters: every pattern has its chance to match.
const FIXTURES = path.join(import.meta.dirname, "../fixtures/prose");
const written = [
  ...["edited", "forms"].flatMap((dir) => readdirSync(path.join(FIXTURES, dir)).map((f) => readFileSync(path.join(FIXTURES, dir, f), "utf8"))),
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".json"))
    .flatMap((f) => {
      const data: unknown = JSON.parse(readFileSync(path.join(FIXTURES, f), "utf8"));
      return Array.isArray(data) ? data.map((e: { text?: string }) => e.text ?? "") : [];
    }),
];
const pieces = [
  ...written.flatMap((t) => t.split(/(?<=[、。\n])/u)),
  ...[...CERTAIN, ...LIKELY].flatMap(([pattern]) => requiredKeys(pattern.source).flat()),
  ..."のにはをがてしたいるすまでとなかも、。「」０1２3年月日時分人名ーッャュョ会場子ども".split(""),
];

describe("phrase index (only the patterns that can match a text are run)", () => {
  it.each(Object.entries(LISTS))("%s: finds exactly what running every pattern finds, on the project's own sentences", (_, list) => {
    const candidates = phraseIndex(list);
    for (const text of written) {
      const all = matches(list, text);
      expect(matches(candidates(text), text)).toEqual(all);
    }
  });

  it.each(Object.entries(LISTS))("%s: and on any text made of pieces of sentences and of the patterns' characters", (_, list) => {
    const candidates = phraseIndex(list);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        expect(matches(candidates(text), text)).toEqual(matches(list, text));
      }),
      { numRuns: 400 },
    );
  });

  it.each(Object.entries(LISTS))("%s: every text a pattern matches holds one of its keys (texts generated from the patterns)", (_, list) => {
    const candidates = phraseIndex(list);
    let checked = 0;
    for (const entry of list) {
      const [pattern] = entry;
      const once = new RegExp(pattern.source, pattern.flags.replace("g", ""));
      const texts = generated(new RegExp(consuming(pattern.source), once.flags));
      for (const text of texts.filter((t) => once.test(t))) {
        checked++;
        expect(candidates(text), `${pattern} on ${JSON.stringify(text)}`).toContain(entry);
      }
    }
    expect(checked).toBeGreaterThan(list.length * 3);
  });

  it("files a pattern under the keys one of which every match holds: pairs before characters, rare before common", () => {
    // Positive lookarounds and groups count; a pair of literal characters beats one.
    expect(requiredKeys("(?<=コロナ)[渦過]")).toEqual([["コロ"]]);
    expect(requiredKeys("(?:すべて|全て)(?=完売)")).toEqual([["完売"]]);
    // Optional parts, negative lookarounds, escapes, ranges and negated classes require nothing.
    expect(requiredKeys("a?(?!bc)\\u3042[^d][e-f]g{0,2}")).toEqual([[]]);
    expect(requiredKeys("(?<!ab)cd(?!ef)")).toEqual([["cd"]]);
    // A group of alternatives, or a class of plain characters, is one of several keys.
    expect(requiredKeys("(?:ごお|おご)")).toEqual([["ごお", "おご"]]);
    expect(requiredKeys("[渦過]")).toEqual([["渦", "過"]]);
    expect(requiredKeys("(?:ごお|お?)")).toEqual([[]]);
    // Per top-level alternative; a capturing or named group is a group like any other.
    expect(requiredKeys("すべて全部|全て全部")).toEqual([["全部"], ["全部"]]);
    expect(requiredKeys("[a-z\\]]x|\\p{L}y|(?<n>zz)")).toEqual([["x"], ["y"], ["zz"]]);
    // A common kana counts less than a rare character; a pair of them more than one.
    expect(requiredKeys("の日")).toEqual([["の日"]]);
    expect(requiredKeys("の+日")).toEqual([["日"]]);
  });

  it("runs far fewer patterns than the list on a paragraph", () => {
    const candidates = phraseIndex([...CERTAIN, ...LIKELY]);
    // The longest line the project wrote: a real paragraph, never an empty text.
    const paragraph = written.flatMap((t) => t.split("\n")).reduce((longest, line) => (line.length > longest.length ? line : longest), "");
    expect(paragraph.length).toBeGreaterThan(60);
    expect(candidates(paragraph).length).toBeLessThan((CERTAIN.length + LIKELY.length) / 5);
  });
});
