/**
 * The speedups in fast-*.mjs replace internals of specific package releases: each one applies only
 * when every package it mirrors is installed at exactly the version it was written against.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * Whether each named package resolves (from this folder, as the rules resolve it) at exactly the
 * given version.
 * @param {Record<string, string>} versions
 */
export function installedAt(versions) {
  try {
    return Object.entries(versions).every(([name, version]) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")).version === version);
  } catch {
    return false;
  }
}
