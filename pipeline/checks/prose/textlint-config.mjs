/** What other modules need to know about textlint without loading it (textlint itself is heavy). */
export const TEXTLINTRC = ".textlintrc.json";

export class TextlintConfigError extends Error {
  name = "TextlintConfigError";
}

/** The native lint configuration a fork carries at its root (what editors and the textlint CLI read too). */
export const LINT_CONFIG_FILES = [TEXTLINTRC, ".remarkrc.json", "prh.yml", "prh-required.yml", "proper-nouns.yml"];
