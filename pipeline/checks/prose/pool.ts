import { Worker } from "node:worker_threads";
import type { TextlintMessage } from "./textlint.mjs";
import { TextlintConfigError } from "./textlint-config.mjs";
import { PIPELINE_URL } from "../../self.ts";

const WORKER_ENTRY = new URL("checks/prose/worker.mjs", PIPELINE_URL);

export interface LintJob {
  id: number;
  root: string;
  absPath: string;
  raw: string;
}

/** textlint's messages and how long the worker itself spent on them (its queue and loading excluded). */
export interface LintReply {
  messages: TextlintMessage[];
  elapsedMs: number;
}

type Pending = { resolve: (reply: LintReply) => void; reject: (e: Error) => void; timer?: NodeJS.Timeout; startedAt?: number };
type WorkerReply = { id: number; started?: boolean; messages?: TextlintMessage[]; elapsedMs?: number; error?: { name: string; message: string } };

/** A lint that ran past its budget: its worker was stopped, the other articles go on. */
export class LintTimeoutError extends Error {}

/**
 * textlint spread over worker threads. Tokenizing Japanese is CPU-bound and synchronous,
 * so one process uses one core; on the 2-core runners a pool of two halves a large run.
 * Small runs (a PR's few articles) never start a pool: a worker's start-up costs more.
 */
export class LintPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { job: LintJob; pending: Pending }[] = [];
  private readonly inFlight = new Map<number, Pending>();
  private nextId = 0;

  /**
   * `adopt`: workers started earlier (already loading textlint) count towards `size`.
   * `budgetMs`: a job still running this long after its worker started it (loading and the queue
   * do not count) is ended by terminating its worker (a fresh one takes its place), so one article
   * the limits did not foresee cannot stall the whole check, and a busy machine never turns
   * another article red.
   */
  constructor(
    size: number,
    adopt: Worker[] = [],
    private readonly budgetMs = Infinity,
    /** The worker module (tests give a stand-in that loads or lints as slowly as they need). */
    private readonly entry: URL = WORKER_ENTRY,
  ) {
    for (let i = 0; i < size; i++) this.add(adopt[i] ?? new Worker(this.entry));
  }

  private add(worker: Worker): void {
    worker.ref();
    worker.on("message", (result: WorkerReply) => {
      const pending = this.inFlight.get(result.id);
      if (result.started) {
        // The article's own clock: from the moment the worker, loaded, starts linting it.
        if (pending) pending.startedAt = performance.now();
        if (pending && Number.isFinite(this.budgetMs)) pending.timer = setTimeout(() => this.timeOut(worker, result.id), this.budgetMs);
        return;
      }
      this.inFlight.delete(result.id);
      clearTimeout(pending?.timer);
      if (result.error) {
        const error = result.error.name === "TextlintConfigError" ? new TextlintConfigError(result.error.message) : new Error(result.error.message);
        pending?.reject(error);
      } else {
        const elapsedMs = result.elapsedMs ?? performance.now() - (pending?.startedAt ?? performance.now());
        pending?.resolve({ messages: result.messages ?? [], elapsedMs });
      }
      this.idle.push(worker);
      this.pump();
    });
    worker.on("error", (error) => {
      for (const pending of this.inFlight.values()) pending.reject(error);
      this.inFlight.clear();
    });
    this.workers.push(worker);
    this.idle.push(worker);
  }

  private timeOut(worker: Worker, id: number): void {
    const pending = this.inFlight.get(id);
    if (!pending) return;
    this.inFlight.delete(id);
    this.workers.splice(this.workers.indexOf(worker), 1);
    void worker.terminate();
    pending.reject(new LintTimeoutError(`lint ran past ${this.budgetMs} ms`));
    this.add(new Worker(this.entry));
    this.pump();
  }

  lint(job: Omit<LintJob, "id">): Promise<LintReply> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { ...job, id: this.nextId++ }, pending: { resolve, reject } });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const { job, pending } = this.queue.shift()!;
      this.inFlight.set(job.id, pending);
      worker.postMessage(job);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
