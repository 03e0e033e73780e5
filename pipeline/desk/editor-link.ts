import type { Brief } from "./brief.ts";

/**
 * Where a writer starts without a command line: GitHub's web editor on a new file at the brief's
 * article path, with the front matter filled in (`/new/<branch>?filename=…&value=…`, the URL
 * GitHub's "Add file" button itself uses). The summary is a first sentence the writer edits; the
 * file passes `check` once a body is written under it.
 */
export function articleStub(brief: Brief & { writer: string }): { path: string; text: string } {
  const [month, slug] = brief.id.split("/") as [string, string];
  const path = `articles/${month.slice(0, 4)}/${month.slice(5, 7)}/${slug}.md`;
  const q = (s: string) => JSON.stringify(s);
  const lines = ["---", `title: ${q(brief.title)}`, `writer: ${brief.writer}`, `date: ${brief.deadline}`, `summary: ${q(`${brief.title}を紹介します。`)}`];
  if (brief.category) lines.push(`category: ${brief.category}`);
  lines.push(
    `brief: ${brief.id}`,
    "---",
    "",
    "<!-- この下に本文を書きます。写真は「Add file → Upload files」で assets/ に入れてから ![写真の説明](../../../assets/写真.jpg) と書きます。 -->",
    "",
  );
  return { path, text: lines.join("\n") };
}

export function editorLink(repositoryUrl: string, branch: string, brief: Brief & { writer: string }): string {
  const { path, text } = articleStub(brief);
  return `${repositoryUrl.replace(/\/$/, "")}/new/${encodeURIComponent(branch)}?filename=${encodeURIComponent(path)}&value=${encodeURIComponent(text)}`;
}
