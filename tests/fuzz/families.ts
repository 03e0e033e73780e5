import fc from "fast-check";

/**
 * Adversarial Unicode and names, by family: what a careless writer pastes and what an attacker
 * types. Each family is a small alphabet so that a few runs meet its hard cases, mixed with
 * ordinary Japanese so that articles still look like articles.
 */
const pieces = {
  japanese: ["朝市", "里山", "子ども", "公民館", "まちの", "お知らせ", "。", "、", "ひばり野", "ＡＩ", "ai"],
  /** One character that NFKC turns into many (the tag-folder family). */
  compatibility: ["㍿", "ﷺ", "㈱", "ｶﾞ", "ﬀ", "℡", "㌀", "⑳", "Ａ", "ẞ", "ß", "İ", "ǅ", "ﾊﾟ", "㏿"],
  controls: ["\u0001", "\u0008", "\u000b", "\u001f", "\u007f", "\u0085", "\u009f", "\r", "\t", "\u2028", "\u2029"],
  bidi: ["\u202e", "\u202d", "\u2066", "\u2069", "\u200e", "\u200f", "\u061c"],
  odd: ["\ufeff", "\ufffe", "\uffff", "\ufdd0", "\u{1fffe}", "\u0000", "\ud800", "\udc00"],
  combining: ["e\u0301", "\u0301\u0301\u0301", "か\u3099", "\u20dd", "👩‍👩‍👧‍👦", "🇯🇵"],
  markup: ["<script>", "&#1;", "&#xfffe;", "]]>", '"', "'", "`", "#", "%2e%2e", "../", "\\", "{{", "${x}", "::error::", "@channel"],
};

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...pieces.japanese) },
  ...Object.entries(pieces)
    .filter(([k]) => k !== "japanese")
    .map(([, v]) => ({ weight: 1, arbitrary: fc.constantFrom(...v) })),
);

/** A string from the families, up to `max` pieces (a piece may be many characters). */
export const hostileText = (max = 12) => fc.array(piece, { minLength: 1, maxLength: max }).map((p) => p.join(""));

/** Text the door should admit, but hard for later stages: NFKC expansions, combining marks, emoji, markup-like text. */
const tricky = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...pieces.japanese) },
  { weight: 1, arbitrary: fc.constantFrom(...pieces.compatibility, ...pieces.combining, "<b>", "&amp;", "]]>", "'", '"', "#", "%", "{{x}}") },
);
export const trickyText = (max = 12) => fc.array(tricky, { minLength: 1, maxLength: max }).map((p) => p.join(""));

/** Mostly text that should pass, sometimes text that must not: both sides of the door get exercised. */
export const fieldText = (max = 12) => fc.oneof({ weight: 6, arbitrary: trickyText(max) }, { weight: 1, arbitrary: hostileText(max) });

/** A front-matter value as YAML: plain, double-quoted with escapes, or single-quoted. */
const yamlEscape = (s: string) =>
  [...s]
    .map((c) => {
      const n = c.codePointAt(0)!;
      return n < 0x20 || n === 0x7f || (n >= 0x80 && n <= 0x9f) || (n >= 0xd800 && n <= 0xdfff) || n >= 0xfdd0 || c === '"' || c === "\\"
        ? n > 0xffff
          ? `\\U${n.toString(16).padStart(8, "0")}`
          : `\\u${n.toString(16).padStart(4, "0")}`
        : c;
    })
    .join("");
export const yamlValue = (text: fc.Arbitrary<string>) =>
  fc
    .tuple(text, fc.constantFrom("plain", "double", "single"))
    .map(([s, style]) => (style === "double" ? `"${yamlEscape(s)}"` : style === "single" ? `'${s.replace(/'/g, "''")}'` : s));

/** File names: mostly valid, then near 255 bytes, same stem with another extension, case twins, hostile characters. */
export const articleStem = fc.oneof(
  { weight: 5, arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}[a-z0-9]$/) },
  { weight: 1, arbitrary: hostileText(3) },
  { weight: 1, arbitrary: fc.integer({ min: 60, max: 90 }).map((n) => "a".repeat(n)) },
);

export const photoStem = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("satoyama", "asaichi", "Satoyama", "SATOYAMA", "photo-1", "写真", "ｓａｔｏ") },
  { weight: 1, arbitrary: fc.integer({ min: 240, max: 300 }).map((n) => "p".repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 80, max: 90 }).map((n) => "写".repeat(n)) },
  { weight: 1, arbitrary: hostileText(3).map((s) => s.replace(/[/\0]/g, "_")) },
);
export const photoExtension = fc.constantFrom(".jpg", ".jpeg", ".JPG", ".png", ".webp", ".gif", ".txt");

/** Tree entries git can hold but a file system may not: a link with any text, a long name, an executable. */
export const treeEntry = fc.oneof(
  fc.record({
    kind: fc.constant("symlink" as const),
    name: articleStem,
    target: fc.oneof(
      fc.constant("../../../kawaraban.config.yml"),
      hostileText(20),
      fc.integer({ min: 4000, max: 5000 }).map((n) => "x".repeat(n)),
    ),
  }),
  fc.record({ kind: fc.constant("long" as const), name: fc.integer({ min: 256, max: 400 }).map((n) => "l".repeat(n)) }),
  fc.record({ kind: fc.constant("executable" as const), name: articleStem }),
);
