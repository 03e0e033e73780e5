import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { referencedDataFiles, TEXTLINTRC } from "../checks/prose/textlint-config.mjs";
import { REMARKRC } from "../checks/prose/fingerprint.ts";
import { parse as parseYaml } from "yaml";

/**
 * The writer's page lints with the repository's own configuration. textlint and remark resolve
 * rules at run time from node_modules, which a browser has not got, so this module reads the
 * configuration in Node — through textlint's own loader, so presets, options, `false` and
 * defaults mean exactly what they mean to `check` — and writes an entry module that imports each
 * rule statically for esbuild. The data files the rules read (prh dictionaries, the proper-noun
 * list) are carried along under `/repo`, the configuration's base folder in the bundle.
 */
export interface LintEntry {
  /** JavaScript source of the entry module (imports resolved by esbuild from the repository). */
  source: string;
  /** Repository files the rules read, by their path in the bundle's file system. */
  mounts: Record<string, string>;
}

/** The configuration's base folder inside the bundle (what `getConfigBaseDir` returns there). */
export const BUNDLE_ROOT = "/repo";

interface Loaded {
  id: string;
  filePath: string;
  /** A rule inside a preset: its key in the preset's `rules`. */
  presetKey?: string;
  options: unknown;
}

const PLUGINS = ["@textlint/textlint-plugin-text", "@textlint/textlint-plugin-markdown"];

export async function lintEntry(root: string, nodeModules: string): Promise<LintEntry> {
  const require = createRequire(path.join(nodeModules, "package.json"));
  const { loadConfig } = require("@textlint/config-loader");
  const { loadTextlintrc } = require("textlint/lib/src/loader/TextlintrcLoader.js");
  const configFilePath = path.join(root, TEXTLINTRC);
  const raw = await loadConfig({ configFilePath, node_modulesDir: nodeModules });
  if (!raw.ok) throw new Error(`${TEXTLINTRC} を読み込めませんでした`);
  const descriptor = await loadTextlintrc({ configFilePath, node_modulesDir: nodeModules });
  const fileOf = new Map<string, { filePath: string; moduleName: string }>();
  for (const r of raw.config.rules) fileOf.set(`rule:${r.ruleId}`, r);
  for (const f of raw.config.filterRules) fileOf.set(`filter:${f.ruleId}`, f);
  const pick = (kind: string, d: { id: string; normalizedOptions: unknown }): Loaded => {
    const found = fileOf.get(`${kind}:${d.id}`);
    if (!found) throw new Error(`textlint のルール ${d.id} のファイルが見つかりません`);
    const inPreset = found.moduleName.includes("preset-") && d.id.includes("/") && !d.id.startsWith("@");
    return { id: d.id, filePath: found.filePath, presetKey: inPreset ? d.id.slice(d.id.indexOf("/") + 1) : undefined, options: d.normalizedOptions };
  };
  const rules = descriptor.rule.lintableDescriptors.map((d: never) => pick("rule", d));
  const filters = descriptor.filterRule.descriptors.map((d: never) => pick("filter", d));
  const remarkPlugins = await remarkPluginList(root);
  return {
    source: entrySource(rules, filters, remarkPlugins, require),
    mounts: await dataFiles(root, [...rules, ...filters]),
  };
}

/** The entry module: the kernel's rule, filter and plugin lists, and the remark processor. */
function entrySource(rules: Loaded[], filters: Loaded[], remark: [string, unknown][], require: NodeJS.Require): string {
  const lines = [
    `import { moduleInterop as interop } from "@textlint/module-interop";`,
    `import { unified } from "unified";`,
    `import remarkParse from "remark-parse";`,
  ];
  const modules = new Map<string, string>();
  const moduleVar = (file: string) => {
    let name = modules.get(file);
    if (!name) {
      name = `m${modules.size}`;
      modules.set(file, name);
      lines.push(`import * as ${name}_ns from ${JSON.stringify(file)};`, `const ${name} = interop(${name}_ns.default ?? ${name}_ns);`);
    }
    return name;
  };
  const ruleOf = (r: Loaded) => (r.presetKey ? `interop(${moduleVar(r.filePath)}.rules[${JSON.stringify(r.presetKey)}])` : moduleVar(r.filePath));
  const entry = (r: Loaded, key: string) => `{ ${key}: ${JSON.stringify(r.id)}, rule: ${ruleOf(r)}, options: ${JSON.stringify(r.options)} }`;
  const ruleList = rules.map((r) => entry(r, "ruleId"));
  const filterList = filters.map((f) => entry(f, "ruleId"));
  const pluginList = PLUGINS.map((name) => `{ pluginId: ${JSON.stringify(name)}, plugin: ${moduleVar(require.resolve(name))} }`);
  const remarkList = remark.map(([name, options]) => {
    const v = moduleVar(require.resolve(name));
    return options === undefined ? v : `[${v}, ${JSON.stringify(options)}]`;
  });
  lines.push(
    `export const rules = [${ruleList.join(",\n")}];`,
    `export const filterRules = [${filterList.join(",\n")}];`,
    `export const plugins = [${pluginList.join(",\n")}];`,
    `export const remark = unified().use(remarkParse).use([${remarkList.join(",\n")}]).freeze();`,
  );
  return lines.join("\n");
}

/** `.remarkrc.json` as (package, options) pairs, with the names `check` accepts (markdown.ts). */
async function remarkPluginList(root: string): Promise<[string, unknown][]> {
  const config = JSON.parse(await readFile(path.join(root, REMARKRC), "utf8")) as { plugins?: unknown };
  return (Array.isArray(config.plugins) ? config.plugins : []).map((entry) => {
    const [name, options] = Array.isArray(entry) ? entry : [entry, undefined];
    if (typeof name !== "string" || !/^(remark|@[\w-]+\/remark)-[\w-]+$/.test(name)) throw new Error(`${REMARKRC} のプラグイン名が正しくありません`);
    return [name, options];
  });
}

/** Every `*.yml`/`*.yaml`/`*.json` path in the rules' options (and the prh files they import), from inside the repository. */
async function dataFiles(root: string, loaded: Loaded[]): Promise<Record<string, string>> {
  const queue = loaded.flatMap((l) => referencedDataFiles(l.options)).map((f) => path.resolve(root, f));
  const mounts: Record<string, string> = {};
  while (queue.length > 0) {
    const file = queue.shift()!;
    const relative = path.relative(root, file);
    if (relative.startsWith("..") || path.isAbsolute(relative)) throw new Error(`${TEXTLINTRC} のファイル ${relative} はリポジトリの外を指しています`);
    const mounted = path.posix.join(BUNDLE_ROOT, relative.split(path.sep).join("/"));
    if (mounted in mounts) continue;
    const text = await readFile(file, "utf8");
    mounts[mounted] = text;
    const imports = /\.ya?ml$/.test(file) ? (parseYaml(text) as { imports?: unknown } | null)?.imports : undefined;
    for (const i of Array.isArray(imports) ? imports : []) if (typeof i === "string") queue.push(path.resolve(path.dirname(file), i));
  }
  return mounts;
}
