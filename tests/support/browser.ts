import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";

/** Debian's chromium (installed by .ci/run). A missing browser is a failure, never a skip. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (.ci/run does)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    // Playwright gives every launch a fresh, empty profile of its own.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".xml": "application/xml", ".json": "application/json", ".jpg": "image/jpeg", ".webp": "image/webp", ".avif": "image/avif", ".txt": "text/plain" };

/** Serves a built site on 127.0.0.1 under `basePath`, as GitHub Pages would. */
export async function serveSite(dir: string, basePath: string): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const url = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    if (!url.startsWith(basePath)) return res.writeHead(404).end();
    let file = path.join(dir, url.slice(basePath.length));
    if ((await stat(file).catch(() => undefined))?.isDirectory()) file = path.join(file, "index.html");
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404, { "content-type": TYPES[".html"] }).end(await readFile(path.join(dir, "404.html")));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${basePath}`, server };
}
