import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { workerEntry } from "../self.ts";

/** Below this many articles of work, a helper's start-up (loading its modules) costs more than it saves. */
export const HELPER_THRESHOLD = 150;
/** Items per message: small enough that no thread waits long for the last batch. */
const BATCH = 16;

export interface SiteThreadOptions {
  /** Threads in all, the main thread included; defaults to the machine's parallelism. */
  threads?: number;
  /** Tests: the amount of work from which helper threads start. */
  threshold?: number;
}

/** What a helper is asked: a kind of work (`admit`, `render`) and its items. */
export interface HelperRequest<T> {
  kind: string;
  items: T[];
}

/**
 * The helper threads of one build. They start when the first large piece of work is known
 * (admitting the articles of a cold build) so their start-up overlaps the main thread's work,
 * and the same threads then render: a cold build starts its helpers once, not once per stage.
 */
export class SiteThreads {
  private helpers: Worker[] | undefined;

  constructor(private readonly options: SiteThreadOptions = {}) {}

  /** The helpers for `count` items of work: started now when that many pay for them, else none (or those already running). */
  for(count: number): Worker[] {
    if (this.helpers) return this.helpers;
    if (count < (this.options.threshold ?? HELPER_THRESHOLD)) return [];
    const size = Math.max(0, (this.options.threads ?? availableParallelism()) - 1);
    this.helpers = Array.from({ length: size }, () => new Worker(workerEntry("render-worker")));
    return this.helpers;
  }

  /** A helper already running (the build's last stage can use it), if any. */
  idle(): Worker | undefined {
    return this.helpers?.[0];
  }

  async close(): Promise<void> {
    const helpers = this.helpers ?? [];
    this.helpers = undefined;
    await Promise.all(helpers.map((helper) => helper.terminate()));
  }
}

/**
 * Shares `items` between the main thread (`local`) and the helpers (`request`), in batches taken
 * from one queue, calling `done` as each batch's results arrive. Each helper always has two batches
 * queued, so it never waits for the main thread (busy with its own batch) to send more. When one
 * helper fails, the others' late results are dropped: the caller is about to remove what `done` wrote.
 */
export async function share<T, R>(
  items: readonly T[],
  helpers: readonly Worker[],
  request: (batch: T[]) => HelperRequest<T>,
  local: (batch: T[]) => R[] | Promise<R[]>,
  done: (index: number, result: R) => void,
): Promise<void> {
  let next = 0;
  const take = (): [number, number] | undefined => {
    if (next >= items.length) return undefined;
    const range: [number, number] = [next, Math.min(items.length, next + BATCH)];
    next = range[1];
    return range;
  };
  const failed = { now: false };
  const helping = Promise.all(helpers.map((helper) => helpWith(helper, take, (range) => request(items.slice(range[0], range[1])), done, failed)));
  // Handled now, awaited after the main thread's share: a helper failing meanwhile is no unhandled rejection.
  helping.catch(() => {
    failed.now = true;
    next = items.length;
  });
  for (let range = take(); range; range = take()) {
    const results = await local(items.slice(range[0], range[1]));
    for (const [i, result] of results.entries()) done(range[0] + i, result);
    // Between batches: let finished helpers hand in results and take more.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await helping;
}

function helpWith<R>(
  helper: Worker,
  take: () => [number, number] | undefined,
  request: (range: [number, number]) => unknown,
  done: (index: number, result: R) => void,
  failed: { now: boolean },
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const inFlight: [number, number][] = [];
    const send = () => {
      const range = take();
      if (range) {
        inFlight.push(range);
        helper.postMessage(request(range));
      } else if (inFlight.length === 0) finish(resolve);
    };
    const onMessage = (message: { results?: R[]; error?: string }) => {
      if (failed.now) return finish(resolve);
      if (message.error || !message.results) return finish(() => reject(new Error(`site helper: ${message.error}`)));
      const [start] = inFlight.shift()!;
      for (const [i, result] of message.results.entries()) done(start + i, result);
      send();
    };
    const onError = (error: unknown) => finish(() => reject(error));
    const onExit = (code: number) => finish(() => reject(new Error(`site helper exited (${code})`)));
    // The same helper serves several shares: each removes its listeners when it ends.
    const finish = (end: () => void) => {
      helper.off("message", onMessage).off("error", onError).off("exit", onExit);
      end();
    };
    helper.on("message", onMessage).on("error", onError).on("exit", onExit);
    send();
    send();
  });
}
