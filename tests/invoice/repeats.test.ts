import { describe, it, expect, beforeAll } from "vitest";
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { tempDir, REPO_ROOT, gitAt, mergePr, READ_AT } from "../support/repo.ts";
import { readLedger } from "../../pipeline/invoice/ledger.ts";

const article = (title: string, body: string) => `---\ntitle: ${title}\nwriter: hinata\ndate: 2026-10-01\nsummary: 概要です。\n---\n\n${body}\n`;
let root: string;

const mergeAt = (date: string, branch: string, change: () => Promise<void>) => mergePr(root, branch, date, date, change);
const put = async (file: string, text: string) => {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await writeFile(path.join(root, file), text);
};

beforeAll(async () => {
  root = await tempDir();
  await copyFile(path.join(REPO_ROOT, "kawaraban.config.yml"), path.join(root, "kawaraban.config.yml"));
  gitAt(root, "2026-09-01T10:00:00+09:00", "init", "-q", "-b", "main");
  gitAt(root, "2026-09-01T10:00:00+09:00", "add", "-A");
  gitAt(root, "2026-09-01T10:00:00+09:00", "commit", "-q", "-m", "start");
  await mergeAt("2026-10-05T10:00:00+09:00", "a", () => put("articles/2026/10/asaichi.md", article("朝市", "朝市に行きました。野菜が並んでいました。")));
  // A byte-identical copy under a new path, a week later.
  await mergeAt("2026-10-12T10:00:00+09:00", "copy", async () =>
    copyFile(path.join(root, "articles/2026/10/asaichi.md"), path.join(root, "articles/2026/10/asaichi-2.md")),
  );
  // The original deleted in November, re-added under a new path (lightly edited) in December.
  await mergeAt("2026-11-02T10:00:00+09:00", "delete", () => rm(path.join(root, "articles/2026/10/asaichi.md")));
  // A monthly column: the same title again, new text, the earlier one still there: a new article.
  await mergeAt("2026-11-10T10:00:00+09:00", "column-1", () => put("articles/2026/11/column-1.md", article("今月のお知らせ", "十一月のお知らせです。")));
  await mergeAt("2026-12-03T10:00:00+09:00", "readd", () =>
    put("articles/2026/12/asaichi.md", article("朝市", "朝市に行きました。野菜がたくさん並んでいました。")),
  );
  await mergeAt("2026-12-10T10:00:00+09:00", "column-2", () => put("articles/2026/12/column-2.md", article("今月のお知らせ", "十二月のお知らせです。")));
});

describe("an article is paid once, whatever path it comes under", () => {
  it("does not pay a copy or a re-add again, and tells city staff; a new article with a recurring title is paid", async () => {
    const ledger = await readLedger(root, "main", READ_AT);
    expect(ledger.entries.map((e) => [e.path, e.month])).toEqual([
      ["articles/2026/10/asaichi.md", "2026-10"],
      ["articles/2026/11/column-1.md", "2026-11"],
      ["articles/2026/12/column-2.md", "2026-12"],
    ]);
    const refused = new Map(ledger.refused.map((r) => [r.path, r.reason]));
    expect(refused.get("articles/2026/10/asaichi-2.md")).toContain("articles/2026/10/asaichi.md（2026-10 に支払い済み）と同じ記事");
    expect(refused.get("articles/2026/12/asaichi.md")).toContain("支払い済み");
    expect(await readFile(path.join(root, "kawaraban.config.yml"), "utf8")).toContain("writers:");
  });
});
