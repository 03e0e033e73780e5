/**
 * The only file that imports textlint (CommonJS). It loads the repository's native
 * `.textlintrc.json` once per thread and lints the raw file, so positions are the writer's
 * editor positions and editor plugins read the same configuration.
 *
 * Plain JavaScript (types in textlint.d.mts) on purpose: the lint worker threads import it
 * without a TypeScript loader, which would cost each worker a loader thread of its own.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { access } from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";

import { installSpeedups } from "./speedups.mjs";
import { referencedDataFiles, TEXTLINTRC, TextlintConfigError } from "./textlint-config.mjs";
import { guardRule, withRuleFailures } from "./rule-guard.mjs";

export { TEXTLINTRC, TextlintConfigError };

const require = createRequire(import.meta.url);
// Before any rule loads or asks for the tokenizer (speedups.mjs).
installSpeedups();

/**
 * textlint's two API functions, without its package entry: that entry also loads the CLI and
 * its MCP server, 170 ms of modules in every lint thread that never runs them. textlint has no
 * "exports" map, so these paths are public; if a release moves them, the entry is used.
 */
function textlintApi() {
  try {
    const { createLinter } = require("textlint/lib/src/createLinter.js");
    const { loadTextlintrc } = require("textlint/lib/src/loader/TextlintrcLoader.js");
    if (typeof createLinter === "function" && typeof loadTextlintrc === "function") return { createLinter, loadTextlintrc };
  } catch {
    // fall through to the package entry
  }
  return require("textlint");
}

const linters = new Map();

/**
 * One linter per repository root and thread: rule modules and the tokenizer load once. An edited
 * `.textlintrc.json` or data file it names (a long-running preview) makes a new one.
 */
export function textlintFor(root) {
  const stamp = configStamp(root);
  let known = linters.get(root);
  if (!known || known.stamp !== stamp) {
    known = { stamp, linter: createProseLinter(root) };
    linters.set(root, known);
  }
  return known.linter;
}

/** Size and modification time of the lint configuration and the files it names (prh.yml…). */
function configStamp(root) {
  const stat = (file) => {
    const s = statSync(path.join(root, file), { throwIfNoEntry: false });
    return s ? `${file}:${s.size}:${s.mtimeMs}` : `${file}:-`;
  };
  let named = [];
  try {
    named = referencedDataFiles(JSON.parse(readFileSync(path.join(root, TEXTLINTRC), "utf8")));
  } catch {
    // A missing or broken config: its own stamp says so, and loading it reports the error.
  }
  return [TEXTLINTRC, ...named].map(stat).join("|");
}

/**
 * Starts loading textlint's rules and the tokenizer dictionary (the slow part of a cold
 * start) so that it is ready by the time the first article is.
 */
export function warmUp(root) {
  const ignore = () => {
    // Errors surface, with their message, when the linter is actually used.
  };
  // The dictionary first: its reads then run on libuv's threads while this one requires the rules.
  loadTokenizer().catch(ignore);
  textlintFor(root).catch(ignore);
}

/** The tokenizer every rule shares (kuromojin keeps one per thread). */
export async function loadTokenizer() {
  return require("kuromojin").getTokenizer();
}

/** Rules resolve like Node modules: from the nearest node_modules upwards of the repository. */
function nearestNodeModules(root) {
  for (let dir = root; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "node_modules"))) return path.join(dir, "node_modules");
    if (path.dirname(dir) === dir) return undefined;
  }
}

async function createProseLinter(root) {
  let linter;
  try {
    const configFilePath = path.join(root, TEXTLINTRC);
    await access(configFilePath);
    const { createLinter, loadTextlintrc } = textlintApi();
    const node_modulesDir = nearestNodeModules(root);
    // textlint's loader answers a rule or preset that fails to load with no rules at all (a
    // debug line, then a silent pass): the same loader is asked first, and its failure reported.
    const checked = await require("@textlint/config-loader").loadConfig({ configFilePath, node_modulesDir });
    if (!checked.ok) throw new Error([checked.error.message, ...(checked.error.errors ?? []).map((e) => e.message)].join(": "));
    const loaded = await loadTextlintrc({ configFilePath, node_modulesDir });
    // Every rule's node handlers made safe (rule-guard.mjs): one rule's bug is one note, not a failed run.
    const { rules } = loaded.toKernelOptions();
    const descriptor = loaded.shallowMerge({ rules: rules.map((r) => ({ ...r, rule: guardRule(r.ruleId, r.rule) })) });
    linter = createLinter({ descriptor, cwd: root });
  } catch (error) {
    throw new TextlintConfigError(`${TEXTLINTRC} を読み込めませんでした: ${error instanceof Error ? error.message : String(error)}`);
  }
  // Rules such as prh load their dictionaries on first use; a broken dictionary is a config error.
  const guard = async (run) => {
    try {
      return await run();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/Error while loading rule|prh|spec failed|Cannot find module/i.test(message)) {
        throw new TextlintConfigError(`textlint の設定（${TEXTLINTRC}・prh.yml など）に誤りがあります: ${message.split("\n")[0]}`);
      }
      throw error;
    }
  };
  return {
    lint: (raw, absPath) => guard(() => withRuleFailures(async () => (await linter.lintText(raw, absPath)).messages)),
    fix: (raw, absPath) =>
      guard(async () => {
        const result = await linter.fixText(raw, absPath);
        return { output: result.output, applied: result.applyingMessages };
      }),
  };
}
