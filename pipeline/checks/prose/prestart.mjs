/**
 * Called by the launcher before the pipeline itself is loaded (plain JavaScript, imported from
 * source: it must not wait for the prebuilt bundle's hash of the code). When a check will almost
 * surely need textlint (no findings cache yet: CI, a fresh clone, --no-cache), a worker thread
 * starts loading textlint and the tokenizer dictionary on the other core while the main thread
 * loads kawaraban, asks git and parses the articles (all the pool's workers, for a whole
 * repository of many articles). The workers are unref'd: unused, they keep nothing alive.
 */
import { existsSync, readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { findRoot } from "../../run-cache.mjs";

/** Below this many uncached articles, a second worker's start-up (≈1 s of a core) is not worth it. */
export const WORKER_THRESHOLD = 24;
/** The lint pool's size for a large run. */
export const poolWorkers = () => Math.min(availableParallelism(), 4);

// The findings cache (pipeline/cache-dir.ts's CACHE_DIR + "prose"): with it, textlint may not load at all.
const PROSE_CACHE = path.join(".cache", "kawaraban", "prose");

/**
 * @param {readonly string[]} argv
 * @param {string} cwd
 * @returns {Worker[]}
 */
export function prestartLintWorkers(argv, cwd) {
  const [command, ...rest] = argv;
  if (command !== "check" && command !== "start") return [];
  // Only what decides the prestart; `check` itself parses and reports on the rest.
  const { values, positionals } = parseArgs({
    args: rest,
    strict: false,
    allowPositionals: true,
    options: { format: { type: "string" }, "changed-since": { type: "string" }, "no-cache": { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) return [];
  const root = findRoot(cwd);
  if (!root) return [];
  if (!values["no-cache"] && existsSync(path.join(root, PROSE_CACHE))) return [];
  // A whole-repository check of many articles will fill a pool: its workers load meanwhile too.
  const whole = command === "start" || (positionals.length === 0 && values["changed-since"] === undefined);
  const count = whole && manyArticles(root) ? poolWorkers() : 1;
  return Array.from({ length: count }, () => {
    const worker = new Worker(new URL("./worker.mjs", import.meta.url));
    worker.unref();
    worker.postMessage({ type: "warm", root });
    return worker;
  });
}

/** @param {string} root */
function manyArticles(root) {
  try {
    const files = readdirSync(path.join(root, "articles"), { recursive: true, encoding: "utf8" });
    return files.filter((f) => f.endsWith(".md")).length >= WORKER_THRESHOLD;
  } catch {
    return false;
  }
}
