import { readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Config } from "../article/config.ts";
import { readBriefBook } from "../desk/read-briefs.ts";
import type { SiteOutput } from "../site/output.ts";
import type { SiteContext } from "../site/model.ts";
import type { Snapshot } from "../source/snapshot.ts";
import { DICT_FOLDER, writerScripts, writerScriptsKey } from "./bundle.ts";
import { writerModel, writerPage } from "./page.ts";

const require = createRequire(import.meta.url);
const PR_TEMPLATE = ".github/pull_request_template.md";

/** The engine's node_modules (where the rules the bundle compiles are installed). */
export const engineNodeModules = () => path.dirname(path.dirname(require.resolve("kuromoji/package.json")));

/**
 * Writes `/write/` into the site: the page, its two scripts and the tokenizer's dictionary
 * (served from the site itself; the page loads nothing from anywhere else).
 */
export async function writeWriterPage(
  output: SiteOutput,
  root: string,
  tree: Snapshot,
  config: Config,
  ctx: SiteContext,
  tags: readonly string[],
  repository: string | undefined,
): Promise<void> {
  const nodeModules = engineNodeModules();
  // The scripts (2 MB) are read only when the site does not hold the ones made from the same inputs.
  const key = await writerScriptsKey(root, nodeModules);
  const kept = output.has("write/check-worker.js", key) && output.has("write/page.js", key);
  const [scripts, book, template] = await Promise.all([
    kept ? undefined : writerScripts(root, nodeModules, key),
    readBriefBook(tree, config),
    tree.read(PR_TEMPLATE, 64 * 1024),
  ]);
  const prTemplate = template.ok ? template.bytes.toString("utf8") : "";
  const model = writerModel(config, [...book.briefs.values()], tags, repository, prTemplate);
  output.put("write/index.html", writerPage(ctx, model));
  if (scripts) {
    output.put("write/check-worker.js", scripts.worker, key);
    output.put("write/page.js", scripts.page, key);
  }
  const dict = path.join(nodeModules, "kuromoji", "dict");
  const version = (require("kuromoji/package.json") as { version: string }).version;
  for (const name of readdirSync(dict)
    .filter((n) => n.endsWith(".dat.gz"))
    .sort()) {
    const file = path.join(dict, name);
    output.copy(`write/${DICT_FOLDER}${name}`, file, `kuromoji-${version}-${name}-${statSync(file).size}`);
  }
}
