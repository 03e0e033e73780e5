import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PublishItem } from "./webhook.ts";
import type { Records } from "./records.ts";
import { containedJoin } from "../contained-path.ts";
import { escapeHtml, shellQuote } from "../text-safety.ts";

export interface NoteExport {
  written: { source: string; dir: string }[];
  /** Articles that could not be exported (the rest still were). */
  failed: { source: string; error: string }[];
}

/**
 * note.com has no posting API: for each new or changed article, a ready-to-paste bundle
 * (clean HTML, its images, and a checklist for the editor). The posted URL is recorded when
 * the editor enters it (`publish --channel note-export --record <article> --url <URL>`).
 */
export async function exportForNote(items: readonly PublishItem[], records: Records, outDir: string, siteDir: string, basePath: string): Promise<NoteExport> {
  const result: NoteExport = { written: [], failed: [] };
  for (const item of items) {
    if (records[item.source]?.hash === item.hash && records[item.source]?.url) continue; // posted, unchanged
    try {
      result.written.push({ source: item.source, dir: await exportOne(item, outDir, siteDir, basePath) });
    } catch (error) {
      result.failed.push({ source: item.source, error: (error as Error).message });
    }
  }
  return result;
}

/**
 * A variant (`images/2026/11/satoyama.jpg/960.jpg`) as a file of the bundle: `satoyama-960.jpg`,
 * numbered when two photos of one article share a name, and short enough for any file system.
 */
function bundleName(rel: string, used: Set<string>): string {
  const parts = rel.split("/");
  const variant = parts.pop()!;
  const source = parts.pop() ?? "photo";
  let stem = source.replace(/\.[^.]*$/, "") || "photo";
  while (Buffer.byteLength(stem) > 180) stem = [...stem].slice(0, -1).join("");
  let name = `${stem}-${variant}`;
  for (let n = 2; used.has(name); n++) name = `${stem}-${n}-${variant}`;
  used.add(name);
  return name;
}

async function exportOne(item: PublishItem, outDir: string, siteDir: string, basePath: string): Promise<string> {
  const slug = item.source
    .replace(/^articles\//, "")
    .replace(/\.md$/, "")
    .replace(/\//g, "-");
  const dir = containedJoin(outDir, `note/${slug}`);
  await mkdir(dir, { recursive: true });
  let html = item.html;
  const used = new Set<string>();
  for (const image of new Set([...item.html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]!))) {
    if (!image.startsWith(basePath)) continue; // the site links only its own variants
    const rel = decodeURIComponent(image.slice(basePath.length));
    const file = bundleName(rel, used);
    await copyFile(containedJoin(siteDir, rel), containedJoin(dir, file));
    html = html.split(image).join(encodeURIComponent(file));
  }
  // note's editor takes plain formatting: drop <picture>/<source>, keep one <img> each.
  html = html.replace(/<picture>(?:<source[^>]*>)*(<img[^>]*>)<\/picture>/g, "$1").replace(/\s(srcset|sizes|loading|decoding|width|height)="[^"]*"/g, "");
  await writeFile(path.join(dir, "article.html"), `<h1>${escapeHtml(item.title)}</h1>\n${html}\n`);
  // The checklist is Markdown an editor reads and copies from: the title is shown as code, the
  // command is one quoted shell word per value, so pasting it runs nothing but kawaraban.
  const title = item.title.replace(/[\r\n`]/g, " ");
  await writeFile(
    path.join(dir, "checklist.md"),
    `# note への投稿: \`${title}\`\n\n- [ ] article.html をブラウザーで開き、本文をコピーして note のエディターに貼り付ける\n- [ ] 写真（このフォルダーの画像）を同じ位置にアップロードし、説明（代替テキスト）を入れる\n- [ ] 見出し・リンクが正しく表示されることを確かめる\n- [ ] 公開元のページ（<${item.url}>）へのリンクを記事の最後に入れる\n- [ ] 投稿したら、URL を記録する（<投稿した URL> を書き換えて実行）:\n\n  \`\`\`sh\n  npx kawaraban publish --channel note-export --record ${shellQuote(item.source)} --url '<投稿した URL>'\n  \`\`\`\n`,
  );
  return dir;
}
