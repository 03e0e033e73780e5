import { describe, it, expect } from "vitest";
import { readFile, readdir, rename, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { request } from "node:http";
import path from "node:path";
import { copySampleContent } from "../support/sample-repo.ts";
import { startPreview } from "../../pipeline/site/preview.ts";
import { findingsFor } from "../../pipeline/commands/preview.ts";
import { parseConfig } from "../../pipeline/article/config.ts";

/** The sample repository's config and a preview of it, as `kawaraban preview` starts one. */
async function sampleConfig(root: string) {
  const parsed = parseConfig(await readFile(path.join(root, "kawaraban.config.yml"), "utf8"));
  if (!parsed.ok) throw new Error("config");
  return parsed.config;
}
async function previewOf(root: string) {
  const io = { cwd: root, env: {}, stdout: { write: () => true }, stderr: { write: () => true } };
  return startPreview({ root, config: await sampleConfig(root), port: 0, check: findingsFor(io), today: "2026-11-23", log: () => {} });
}

/** Only a hang fails these tests: rebuilding and checking on a machine under load may take long. */
const HANG = 300_000;

describe("kawaraban preview", () => {
  it(
    "serves drafts on 127.0.0.1 with findings beside their paragraph, and tells the page to reload after a save",
    async () => {
      const root = await copySampleContent();
      const article = path.join(root, "articles/2026/11/winter-festival-draft.md");
      await writeFile(article, (await readFile(article, "utf8")).replace("公民館で灯ろうづくり", "公民館で子供たちが灯ろうづくり"));
      const preview = await previewOf(root);
      try {
        expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
        const page = await (await fetch(`${preview.url}2026/11/winter-festival-draft/`)).text();
        expect(page).toContain("冬のあかり祭りの準備が始まりました"); // a draft, shown in preview only
        expect(page).toMatch(/<p data-line="\d+">/);
        expect(page).toContain("「子供」→「子ども」");
        expect(page).toContain('new EventSource("/__kawaraban/events")');

        const events = await fetch(`${preview.url}__kawaraban/events`);
        const reader = events.body!.getReader();
        await reader.read(); // ": connected"
        await writeFile(article, (await readFile(article, "utf8")).replace("子供たちが", "子どもたちが"));
        // No deadline of its own: a rebuild on a busy machine may take long; only a hang fails (the test's timeout).
        const next = await reader.read();
        expect(new TextDecoder().decode(next.value)).toContain("event: reload");
        await reader.cancel();
        const fixed = await (await fetch(`${preview.url}2026/11/winter-festival-draft/`)).text();
        expect(fixed).not.toContain("「子供」→「子ども」");
      } finally {
        await preview.close();
      }
    },
    HANG,
  );

  it(
    "builds one at a time: rebuilds asked for together, or during a save's rebuild, all finish and leave the last site",
    async () => {
      const root = await copySampleContent();
      const preview = await previewOf(root);
      try {
        const article = path.join(root, "articles/2026/11/winter-festival-draft.md");
        await writeFile(article, (await readFile(article, "utf8")).replace("冬のあかり祭りの準備が始まりました", "冬のあかり祭りの準備が進んでいます"));
        // They share the work folder next to the site: run together, one would remove the other's.
        await Promise.all([preview.rebuild(), preview.rebuild(), preview.rebuild()]);
        const page = await (await fetch(`${preview.url}2026/11/winter-festival-draft/`)).text();
        expect(page).toContain("冬のあかり祭りの準備が進んでいます");
      } finally {
        await preview.close();
      }
    },
    HANG,
  );

  it(
    "shows an article that cannot be built as its findings, and the article again once fixed, also when saved by rename",
    async () => {
      const root = await copySampleContent();
      const preview = await previewOf(root);
      const file = path.join(root, "articles/2026/11/bousai.md");
      const original = await readFile(file, "utf8");
      // An editor's atomic save: write a new file, rename it over the old one.
      const saveByRename = async (text: string) => {
        await writeFile(`${file}.swp`, text);
        await rename(`${file}.swp`, file);
      };
      const events = await fetch(`${preview.url}__kawaraban/events`);
      const reader = events.body!.getReader();
      await reader.read();
      const nextReload = () => reader.read(); // no deadline of its own, as above
      try {
        expect(await (await fetch(`${preview.url}2026/11/bousai/`)).text()).toContain("防災");
        await saveByRename(original.replace(/^date: .*$/m, "date: 2026/12/01"));
        await nextReload();
        const broken = await fetch(`${preview.url}2026/11/bousai/`);
        expect(broken.status).toBe(200);
        const page = await broken.text();
        expect(page).toContain("この記事はまだ表示できません");
        expect(page).toContain("年-月-日");
        expect(page).toContain('new EventSource("/__kawaraban/events")');
        await saveByRename(original);
        await nextReload();
        expect(await (await fetch(`${preview.url}2026/11/bousai/`)).text()).not.toContain("この記事はまだ表示できません");
        // Twice more: a watcher that went deaf after one rename would fail here.
        await saveByRename(original.replace(/^date: .*$/m, "date: 2026-13-01"));
        await nextReload();
        expect(await (await fetch(`${preview.url}2026/11/bousai/`)).text()).toContain("この記事はまだ表示できません");
        await saveByRename(original);
        await nextReload();
        expect(await (await fetch(`${preview.url}2026/11/bousai/`)).text()).not.toContain("この記事はまだ表示できません");
      } finally {
        await reader.cancel();
        await preview.close();
      }
    },
    HANG,
  );

  it(
    "answers a malformed URL with 400, another Host with 403, and removes its temp folder on close",
    async () => {
      const root = await copySampleContent();
      const before = new Set((await readdir(tmpdir())).filter((d) => d.startsWith("kawaraban-preview-")));
      const preview = await previewOf(root);
      const made = (await readdir(tmpdir())).filter((d) => d.startsWith("kawaraban-preview-") && !before.has(d));
      try {
        const { port } = new URL(preview.url);
        const raw = (target: string, host: string) =>
          new Promise<number>((resolve, reject) => {
            const req = request({ host: "127.0.0.1", port, path: target, setHost: false, headers: host ? { host } : {} }, (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            });
            req.on("error", reject);
            req.end();
          });
        for (const bad of ["/%E0%A4%A", "/%", "/%00"]) expect(await raw(bad, `127.0.0.1:${port}`), bad).toBe(400);
        // DNS rebinding: a page on another name that resolves here must not read drafts.
        expect(await raw("/2026/11/winter-festival-draft/", `attacker.example:${port}`)).toBe(403);
        expect([400, 403]).toContain(await raw("/2026/11/winter-festival-draft/", "")); // Node itself refuses HTTP/1.1 without Host
        expect(await raw("/2026/11/winter-festival-draft/", `localhost:${port}`)).toBe(200);
        expect(await raw("/../../../../etc/passwd", `127.0.0.1:${port}`)).toBe(404);
        // Still serving after all of that.
        expect((await fetch(preview.url)).status).toBe(200);
      } finally {
        await preview.close();
      }
      expect(made).toHaveLength(1);
      expect(existsSync(path.join(tmpdir(), made[0]!))).toBe(false);
    },
    HANG,
  );
});

describe("kawaraban preview --built", () => {
  it(
    "serves the built folder under the site's base path, so its links and styles work as on GitHub Pages",
    async () => {
      const root = await copySampleContent();
      const { runCli } = await import("../support/cli.ts");
      await runCli(["build", "--out", "dist"], root, {}, new Date("2026-11-23T03:00:00Z"));
      const { serveBuilt } = await import("../../pipeline/site/preview.ts");
      const site = await serveBuilt(path.join(root, "dist"), await sampleConfig(root), 0, () => {});
      try {
        expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/kawaraban\/$/);
        const home = await (await fetch(site.url)).text();
        const css = /href="(\/kawaraban\/assets\/style\.css)"/.exec(home)![1]!;
        expect((await fetch(new URL(css, site.url))).status).toBe(200);
        expect((await fetch(`${site.url}tags/${encodeURIComponent("子育て")}/`)).status).toBe(200);
      } finally {
        await site.close();
      }
    },
    HANG,
  );
});
