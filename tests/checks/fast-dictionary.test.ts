import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mkdtemp, readFile, readdir, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { lazyTargetMap, loadDictionaryFile } from "../../pipeline/checks/prose/fast-dictionary.mjs";
import { REPO_ROOT } from "../support/repo.ts";

const require = createRequire(import.meta.url);
const DICT = path.join(path.dirname(require.resolve("kuromoji/package.json")), "dict");

/** A worker thread with its own kuromoji, fast or stock; `tokenize` sends it texts. */
function tokenizer(fast: boolean) {
  const worker = new Worker(new URL("../fixtures/workers/tokenize.mjs", import.meta.url), { workerData: { fast } });
  const tokenize = (texts: string[]) =>
    new Promise<{ installed: boolean; tokens: unknown[][] }>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.postMessage(texts);
    });
  return { tokenize, close: () => worker.terminate() };
}

async function sampleArticles(): Promise<string[]> {
  const dir = path.join(REPO_ROOT, "articles");
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith(".md"));
  return Promise.all(files.map((f) => readFile(path.join(dir, f), "utf8")));
}

// Hiragana, katakana, common and rare kanji, digits in both widths, Latin, punctuation, emoji.
const CHARS = [
  ..."あいうえおかがきくけこさしすせそたちつてとなにぬねのはばぱまみむめもやゆよらりるれろわをんーっゃアイウエオカガキクケコサシスセソタチツテトナニヌネノハバパマミムメモヤユヨラリルレロワヲンッャ市町村子供公園図書館今日明行来見食話書読遊楽知鬱麤鑫0123456789０１２３４５６７８９abcXYZ 、。「」（）！？・…〜\n🍣😀",
];
const japanese = fc.array(fc.constantFrom(...CHARS), { maxLength: 60 }).map((cs) => cs.join(""));

describe("the fast dictionary loader", () => {
  it("tokenizes exactly as kuromoji's own loader: sample articles and generated text", async () => {
    const fast = tokenizer(true);
    const stock = tokenizer(false);
    try {
      const texts = [...(await sampleArticles()), ...fc.sample(japanese, { numRuns: 400, seed: 20261203 })];
      const [a, b] = await Promise.all([fast.tokenize(texts), stock.tokenize(texts)]);
      expect(a.installed).toBe(true);
      expect(b.installed).toBe(false);
      expect(a.tokens.flat().length).toBeGreaterThan(5000);
      expect(a.tokens).toEqual(b.tokens);
    } finally {
      await Promise.all([fast.close(), stock.close()]);
    }
  }, 120_000);

  it("reads target maps as kuromoji does: repeated keys, empty lists, zero padding, absent keys", () => {
    const TokenInfoDictionary = require("kuromoji/src/dict/TokenInfoDictionary.js");
    const entries = fc.array(fc.tuple(fc.nat(50), fc.array(fc.integer({ min: -5, max: 2 ** 31 - 1 }), { maxLength: 4 })), { maxLength: 30 });
    fc.assert(
      fc.property(entries, fc.nat(40), (list, padding) => {
        const ints = [list.length, ...list.flatMap(([key, ids]) => [key, ids.length, ...ids])];
        const bytes = new Uint8Array(ints.length * 4 + padding);
        const view = new DataView(bytes.buffer);
        for (const [i, n] of ints.entries()) view.setInt32(i * 4, n, true);
        const stock = new TokenInfoDictionary();
        stock.loadTargetMap(bytes);
        const lazy = lazyTargetMap(bytes);
        for (let key = 0; key <= 52; key++) expect(lazy[String(key)], `key ${key}`).toEqual(stock.target_map[key]);
        expect(lazy["x"]).toBeUndefined();
        expect(lazy["01"]).toBeUndefined();
      }),
    );
  });

  it("keeps an uncompressed copy without padding, reads it back whole, and ignores a damaged one", async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), "kawaraban-dict-"));
    const file = path.join(DICT, "unk.dat.gz");
    const first = Buffer.from(await loadDictionaryFile(file, cacheDir));
    const again = async () => first.equals(Buffer.from(await loadDictionaryFile(file, cacheDir)));
    const [cached] = await readdir(cacheDir);
    expect((await stat(path.join(cacheDir, cached!))).size).toBeLessThan(first.length / 100);
    expect(await again()).toBe(true);
    // A copy longer than the dictionary (another release, a damaged disk) is not used.
    await writeFile(path.join(cacheDir, cached!), new Uint8Array(first.length + 1).fill(7));
    expect(first.length).toBe(10 * 2 ** 20);
    expect(await again()).toBe(true);
  });
});
