import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";

/**
 * git's object store, read through two long-lived `git cat-file` processes (one for sizes, one
 * for contents): the ledger reads thousands of objects, and a process per read cost most of its
 * time. Blobs are as untrusted as files in the tree, so sizes are asked first and nothing over
 * the caller's cap is ever read.
 */
export class GitObjects {
  private readonly sizeOf = new Map<string, Promise<number | undefined>>();
  private check?: CatFile;
  private batch?: CatFile;

  constructor(readonly root: string) {}

  /** Blob sizes by id (undefined: missing, or not a blob). */
  async sizes(ids: readonly string[]): Promise<Map<string, number | undefined>> {
    this.check ??= new CatFile(this.root, "--batch-check");
    for (const id of ids) {
      if (!this.sizeOf.has(id))
        this.sizeOf.set(
          id,
          this.check.ask(id).then((r) => (r.type === "blob" ? r.size : undefined)),
        );
    }
    return new Map(await Promise.all(ids.map(async (id) => [id, await this.sizeOf.get(id)!] as const)));
  }

  /** Blob contents by id; ids over `cap` bytes (or missing) come back undefined, unread. */
  async read(ids: readonly string[], cap: number): Promise<Map<string, Buffer | undefined>> {
    const sizes = await this.sizes(ids);
    this.batch ??= new CatFile(this.root, "--batch");
    const batch = this.batch;
    return new Map(await Promise.all(ids.map(async (id) => [id, (sizes.get(id) ?? Infinity) <= cap ? (await batch.ask(id)).content : undefined] as const)));
  }
}

interface Answer {
  type?: string;
  size?: number;
  content?: Buffer;
}

/** One `git cat-file` process answering ids in order; it holds the event loop only while a question is open. */
class CatFile {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: { resolve: (a: Answer) => void; reject: (e: Error) => void }[] = [];
  private pending: Buffer = Buffer.alloc(0);
  private failed?: Error;

  constructor(
    root: string,
    private readonly mode: "--batch" | "--batch-check",
  ) {
    this.child = spawn("git", ["cat-file", mode], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
    this.child.stdout.on("data", (chunk: Buffer) => this.take(chunk));
    const fail = (error: Error) => {
      this.failed = error;
      for (const w of this.waiting.splice(0)) w.reject(error);
    };
    this.child.on("error", fail);
    this.child.on("close", (code) => fail(new Error(`git cat-file exited with ${code}`)));
    this.idle();
  }

  ask(id: string): Promise<Answer> {
    if (this.failed) return Promise.reject(this.failed);
    // Paths and ids with a newline cannot be asked for on this protocol: they do not exist.
    if (id.includes("\n")) return Promise.resolve({});
    return new Promise((resolve, reject) => {
      if (this.waiting.length === 0) this.busy();
      this.waiting.push({ resolve, reject });
      this.child.stdin.write(`${id}\n`);
    });
  }

  private take(chunk: Buffer): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    for (;;) {
      const newline = this.pending.indexOf(10);
      if (newline === -1 || this.waiting.length === 0) return;
      const header = this.pending.subarray(0, newline).toString("utf8");
      const [, type, size] = header.split(" ");
      if (header.endsWith(" missing") || header.endsWith(" ambiguous") || size === undefined) {
        this.pending = this.pending.subarray(newline + 1);
        this.answer({});
        continue;
      }
      const bytes = Number(size);
      if (this.mode === "--batch-check") {
        this.pending = this.pending.subarray(newline + 1);
        this.answer({ type, size: bytes });
        continue;
      }
      if (this.pending.length < newline + 1 + bytes + 1) return; // content, then a newline
      const content = Buffer.from(this.pending.subarray(newline + 1, newline + 1 + bytes));
      this.pending = this.pending.subarray(newline + 1 + bytes + 1);
      this.answer({ type, size: bytes, content });
    }
  }

  private answer(a: Answer): void {
    this.waiting.shift()!.resolve(a);
    if (this.waiting.length === 0) this.idle();
  }

  private busy(): void {
    this.child.ref();
    handle(this.child.stdout)?.ref();
  }

  private idle(): void {
    this.child.unref();
    for (const stream of [this.child.stdout, this.child.stdin, this.child.stderr]) handle(stream)?.unref();
  }
}

/** A child's pipes are sockets: they can let the process exit while idle. */
const handle = (stream: unknown) => stream as { ref?: () => void; unref?: () => void } as { ref(): void; unref(): void } | undefined;
