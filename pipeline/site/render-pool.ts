import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { workerEntry } from "../self.ts";
import { prepareFor, renderer, type Rendered, type RenderJob, type RenderSettings } from "./render.ts";

/** Below this many articles to render, a worker's start-up (loading unified) costs more than it saves. */
export const RENDER_WORKER_THRESHOLD = 150;
/** Articles per message: small enough that no thread waits long for the last batch. */
const BATCH = 16;

export interface RenderPoolOptions {
  /** Threads in all, the main thread included; defaults to the machine's parallelism. */
  threads?: number;
  /** Tests: the size from which helper threads start. */
  threshold?: number;
}

/**
 * Renders every job, calling `done` as each result arrives (so pages are written while others
 * render). Parsing Markdown with micromark is CPU-bound and synchronous; on the 2-core runners
 * the main thread and one worker share a large build, taking batches from one queue.
 */
export async function renderAll(
  jobs: readonly RenderJob[],
  settings: RenderSettings,
  done: (index: number, result: Rendered) => void,
  options: RenderPoolOptions = {},
): Promise<void> {
  const threads = options.threads ?? availableParallelism();
  const helpers = jobs.length >= (options.threshold ?? RENDER_WORKER_THRESHOLD) ? Math.max(0, threads - 1) : 0;
  let next = 0;
  const take = (): [number, number] | undefined => {
    if (next >= jobs.length) return undefined;
    const range: [number, number] = [next, Math.min(jobs.length, next + BATCH)];
    next = range[1];
    return range;
  };

  const workers = Array.from({ length: helpers }, () => new Worker(workerEntry("render-worker"), { workerData: settings }));
  const helping = workers.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        // Two batches in flight: the next one is already queued when a batch finishes, so the
        // worker never waits for the main thread (busy with its own batch) to send more.
        const inFlight: [number, number][] = [];
        const send = () => {
          const range = take();
          if (range) {
            inFlight.push(range);
            worker.postMessage({ jobs: jobs.slice(range[0], range[1]) });
          } else if (inFlight.length === 0) resolve();
        };
        worker.on("message", (message: { results?: Rendered[]; error?: string }) => {
          if (message.error || !message.results) return reject(new Error(`render worker: ${message.error}`));
          const [start] = inFlight.shift()!;
          for (const [i, result] of message.results.entries()) done(start + i, result);
          send();
        });
        worker.on("error", reject);
        worker.on("exit", (code) => reject(new Error(`render worker exited (${code})`)));
        send();
        send();
      }),
  );
  try {
    const render = renderer(settings);
    await prepareFor(jobs);
    for (let range = take(); range; range = take()) {
      for (let i = range[0]; i < range[1]; i++) done(i, render(jobs[i]!));
      // Between batches: let finished workers hand in results and take more.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(helping);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
