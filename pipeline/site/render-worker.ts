import { parentPort, workerData } from "node:worker_threads";
import { prepareFor, renderer, type RenderJob, type RenderSettings } from "./render.ts";

/** A render thread: batches of articles in, HTML and statistics out. */
const render = renderer(workerData as RenderSettings);
// Batches are answered in order: an await for loading modules must not let a later batch overtake.
let previous = Promise.resolve();
parentPort!.on("message", ({ jobs }: { jobs: RenderJob[] }) => {
  previous = previous.then(() => answer(jobs));
});

async function answer(jobs: RenderJob[]): Promise<void> {
  try {
    await prepareFor(jobs);
    parentPort!.postMessage({ results: jobs.map(render) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
