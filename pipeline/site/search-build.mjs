// The search index of a set of articles, made straight in MiniSearch's serialised form (format 2)
// with plain Maps. MiniSearch's own add() files every term in a radix tree, which is what its
// searches need but not what the build needs: the build only serialises the index, and a
// cold 1,000-article build spent most of its last second there. The browser still loads the
// result with MiniSearch.loadJSON. Plain .mjs, like the rest of the index code (a worker loads it).

/**
 * @typedef {import("./search-merge.mjs").SerializedIndex} SerializedIndex
 * @typedef {{
 *   fields: string[]; storeFields?: string[]; idField: string;
 *   tokenize: (text: string, field?: string) => string[];
 *   processTerm: (term: string, field?: string) => string | string[] | null | undefined | false;
 * }} IndexOptions
 */

/**
 * What `new MiniSearch(options)` followed by `addAll(docs)` and `toJSON()` gives, term for term,
 * number for number (the average field lengths are summed in MiniSearch's order, so even their
 * floating-point rounding is the same). Terms are listed in the order they were first met; the
 * format does not depend on it. Throws, as MiniSearch does, on a document without an id or with
 * an id seen before.
 * @param {readonly Record<string, unknown>[]} docs
 * @param {IndexOptions} options
 * @returns {SerializedIndex}
 */
export function serializedIndex(docs, options) {
  const { fields, storeFields = [], idField, tokenize, processTerm } = options;
  /** @type {Record<string, number>} */
  const fieldIds = Object.fromEntries(fields.map((field, i) => [field, i]));
  /** @type {Record<string, string>} */
  const documentIds = {};
  /** @type {Record<string, number[]>} */
  const fieldLength = {};
  /** @type {Record<string, Record<string, unknown>>} */
  const storedFields = {};
  /** @type {number[]} */
  const averageFieldLength = [];
  /** @type {Map<string, Record<number, Record<number, number>>>} */
  const postings = new Map();
  const seen = new Set();
  docs.forEach((doc, shortId) => {
    const id = doc[idField];
    if (id == null) throw new Error(`MiniSearch: document does not have ID field "${idField}"`);
    if (seen.has(id)) throw new Error(`MiniSearch: duplicate ID ${id}`);
    seen.add(id);
    documentIds[shortId] = /** @type {string} */ (id);
    if (storeFields.length > 0) {
      /** @type {Record<string, unknown>} */
      const stored = {};
      for (const name of storeFields) if (doc[name] !== undefined) stored[name] = doc[name];
      storedFields[shortId] = stored;
    }
    for (const field of fields) {
      const value = doc[field];
      if (value == null) continue;
      const tokens = tokenize(String(value), field);
      const fieldId = /** @type {number} */ (fieldIds[field]);
      const length = new Set(tokens).size;
      (fieldLength[shortId] ??= [])[fieldId] = length;
      averageFieldLength[fieldId] = ((averageFieldLength[fieldId] || 0) * shortId + length) / (shortId + 1);
      for (const token of tokens) {
        const processed = processTerm(token, field);
        for (const term of Array.isArray(processed) ? processed : processed ? [processed] : []) {
          let data = postings.get(term);
          if (!data) postings.set(term, (data = {}));
          const docsOfField = (data[fieldId] ??= {});
          docsOfField[shortId] = (docsOfField[shortId] ?? 0) + 1;
        }
      }
    }
  });
  return {
    documentCount: docs.length,
    nextId: docs.length,
    documentIds,
    fieldIds,
    fieldLength,
    averageFieldLength,
    storedFields,
    dirtCount: 0,
    index: /** @type {SerializedIndex["index"]} */ ([...postings]),
    serializationVersion: 2,
  };
}
