import { fileURLToPath } from "node:url";
import { pipelineSourceHash } from "./code-hash.mjs";

// Set by the launcher's prebuilt bundle (esbuild `define`), which lives outside this folder;
// from source (tsx, vitest) they are undeclared and the values come from this file's location.
declare const __KAWARABAN_PIPELINE_URL__: string | undefined;
declare const __KAWARABAN_CODE_HASH__: string | undefined;

/** kawaraban's own `pipeline/` folder, for the files loaded by path (worker entry points). */
export const PIPELINE_URL: URL = new URL(typeof __KAWARABAN_PIPELINE_URL__ === "string" ? __KAWARABAN_PIPELINE_URL__ : "./", import.meta.url);

/** The package folder (package.json, node_modules). */
export const PACKAGE_URL: URL = new URL("../", PIPELINE_URL);

let codeHash: string | undefined;
/** Hash of kawaraban's code: part of every cache key, so a changed rule or template never serves stale results. */
export function pipelineCodeHash(): string {
  codeHash ??= typeof __KAWARABAN_CODE_HASH__ === "string" ? __KAWARABAN_CODE_HASH__ : pipelineSourceHash(fileURLToPath(PIPELINE_URL));
  return codeHash;
}

declare const __KAWARABAN_BUNDLE_URL__: string | undefined;

/**
 * Where a worker thread's entry module is: the prebuilt bundle's copy, or from source a small
 * .mjs that registers tsx first (a worker does not inherit the main thread's loader).
 */
export function workerEntry(name: "render-worker"): URL {
  if (typeof __KAWARABAN_BUNDLE_URL__ === "string") return new URL(`${name}.mjs`, __KAWARABAN_BUNDLE_URL__);
  return new URL(`site/${name}.mjs`, PIPELINE_URL);
}
