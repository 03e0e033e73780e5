/**
 * Escaping for each context writer-controlled text reaches. Every path, title and tag has
 * passed the gate, but the gate decides what is an article, not how text is shown: each output
 * escapes for its own context all the same.
 */

const HTML_SPECIAL = /[&<>"']/;
const HTML_ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/**
 * HTML text and double- or single-quoted attribute values. One pass, and none for text without a
 * special character (most titles and names): five chained replaces were a third of the time a
 * 1,000-article site spent on its list pages.
 */
export const escapeHtml = (s: string): string => (HTML_SPECIAL.test(s) ? s.replace(/[&<>"']/g, (c) => HTML_ENTITY[c]!) : s);

/** One POSIX shell word: whatever the text holds (`$(…)`, backticks, spaces), pasting it runs nothing. */
export const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * A line for a terminal or a GitHub Actions log: line breaks and other controls are shown as
 * escapes, so a name can never start a line of its own, and `::` is broken up, so it can never
 * form a workflow command (`::error::`, `::set-output`, `::add-mask::`).
 */
export function logSafe(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).replace(/::/g, ":\u200b:");
}
