export const TEXTLINTRC: ".textlintrc.json";
export class TextlintConfigError extends Error {}
