/**
 * A tag's slug is its folder on the site. It is written to disk as Unicode (NFC) and linked
 * percent-encoded: static servers (GitHub Pages, nginx, python's http.server, the preview)
 * decode the request path and look the Unicode name up, so `tags/駅前/` resolves. A folder
 * written percent-encoded (`tags/%E9%A7%85%E5%89%8D/`) would be a dead link on all of them.
 *
 * Only letters, digits, combining marks, the long-vowel mark and `-`/`_` survive; full-width
 * forms fold to their plain form (NFKC) and Latin letters to lower case, so `ＡＩ` and `ai`
 * are one tag. Whatever could leave the tags folder or break a URL (`/`, `\`, `.`, `..`, `?`,
 * `#`, `%`, quotes, controls) is gone by construction.
 */
export const TAG_MAX_CHARACTERS = 30;
export const TAGS_PER_ARTICLE = 10;

export function tagSlug(tag: string): string | undefined {
  const slug = tag
    .normalize("NFKC")
    .toLowerCase()
    .trim()
    .replace(/\s+/gu, "-")
    .replace(/[^\p{L}\p{N}\p{M}ー_-]/gu, "")
    .replace(/-{2,}/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "")
    .normalize("NFC");
  return slug === "" ? undefined : slug;
}

/** The href of a slug folder (each character percent-encoded as browsers send it). */
export const encodeSegment = (slug: string) => encodeURIComponent(slug);
