// An index update without loading the index: MiniSearch's loadJSON turns every posting of a
// 3 MB index into Maps and a radix tree, and toJSON turns them back; for one edited article that
// was most of an incremental build's critical path. Here the previous index stays in its
// serialised form (MiniSearch's format 2): the removed articles' postings are deleted, and the
// added articles, indexed by MiniSearch itself into a small index of their own (so tokenizing and
// term processing are MiniSearch's), are appended under new short ids.

/**
 * @typedef {{ [field: string]: { [shortId: string]: number } }} Postings
 * @typedef {{
 *   documentCount: number; nextId: number; documentIds: Record<string, string>;
 *   fieldIds: Record<string, number>; fieldLength: Record<string, number[]>;
 *   averageFieldLength: number[]; storedFields: Record<string, unknown>; dirtCount: number;
 *   index: [string, Postings][]; serializationVersion: number;
 * }} SerializedIndex
 */

/**
 * `previous` without the documents whose id is in `remove`, plus every document of `added`;
 * both serialised with the same options. Throws when either is not a format this code knows.
 * @param {SerializedIndex} previous
 * @param {readonly string[]} remove
 * @param {SerializedIndex} added
 * @returns {SerializedIndex}
 */
export function mergeSerialized(previous, remove, added) {
  for (const js of [previous, added]) assertKnownFormat(js);
  if (JSON.stringify(previous.fieldIds) !== JSON.stringify(added.fieldIds)) throw new Error("search index: fields differ");
  const gone = new Set(remove);
  /** @type {SerializedIndex["documentIds"]} */
  const documentIds = {};
  /** @type {SerializedIndex["fieldLength"]} */
  const fieldLength = {};
  /** @type {SerializedIndex["storedFields"]} */
  const storedFields = {};
  for (const [shortId, id] of Object.entries(previous.documentIds)) {
    if (gone.has(id)) continue;
    documentIds[shortId] = id;
    fieldLength[shortId] = previous.fieldLength[shortId] ?? [];
    if (shortId in previous.storedFields) storedFields[shortId] = previous.storedFields[shortId];
  }
  // New short ids continue after the previous ones, so no posting can point at the wrong article.
  const shift = (/** @type {string} */ shortId) => String(Number(shortId) + previous.nextId);
  for (const [shortId, id] of Object.entries(added.documentIds)) {
    documentIds[shift(shortId)] = id;
    fieldLength[shift(shortId)] = added.fieldLength[shortId] ?? [];
    if (shortId in added.storedFields) storedFields[shift(shortId)] = added.storedFields[shortId];
  }
  const documentCount = Object.keys(documentIds).length;
  return {
    documentCount,
    nextId: previous.nextId + added.nextId,
    documentIds,
    fieldIds: previous.fieldIds,
    fieldLength,
    averageFieldLength: averages(fieldLength, Object.values(previous.fieldIds), documentCount),
    storedFields,
    dirtCount: 0,
    index: mergedPostings(previous.index, added.index, (shortId) => shortId in documentIds, shift),
    serializationVersion: 2,
  };
}

/**
 * Every term's postings, kept only for live documents (which also drops what an earlier
 * MiniSearch discard left behind), with the added index's postings under their new ids.
 * @param {[string, Postings][]} previous
 * @param {[string, Postings][]} added
 * @param {(shortId: string) => boolean} live
 * @param {(shortId: string) => string} shift
 * @returns {[string, Postings][]}
 */
function mergedPostings(previous, added, live, shift) {
  /** @type {Map<string, Postings>} */
  const terms = new Map();
  for (const [term, fields] of previous) {
    /** @type {Postings} */
    const kept = {};
    for (const [field, docs] of Object.entries(fields)) {
      /** @type {{ [shortId: string]: number }} */
      const liveDocs = {};
      let any = false;
      for (const [shortId, count] of Object.entries(docs)) {
        if (!live(shortId)) continue;
        liveDocs[shortId] = count;
        any = true;
      }
      if (any) kept[field] = liveDocs;
    }
    if (Object.keys(kept).length > 0) terms.set(term, kept);
  }
  for (const [term, fields] of added) {
    const into = terms.get(term) ?? {};
    for (const [field, docs] of Object.entries(fields)) {
      const target = (into[field] ??= {});
      for (const [shortId, count] of Object.entries(docs)) target[shift(shortId)] = count;
    }
    terms.set(term, into);
  }
  return [...terms];
}

/**
 * MiniSearch's average field length: the field's total length over every document (a document
 * without the field counts as 0), exact here rather than updated one document at a time.
 * @param {Record<string, number[]>} fieldLength
 * @param {number[]} fieldIds
 * @param {number} documentCount
 */
function averages(fieldLength, fieldIds, documentCount) {
  if (documentCount === 0) return [];
  return fieldIds.map((f) => {
    let total = 0;
    for (const lengths of Object.values(fieldLength)) total += lengths[f] ?? 0;
    return total / documentCount;
  });
}

/** @param {SerializedIndex} js */
function assertKnownFormat(js) {
  const ok =
    js?.serializationVersion === 2 &&
    Number.isSafeInteger(js.nextId) &&
    Array.isArray(js.index) &&
    [js.documentIds, js.fieldIds, js.fieldLength, js.storedFields].every((o) => o !== null && typeof o === "object");
  if (!ok) throw new Error("search index: not a MiniSearch index of serialisation format 2");
}
