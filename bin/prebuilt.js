// The prebuilt pipeline. Through tsx, every run transpiles and loads about 100 TypeScript files
// and 600 small dependency modules: 0.8 s before any work starts. esbuild instead compiles the
// pipeline and its pure-JS dependencies into a few ES modules, once per code version, into
// node_modules/.cache; later runs start in about 0.3 s. When the bundle cannot be made (no
// esbuild, read-only install) or KAWARABAN_NO_BUNDLE=1 is set, the launcher falls back to tsx.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { pipelineSourceHash } from "../pipeline/code-hash.mjs";

const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));
const PIPELINE_DIR = path.join(PACKAGE_DIR, "pipeline");
const BUNDLES_DIR = path.join(PACKAGE_DIR, "node_modules", ".cache", "kawaraban", "bundle");

/** Entry points: the CLI and the site's render worker (the lint-worker prestarter is plain JS). */
/** @typedef {"cli" | "render-worker"} EntryName */
/** @type {Record<EntryName, string>} */
export const ENTRY_POINTS = { cli: "cli.ts", "render-worker": "site/render-worker.ts" };

// Stay in node_modules: sharp is native, textlint loads rules and plugins by package name,
// kuromoji reads its dictionary from its own folder, pdfkit its font metrics from its own.
const EXTERNAL = ["sharp", "textlint", "@textlint/*", "textlint-*", "kuromoji", "tsx", "esbuild", "pdfkit", "fontkit"];

// yaml's Node entry is CommonJS, which esbuild cannot tree-shake: the bundle would carry all
// 260 KB of it (compiled on every start). Its ES module build is the same code and version.
const YAML_ESM = (() => {
  try {
    const file = path.join(path.dirname(createRequire(import.meta.url).resolve("yaml/package.json")), "browser", "index.js");
    return existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
})();

function lockfileText() {
  for (const file of ["package-lock.json", "package.json"]) {
    try {
      return readFileSync(path.join(PACKAGE_DIR, file), "utf8");
    } catch {
      // try the next one
    }
  }
  return "";
}

/** Everything kawaraban's own behaviour depends on: its code, the locked dependencies, Node. */
export function codeKey() {
  return createHash("sha256")
    .update([pipelineSourceHash(PIPELINE_DIR), lockfileText(), process.version].join("\0"))
    .digest("hex");
}

/**
 * The folder of an up-to-date bundle, building it when missing. Returns undefined when no
 * bundle can be used; the caller then runs the TypeScript sources through tsx.
 */
export async function prebuiltPipeline() {
  const sourceHash = pipelineSourceHash(PIPELINE_DIR);
  // The version from package.json: loading esbuild's API on every run would cost more than the check.
  let esbuildVersion;
  try {
    esbuildVersion = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("esbuild/package.json"), "utf8")).version;
  } catch {
    return undefined;
  }
  const pipelineUrl = pathToFileURL(`${PIPELINE_DIR}/`).href;
  // Everything the bundle's bytes depend on: our code, the locked dependencies, esbuild, where it
  // runs from, and this file (it holds the bundle's options).
  const options = readFileSync(fileURLToPath(import.meta.url), "utf8");
  const key = createHash("sha256")
    .update([sourceHash, lockfileText(), esbuildVersion, pipelineUrl, process.version, options].join("\0"))
    .digest("hex")
    .slice(0, 24);
  const dir = path.join(BUNDLES_DIR, key);
  if (existsSync(path.join(dir, "cli.mjs"))) return dir;

  const temp = `${dir}.tmp-${process.pid}`;
  try {
    const esbuild = await import("esbuild");
    await esbuild.build({
      entryPoints: Object.fromEntries(Object.entries(ENTRY_POINTS).map(([name, file]) => [name, path.join(PIPELINE_DIR, file)])),
      outdir: temp,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: `node${process.versions.node.split(".")[0]}`,
      external: EXTERNAL,
      chunkNames: "chunks/[name]-[hash]",
      // .mjs: Node knows the format without looking for a package.json above node_modules/.cache.
      outExtension: { ".js": ".mjs" },
      alias: YAML_ESM ? { yaml: YAML_ESM } : {},
      logLevel: "silent",
      // Never the repository's tsconfig.json: its `paths` could map an import to a file a pull
      // request added, putting that file's code into the bundle. kawaraban needs no tsconfig to build.
      tsconfigRaw: {},
      define: {
        __KAWARABAN_PIPELINE_URL__: JSON.stringify(pipelineUrl),
        __KAWARABAN_CODE_HASH__: JSON.stringify(sourceHash),
        __KAWARABAN_BUNDLE_URL__: JSON.stringify(pathToFileURL(`${dir}/`).href),
      },
      // CommonJS dependencies bundled into ES modules still call require() for Node built-ins.
      banner: { js: 'import { createRequire as __kawarabanCreateRequire } from "node:module"; const require = __kawarabanCreateRequire(import.meta.url);' },
    });
    try {
      renameSync(temp, dir);
    } catch {
      // Another process finished the same bundle first: theirs is identical.
      rmSync(temp, { recursive: true, force: true });
    }
    removeOldBundles(key);
    return existsSync(path.join(dir, "cli.mjs")) ? dir : undefined;
  } catch {
    rmSync(temp, { recursive: true, force: true });
    return undefined;
  }
}

/**
 * Keeps the three newest bundles (a long-running preview may still load chunks from its own)
 * and removes half-written ones that a killed process left behind.
 */
/** @param {string} current */
function removeOldBundles(current) {
  try {
    const entries = readdirSync(BUNDLES_DIR).map((name) => ({ name, time: statSync(path.join(BUNDLES_DIR, name)).mtimeMs }));
    const abandoned = entries.filter((e) => e.name.includes(".tmp-") && e.time < Date.now() - 10 * 60 * 1000);
    const others = entries.filter((e) => e.name !== current && !e.name.includes(".tmp-")).sort((a, b) => b.time - a.time);
    for (const old of [...abandoned, ...others.slice(2)]) rmSync(path.join(BUNDLES_DIR, old.name), { recursive: true, force: true });
  } catch {
    // Tidying is best effort.
  }
}

/**
 * Loads one of the pipeline's entry modules ("cli", "render-worker"): prebuilt when possible, else
 * from source through tsx.
 */
export async function pipelineLoader(env = process.env) {
  const dir = env.KAWARABAN_NO_BUNDLE === "1" ? undefined : await prebuiltPipeline();
  if (dir) return (/** @type {EntryName} */ name) => import(pathToFileURL(path.join(dir, `${name}.mjs`)).href);
  const { register } = await import("tsx/esm/api");
  register({ tsconfig: false }); // as the bundle: no `paths` or other mapping from a tsconfig.json
  return (/** @type {EntryName} */ name) => import(pathToFileURL(path.join(PIPELINE_DIR, ENTRY_POINTS[name])).href);
}
