export const TEXTLINTRC: ".textlintrc.json";
export class TextlintConfigError extends Error {}
export const LINT_CONFIG_FILES: string[];
