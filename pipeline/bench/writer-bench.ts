import { existsSync, statSync } from "node:fs";
import { cp, mkdtemp, rm, symlink } from "node:fs/promises";
import path from "node:path";
import { runCli } from "../../tests/support/cli.ts";
import { launchBrowser, serveSite } from "../../tests/support/browser.ts";
import { generateCorpus } from "./corpus.ts";

/**
 * The writer's page as a writer meets it: bytes over the wire on the first visit and on a later
 * one (dictionary and scripts cached), the time to the first finding once the dictionary is in,
 * and the time per re-check of a 2,000-character article while typing (goal ≤ 300 ms).
 */
export async function writerBench(repoRoot: string, workDir: string): Promise<string> {
  const root = await mkdtemp(path.join(workDir, "writer-"));
  for (const entry of [
    "kawaraban.config.yml",
    "articles",
    "assets",
    "briefs",
    ".textlintrc.json",
    ".remarkrc.json",
    "prh.yml",
    "prh-required.yml",
    "proper-nouns.yml",
  ])
    await cp(path.join(repoRoot, "tests", "fixtures", "sample-site", entry), path.join(root, entry), { recursive: true });
  await symlink(path.join(repoRoot, "node_modules"), path.join(root, "node_modules"));
  const built = performance.now();
  await runCli(["build", "--out", "site"], root, {}, new Date("2026-12-02T03:00:00Z"));
  const buildSeconds = (performance.now() - built) / 1000;
  const { server, url } = await serveSite(path.join(root, "site"), "/kawaraban/");
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    // What the site serves for each request, from disk (a worker's responses carry no size in the browser's events).
    const siteDir = path.join(root, "site");
    const sizes = new Map<string, number>();
    const seen = new Set<string>();
    context.on("requestfinished", (request) => {
      if (seen.has(request.url())) return; // the bench's own worker loads the same script: counted once
      seen.add(request.url());
      const rel = decodeURIComponent(new URL(request.url()).pathname).replace(/^\/kawaraban\//, "");
      const file = path.join(siteDir, rel.endsWith("/") || rel === "" ? `${rel}index.html` : rel);
      const kind = rel.includes("/dict/") ? "dictionary" : rel.endsWith("/") ? "index.html" : path.basename(rel);
      sizes.set(kind, (sizes.get(kind) ?? 0) + (existsSync(file) ? statSync(file).size : 0));
    });
    const page = await context.newPage();
    await page.goto(`${url}write/`);
    const body = generateCorpus(3)
      .map((a) => a.text.split("\n---\n").slice(1).join("\n"))
      .join("\n\n")
      .slice(0, 2000);
    // A string, not a function: tsx would wrap a function's inner names with helpers the page has not got.
    const timing = (await page.evaluate(`(async (text) => {
      const config = JSON.parse(document.getElementById("kawaraban-writer").textContent).config;
      const worker = new Worker("check-worker.js");
      let id = 0;
      const ask = (raw) => new Promise((resolve) => {
        const started = performance.now();
        worker.onmessage = () => resolve(performance.now() - started);
        worker.postMessage({ id: ++id, config, path: "articles/2026/12/bench.md", raw, photos: [] });
      });
      const head = "---\\ntitle: ベンチ\\nwriter: hinata\\ndate: 2026-12-01\\nsummary: 計測用です。\\ncategory: kurashi\\n---\\n\\n";
      const cold = await ask(head + "はじめの一文です。\\n"); // loads the dictionary
      const first = await ask(head + text);
      const edits = [];
      for (let i = 0; i < 10; i++) edits.push(await ask(head + text.slice(0, 1000 + i * 50) + "追加した文" + i + "です。" + text.slice(1000 + i * 50)));
      edits.sort((a, b) => a - b);
      return { cold, first, median: edits[5], worst: edits[9] };
    })(${JSON.stringify(body)})`)) as { cold: number; first: number; median: number; worst: number };
    await page.waitForTimeout(500);
    const first = [...sizes.values()].reduce((a, b) => a + b, 0);
    const kb = (n: number) => `${Math.round(n / 1024).toLocaleString("en-US")} KB`;
    const detail = [...sizes].map(([k, v]) => `${k} ${kb(v)}`).join(", ");
    const htmlOnly = sizes.get("index.html") ?? 0;
    return [
      "## writer's page (/write/, Chromium from npm, this machine)",
      `build of the sample site with the page: ${buildSeconds.toFixed(1)} s (bundle cached after the first build)`,
      `transfer, first visit: ${kb(first)} (${detail})`,
      `transfer, later visits: ${kb(htmlOnly)} of HTML; scripts and dictionary from the browser's cache (GitHub Pages: ETag + max-age 600, then 304s)`,
      `first check (dictionary load included): ${Math.round(timing.cold)} ms`,
      `first finding on a 2,000-character article after the dictionary is loaded: ${Math.round(timing.first)} ms`,
      `re-check while typing (2,000 characters, one sentence changed; median of 10 / worst): ${Math.round(timing.median)} ms / ${Math.round(timing.worst)} ms (goal ≤ 300 ms)`,
    ].join("\n");
  } finally {
    await browser.close();
    server.close();
    await rm(root, { recursive: true, force: true });
  }
}
