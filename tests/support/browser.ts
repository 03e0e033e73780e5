import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";

const require = createRequire(import.meta.url);

/**
 * The browser comes from npm: @sparticuz/chromium ships a Chromium build inside the package
 * (unpacked to the temp folder on first use, nothing downloaded), so `npm ci && npm test` needs
 * nothing but Node. CHROMIUM_PATH points the tests at another Chromium when wanted.
 */
export async function launchBrowser(): Promise<Browser> {
  const packaged = (await import("@sparticuz/chromium")).default;
  const executablePath = process.env.CHROMIUM_PATH ?? (await packaged.executablePath());
  // The package's own flags (software GL, no zygote) minus the ones that would weaken what a test
  // sees of the page's security; the machine's closed network needs the background fetches off.
  const args = [
    ...packaged.args.filter((a) => !/disable-web-security|allow-running-insecure-content|disable-site-isolation|single-process/.test(a)),
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ];
  return chromium.launch({ executablePath, args });
}

/** A Japanese font from npm (@fontsource/noto-sans-jp), so screenshots show Japanese, not tofu. */
const FONT_DIR = path.dirname(require.resolve("@fontsource/noto-sans-jp/package.json"));
export const TEST_FONTS = "/__test-fonts/";

/** Loads the test font into a page (its stylesheet, then waits until the glyphs are ready), whatever serves the page. */
export async function withJapaneseFont(page: Page, origin: string): Promise<void> {
  await page.route(`${origin}${TEST_FONTS}**`, async (route) => {
    const rel = decodeURIComponent(new URL(route.request().url()).pathname.slice(TEST_FONTS.length));
    const file = path.join(FONT_DIR, rel);
    if (!file.startsWith(FONT_DIR)) return route.abort();
    await route.fulfill({ body: await readFile(file), contentType: TYPES[path.extname(file)] ?? "application/octet-stream" });
  });
  await page.addStyleTag({ url: `${origin}${TEST_FONTS}400.css` });
  await page.addStyleTag({ url: `${origin}${TEST_FONTS}700.css` });
  await page.addStyleTag({ content: `html, body, h1, h2, h3, p, li, td, th, a { font-family: "Noto Sans JP", sans-serif !important; }` });
  await page.evaluate(() => (document as unknown as { fonts: { ready: Promise<unknown> } }).fonts.ready);
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".xml": "application/xml",
  ".json": "application/json",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".txt": "text/plain",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
};

/** Serves a built site on 127.0.0.1 under `basePath`, as GitHub Pages would (paths decoded), plus the test font. */
export async function serveSite(dir: string, basePath: string): Promise<{ url: string; origin: string; server: Server }> {
  const server = createServer(async (req, res) => {
    let url: string;
    try {
      url = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      return res.writeHead(400).end();
    }
    const [root, rel] = url.startsWith(TEST_FONTS)
      ? [FONT_DIR, url.slice(TEST_FONTS.length)]
      : url.startsWith(basePath)
        ? [dir, url.slice(basePath.length)]
        : [undefined, ""];
    if (!root) return res.writeHead(404).end();
    let file = path.join(root, rel);
    if (!file.startsWith(root)) return res.writeHead(400).end();
    if ((await stat(file).catch(() => undefined))?.isDirectory()) file = path.join(file, "index.html");
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404, { "content-type": TYPES[".html"] }).end(await readFile(path.join(dir, "404.html")).catch(() => ""));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${origin}${basePath}`, origin, server };
}
