export const TEXTLINTRC: ".textlintrc.json";
export class TextlintConfigError extends Error {}
export const LINT_CONFIG_FILES: string[];
export function referencedDataFiles(value: unknown): string[];
