import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { unified, type PluggableList, type Processor } from "unified";
import remarkParse from "remark-parse";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { ArticleText } from "../article/article.ts";
import { runRemark } from "./remark-run.ts";

import { REMARKRC } from "./prose/fingerprint.ts";

export { REMARKRC };

export class RemarkConfigError extends Error {}

const processors = new Map<string, Promise<Processor>>();

/**
 * remark-lint with the repository's native `.remarkrc.json` (what remark-cli and the editor
 * plugin read). JSON, not `.remarkrc.js`: configuration is data and never runs code. The
 * article's tree is parsed once at load and only *run* through the lint plugins here.
 */
export function remarkFor(root: string): Promise<Processor> {
  let processor = processors.get(root);
  if (!processor) {
    processor = buildProcessor(root);
    processors.set(root, processor);
  }
  return processor;
}

async function buildProcessor(root: string): Promise<Processor> {
  let config: { plugins?: unknown };
  try {
    config = JSON.parse(await readFile(path.join(root, REMARKRC), "utf8"));
  } catch (error) {
    throw new RemarkConfigError(`${REMARKRC} を読み込めませんでした: ${error instanceof Error ? error.message : String(error)}`);
  }
  const requireFromRoot = createRequire(path.join(root, "package.json"));
  const plugins: PluggableList = [];
  for (const entry of Array.isArray(config.plugins) ? config.plugins : []) {
    const [name, options] = Array.isArray(entry) ? entry : [entry, undefined];
    if (typeof name !== "string" || !/^(remark|@[\w-]+\/remark)-[\w-]+$/.test(name)) {
      throw new RemarkConfigError(`${REMARKRC} のプラグイン名が正しくありません: ${JSON.stringify(name)}`);
    }
    let plugin: { default: unknown };
    try {
      plugin = await import(pathToFileURL(requireFromRoot.resolve(name)).href);
    } catch (error) {
      throw new RemarkConfigError(`${REMARKRC} のプラグイン「${name}」が見つかりません（npm install が必要です）: ${String(error)}`);
    }
    plugins.push(options === undefined ? (plugin.default as never) : ([plugin.default, options] as never));
  }
  return unified().use(remarkParse).use(plugins).freeze() as unknown as Processor;
}

export async function lintMarkdown(article: ArticleText, root: string): Promise<Diagnostic[]> {
  return runRemark(await remarkFor(root), article);
}
