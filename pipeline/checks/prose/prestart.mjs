/**
 * Called by the launcher before the pipeline itself is loaded (plain JavaScript, imported from
 * source: it must not wait for the prebuilt bundle's hash of the code). When a check will almost
 * surely need textlint (no findings cache yet: CI, a fresh clone, --no-cache), a worker thread
 * starts loading textlint and the tokenizer dictionary on the other core while the main thread
 * loads kawaraban, asks git and parses the articles.
 * The worker is unref'd: if nothing uses it, it does not keep the process alive.
 */
import { existsSync, readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";

/** Below this many uncached articles, a second worker's start-up (≈1 s of a core) is not worth it. */
export const WORKER_THRESHOLD = 24;

const CONFIG_FILE = "kawaraban.config.yml";
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
  if (rest.includes("--help") || rest.includes("-h")) return [];
  const root = findRootSync(cwd);
  if (!root) return [];
  if (!rest.includes("--no-cache") && existsSync(path.join(root, PROSE_CACHE))) return [];
  // A whole-repository check of many articles will fill a pool: its workers load meanwhile too.
  const whole = command === "start" || !rest.some((arg) => !arg.startsWith("-") || arg.startsWith("--changed-since"));
  const count = whole && manyArticles(root) ? Math.min(availableParallelism(), 4) : 1;
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

/** @param {string} cwd */
function findRootSync(cwd) {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, CONFIG_FILE))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}
