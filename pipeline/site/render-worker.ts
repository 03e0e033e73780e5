import { parentPort, workerData } from "node:worker_threads";
import { renderer, type RenderJob, type RenderSettings } from "./render.ts";

/** A render thread: batches of articles in, HTML and statistics out. */
const render = renderer(workerData as RenderSettings);
parentPort!.on("message", ({ jobs }: { jobs: RenderJob[] }) => {
  try {
    parentPort!.postMessage({ results: jobs.map(render) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
