/**
 * Near-copies: an article paid once must not be paid again with its title changed by a
 * character, one sentence rewritten, or a paragraph added. Two articles are compared on their
 * title and body as text (NFKC, Markdown marks and whitespace removed), cut into overlapping
 * 3-character pieces (Japanese has no spaces to cut words at):
 *
 *   overlap = shared pieces ÷ pieces of the shorter article
 *
 * A later article is a near-copy of a billed one when the overlap is at least NEAR_COPY_OVERLAP
 * and the shorter one has at least MIN_PIECES pieces. A short notice shares more by chance, so
 * below that the overlap must reach NEAR_COPY_SHORT; below TOO_SHORT pieces (about 30
 * characters) nothing is judged similar (an exact copy is still caught, see repeats.ts).
 * Thresholds, measured on real municipal articles nobody here wrote (README「似ている記事」):
 * different articles reach at most 0.41, one sentence of four rewritten keeps at least 0.56.
 *
 * Comparing every pair would be quadratic, so each article gets a sketch: one hash per piece,
 * the smallest per each of SKETCH bins (one-permutation MinHash, empty bins filled from the
 * next). Equal bins estimate how much two articles share; articles sharing a pair of bins
 * become candidates (LSH), and only candidates are compared.
 */
export const NEAR_COPY_OVERLAP = 0.5;
export const NEAR_COPY_SHORT = 0.8;
export const MIN_PIECES = 100;
export const TOO_SHORT = 30;
const SKETCH = 128;
const EMPTY = Number.POSITIVE_INFINITY;
/** A bin's own minimum is below this (a 32-bit hash over 128 bins); a borrowed one is above it. */
const OWN = 2 ** 25;

export interface Sketch {
  bins: Float64Array;
  /** Distinct pieces in the text. */
  pieces: number;
}

/** The text two articles are compared on: what a reader reads, without the marks around it. */
export function comparableText(title: string, body: string): string {
  return `${title}\n${body}`
    .normalize("NFKC")
    .replace(/[#*_>`[\]()!|~\-=]/g, "")
    .replace(/\s+/g, "");
}

/** FNV-1a, then a murmur finaliser: a well-spread 32-bit hash of a short string. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function sketchOf(text: string): Sketch {
  const chars = [...text];
  const seen = new Set<number>();
  for (let i = 0; i + 3 <= Math.max(chars.length, 3); i++) seen.add(hash32(chars.slice(i, i + 3).join("")));
  const bins = new Float64Array(SKETCH).fill(EMPTY);
  for (const h of seen) {
    const bin = h % SKETCH;
    const value = Math.floor(h / SKETCH);
    if (value < bins[bin]!) bins[bin] = value;
  }
  // Densify: an empty bin borrows the next filled one's value, marked by its distance.
  for (let i = 0; i < SKETCH; i++) {
    if (bins[i] !== EMPTY) continue;
    for (let step = 1; step < SKETCH; step++) {
      const from = bins[(i + step) % SKETCH]!;
      if (from < OWN) {
        bins[i] = from + step * OWN;
        break;
      }
    }
  }
  return { bins, pieces: seen.size };
}

/** Estimated share of pieces the two have in common (Jaccard), and the overlap that follows from it. */
export function similarity(a: Sketch, b: Sketch): { jaccard: number; overlap: number } {
  let equal = 0;
  for (let i = 0; i < SKETCH; i++) if (a.bins[i] === b.bins[i]) equal++;
  const jaccard = equal / SKETCH;
  const shared = (jaccard / (1 + jaccard)) * (a.pieces + b.pieces);
  return { jaccard, overlap: Math.min(1, shared / Math.max(1, Math.min(a.pieces, b.pieces))) };
}

export function isNearCopy(a: Sketch, b: Sketch): { near: boolean; overlap: number } {
  const { overlap } = similarity(a, b);
  const shorter = Math.min(a.pieces, b.pieces);
  const near = shorter >= MIN_PIECES ? overlap >= NEAR_COPY_OVERLAP : shorter >= TOO_SHORT && overlap >= NEAR_COPY_SHORT;
  return { near, overlap };
}

/** Billed articles' sketches, found again by pairs of bins. */
export class NearCopyIndex<T> {
  private readonly buckets = new Map<string, number[]>();
  private readonly items: { sketch: Sketch; value: T }[] = [];

  /** The most similar earlier item that this one nearly copies, if any. */
  find(sketch: Sketch): { value: T; overlap: number } | undefined {
    const seen = new Set<number>();
    let best: { value: T; overlap: number } | undefined;
    for (const key of bandKeys(sketch)) {
      for (const index of this.buckets.get(key) ?? []) {
        if (seen.has(index)) continue;
        seen.add(index);
        const item = this.items[index]!;
        const result = isNearCopy(sketch, item.sketch);
        if (result.near && (!best || result.overlap > best.overlap)) best = { value: item.value, overlap: result.overlap };
      }
    }
    return best;
  }

  add(sketch: Sketch, value: T): void {
    const index = this.items.push({ sketch, value }) - 1;
    for (const key of bandKeys(sketch)) {
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(index);
      else this.buckets.set(key, [index]);
    }
  }
}

/** 64 bands of 2 bins: articles sharing a fifth of their pieces meet in some band 93 % of the time, a third 99.8 %. */
function* bandKeys(sketch: Sketch): Generator<string> {
  for (let band = 0; band < SKETCH / 2; band++) yield `${band}:${sketch.bins[band * 2]}:${sketch.bins[band * 2 + 1]}`;
}
