import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { createRequire } from "node:module";

// The rule reads kuromoji's lattice and trie directly: any text, cut anywhere, must neither throw
// (the stock trie search throws on half of a surrogate pair) nor report outside the text.
const require = createRequire(import.meta.url);
const { kanaTypos } = require("../../pipeline/textlint/preset/rules/kana-typos.js") as {
  kanaTypos: (text: string, found: (index: number, message: string, fix?: unknown) => void, doc: Record<string, number>, taken: number[]) => Promise<void>;
};

const piece = fc.constantFrom(
  "ひわまり",
  "あさいつ",
  "すっかかり",
  "とととっと",
  "😀",
  "👨‍👩‍👧",
  "\ud83d",
  "\ude00",
  "漢字",
  "カタカナ",
  "、",
  "。",
  "\n",
  "a",
  "ー",
);

describe("hiragana typos (kana-typos.js)", () => {
  it("never throws and reports only inside the text, whatever stands beside a run of kana", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 12 }), async (pieces) => {
        const text = pieces.join("");
        const found: number[] = [];
        await kanaTypos(text, (index) => found.push(index), {}, []);
        for (const index of found) expect(index >= 0 && index < text.length).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("leaves a run of thousands of kana alone instead of re-reading it at every place", async () => {
    // Kana in a fixed pseudo-random order with no sound repeated (which the rule would skip anyway).
    const kana = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん";
    let run = "";
    for (let seed = 7; run.length < 3000; ) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const next = run + kana[(seed >> 8) % kana.length];
      if (!/(.)\1$|(..)\2$/u.test(next.slice(-4))) run = next;
    }
    const doc: Record<string, number> = {};
    await kanaTypos(run, () => undefined, doc, []);
    expect(doc.kanaEdits ?? 0).toBe(0);
    // The same kana in runs of a sentence's length are tried, edit by edit.
    const sentences: Record<string, number> = {};
    await kanaTypos(run.slice(0, 600).replace(/(.{30})/gu, "$1。"), () => undefined, sentences, []);
    expect(sentences.kanaEdits).toBeGreaterThan(0);
  });

  it("reports a swapped pair next to an emoji, and leaves a run another check reported alone", async () => {
    const found: number[] = [];
    await kanaTypos("😀ひわまり😀", (index) => found.push(index), {}, []);
    expect(found).toEqual([3]);
    const none: number[] = [];
    await kanaTypos("😀ひわまり😀", (index) => none.push(index), {}, [2]);
    expect(none).toEqual([]);
  });
});
