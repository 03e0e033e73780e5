import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mkdtemp, readFile, readdir, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { lazyTargetMap, loadDictionaryFile } from "../../pipeline/checks/prose/fast-dictionary.mjs";
import { REPO_ROOT } from "../support/repo.ts";
import { generateCorpus } from "../../pipeline/bench/corpus.ts";

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

/** Splits in a fresh worker thread, with the fast splitter installed or not (fixtures/workers/split.mjs). */
const splitIn = (fast: boolean, job: { texts?: string[]; paragraphs?: string[]; options?: unknown[] }) =>
  new Promise<{ installed: boolean; sentences: unknown[] }>((resolve, reject) => {
    const worker = new Worker(new URL("../fixtures/workers/split.mjs", import.meta.url), { workerData: { fast } });
    worker.once("message", (result) => void worker.terminate().then(() => resolve(result)));
    worker.once("error", reject);
    worker.postMessage(job);
  });

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

describe("the faster tokenizer dictionary, tokenizer and sentence splitter", () => {
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

  it("gives every rule the same findings as the packages' own code, on the samples and a generated corpus", async () => {
    const lintIn = (stock: boolean) =>
      new Promise<unknown[]>((resolve, reject) => {
        const env = { ...process.env, KAWARABAN_STOCK_TOKENIZER: stock ? "1" : "0" };
        const worker = new Worker(new URL("../fixtures/workers/lint.mjs", import.meta.url), { workerData: { root: REPO_ROOT }, env });
        worker.once("message", (results) => void worker.terminate().then(() => resolve(results)));
        worker.once("error", reject);
        worker.postMessage(files);
      });
    const samples = (await sampleArticles()).map((text, i) => ({ path: path.join(REPO_ROOT, `articles/sample-${i}.md`), text }));
    const corpus = generateCorpus(60, 7).map((a) => ({ path: path.join(REPO_ROOT, a.path), text: a.text }));
    // The samples and the corpus are clean prose: each article also gets the project's beginner mistakes.
    const mistakes = await Promise.all(
      ["beginner-mistakes.json", "beginner-mistakes-heldout.json"].map(async (f) =>
        JSON.parse(await readFile(path.join(REPO_ROOT, "tests/fixtures/prose", f), "utf8")),
      ),
    );
    // Rules split sentences at different marks: text where that changes what each one sees.
    const marks =
      "本当ですか？はい、でもでもそれは、とても、とても、長くて、読みにくい文です!次は例1.2の話ですが、行けれる人がが来てた．最後に、しかし、しかし、皆で、楽しく、話した。Mr. Smith と Yahoo! の U.S.A. 支社で 9 a.m. に会いました。We met Albert I. Jones. Did you see him? No. 1. は etc. です。";
    const sentences = [marks, ...mistakes.flat().map((m: { text: string }) => m.text)];
    const files = [...samples, ...corpus].map((f, i) => ({
      ...f,
      text: `${f.text}\n${[marks, ...sentences.slice(1 + (i % 20), 9 + (i % 20))].join("\n\n")}\n`,
    }));
    const [fast, stock] = await Promise.all([lintIn(false), lintIn(true)]);
    expect(fast.flat().length).toBeGreaterThan(300);
    // Rules finish asynchronously: two findings at one place may come in either order (textlint
    // sorts by position only), so each file's findings are compared in one total order.
    type Found = { index: number; ruleId: string; message: string };
    const ordered = (files: unknown[]) =>
      (files as Found[][]).map((found) =>
        [...found].sort((a, b) => a.index - b.index || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message)),
      );
    expect(ordered(fast)).toEqual(ordered(stock));
  }, 180_000);

  it("splits sentences as sentence-splitter does: English abbreviations and exclamations in Japanese text", async () => {
    const { English } = require(path.join(path.dirname(require.resolve("sentence-splitter")), "parser/lang/English.js"));
    const words = [...English.EXCLAMATION_WORDS, ...English.PREPOSITIVE_ABBREVIATIONS, ...English.ABBREVIATIONS].slice(0, 400);
    const word = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(...words).map((w: string) => w.toLowerCase()),
      fc.constantFrom(...words).map((w: string) => w.toUpperCase()),
      fc.constantFrom("I.", "A.", "U.S.A.", "No.", "1.", "Jones", "we", "です。", "行きました。", "?", "!", "、", " ", "\n", "「", "」"),
    );
    const texts = fc.sample(
      fc.array(word, { maxLength: 25 }).map((ws) => ws.join(" ")),
      { numRuns: 600, seed: 7 },
    );
    const [fast, stock] = await Promise.all([splitIn(true, { texts }), splitIn(false, { texts })]);
    expect([fast.installed, stock.installed]).toEqual([true, false]);
    expect(fast.sentences).toEqual(stock.sentences);
  }, 60_000);

  it("splits a paragraph under any separator options as the stock splitter, sharing splits where they agree", async () => {
    // The preset's three option sets (none, max-ten's, the doubled-* rules'), then random ones.
    const separators = [".", "．", "。", "?", "!", "？", "！", "、", "…"];
    const presetOptions = [
      null,
      { SeparatorParser: { separatorCharacters: ["?", "!", "？", "！", "。"] } },
      { SeparatorParser: { separatorCharacters: [".", "．", "。", "?", "!", "？", "！"] } },
    ];
    const randomOptions = fc.sample(
      fc.oneof(
        fc.subarray(separators).map((chars) => ({ SeparatorParser: { separatorCharacters: chars } })),
        fc.constant({ SeparatorParser: {} }),
        fc.constant({ AbbrMarker: {} }),
      ),
      { numRuns: 12, seed: 11 },
    );
    const piece = fc.constantFrom(
      "公園で遊びました",
      "3.5キロ",
      "Mr. Fuji",
      "ｗｗｗ．ｅｘ",
      "本当？",
      "はい!",
      "example.com",
      " ",
      "\n",
      "**太字。**",
      "「はい。」",
      ...separators,
    );
    const paragraphs = fc.sample(
      fc.array(piece, { minLength: 1, maxLength: 12 }).map((ps) => ps.join("")),
      { numRuns: 300, seed: 5 },
    );
    const job = { paragraphs, options: [...presetOptions, ...randomOptions, ...presetOptions] };
    const [fast, stock] = await Promise.all([splitIn(true, job), splitIn(false, job)]);
    expect([fast.installed, stock.installed]).toEqual([true, false]);
    expect(fast.sentences).toEqual(stock.sentences);
  }, 60_000);

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
        expect(lazy.x).toBeUndefined();
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
    // A cache that cannot be written (a read-only install): the dictionary still loads, nothing is kept.
    const blocked = path.join(cacheDir, "not-a-folder");
    await writeFile(blocked, "");
    expect(first.equals(Buffer.from(await loadDictionaryFile(file, path.join(blocked, "dictionary"))))).toBe(true);
    // On a CI runner (keepCopy false) nothing is written either.
    const ci = await mkdtemp(path.join(tmpdir(), "kawaraban-dict-ci-"));
    expect(first.equals(Buffer.from(await loadDictionaryFile(file, ci, false)))).toBe(true);
    expect(await readdir(ci)).toEqual([]);
  });
});
