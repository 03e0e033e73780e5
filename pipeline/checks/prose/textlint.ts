/**
 * The only file that imports textlint (CommonJS). It loads the repository's native
 * `.textlintrc.json` once per process and lints the raw file, so positions are the
 * writer's editor positions and editor plugins read the same configuration.
 */
import { existsSync } from "node:fs";
import { access } from "node:fs/promises";
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

/** Rules resolve like Node modules: from the nearest node_modules upwards of the repository. */
function nearestNodeModules(root: string): string | undefined {
  for (let dir = root; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "node_modules"))) return path.join(dir, "node_modules");
    if (path.dirname(dir) === dir) return undefined;
  }
}

async function createProseLinter(root: string): Promise<ProseLinter> {
  let linter: ReturnType<typeof createLinter>;
  try {
    const configFilePath = path.join(root, TEXTLINTRC);
    await access(configFilePath);
    const descriptor = await loadTextlintrc({ configFilePath, node_modulesDir: nearestNodeModules(root) });
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
