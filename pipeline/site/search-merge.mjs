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
 * both serialised with the same options. `previous` is updated in place (it is parsed for this
 * update only); `terms`, its postings by term, can be made beforehand with termsOf. Throws when
 * either index is not a format this code knows.
 * @param {SerializedIndex} previous
 * @param {readonly string[]} remove
 * @param {SerializedIndex} added
 * @param {Map<string, Postings>} [terms]
 * @param {Set<Postings>} [touched] receives every postings object of `previous` this changes, and the new ones
 * @returns {SerializedIndex}
 */
export function mergeSerialized(previous, remove, added, terms = termsOf(previous), touched = new Set()) {
  for (const js of [previous, added]) assertKnownFormat(js);
  if (JSON.stringify(previous.fieldIds) !== JSON.stringify(added.fieldIds)) throw new Error("search index: fields differ");
  const { documentIds, fieldLength, storedFields } = previous;
  const gone = new Set(remove);
  const removed = Object.keys(documentIds).filter((shortId) => gone.has(documentIds[shortId] ?? ""));
  for (const shortId of removed) {
    delete documentIds[shortId];
    delete fieldLength[shortId];
    delete storedFields[shortId];
  }
  // New short ids continue after the previous ones, so no posting can point at the wrong article.
  const shift = (/** @type {string} */ shortId) => String(Number(shortId) + previous.nextId);
  for (const [shortId, id] of Object.entries(added.documentIds)) {
    documentIds[shift(shortId)] = id;
    fieldLength[shift(shortId)] = added.fieldLength[shortId] ?? [];
    if (shortId in added.storedFields) storedFields[shift(shortId)] = added.storedFields[shortId];
  }
  // What an earlier MiniSearch discard left behind (dirt) is found only by looking at every posting.
  const dead = previous.dirtCount > 0 ? (/** @type {string} */ shortId) => !(shortId in documentIds) : undefined;
  const index = previous.index.filter(([term, fields]) => prune(fields, removed, dead, touched) || !terms.delete(term));
  for (const [term, fields] of added.index) {
    let into = terms.get(term);
    if (!into) {
      into = {};
      terms.set(term, into);
      index.push([term, into]);
    }
    touched.add(into);
    for (const [field, docs] of Object.entries(fields)) {
      const target = (into[field] ??= {});
      for (const [shortId, count] of Object.entries(docs)) target[shift(shortId)] = count;
    }
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
    index,
    serializationVersion: 2,
  };
}

/**
 * The postings of a serialised index by term (the same objects, so updates show in both).
 * @param {SerializedIndex} js
 * @returns {Map<string, Postings>}
 */
export function termsOf(js) {
  return new Map(Array.isArray(js?.index) ? js.index : []);
}

/**
 * Deletes the postings of `removed` (and of every `dead` short id) from one term's fields;
 * false when nothing of the term is left.
 * @param {Postings} fields
 * @param {readonly string[]} removed
 * @param {((shortId: string) => boolean) | undefined} dead
 * @param {Set<Postings>} touched
 */
function prune(fields, removed, dead, touched) {
  let left = false;
  for (const [field, docs] of Object.entries(fields)) {
    let changed = false;
    for (const shortId of removed) if (shortId in docs) changed = delete docs[shortId];
    if (dead) for (const shortId of Object.keys(docs)) if (dead(shortId)) changed = delete docs[shortId];
    if (changed) touched.add(fields);
    if (changed && Object.keys(docs).length === 0) delete fields[field];
    else left = true;
  }
  return left;
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
