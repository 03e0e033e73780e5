/**
 * textlint-filter-rule-allowlist reads and YAML-parses the city's proper-noun list (its
 * allowlistConfigPaths) again for every text linted: a tenth of a millisecond per entry, about
 * 1 ms per text, 1.5% of a 200-article check. Here each list is parsed once per thread and
 * content (the file is still read every time, so an edited list takes effect at once) and handed
 * to the filter as its `allow` option, which is what the filter builds from the files itself.
 * Version-gated; tests/checks/fast-lint.test.ts compares findings with the stock code.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { installedAt } from "./package-versions.mjs";

const require = createRequire(import.meta.url);
const INSTALLED = Symbol.for("kawaraban.fastAllowlist");

/** Installs the memo into this thread's allowlist filter. Returns whether it is in use. */
export function installFastAllowlist() {
  if (!installedAt({ "textlint-filter-rule-allowlist": "4.0.0" })) return false;
  /** @type {any} */
  const filter = require("textlint-filter-rule-allowlist");
  if (filter[INSTALLED]) return true;
  const stock = filter.default;
  // The filter's own helpers, resolved from its folder (the instances it uses).
  const from = createRequire(require.resolve("textlint-filter-rule-allowlist"));
  const { getConfigBaseDir } = from("@textlint/get-config-base-dir");
  const yaml = from("js-yaml");
  /** @type {Map<string, { content: string, words: unknown[] }>} */
  const parsed = new Map();
  /** @param {string} file */
  const wordsIn = (file) => {
    const content = readFileSync(file, "utf8");
    let entry = parsed.get(file);
    if (entry?.content !== content) {
      // The stock filter's own checks: JSON or YAML by extension, and the list must be an array.
      const ext = path.extname(file);
      const list = ext === ".json" ? JSON.parse(content) : /\.(yml|yaml)$/.test(ext) ? yaml.load(content) : undefined;
      if (list === undefined && !/\.(json|yml|yaml)$/.test(ext)) throw new Error(`Unsupported file type: ${file}`);
      if (!Array.isArray(list)) throw new Error(`This allow file is not allow word list: ${file}`);
      entry = { content, words: list };
      parsed.set(file, entry);
    }
    return entry.words;
  };
  /** @param {any} context @param {any} options */
  const memoized = (context, options) => {
    const files = options?.allowlistConfigPaths;
    if (!Array.isArray(files)) return stock(context, options);
    const base = getConfigBaseDir(context) || process.cwd();
    const fromFiles = files.flatMap((/** @type {string} */ file) => wordsIn(path.resolve(base, file)));
    return stock(context, { ...options, allow: [...(options.allow || []), ...fromFiles], allowlistConfigPaths: undefined });
  };
  filter.default = memoized;
  filter[INSTALLED] = true;
  return true;
}
