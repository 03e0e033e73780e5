import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PublishItem } from "./webhook.ts";
import type { Records } from "./records.ts";

/**
 * note.com has no posting API: for each new or changed article, a ready-to-paste bundle
 * (clean HTML, its images, and a checklist for the editor). The posted URL is recorded when
 * the editor enters it (`publish --channel note-export --record <article> --url <URL>`).
 */
export async function exportForNote(items: readonly PublishItem[], records: Records, outDir: string, siteDir: string, basePath: string): Promise<string[]> {
  const written: string[] = [];
  for (const item of items) {
    if (records[item.source]?.hash === item.hash && records[item.source]?.url) continue; // posted, unchanged
    const slug = item.source.replace(/^articles\//, "").replace(/\.md$/, "").replace(/\//g, "-");
    const dir = path.join(outDir, "note", slug);
    await mkdir(dir, { recursive: true });
    let html = item.html;
    for (const image of new Set([...item.html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]!))) {
      const file = path.basename(image);
      await copyFile(path.join(siteDir, image.slice(basePath.length)), path.join(dir, file));
      html = html.split(image).join(file);
    }
    // note's editor takes plain formatting: drop <picture>/<source>, keep one <img> each.
    html = html.replace(/<picture>(?:<source[^>]*>)*(<img[^>]*>)<\/picture>/g, "$1").replace(/\s(srcset|sizes|loading|decoding|width|height)="[^"]*"/g, "");
    await writeFile(path.join(dir, "article.html"), `<h1>${item.title}</h1>\n${html}\n`);
    await writeFile(
      path.join(dir, "checklist.md"),
      `# note への投稿: ${item.title}\n\n- [ ] article.html をブラウザーで開き、本文をコピーして note のエディターに貼り付ける\n- [ ] 写真（このフォルダーの画像）を同じ位置にアップロードし、説明（代替テキスト）を入れる\n- [ ] 見出し・リンクが正しく表示されることを確かめる\n- [ ] 公開元のページ（${item.url}）へのリンクを記事の最後に入れる\n- [ ] 投稿したら、URL を記録する: \`npx kawaraban publish --channel note-export --record ${item.source} --url <投稿した URL>\`\n`,
    );
    written.push(dir);
  }
  return written;
}
