let segmenter: Intl.Segmenter | undefined;

/**
 * The user-perceived characters of `text`. The segmenter is made on first use: constructing one
 * loads ICU's break rules (about 9 ms), which a run that never needs it should not pay at start-up.
 */
export function graphemesOf(text: string): Intl.Segments {
  segmenter ??= new Intl.Segmenter("ja", { granularity: "grapheme" });
  return segmenter.segment(text);
}
