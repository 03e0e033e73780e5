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

type Assigned = { job: LintJob; pending: Pending };

/**
 * textlint spread over worker threads. Tokenizing Japanese is synchronous, so one thread lints
 * one article at a time; on 2 cores a second worker shortens a large run (by less than half here:
 * the tokenizer is bound by memory bandwidth). Small runs (a PR's few articles) never start a
 * pool: a worker's start-up costs more.
 */
export class LintPool {
  /** The jobs sent to each live worker, in order: the first is running, the next waits there. */
  private readonly sent = new Map<Worker, Map<number, Assigned>>();
  private readonly queue: Assigned[] = [];
  /** Workers that have started an article at least once: they can load textlint. */
  private readonly loaded = new WeakSet<Worker>();
  private nextId = 0;
  /**
   * Jobs a worker holds at once: the next article is already there when one ends, so a worker
   * never waits for the main thread (busy with remark and the results) to hand it more.
   */
  private static readonly DEPTH = 2;

  /**
   * `adopt`: workers started earlier (already loading textlint) count towards `size`.
   * `budgetMs`: a job still running this long after its worker started it (loading and the queue
   * do not count) is ended by terminating its worker (a fresh one takes its place and the jobs
   * waiting there), so one article the limits did not foresee cannot stall the whole check, and a
   * busy machine never turns another article red.
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
    this.sent.set(worker, new Map());
    worker.on("message", (reply: WorkerReply) => this.answer(worker, reply));
    // A worker's error comes on another channel than its messages: the "started" it posted just
    // before dying may still be queued. Handled after the messages already there, a crash while
    // linting is not taken for a worker that cannot load (which would fail every waiting article).
    worker.on("error", (error) => setImmediate(() => this.crashed(worker, error)));
  }

  /**
   * A worker that dies fails the article it was linting; the ones waiting there go back to the
   * queue for a fresh worker. One that dies before it ever started an article (it cannot load)
   * is not replaced, and when none is left every article still waiting gets its error.
   */
  private crashed(worker: Worker, error: Error): void {
    const jobs = this.sent.get(worker);
    if (!jobs) return;
    const [running] = jobs.values();
    if (running) {
      jobs.delete(running.job.id);
      clearTimeout(running.pending.timer);
      running.pending.reject(error);
    }
    this.retire(worker, (waiting) => this.queue.unshift(waiting), this.loaded.has(worker));
    if (this.sent.size === 0) for (const { pending } of this.queue.splice(0)) pending.reject(error);
  }

  private answer(worker: Worker, reply: WorkerReply): void {
    const jobs = this.sent.get(worker);
    const assigned = jobs?.get(reply.id);
    if (!jobs || !assigned) return;
    const { pending } = assigned;
    if (reply.started) {
      // The article's own clock: from the moment the worker, loaded, starts linting it.
      this.loaded.add(worker);
      pending.startedAt = performance.now();
      if (Number.isFinite(this.budgetMs)) pending.timer = setTimeout(() => this.timeOut(worker, reply.id), this.budgetMs);
      return;
    }
    jobs.delete(reply.id);
    clearTimeout(pending.timer);
    if (reply.error) {
      pending.reject(reply.error.name === "TextlintConfigError" ? new TextlintConfigError(reply.error.message) : new Error(reply.error.message));
    } else {
      const elapsedMs = reply.elapsedMs ?? performance.now() - (pending.startedAt ?? performance.now());
      pending.resolve({ messages: reply.messages ?? [], elapsedMs });
    }
    this.pump();
  }

  private timeOut(worker: Worker, id: number): void {
    const timedOut = this.sent.get(worker)?.get(id);
    if (!timedOut) return;
    this.sent.get(worker)!.delete(id);
    timedOut.pending.reject(new LintTimeoutError(`lint ran past ${this.budgetMs} ms`));
    // The jobs waiting behind it never started: they go first to the fresh worker.
    this.retire(worker, (waiting) => this.queue.unshift(waiting));
  }

  /** Stops a worker, hands each job it still held to `orphan`, and starts a fresh one (`replace`). */
  private retire(worker: Worker, orphan: (assigned: Assigned) => void, replace = true): void {
    const jobs = this.sent.get(worker);
    if (!jobs) return;
    this.sent.delete(worker);
    for (const assigned of [...jobs.values()].reverse()) {
      clearTimeout(assigned.pending.timer);
      orphan(assigned);
    }
    void worker.terminate();
    if (replace) this.add(new Worker(this.entry));
    this.pump();
  }

  lint(job: Omit<LintJob, "id">): Promise<LintReply> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { ...job, id: this.nextId++ }, pending: { resolve, reject } });
      this.pump();
    });
  }

  private pump(): void {
    for (let depth = 1; depth <= LintPool.DEPTH; depth++) {
      for (const [worker, jobs] of this.sent) {
        if (this.queue.length === 0) return;
        if (jobs.size >= depth) continue;
        const assigned = this.queue.shift()!;
        jobs.set(assigned.job.id, assigned);
        worker.postMessage(assigned.job);
      }
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.sent.keys()].map((w) => w.terminate()));
  }
}
