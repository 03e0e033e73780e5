/**
 * What a path must be for every system it reaches. A component over 255 bytes cannot be a file
 * name on Linux, macOS or Windows: `git clone` and `actions/checkout` of a branch holding one
 * fail, and so would every workflow. The site writes names derived from these (variants, tag
 * folders), so each derived name is checked by the same rule.
 */
export const MAX_NAME_BYTES = 255;

const utf8 = (s: string) => Buffer.byteLength(s, "utf8");

/** The first path component longer than `max` bytes, if any. */
export function longComponent(path: string, max = MAX_NAME_BYTES): string | undefined {
  return path.split("/").find((part) => utf8(part) > max);
}

/** Bytes of the longest component (for messages). */
export const componentBytes = (name: string) => utf8(name);

export type UnsafeKind = "control" | "bidi" | "mark" | "noncharacter" | "surrogate" | "bom";

/**
 * Characters no published text may carry after decoding: C0/C1 controls (tab and newline are the
 * caller's choice), bidi embeddings, overrides and isolates (they make text read other than it
 * is), direction marks, noncharacters, lone surrogates and the BOM. XML 1.0 forbids most of them
 * outright: one in a title made the feed unreadable for every reader.
 */
export function unsafeCharacter(
  text: string,
  allow: { newline?: boolean; tab?: boolean; marks?: boolean; bom?: boolean } = {},
): { index: number; code: number; kind: UnsafeKind } | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f) continue; // the common case, first
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        const point = ((code - 0xd800) << 10) + (next - 0xdc00) + 0x10000;
        if ((point & 0xfffe) === 0xfffe) return { index: i, code: point, kind: "noncharacter" };
        i++;
        continue;
      }
      return { index: i, code, kind: "surrogate" };
    }
    if (code >= 0xdc00 && code <= 0xdfff) return { index: i, code, kind: "surrogate" };
    if ((code === 0x0a || code === 0x0d) && allow.newline) continue;
    if (code === 0x09 && allow.tab) continue;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return { index: i, code, kind: "control" };
    if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return { index: i, code, kind: "bidi" };
    if ((code === 0x200e || code === 0x200f || code === 0x061c) && !allow.marks) return { index: i, code, kind: "mark" };
    if (code === 0xfeff && !allow.bom) return { index: i, code, kind: "bom" };
    if ((code >= 0xfdd0 && code <= 0xfdef) || code === 0xfffe || code === 0xffff) return { index: i, code, kind: "noncharacter" };
  }
  return undefined;
}

/** `U+202E` for a message. */
export const codePoint = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;

/** A name shown in a message: control characters and line breaks made visible, length bounded. */
export function visible(text: string, max = 80): string {
  const shown = text.replace(
    /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return shown.length > max ? `${shown.slice(0, max)}…` : shown;
}
