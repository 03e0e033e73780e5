/** What other modules need to know about textlint without loading it (textlint itself is heavy). */
export const TEXTLINTRC = ".textlintrc.json";

export class TextlintConfigError extends Error {
  name = "TextlintConfigError";
}

/** The native lint configuration a fork carries at its root (what editors and the textlint CLI read too). */
export const LINT_CONFIG_FILES = [TEXTLINTRC, ".remarkrc.json", "prh.yml", "prh-required.yml", "proper-nouns.yml"];

/**
 * The data files a lint configuration names (prh dictionaries, allow lists): every `*.yml`,
 * `*.yaml` or `*.json` string anywhere in it, as written. Both the findings cache key and the
 * writer's page bundle read them.
 * @param {unknown} value
 * @returns {string[]}
 */
export function referencedDataFiles(value) {
  if (typeof value === "string") return /\.(ya?ml|json)$/.test(value) ? [value] : [];
  if (value && typeof value === "object") return Object.values(value).flatMap(referencedDataFiles);
  return [];
}
