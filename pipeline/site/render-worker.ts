import { parentPort } from "node:worker_threads";
import type { Config } from "../article/config.ts";
import { workTreeFrom, type WorkTreeState } from "../source/work-tree.ts";
import type { Snapshot } from "../source/snapshot.ts";
import { prepareFor, renderer, type Rendered, type RenderJob, type RenderSettings } from "./render.ts";
import { admitBatch } from "./sources.ts";
import { updatedIndex, type IndexJob } from "./search-index.mjs";

/**
 * A site helper thread. Settings first (`render-settings`, `admit-settings`), then batches of
 * work (`render`: articles to HTML and statistics; `admit`: work-tree paths through the door),
 * each answered with its results in order; last, a cold build's search index (`search`).
 */
type Message =
  | { kind: "render-settings"; settings: RenderSettings }
  | { kind: "admit-settings"; tree: WorkTreeState; config: Config }
  | { kind: "render"; items: RenderJob[] }
  | { kind: "admit"; items: string[] }
  | { kind: "search"; job: IndexJob };

let render: ((job: RenderJob) => Rendered) | undefined;
let admission: { tree: Snapshot; config: Config } | undefined;
// Batches are answered in order: an await for loading modules must not let a later batch overtake.
let previous = Promise.resolve();
parentPort!.on("message", (message: Message) => {
  previous = previous.then(() => handle(message));
});

async function handle(message: Message): Promise<void> {
  try {
    if (message.kind === "render-settings") render = renderer(message.settings);
    else if (message.kind === "admit-settings") admission = { tree: workTreeFrom(message.tree), config: message.config };
    else if (message.kind === "search") parentPort!.postMessage({ result: updatedIndex(message.job) });
    else if (message.kind === "render") {
      await prepareFor(message.items);
      parentPort!.postMessage({ results: message.items.map(render!) });
    } else {
      const { tree, config } = admission!;
      parentPort!.postMessage({ results: await admitBatch(tree, message.items, config) });
    }
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
