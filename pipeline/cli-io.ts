import { access } from "node:fs/promises";
import path from "node:path";
import { CONFIG_FILE } from "./article/config.ts";

export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** Everything a command touches of the outside world, injected so tests can drive the CLI. */
export interface Io {
  cwd: string;
  stdout: OutStream;
  stderr: OutStream;
  env: NodeJS.ProcessEnv;
  /** Today's date, injectable so month boundaries can be tested; defaults to the system clock. */
  now?: () => Date;
  /** textlint workers the launcher started early (see checks/prose/prestart.mjs). */
  lintWorkers?: import("node:worker_threads").Worker[];
  /** The site's search cache the launcher opened early (see site/search-prestart.mjs). */
  searchCache?: import("./site/search-prestart.mjs").SearchCache;
}

export const EXIT = { ok: 0, contentErrors: 1, failure: 2 } as const;

/** A problem with how the command was called or set up: exit 2 with a Japanese message. */
export class UsageError extends Error {}

/** The repository root is the nearest folder, upwards from cwd, holding kawaraban.config.yml. */
export async function findRoot(cwd: string): Promise<string> {
  let dir = path.resolve(cwd);
  for (;;) {
    try {
      await access(path.join(dir, CONFIG_FILE));
      return dir;
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) {
        throw new UsageError(`${CONFIG_FILE} が見つかりません。kawaraban のリポジトリの中で実行してください。`);
      }
      dir = parent;
    }
  }
}

export function useColor(stream: OutStream, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true;
}
