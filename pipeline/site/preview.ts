import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Config } from "../article/config.ts";
import { classifyArticlePath } from "../article/article-path.ts";
import { buildSite } from "./build.ts";
import { siteContext, type SiteContext } from "./model.ts";
import { esc, layout } from "./templates.ts";
import { logSafe } from "../text-safety.ts";
import { EVENTS, serveFolder } from "./preview-server.ts";
import { pollTree } from "./poll-tree.ts";

export { allowedHost } from "./preview-server.ts";

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

const severityWord = { error: "エラー", warning: "警告", info: "情報" } as const;

/**
 * What the preview shows at an article's address while it cannot be built: its findings in
 * Japanese, worst first, and the live-reload script, so the page turns back into the article
 * the moment the file is fixed.
 */
export function errorPage(ctx: SiteContext, articlePath: string, findings: readonly Diagnostic[], url: string): string {
  const order = { error: 0, warning: 1, info: 2 } as const;
  const items = [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
  const main = `<article class="preview-error">
<h1>この記事はまだ表示できません</h1>
<p><code>${esc(articlePath)}</code> に直してほしいところがあります。直して保存すると、このページは自動で記事に変わります。</p>
<ul>${items.map((d) => `<li><strong>${severityWord[d.severity]}</strong>${d.line ? `（${d.line} 行目）` : ""}: ${esc(d.message)} <small>${esc(d.ruleId)}</small></li>`).join("")}</ul>
</article>`;
  return layout(ctx, { title: "表示できない記事", description: "プレビュー", path: url, noindex: true }, main).replace(
    "</body>",
    `${previewScript([])}</body>`,
  );
}

/**
 * `kawaraban preview`: the site with drafts and scheduled articles visible, each article
 * showing its findings beside the paragraph they concern, rebuilt and reloaded on every save.
 * An article that cannot be built shows its findings at its address instead of a bare 404.
 * Bound to 127.0.0.1 only: it serves unpublished drafts.
 */
export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const dir = await mkdtemp(path.join(tmpdir(), "kawaraban-preview-"));
  const out = path.join(dir, "site");
  const server = await serveFolder(out, { port: options.port, basePath: "/", log: options.log });
  const ctx = siteContext(options.config, server.url, options.today);
  const rebuild = async () => {
    const findings = await options.check();
    const result = await buildSite(options.root, options.config, ctx, out, options.root, {
      preview: true,
      inject: (source) => previewScript(source ? (findings.get(source) ?? []) : []),
    });
    for (const skipped of result.skipped) {
      const where = classifyArticlePath(skipped.path);
      if (where.kind !== "article") continue;
      const own = findings.get(skipped.path) ?? [];
      const shown =
        own.length > 0 ? own : [{ ruleId: "preview", source: "input", severity: "error", message: skipped.reason, path: skipped.path } satisfies Diagnostic];
      await mkdir(path.join(out, where.url), { recursive: true });
      await writeFile(path.join(out, where.url, "index.html"), errorPage(ctx, skipped.path, shown, where.url));
      options.log(`表示できない記事: ${logSafe(skipped.path)}（${logSafe(shown.find((d) => d.severity === "error")?.message ?? skipped.reason)}）`);
    }
    server.reload();
  };
  // One build at a time: builds share one work folder next to the site, so a save during a build,
  // or a rebuild asked for by hand, waits for the build before it.
  let running: Promise<unknown> = Promise.resolve();
  const queued = (): Promise<void> => {
    const next = running.then(rebuild, rebuild);
    running = next.catch(() => undefined);
    return next;
  };
  let timer: NodeJS.Timeout | undefined;
  const watcher = pollTree([path.join(options.root, "articles"), path.join(options.root, "assets")], () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      queued().catch((error: Error) => options.log(`再作成できませんでした: ${logSafe(error.message)}`));
    }, 100);
  });
  // The watcher's baseline comes before the first build: a save at any moment after that (even
  // during the first build, or while the first look at the tree was slow on a busy machine) is
  // seen and rebuilt, where it used to be taken into the baseline and never reloaded.
  try {
    await watcher.ready;
    await queued();
  } catch (error) {
    watcher.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: server.url,
    rebuild: queued,
    close: async () => {
      clearTimeout(timer);
      watcher.close();
      await running;
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** `kawaraban preview --built`: the folder `kawaraban build` wrote, served as GitHub Pages serves it (under the site's base path). */
export async function serveBuilt(dir: string, config: Config, port: number, log: (line: string) => void): Promise<{ url: string; close(): Promise<void> }> {
  const basePath = siteContext(config, undefined, "2000-01-01").basePath;
  return serveFolder(dir, { port, basePath, log });
}
