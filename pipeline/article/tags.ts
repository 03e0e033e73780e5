/**
 * A tag's slug is its folder on the site. It is written to disk as Unicode (NFC) and linked
 * percent-encoded: static servers (GitHub Pages, nginx, python's http.server, the preview)
 * decode the request path and look the Unicode name up, so `tags/駅前/` resolves. A folder
 * written percent-encoded (`tags/%E9%A7%85%E5%89%8D/`) would be a dead link on all of them.
 *
 * Only letters, digits, combining marks, the long-vowel mark and `-`/`_` survive; full-width
 * and compatibility forms fold to their plain form (NFKC: `ＡＩ` → `ai`, `㍿` → `株式会社`), and
 * case folds fully (`Straße` and `STRASSE` are one tag), so two tags that a case- or
 * normalisation-insensitive file system (macOS, Windows) would put in one folder are one tag by
 * construction. Whatever could leave the tags folder or break a URL (`/`, `\`, `.`, `..`, `?`,
 * `#`, `%`, quotes, controls) is gone by construction too.
 *
 * The limits count the tag as it is written to disk, not as the writer typed it: NFKC expands
 * (`㍿` is one character and twelve bytes as a folder), and 22 of them once made a folder name
 * longer than any file system allows.
 */
export const TAG_MAX_CHARACTERS = 30;
/** Bytes of the folder name: far under the 255 every file system allows, with room for `page/`. */
export const TAG_MAX_BYTES = 120;
export const TAGS_PER_ARTICLE = 10;

export function tagSlug(tag: string): string | undefined {
  const slug = tag
    .normalize("NFKC")
    .toUpperCase()
    .toLowerCase()
    .trim()
    .replace(/\s+/gu, "-")
    .replace(/[^\p{L}\p{N}\p{M}ー_-]/gu, "")
    .replace(/-{2,}/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "")
    .normalize("NFC");
  return slug === "" ? undefined : slug;
}

/** What is wrong with a tag as its folder, if anything (Japanese, for the writer). */
export function tagProblem(tag: string, slug: string | undefined): string | undefined {
  if (!slug) return "文字か数字を含めてください（記号だけのタグや「..」は使えません）";
  const shown = [...tag.normalize("NFKC").trim()].length;
  if (shown > TAG_MAX_CHARACTERS) return `${TAG_MAX_CHARACTERS} 文字以内にしてください（全角の記号や「㍿」のような文字は、広げた形で数えます）`;
  if (Buffer.byteLength(slug) > TAG_MAX_BYTES) return "短くしてください（サイトのフォルダー名にしたときに長すぎます）";
  return undefined;
}

/** The href of a slug folder (each character percent-encoded as browsers send it). */
export const encodeSegment = (slug: string) => encodeURIComponent(slug);
