/**
 * prh engines (a YAML parse, a regular expression per rule) are built again for every text
 * linted: by textlint-rule-prh for the city's 表記 and for city-required, and by the preset's
 * ja-no-abusage from its own dictionary: 2.5 ms per text, twice per article with its front-matter
 * fields, about a tenth of a 200-article check. Here a dictionary is
 * built once per thread and content, and each call gets its own engine object over the same
 * rules (the rule then merges further dictionaries into that copy, never into the shared one).
 * Dictionaries that import other files are built every time, as before (an imported file may
 * change while a preview runs). Version-gated; tests/checks/fast-lint.test.ts compares findings.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { installedAt } from "./package-versions.mjs";

const require = createRequire(import.meta.url);
const INSTALLED = Symbol.for("kawaraban.fastPrh");

/** Installs the memo into this thread's prh. Returns whether it is in use. */
export function installFastPrh() {
  if (!installedAt({ prh: "5.4.4" })) return false;
  /** @type {any} */
  const prh = require("prh");
  if (prh[INSTALLED]) return true;
  const fromYAML = prh.fromYAML;
  /** @type {Map<string, { content: string, engine: any }>} one per dictionary: an edited one replaces it */
  const built = new Map();
  /** @param {string | null} configPath @param {string} content @param {object} [opts] */
  const memoized = (configPath, content, opts) => {
    if (opts !== undefined || /^imports\s*:/m.test(content)) return fromYAML(configPath, content, opts);
    // Inline dictionaries (a rule's own, configPath null) are told apart by their beginning.
    const key = configPath ?? `inline:${content.slice(0, 200)}`;
    let entry = built.get(key);
    if (entry?.content !== content) {
      entry = { content, engine: fromYAML(configPath, content) };
      built.set(key, entry);
    }
    return copyOf(entry.engine);
  };
  prh.fromYAML = memoized;
  /** @param {string} configPath @param {object} [opts] */
  prh.fromYAMLFilePath = (configPath, opts) => memoized(configPath, readFileSync(configPath, { encoding: "utf8" }), opts);
  prh[INSTALLED] = true;
  return true;
}

/** A new engine over the same (immutable) targets and rules: merge() pushes into these arrays. */
function copyOf(/** @type {any} */ engine) {
  return Object.assign(Object.create(Object.getPrototypeOf(engine)), {
    ...engine,
    targets: [...engine.targets],
    rules: [...engine.rules],
    sourcePaths: [...engine.sourcePaths],
  });
}
