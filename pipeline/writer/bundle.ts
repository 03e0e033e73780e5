import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "esbuild";
import { PIPELINE_URL } from "../self.ts";
import { sha256 } from "../hash.ts";
import { proseFingerprint } from "../checks/prose/fingerprint.ts";
import { lintEntry } from "./lint-entry.ts";

/**
 * The writer's page scripts, compiled with esbuild: `check-worker.js` (the project's textlint
 * rules, remark-lint, the accessibility rules and the door, for a web worker) and `page.js`
 * (the page). Both are plain files of the site; nothing is fetched from anywhere else. The
 * worker depends on the lint configuration, so it is cached under the same fingerprint as the
 * prose findings (configs, the files they name, the lockfile, kawaraban's code).
 */
export interface WriterScripts {
  worker: string;
  page: string;
}

// The sources, also when the pipeline runs from its prebuilt bundle (self.ts).
const here = fileURLToPath(new URL("writer/", PIPELINE_URL));
const shim = (name: string) => path.join(here, "shims", name);

/** Node built-ins the bundled code imports, and what stands in for them in the browser. */
const BUILTINS: Record<string, string> = {
  fs: "fs.ts",
  "fs/promises": "fs.ts",
  path: "path.ts",
  "path/posix": "path.ts",
  os: "os.ts",
  assert: "assert.ts",
  crypto: "crypto.ts",
  buffer: "buffer.ts",
  module: "empty.ts",
  url: "empty.ts",
  util: "empty.ts",
  child_process: "empty.ts",
  worker_threads: "empty.ts",
};

/** Where the tokenizer's dictionary is served from, relative to the worker script. */
export const DICT_FOLDER = "dict/";

/** Everything the scripts are made from (shared by every repository this engine builds). */
export async function writerScriptsKey(root: string, nodeModules: string): Promise<string> {
  return sha256(await proseFingerprint(root), await readFile(path.join(nodeModules, "..", "package-lock.json"), "utf8").catch(() => ""));
}

export async function writerScripts(root: string, nodeModules: string, key?: string): Promise<WriterScripts> {
  const cacheDir = path.join(nodeModules, ".cache", "kawaraban-writer");
  key ??= await writerScriptsKey(root, nodeModules);
  const cached = path.join(cacheDir, `${key.slice(0, 24)}.json`);
  if (existsSync(cached)) return JSON.parse(await readFile(cached, "utf8")) as WriterScripts;
  const [worker, page] = await Promise.all([bundle(root, nodeModules, "worker.ts"), bundle(root, nodeModules, "page.ts")]);
  try {
    await mkdir(cacheDir, { recursive: true });
    const temp = `${cached}.${process.pid}`;
    await writeFile(temp, JSON.stringify({ worker, page }));
    await rename(temp, cached);
    await pruneCache(cacheDir, 4);
  } catch {
    // A read-only install: the scripts are made again next time.
  }
  return { worker, page };
}

/** Keeps the newest `keep` bundles: every change of code or configuration makes a new one. */
async function pruneCache(dir: string, keep: number): Promise<void> {
  const files = await Promise.all(
    (await readdir(dir)).filter((f) => f.endsWith(".json")).map(async (f) => ({ f, t: (await stat(path.join(dir, f))).mtimeMs })),
  );
  for (const { f } of files.sort((a, b) => b.t - a.t).slice(keep)) await rm(path.join(dir, f), { force: true });
}

async function bundle(root: string, nodeModules: string, entry: string): Promise<string> {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [path.join(here, "client", entry)],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    // A worker has no DOM: packages' "worker" builds, never their DOM-based "browser" ones.
    conditions: ["worker"],
    target: "es2022",
    minify: true,
    legalComments: "none",
    charset: "utf8",
    nodePaths: [nodeModules],
    define: { global: "globalThis", KAWARABAN_DICT_URL: JSON.stringify(DICT_FOLDER), "import.meta.url": '"file:///repo/"' },
    // The rules expect Node's `process` and `Buffer`; the page's own code needs neither.
    inject: entry === "worker.ts" ? [shim("process.ts"), shim("buffer.ts")] : [],
    plugins: [browserModules(root, nodeModules)],
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

/** The virtual modules (`kawaraban:lint`, `kawaraban:vfs`) and the Node built-ins' stand-ins. */
function browserModules(root: string, nodeModules: string): Plugin {
  const entry = lintEntry(root, nodeModules);
  return {
    name: "kawaraban-browser",
    setup(build) {
      build.onResolve({ filter: /^kawaraban:(lint|vfs)$/ }, (args) => ({ path: args.path, namespace: "kawaraban" }));
      build.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
        const name = args.path.replace(/^node:/, "");
        return BUILTINS[name] ? { path: name, namespace: "builtin" } : undefined;
      });
      // CommonJS, so that `require("assert")(x)` calls the function as in Node, and ESM imports still see the names.
      build.onLoad({ filter: /.*/, namespace: "builtin" }, (args) => ({
        contents: `const m = require(${JSON.stringify(shim(BUILTINS[args.path]!))});\nmodule.exports = Object.assign(m.default ?? {}, m);`,
        loader: "js",
        resolveDir: here,
      }));
      build.onLoad({ filter: /.*/, namespace: "kawaraban" }, async (args) => {
        const { source, mounts } = await entry;
        if (args.path === "kawaraban:lint") return { contents: source, loader: "js", resolveDir: nodeModules };
        return { contents: `import { __mount } from ${JSON.stringify(shim("fs.ts"))};\n__mount(${JSON.stringify(mounts)});`, loader: "js", resolveDir: here };
      });
      // parse-entities' "browser" file decodes with the DOM, which a worker has not got (and
      // which could decode differently from Node): the Node file, as `check` runs it.
      build.onLoad({ filter: /decode-entity\.browser\.js$/ }, async (args) => ({
        contents: await readFile(args.path.replace(/\.browser\.js$/, ".js"), "utf8"),
        loader: "js",
        resolveDir: path.dirname(args.path),
      }));
      // CommonJS modules that read `__dirname` get their own folder, as in Node.
      build.onLoad({ filter: /\.c?js$/ }, async (args) => {
        const text = await readFile(args.path, "utf8");
        if (!text.includes("__dirname") && !text.includes("__filename")) return undefined;
        const dir = `/${path.relative(path.dirname(nodeModules), path.dirname(args.path)).split(path.sep).join("/")}`;
        return {
          contents: `var __dirname = ${JSON.stringify(dir)}, __filename = ${JSON.stringify(`${dir}/${path.basename(args.path)}`)};\n${text}`,
          loader: "js",
        };
      });
    },
  };
}
