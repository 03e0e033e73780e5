/// <reference lib="webworker" />
// The writer's page's checker, in a web worker: the project's textlint rules, remark-lint, the
// accessibility rules and the door, compiled from this repository (writer/bundle.ts). It loads
// the tokenizer's dictionary from the site and fetches nothing else.
import "kawaraban:vfs";
import { filterRules, plugins, remark, rules } from "kawaraban:lint";
import { TextlintKernel } from "@textlint/kernel";
import type { Config } from "../../article/config.ts";
import { checkDraft } from "../draft-check.ts";
import type { ArticleText } from "../../article/article.ts";
import { mayHaveHtml, renderBodyTree } from "../../site/body.ts";
import { PHOTO } from "./preview.ts";
import type { TextlintMessage } from "../../checks/prose/textlint.mjs";

export interface CheckRequest {
  id: number;
  config: Config;
  path: string;
  raw: string;
  photos: [string, Uint8Array][];
}

const kernel = new TextlintKernel();
const lint = async (raw: string, repoPath: string): Promise<readonly TextlintMessage[]> => {
  const options = { ext: ".md", filePath: `/repo/${repoPath}`, rules, filterRules, plugins, configBaseDir: "/repo" } as never;
  return (await kernel.lintText(raw, options)).messages as unknown as TextlintMessage[];
};

/** The body as the site renders it (sanitized tree), the draft's photos as `photo:<path>` for the page to show from memory. */
function preview(text: ArticleText, photos: [string, Uint8Array][]): unknown {
  if (mayHaveHtml(text.raw)) return undefined; // raw HTML needs the HTML parser, which the page does not carry
  const images = new Map(
    photos.map(([p]) => [p, { source: p, width: 0, height: 0, variants: { avif: [], webp: [], jpeg: [{ width: 1, height: 1, file: p }] } }]),
  );
  const tree = renderBodyTree(text.tree, { source: text.path, basePath: PHOTO, images });
  return JSON.parse(JSON.stringify(tree, (key, value) => (key === "position" ? undefined : value)));
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (event: MessageEvent<CheckRequest>) => {
  const { id, config, path, raw, photos } = event.data;
  try {
    const { diagnostics, text } = await checkDraft(config, { path, raw, photos: new Map(photos) }, { lint, remark });
    scope.postMessage({ id, diagnostics: diagnostics.map(({ cause: _cause, ...d }) => d), preview: text && preview(text, photos) });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
