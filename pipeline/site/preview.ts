import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { watch, type FSWatcher } from "node:fs";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Config } from "../article/config.ts";
import { buildSite } from "./build.ts";
import { siteContext } from "./model.ts";
import { esc } from "./templates.ts";
import { logSafe } from "../text-safety.ts";

/** The Host header a preview answers to: the loopback names it is bound to, any port. */
export function allowedHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.replace(/:\d{1,5}$/, "").toLowerCase();
  return name === "127.0.0.1" || name === "localhost";
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".mjs": "text/javascript", ".js": "text/javascript", ".xml": "application/xml", ".json": "application/json", ".jpg": "image/jpeg", ".png": "image/png", ".webp": "image/webp", ".avif": "image/avif", ".txt": "text/plain; charset=utf-8" };
const EVENTS = "/__kawaraban/events";

/** The script a preview page gets: findings beside the paragraphs they concern, and live reload. */
export function previewScript(findings: readonly Diagnostic[]): string {
  const data = JSON.stringify(findings.map((f) => ({ line: f.line ?? 0, severity: f.severity, message: f.message, rule: f.ruleId }))).replace(/</g, "\\u003c");
  return `<style>.kawaraban-finding{margin:.25rem 0 1rem;padding:.4rem .75rem;border-left:4px solid #b35900;background:#fff4e5;font-size:.875rem;color:#3d2600}.kawaraban-finding.error{border-color:#b3261e;background:#fdecea;color:#5c0f0b}</style>
<script type="module">
const findings = ${data};
const blocks = [...document.querySelectorAll("[data-line]")].map((el) => ({ el, line: Number(el.dataset.line) }));
for (const f of findings) {
  const target = blocks.filter((b) => b.line <= f.line).pop() ?? { el: document.querySelector("main h1") };
  const note = document.createElement("aside");
  note.className = "kawaraban-finding " + f.severity;
  note.setAttribute("role", "note");
  note.textContent = (f.severity === "error" ? "エラー" : "警告") + "（" + f.line + " 行目）: " + f.message;
  target.el?.after(note);
}
new EventSource("${EVENTS}").addEventListener("reload", () => location.reload());
</script>`;
}

export interface PreviewServer {
  url: string;
  /** Rebuilds now (the watcher calls it after a change); resolves when the clients were told. */
  rebuild(): Promise<void>;
  close(): Promise<void>;
}

export interface PreviewOptions {
  root: string;
  config: Config;
  port: number;
  /** Findings per article path, from the same check as `kawaraban check`. */
  check: () => Promise<Map<string, Diagnostic[]>>;
  today: string;
  log: (line: string) => void;
}

/**
 * `kawaraban preview`: the site with drafts and scheduled articles visible, each article
 * showing its findings beside the paragraph they concern, rebuilt and reloaded on every save.
 * Bound to 127.0.0.1 only: it serves unpublished drafts.
 */
export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const dir = await mkdtemp(path.join(tmpdir(), "kawaraban-preview-"));
  const out = path.join(dir, "site");
  const clients = new Set<ServerResponse>();
  let ctx = siteContext(options.config, "http://127.0.0.1/", options.today);
  const rebuild = async () => {
    const findings = await options.check();
    await buildSite(options.root, options.config, ctx, out, options.root, { preview: true, inject: (source) => previewScript(source ? (findings.get(source) ?? []) : []) });
    for (const client of clients) client.write("event: reload\ndata: {}\n\n");
  };
  const server: Server = createServer((req, res) => {
    serve(req, res).catch((error: Error) => {
      options.log(`プレビューでエラーが起きました: ${logSafe(error.message)}`);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("内部エラー");
    });
  });
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    // DNS rebinding: a web page on any other name that resolves to 127.0.0.1 must not read drafts.
    if (!allowedHost(req.headers.host)) return void res.writeHead(403, { "content-type": "text/plain; charset=utf-8" }).end("このプレビューは 127.0.0.1 か localhost で開いてください。");
    let url: string;
    try {
      url = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    } catch {
      return void res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("URL の書き方が正しくありません。");
    }
    if (url.includes("\0")) return void res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("URL の書き方が正しくありません。");
    if (url === EVENTS) {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
      res.write(": connected\n\n");
      clients.add(res);
      req.on("close", () => clients.delete(res));
      return;
    }
    const rel = path.posix.normalize(`/${url}`).replace(/^\/+/, "");
    let file = rel === "" ? out : path.join(out, ...rel.split("/"));
    if (path.relative(out, file).startsWith("..")) return void res.writeHead(400).end();
    if ((await stat(file).catch(() => undefined))?.isDirectory()) file = path.join(file, "index.html");
    const body = await readFile(file).catch(() => undefined);
    if (!body) return void res.writeHead(404, { "content-type": TYPES[".html"] }).end(`<!doctype html><html lang="ja"><title>ありません</title><p>${esc(url)} はありません。</p>`);
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store", "x-content-type-options": "nosniff" }).end(body);
  };
  await new Promise<void>((resolve) => server.listen(options.port, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  ctx = siteContext(options.config, url, options.today);
  await rebuild();

  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = ["articles", "assets"].map((sub) =>
    watch(path.join(options.root, sub), { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => void rebuild().catch((error: Error) => options.log(`再作成できませんでした: ${error.message}`)), 150);
    }),
  );
  return {
    url,
    rebuild,
    close: async () => {
      clearTimeout(timer);
      watchers.forEach((w) => w.close());
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
