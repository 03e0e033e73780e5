import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { CACHE_DIR } from "../../cache-dir.ts";
import { PIPELINE_URL } from "../../self.ts";

export const WORKER_ENTRY = new URL("checks/prose/worker.mjs", PIPELINE_URL);
export const PROSE_CACHE = path.join(CACHE_DIR, "prose");
const CONFIG_FILE = "kawaraban.config.yml";

/**
 * Called by the launcher before the pipeline itself is loaded. When a check will almost
 * surely need textlint (no findings cache yet: CI, a fresh clone, --no-cache), a worker
 * thread starts loading textlint and the tokenizer dictionary (≈1 s) on the other core
 * while the main thread loads kawaraban, asks git and parses the articles.
 * The worker is unref'd: if nothing uses it, it does not keep the process alive.
 */
export function prestartLintWorker(argv: readonly string[], cwd: string): Worker | undefined {
  const [command, ...rest] = argv;
  if (command !== "check" && command !== "start") return undefined;
  if (rest.includes("--help") || rest.includes("-h")) return undefined;
  const root = findRootSync(cwd);
  if (!root) return undefined;
  if (!rest.includes("--no-cache") && existsSync(path.join(root, PROSE_CACHE))) return undefined;
  const worker = new Worker(WORKER_ENTRY);
  worker.unref();
  worker.postMessage({ type: "warm", root });
  return worker;
}

function findRootSync(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, CONFIG_FILE))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}
