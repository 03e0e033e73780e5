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
const { phraseIndex, requiredCharacters } = require(`${RULES}/phrase-index.js`) as {
  phraseIndex: (list: readonly Entry[]) => (text: string) => Entry[];
  requiredCharacters: (source: string) => string[][];
};

const LISTS = { CERTAIN, LIKELY, TYPOGRAPHY };
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
  ...[...CERTAIN, ...LIKELY].flatMap(([pattern]) => requiredCharacters(pattern.source).map((chars) => chars.join(""))),
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

  it("files a pattern under characters outside groups, classes and optional parts, per alternative", () => {
    expect(requiredCharacters("(?<=コロナ)[渦過]")).toEqual([[]]);
    expect(requiredCharacters("a(?:b|c)d?e+\\u3042f{0,2}g{1}")).toEqual([["a", "e", "g"]]);
    expect(requiredCharacters("すべて全部|全て全部")).toEqual([
      ["す", "べ", "て", "全", "部"],
      ["全", "て", "全", "部"],
    ]);
    expect(requiredCharacters("[a-z\\]]x|\\p{L}y")).toEqual([["x"], ["y"]]);
  });

  it("runs far fewer patterns than the list on a paragraph", () => {
    const candidates = phraseIndex([...CERTAIN, ...LIKELY]);
    // The longest line the project wrote: a real paragraph, never an empty text.
    const paragraph = written.flatMap((t) => t.split("\n")).reduce((longest, line) => (line.length > longest.length ? line : longest), "");
    expect(paragraph.length).toBeGreaterThan(60);
    expect(candidates(paragraph).length).toBeLessThan((CERTAIN.length + LIKELY.length) / 5);
  });
});
