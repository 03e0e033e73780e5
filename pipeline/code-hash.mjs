// Plain JS: the launcher uses it before any TypeScript loader exists.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const CODE = /\.(ts|mts|mjs|js|json)$/; // .js: the textlint rules under pipeline/textlint

/**
 * A hash of every source file of kawaraban's pipeline (path and content). It keys the prebuilt
 * bundle and every cache whose content kawaraban's own code decides (findings, pages), so a
 * changed rule or template never serves stale results. Synchronous on purpose: about 100
 * small files, read once per process, before anything else runs.
 */
export function pipelineSourceHash(pipelineDir) {
  const known = hashes.get(pipelineDir);
  if (known) return known;
  const hash = createHash("sha256");
  const files = readdirSync(pipelineDir, { recursive: true })
    .filter((f) => CODE.test(f))
    .map((f) => f.split(path.sep).join("/"))
    .sort();
  for (const file of files) {
    hash.update(`${file}\n`);
    hash.update(readFileSync(path.join(pipelineDir, file)));
    hash.update("\0");
  }
  const digest = hash.digest("hex");
  hashes.set(pipelineDir, digest);
  return digest;
}

/** Per process: the launcher asks twice (the run cache's key, the bundle's). */
const hashes = new Map();
