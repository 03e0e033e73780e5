// Text the page writes for the writer: the toolbar's Markdown and the pull request's body.
import type { DraftFields } from "../compose.ts";
import type { WriterModel } from "../page.ts";

const SNIPPETS: Record<string, string> = {
  heading: "\n## 見出し\n\n",
  list: "\n- 項目\n- 項目\n\n",
  link: "[リンクの文字](https://)",
};

export const toolbarInsert = (kind: string): string => SNIPPETS[kind] ?? "";

/**
 * The repository's pull request template, filled in: the article's file, the brief's issue and
 * the checks the page has made. What only the writer can confirm (consent, facts) stays open.
 */
export function pullRequestBody(model: WriterModel, draft: DraftFields, brief: WriterModel["briefs"][number] | undefined, path: string): string {
  const template = model.prTemplate || "## 記事\n\n- 記事のファイル: `articles/年/月/名前.md`\n- 依頼（イシュー）の番号: #\n";
  return template
    .replace("`articles/年/月/名前.md`", `\`${path}\``)
    .replace(
      /依頼（イシュー）の番号: #\s*$/m,
      brief?.issue ? `依頼（イシュー）の番号: #${brief.issue}` : brief ? `依頼: ${brief.id}` : "依頼（イシュー）の番号: なし",
    )
    .replace("- [ ] front matter の", "- [x] front matter の")
    .replace("- [ ] `npx kawaraban check`", "- [x] `npx kawaraban check`")
    .concat(
      `\n<!-- 記事を書くページ（/write/）から送りました。写真は端末で縮小し、位置情報などを取り除いています。${draft.writer ? ` ライター: ${draft.writer}` : ""} -->\n`,
    );
}
