import type { TextlintMessage } from "@textlint/types";

export type { TextlintMessage };

export { TEXTLINTRC, TextlintConfigError } from "./textlint-config.mjs";

export interface ProseLinter {
  lint(raw: string, absPath: string): Promise<TextlintMessage[]>;
  fix(raw: string, absPath: string): Promise<{ output: string; applied: TextlintMessage[] }>;
}

export function textlintFor(root: string): Promise<ProseLinter>;
export function warmUp(root: string): void;
export function loadTokenizer(): Promise<unknown>;
