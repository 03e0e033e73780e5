/** What other modules need to know about textlint without loading it (textlint itself is heavy). */
export const TEXTLINTRC = ".textlintrc.json";

export class TextlintConfigError extends Error {
  name = "TextlintConfigError";
}
