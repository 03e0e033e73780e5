import { spawn } from "node:child_process";

/**
 * git's object store, read in batches: one `git cat-file` process answers many ids. Blobs are as
 * untrusted as files in the tree, so sizes are asked first and nothing over the caller's cap is
 * ever read.
 */
export class GitObjects {
  private readonly sizeOf = new Map<string, number | undefined>();

  constructor(readonly root: string) {}

  /** Blob sizes by id (undefined: missing, or not a blob). */
  async sizes(ids: readonly string[]): Promise<Map<string, number | undefined>> {
    const unknown = [...new Set(ids.filter((id) => !this.sizeOf.has(id)))];
    if (unknown.length > 0) {
      const lines = (await catFile(this.root, "--batch-check", unknown)).toString("utf8").split("\n");
      unknown.forEach((id, i) => {
        const [, type, size] = (lines[i] ?? "").split(" ");
        this.sizeOf.set(id, type === "blob" && size !== undefined ? Number(size) : undefined);
      });
    }
    return new Map(ids.map((id) => [id, this.sizeOf.get(id)]));
  }

  /** Blob contents by id; ids over `cap` bytes (or missing) come back undefined, unread. */
  async read(ids: readonly string[], cap: number): Promise<Map<string, Buffer | undefined>> {
    const sizes = await this.sizes(ids);
    const wanted = [...new Set(ids.filter((id) => (sizes.get(id) ?? Infinity) <= cap))];
    const out = new Map<string, Buffer | undefined>(ids.map((id) => [id, undefined]));
    if (wanted.length === 0) return out;
    const data = await catFile(this.root, "--batch", wanted);
    let offset = 0;
    for (const id of wanted) {
      const newline = data.indexOf(10, offset);
      const header = data.subarray(offset, newline).toString("utf8");
      offset = newline + 1;
      if (header.endsWith(" missing") || header.endsWith(" ambiguous")) continue;
      const size = Number(header.split(" ")[2]);
      out.set(id, data.subarray(offset, offset + size));
      offset += size + 1; // content, then a newline
    }
    return out;
  }
}

function catFile(root: string, mode: "--batch" | "--batch-check", ids: readonly string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["cat-file", mode], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`git cat-file exited with ${code}`))));
    child.stdin.end(`${ids.join("\n")}\n`);
  });
}
