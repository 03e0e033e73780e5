import { chmod, copyFile, mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import iconv from "iconv-lite";
import { gainMapJpeg, photo } from "./images.ts";

/**
 * The families of issue 20, as a writer or an attacker would commit them: every one of them once
 * passed `check` while some later stage used a form of it the gate never looked at. Each case
 * says what every door must agree on: `admitted` (published), `billed`.
 */
export interface FamilyCase {
  path: string;
  admitted: boolean;
  billed: boolean;
}

export const article = (title: string, extra = "", body = "本文です。") =>
  `---\ntitle: ${title}\nwriter: hinata\ndate: 2026-11-20\nsummary: 概要です。\n${extra}---\n\n${body}\n`;

async function put(root: string, file: string, bytes: string | Buffer): Promise<void> {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await writeFile(path.join(root, file), bytes);
}

export const LONG_PHOTO = `assets/2026/11/${"a".repeat(246)}.jpg`;

export async function writeFamilies(root: string, repoRoot: string): Promise<FamilyCase[]> {
  const cases: FamilyCase[] = [];
  const add = async (file: string, bytes: string | Buffer, admitted: boolean, billed = admitted) => {
    await put(root, file, bytes);
    cases.push({ path: file, admitted, billed });
  };
  // Git tree entries: a link whose text is a valid article, an executable article.
  await mkdir(path.join(root, "articles/2026/11"), { recursive: true });
  await symlink(article("リンクの記事"), path.join(root, "articles/2026/11/linked.md"));
  cases.push({ path: "articles/2026/11/linked.md", admitted: false, billed: false });
  await add("articles/2026/11/exec.md", article("実行できる記事"), false);
  await chmod(path.join(root, "articles/2026/11/exec.md"), 0o755);
  // Decoding: a Shift_JIS article is refused everywhere, the ledger included.
  await add("articles/2026/11/sjis.md", iconv.encode(article("シフトJISの記事"), "Shift_JIS"), false);
  // YAML escapes decode to what no raw-text limit saw.
  await add("articles/2026/11/escape-control.md", article('"朝市\\x01のお知らせ"'), false);
  await add("articles/2026/11/escape-bidi.md", article('"朝市\\u202eのお知らせ"'), false);
  await add("articles/2026/11/escape-surrogate.md", article('"朝市\\ud800のお知らせ"'), false);
  // NFKC expands: 22 × ㍿ is 88 characters and 264 bytes as a folder.
  await add("articles/2026/11/kabushiki.md", article("株式会社の記事", `tags: [${"㍿".repeat(22)}]\n`), false);
  // Photos: a name near 255 bytes (unused), two photos with one stem, one photo under 40 URLs.
  await copyFile(path.join(repoRoot, "assets/2026/11/satoyama.jpg"), path.join(root, LONG_PHOTO));
  await put(root, "assets/2026/11/satoyama.png", await photo(640, 400, "#3366aa").png().toBuffer());
  await add("articles/2026/11/png-stem.md", article("同じ名前の写真", "cover: ../../../assets/2026/11/satoyama.png\ncoverAlt: 青い空の下の公園\n"), true);
  const forty = Array.from({ length: 40 }, (_, i) => `![朝市のテント ${i + 1}](../../../assets/2026/11/satoyama.jpg?${i + 1})`).join("\n\n");
  await add("articles/2026/11/forty-urls.md", article("四十の写真", "", forty), true);
  // Admitted with findings: published, never billed (content findings never unpublish).
  await add("articles/2026/11/heading-skip.md", article("見出しの飛び", "", "## 見出し\n\n本文です。\n\n#### 小見出し\n\n本文です。"), true, false);
  await put(root, "assets/2026/11/gainmap.jpg", await gainMapJpeg());
  await add(
    "articles/2026/11/gainmap-cover.md",
    article("ゲインマップ", "cover: ../../../assets/2026/11/gainmap.jpg\ncoverAlt: 菜の花畑と青空\n"),
    true,
    false,
  );
  return cases;
}
