import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { esc } from "./templates.ts";
import { logSafe } from "../text-safety.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".mjs": "text/javascript",
  ".js": "text/javascript",
  ".xml": "application/xml",
  ".json": "application/json",
  ".jpg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".txt": "text/plain; charset=utf-8",
};
export const EVENTS = "/__kawaraban/events";

/** The Host header a preview answers to: the loopback names it is bound to, any port. */
export function allowedHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.replace(/:\d{1,5}$/, "").toLowerCase();
  return name === "127.0.0.1" || name === "localhost";
}

export interface LocalServer {
  url: string;
  /** Tells every open page to reload. */
  reload(): void;
  close(): Promise<void>;
}

/**
 * A static server for a folder on 127.0.0.1 only, as a plain static host serves it (paths
 * decoded, folders answered by their index.html), under `basePath`. Only `Host: 127.0.0.1` or
 * `localhost` is answered (a DNS-rebinding page cannot read drafts), a malformed URL is a 400,
 * nothing outside the folder is served, and a server error never stops the server.
 */
export async function serveFolder(dir: string, options: { port: number; basePath: string; log: (line: string) => void }): Promise<LocalServer> {
  const clients = new Set<ServerResponse>();
  const text = (res: ServerResponse, status: number, body: string) => void res.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(body);
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    if (!allowedHost(req.headers.host)) return text(res, 403, "このプレビューは 127.0.0.1 か localhost で開いてください。");
    let url: string;
    try {
      url = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    } catch {
      return text(res, 400, "URL の書き方が正しくありません。");
    }
    if (url.includes("\0")) return text(res, 400, "URL の書き方が正しくありません。");
    if (url === EVENTS) {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
      res.write(": connected\n\n");
      clients.add(res);
      req.on("close", () => clients.delete(res));
      return;
    }
    if (!url.startsWith(options.basePath)) return void res.writeHead(302, { location: options.basePath }).end();
    const rel = path.posix.normalize(`/${url.slice(options.basePath.length)}`).replace(/^\/+/, "");
    let file = rel === "" ? dir : path.join(dir, ...rel.split("/"));
    if (path.relative(dir, file).startsWith("..")) return text(res, 400, "");
    if ((await stat(file).catch(() => undefined))?.isDirectory()) file = path.join(file, "index.html");
    const body = await readFile(file).catch(() => undefined);
    if (!body)
      return void res
        .writeHead(404, { "content-type": TYPES[".html"] })
        .end(`<!doctype html><html lang="ja"><title>ありません</title><p>${esc(url)} はありません。</p>`);
    res
      .writeHead(200, {
        "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      })
      .end(body);
  };
  const server: Server = createServer((req, res) => {
    serve(req, res).catch((error: Error) => {
      options.log(`プレビューでエラーが起きました: ${logSafe(error.message)}`);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("内部エラー");
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${options.basePath}`,
    reload: () => {
      for (const client of clients) client.write("event: reload\ndata: {}\n\n");
    },
    close: async () => {
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
