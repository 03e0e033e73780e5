import { describe, it, expect, beforeAll } from "vitest";
import { readFile, readdir, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { parse } from "parse5";
import { copySampleContent } from "../support/sample-repo.ts";
import { fixture, REPO_ROOT } from "../support/repo.ts";
import { populateHostileRepo, type HostileCorpus } from "../../pipeline/bench/hostile-corpus.ts";
import { runCli, type CliResult } from "../support/cli.ts";

/**
 * The hostile corpus (tests/fixtures/hostile) in one repository, through check → build →
 * invoice → note export in one run: every bad case is flagged, every valid article is still
 * built, billed and exported, nothing is written outside the output folders, no output holds
 * a live script, and every internal link resolves as a plain static server resolves it.
 */
const corpus = JSON.parse(await readFile(fixture("hostile", "cases.json"), "utf8")) as HostileCorpus;
const SAMPLES = ["articles/2026/09/asaichi.md", "articles/2026/10/coworking.md", "articles/2026/11/bousai.md"];

let root: string;
let check: CliResult;
let build: CliResult;
let invoice: CliResult;
let html: CliResult;
let note: CliResult;
let before: string[];
const now = new Date("2026-12-01T03:00:00Z");

async function listTree(dir: string, skip: (rel: string) => boolean, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = `${prefix}${entry.name}`;
    if (skip(rel)) continue;
    if (entry.isDirectory()) out.push(`${rel}/`, ...(await listTree(path.join(dir, entry.name), skip, `${rel}/`)));
    else out.push(rel);
  }
  return out.sort();
}
const OUTPUTS = /^(dist|out|statements|node_modules|\.cache|\.git|\.dist\.previous)(\/|$)/;

beforeAll(async () => {
  root = await copySampleContent();
  await populateHostileRepo(root, REPO_ROOT);
  before = await listTree(root, (rel) => OUTPUTS.test(rel));
  check = await runCli(["check", "--format", "json"], root, {}, now);
  build = await runCli(["build", "--out", "dist"], root, {}, now);
  invoice = await runCli(["invoice", "--month", "2026-11"], root, {}, now);
  html = await runCli(["invoice", "--month", "2026-11", "--format", "html", "--out", "statements"], root, {}, now);
  note = await runCli(["publish", "--channel", "note-export", "--out", "out"], root, {}, now);
}, 240_000);

const errorsFor = (p: string) =>
  (JSON.parse(check.stdout).files as { path: string; messages: { severity: string; ruleId: string }[] }[])
    .find((f) => f.path === p)
    ?.messages.filter((m) => m.severity === "error") ?? [];
const pageOf = (articlePath: string) => path.join(root, "dist", articlePath.replace(/^articles\//, "").replace(/\.md$/, ""), "index.html");

describe("the hostile corpus, end to end", () => {
  it("every stage completes: check finds errors (1), build, invoice and export finish (0 or 1, never a crash)", () => {
    expect(check.code, check.stderr).toBe(1);
    expect(build.code, build.stderr).toBe(0);
    expect(invoice.code, invoice.stderr).toBe(0);
    expect(html.code, html.stderr).toBe(0);
    expect([0, 1]).toContain(note.code);
  });

  it.each(corpus.cases.filter((c) => c.expect !== "built").map((c) => [JSON.stringify(c.to), c] as const))("flags %s with an error", (_, c) => {
    expect(errorsFor(c.to).length, c.to).toBeGreaterThan(0);
  });

  it("builds, bills and exports every valid article, and nothing check refused", async () => {
    const doc = JSON.parse(invoice.stdout);
    const billed: string[] = doc.writers.flatMap((w: { articles: { path: string }[] }) => w.articles.map((a) => a.path));
    const valid = corpus.cases.filter((c) => c.expect === "built").map((c) => c.to);
    for (const p of [...valid, ...SAMPLES]) {
      expect(errorsFor(p), p).toEqual([]);
      expect(existsSync(pageOf(p)), p).toBe(true);
      expect(billed, p).toContain(p);
    }
    const flagged = (JSON.parse(check.stdout).files as { path: string; messages: { severity: string }[] }[])
      .filter((f) => f.messages.some((m) => m.severity === "error"))
      .map((f) => f.path);
    for (const p of flagged) expect(billed, p).not.toContain(p);
    // City staff are told what was left out, and why.
    const excluded: string[] = (doc.excluded ?? []).map((e: { path: string }) => e.path);
    expect(excluded).toEqual(
      expect.arrayContaining(["articles/2026/12/.drafts/hidden.md", "articles/2026/11/writer-unknown.md", "articles/2026/11/category-constructor.md"]),
    );
    const exported = await readdir(path.join(root, "out", "note"));
    expect(exported).toEqual(expect.arrayContaining(["2026-11-asaichi-hostile", "2026-11-script-title"]));
    expect(exported.some((d) => /drafts|ghost|pwned/i.test(d))).toBe(false);
    // Admitted with findings: published and exported like any admitted article, never billed, never live.
    expect(exported).toContain("2026-11-html-img-onerror");
    expect(await readFile(path.join(root, "out", "note", "2026-11-html-img-onerror", "article.html"), "utf8")).not.toMatch(/onerror|<img src="x"/i);
  });

  it("tells city staff in the monthly summary what was left out, in Markdown that links and mentions nothing", async () => {
    const md = await runCli(["invoice", "--month", "2026-11", "--format", "md"], root, {}, now);
    expect(md.stdout).toContain("集計に入れなかったファイル");
    expect(md.stdout).toContain("articles/2026/12/.drafts/hidden.md");
    expect(md.stdout).not.toMatch(/(^|[^\\])\[[^\]]*\]\(/m);
  });

  it("gives Japanese tags folders a plain static server finds, and never lets a tag leave tags/", async () => {
    expect(existsSync(path.join(root, "dist", "tags", "駅前", "index.html"))).toBe(true);
    // ＡＩ and ai are one tag (width and case folded).
    expect(existsSync(path.join(root, "dist", "tags", "ai", "index.html"))).toBe(true);
    const top = await readFile(path.join(root, "dist", "index.html"), "utf8");
    expect(top).toContain("の新着記事");
    expect((await readdir(path.join(root, "dist", "tags"))).every((t) => t !== ".." && !t.includes("%"))).toBe(true);
  });

  it("writes nothing outside its output folders and runs nothing", async () => {
    const after = await listTree(root, (rel) => OUTPUTS.test(rel));
    expect(after).toEqual(before.concat(["channels/", "channels/note-export.json"]).sort());
    expect(existsSync(path.join(root, "PWNED"))).toBe(false);
    const statements = await readdir(path.join(root, "statements"));
    expect(statements.every((f) => /^statement-2026-11-[a-z0-9-]+\.html$/.test(f))).toBe(true);
  });

  it("keeps every log line inert: no raw line breaks from file names, no workflow commands", () => {
    for (const output of [build.stdout, build.stderr, invoice.stderr, note.stdout, note.stderr]) {
      for (const line of output.split("\n")) expect(line.startsWith("::"), line).toBe(false);
    }
    const pretty = build.stdout;
    expect(pretty).toContain("\\u000a");
  });

  it("has no live script in any page, feed bundle or statement (parsed, not grepped)", async () => {
    const files = [
      ...(await listTree(path.join(root, "dist"), () => false)).map((f) => path.join(root, "dist", f)),
      ...(await listTree(path.join(root, "statements"), () => false)).map((f) => path.join(root, "statements", f)),
      ...(await listTree(path.join(root, "out"), () => false)).map((f) => path.join(root, "out", f)),
    ].filter((f) => f.endsWith(".html"));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      for (const el of elements(parse(await readFile(file, "utf8")))) {
        // The one script the site has is its own search, loaded from a file of kawaraban's (no inline code).
        const ownSearch =
          el.tagName === "script" && el.attrs.some((a) => a.name === "src" && a.value === "/kawaraban/assets/search.mjs") && el.childNodes?.length === 0;
        // The writer's page: its own script file, and its data as JSON that no browser runs (it must parse as JSON).
        const ownWriter = el.tagName === "script" && el.attrs.some((a) => a.name === "src" && a.value === "page.js") && el.childNodes?.length === 0;
        const writerData = el.tagName === "script" && el.attrs.some((a) => a.name === "type" && a.value === "application/json");
        if (writerData) expect(() => JSON.parse((el.childNodes?.[0] as { value?: string } | undefined)?.value ?? ""), file).not.toThrow();
        if (!ownSearch && !ownWriter && !writerData) expect(["script", "iframe", "object", "embed", "base"], file).not.toContain(el.tagName);
        for (const attr of el.attrs) {
          expect(attr.name.startsWith("on"), `${file}: ${attr.name}`).toBe(false);
          if (["href", "src", "action", "formaction", "srcset"].includes(attr.name))
            expect(attr.value.trim().toLowerCase(), file).not.toMatch(/^(javascript|data|vbscript):/);
        }
      }
    }
  });

  it("resolves every internal link in dist/ the way a plain static server does (path decoded)", async () => {
    const dist = path.join(root, "dist");
    const base = "/kawaraban/";
    const pages = (await listTree(dist, () => false)).filter((f) => f.endsWith(".html"));
    let checked = 0;
    for (const page of pages) {
      for (const el of elements(parse(await readFile(path.join(dist, page), "utf8")))) {
        for (const attr of el.attrs.filter((a) => ["href", "src", "srcset"].includes(a.name))) {
          const urls = attr.name === "srcset" ? attr.value.split(",").map((s) => s.trim().split(/\s+/)[0]!) : [attr.value];
          for (const raw of urls) {
            const url = raw.replace(/^https:\/\/example\.github\.io/, "");
            if (!url.startsWith(base)) continue;
            const rel = decodeURIComponent(url.slice(base.length).split(/[?#]/)[0]!);
            const target = path.join(dist, rel);
            expect(target.startsWith(dist), `${page}: ${raw}`).toBe(true);
            const found = rel === "" || rel.endsWith("/") ? path.join(target, "index.html") : target;
            expect((await stat(found).catch(() => undefined))?.isFile(), `${page}: ${raw}`).toBe(true);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  });
});

interface El {
  tagName: string;
  attrs: { name: string; value: string }[];
  childNodes?: unknown[];
}
function* elements(node: unknown): Generator<El> {
  const n = node as { tagName?: string; attrs?: El["attrs"]; childNodes?: unknown[]; content?: unknown };
  if (n.tagName) yield n as El;
  for (const child of n.childNodes ?? []) yield* elements(child);
  if (n.content) yield* elements(n.content);
}
