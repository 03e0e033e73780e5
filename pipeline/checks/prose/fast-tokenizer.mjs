/**
 * Hot spots of kuromoji's tokenizer on real articles, profiled (a 200-article check):
 *   - at every character of a sentence, the trie's common-prefix search encodes the whole rest
 *     of the sentence to UTF-8 and the lattice builder re-indexes it for surrogate pairs, so a
 *     sentence costs its length squared (≈ 15 % of all lint time);
 *   - kuromojin's `tokenize` resolves kuromoji's folder with require.resolve on every call;
 *   - every occurrence of a word decodes its features from the dictionary and splits them again.
 * Each is replaced by an equivalent that returns the same values: the prefix search encodes one
 * character at a time and stops where the trie does; the lattice builder reads the sentence's
 * own index at an offset; the dictionary folder is resolved once; a word's features are split
 * once per thread. Version-gated like
 * fast-dictionary.mjs; tests/checks/fast-lint.test.ts compares tokens and every finding
 * with the stock code in other threads.
 *
 * One difference, on input no UTF-8 file can hold: an unpaired high surrogate makes the stock
 * search throw (its encoder returns null); this one stops before it, as at any unknown byte.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { installedAt } from "./package-versions.mjs";

const require = createRequire(import.meta.url);
const INSTALLED = Symbol.for("kawaraban.fastTokenizer");

/** Installs both replacements into this thread's modules. Returns whether they are in use. */
export function installFastTokenizer() {
  if (!installedAt({ doublearray: "0.0.2", kuromojin: "3.0.1", kuromoji: "0.1.2" })) return false;
  const doublearray = require("doublearray");
  const trie = doublearray.builder(0).build([{ k: "a", v: 1 }]);
  const DoubleArray = Object.getPrototypeOf(trie);
  if (DoubleArray[INSTALLED]) return true;
  DoubleArray.commonPrefixSearch = commonPrefixSearch;
  DoubleArray[INSTALLED] = true;

  // The package entry re-exports these through getters that read this module's exports.
  const kuromojin = require("kuromojin/lib/kuromojin.js");
  const dicPath = path.join(path.dirname(require.resolve("kuromoji")), "..", "dict");
  const { tokenize, getTokenizer } = kuromojin;
  // Rules may destructure these when they load, which is after this runs.
  /** @param {string} text @param {{ dicPath: string, noCacheTokenize?: boolean } | undefined} options */
  kuromojin.tokenize = (text, options) => tokenize(text, options ?? { dicPath });
  /** @param {{ dicPath: string } | undefined} options */
  kuromojin.getTokenizer = (options) => getTokenizer(options ?? { dicPath });

  require("kuromoji/src/Tokenizer.js").prototype.tokenizeForSentence = tokenizeForSentence;
  require("kuromoji/src/viterbi/ViterbiBuilder.js").prototype.build = latticeBuilder(
    require("kuromoji/src/viterbi/ViterbiNode.js"),
    require("kuromoji/src/viterbi/ViterbiLattice.js"),
    require("kuromoji/src/util/SurrogateAwareString.js"),
  );
  return true;
}

const ROOT_ID = 0;
const NOT_FOUND = -1;
const TERM_CODE = 0;

/** @param {number} code @returns {number[]} the UTF-8 bytes of one code point */
function utf8(code) {
  if (code < 0x80) return [code];
  if (code < 0x800) return [(code >>> 6) | 0xc0, (code & 0x3f) | 0x80];
  if (code < 0x10000) return [(code >>> 12) | 0xe0, ((code >> 6) & 0x3f) | 0x80, (code & 0x3f) | 0x80];
  return [(code >>> 18) | 0xf0, ((code >> 12) & 0x3f) | 0x80, ((code >> 6) & 0x3f) | 0x80, (code & 0x3f) | 0x80];
}

/**
 * doublearray 0.0.2's commonPrefixSearch, walking the trie one character at a time: every key
 * of the trie that is a prefix of `key`, shortest first, as { k, v } (v only for leaves).
 * @this {{ traverse(parent: number, code: number): number, bc: { getBase(id: number): number } }}
 * @param {string} key
 */
function commonPrefixSearch(key) {
  /** @type {{ k?: string, v?: number }[]} */
  const result = [];
  let parent = ROOT_ID;
  for (let i = 0; i < key.length; ) {
    let code = key.charCodeAt(i);
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff) {
      const lower = key.charCodeAt(i + 1);
      if (!(lower >= 0xdc00 && lower <= 0xdfff)) return result;
      code = (code - 0xd800) * 1024 + 0x10000 + (lower - 0xdc00);
      width = 2;
    }
    const bytes = utf8(code);
    for (let b = 0; b < bytes.length; b++) {
      const child = this.traverse(parent, /** @type {number} */ (bytes[b]));
      if (child === NOT_FOUND) return result;
      parent = child;
      const leaf = this.traverse(child, TERM_CODE);
      // The trie holds whole UTF-8 strings: a key never ends inside a character.
      if (leaf === NOT_FOUND || b !== bytes.length - 1) continue;
      const base = this.bc.getBase(leaf);
      /** @type {{ k?: string, v?: number }} */
      const found = {};
      if (base <= 0) found.v = -base - 1;
      found.k = key.slice(0, i + width);
      result.push(found);
    }
    i += width;
  }
  return result;
}

/**
 * kuromoji 0.1.2's ViterbiBuilder#build, line for line, except that the rest of the sentence at
 * `pos` is read from the sentence's own surrogate index (`sentence.charAt(pos + k)`) instead of a
 * new index of the rest at every position. `key` keeps the original's types: a SurrogateAwareString
 * for one character, a string once characters are appended (its `.length` counts UTF-16 units).
 * @param {any} ViterbiNode @param {any} ViterbiLattice @param {any} SurrogateAwareString
 */
function latticeBuilder(ViterbiNode, ViterbiLattice, SurrogateAwareString) {
  /**
   * One lattice node per token info id the dictionary maps `id` to, as the original's two loops.
   * @param {any} lattice @param {any} dictionary @param {number} id @param {number} pos
   * @param {number} length @param {string} type @param {string} surface
   */
  const append = (lattice, dictionary, id, pos, length, type, surface) => {
    for (const entry of dictionary.target_map[id]) {
      // The lazy target map holds numbers already (the stock one too); parseInt would print each first.
      const info = typeof entry === "number" ? entry : Number.parseInt(entry);
      const left_id = dictionary.dictionary.getShort(info);
      const right_id = dictionary.dictionary.getShort(info + 2);
      const word_cost = dictionary.dictionary.getShort(info + 4);
      lattice.append(new ViterbiNode(info, word_cost, pos + 1, length, type, left_id, right_id, surface));
    }
  };
  /** @this {any} @param {string} sentence_str */
  return function build(sentence_str) {
    const lattice = new ViterbiLattice();
    const sentence = new SurrogateAwareString(sentence_str);
    for (let pos = 0; pos < sentence.length; pos++) {
      const tail = sentence.slice(pos);
      const vocabulary = this.trie.commonPrefixSearch(tail);
      for (const { v: trie_id, k: key } of vocabulary) {
        append(lattice, this.token_info_dictionary, trie_id, pos, key.length, "KNOWN", key);
      }
      // Unknown word processing
      const rest = sentence.length - pos;
      const head_char = new SurrogateAwareString(sentence.charAt(pos));
      const head_char_class = this.unknown_dictionary.lookup(head_char.toString());
      if (vocabulary == null || vocabulary.length === 0 || head_char_class.is_always_invoke === 1) {
        /** @type {any} */
        let key = head_char;
        if (head_char_class.is_grouping === 1 && 1 < rest) {
          for (let k = 1; k < rest; k++) {
            const next_char = sentence.charAt(pos + k);
            const next_char_class = this.unknown_dictionary.lookup(next_char);
            if (head_char_class.class_name !== next_char_class.class_name) break;
            key += next_char;
          }
        }
        append(lattice, this.unknown_dictionary, head_char_class.class_id, pos, key.length, "UNKNOWN", key.toString());
      }
    }
    lattice.appendEos();
    return lattice;
  };
}

/** Each dictionary entry's features, split once per thread (the same words recur in every article). */
const FEATURES = new WeakMap();

/**
 * kuromoji 0.1.2's Tokenizer#tokenizeForSentence, line for line, except that a known word's
 * features are decoded and split once per dictionary entry instead of at every occurrence (the
 * formatter copies the strings out of the array and keeps nothing else).
 * @this {any} @param {string} sentence @param {any[] | undefined} tokens
 */
function tokenizeForSentence(sentence, tokens) {
  const out = tokens ?? [];
  const lattice = this.getLattice(sentence);
  const best_path = this.viterbi_searcher.search(lattice);
  const last_pos = out.length > 0 ? out[out.length - 1].word_position : 0;
  let cache = FEATURES.get(this.token_info_dictionary);
  if (!cache) FEATURES.set(this.token_info_dictionary, (cache = new Map()));
  for (const node of best_path) {
    if (node.type === "KNOWN") {
      let features = cache.get(node.name);
      if (!features) {
        const line = this.token_info_dictionary.getFeatures(node.name);
        features = line == null ? [] : line.split(",");
        cache.set(node.name, features);
      }
      out.push(this.formatter.formatEntry(node.name, last_pos + node.start_pos, node.type, features));
    } else if (node.type === "UNKNOWN") {
      const line = this.unknown_dictionary.getFeatures(node.name);
      const features = line == null ? [] : line.split(",");
      out.push(this.formatter.formatUnknownEntry(node.name, last_pos + node.start_pos, node.type, features, node.surface_form));
    } else {
      out.push(this.formatter.formatEntry(node.name, last_pos + node.start_pos, node.type, []));
    }
  }
  return out;
}
