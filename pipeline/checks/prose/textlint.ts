/**
 * The only file that imports textlint (CommonJS). It loads the repository's native
 * `.textlintrc.json` once per process and lints the raw file, so positions are the
 * writer's editor positions and editor plugins read the same configuration.
 */
import path from "node:path";
import { createLinter, loadTextlintrc } from "textlint";
import type { TextlintMessage } from "@textlint/types";

export const TEXTLINTRC = ".textlintrc.json";

export type { TextlintMessage };

export interface ProseLinter {
  lint(raw: string, absPath: string): Promise<TextlintMessage[]>;
  fix(raw: string, absPath: string): Promise<{ output: string; applied: TextlintMessage[] }>;
}

export class TextlintConfigError extends Error {}

const linters = new Map<string, Promise<ProseLinter>>();

/** One linter per repository root and process: rule modules and the tokenizer load once. */
export function textlintFor(root: string): Promise<ProseLinter> {
  let linter = linters.get(root);
  if (!linter) {
    linter = createProseLinter(root);
    linters.set(root, linter);
  }
  return linter;
}

async function createProseLinter(root: string): Promise<ProseLinter> {
  let linter: ReturnType<typeof createLinter>;
  try {
    const descriptor = await loadTextlintrc({ configFilePath: path.join(root, TEXTLINTRC), node_modulesDir: path.join(root, "node_modules") });
    linter = createLinter({ descriptor, cwd: root });
  } catch (error) {
    throw new TextlintConfigError(`${TEXTLINTRC} を読み込めませんでした: ${error instanceof Error ? error.message : String(error)}`);
  }
  // Rules such as prh load their dictionaries on first use; a broken dictionary is a config error.
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/Error while loading rule|prh|spec failed|Cannot find module/i.test(message)) {
        throw new TextlintConfigError(`textlint の設定（${TEXTLINTRC}・prh.yml など）に誤りがあります: ${message.split("\n")[0]}`);
      }
      throw error;
    }
  };
  return {
    lint: (raw, absPath) => guard(async () => (await linter.lintText(raw, absPath)).messages),
    fix: (raw, absPath) =>
      guard(async () => {
        const result = await linter.fixText(raw, absPath);
        return { output: result.output, applied: result.applyingMessages };
      }),
  };
}
