import { describe, it, expect, beforeAll } from "vitest";
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { tempDir, gitAt, mergePr, READ_AT, SAMPLE_ROOT } from "../support/repo.ts";
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
  await copyFile(path.join(SAMPLE_ROOT, "kawaraban.config.yml"), path.join(root, "kawaraban.config.yml"));
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

describe("near-copies are held for city staff, never paid silently", () => {
  const body = [
    "ひばり野市の中央公園で、秋の収穫祭が開かれました。",
    "地元の農家さんが育てた野菜や果物が並び、朝早くから多くの家族連れでにぎわいました。",
    "子どもたちは芋掘り体験に夢中になり、大きなさつまいもを手に笑顔を見せていました。",
    "来年も同じ時期に開かれる予定で、実行委員会ではボランティアを募集しています。",
  ];
  const other = [
    "駅前の商店街に、手作りパンのお店が新しくできました。",
    "店主の佐藤さんは、市内の小麦を使ったパンにこだわっています。",
    "一番人気はかぼちゃのあんぱんで、お昼前には売り切れることもあるそうです。",
    "営業は火曜日から土曜日までで、日曜日と月曜日はお休みです。",
  ];
  let near: string;
  let accepted: string;
  beforeAll(async () => {
    root = await tempDir();
    await copyFile(path.join(SAMPLE_ROOT, "kawaraban.config.yml"), path.join(root, "kawaraban.config.yml"));
    gitAt(root, "2026-09-01T10:00:00+09:00", "init", "-q", "-b", "main");
    gitAt(root, "2026-09-01T10:00:00+09:00", "add", "-A");
    gitAt(root, "2026-09-01T10:00:00+09:00", "commit", "-q", "-m", "start");
    await mergeAt("2026-10-05T10:00:00+09:00", "a", () => put("articles/2026/10/harvest.md", article("秋の収穫祭", body.join("\n"))));
    // The same body, the title changed by one character.
    await mergeAt("2026-10-08T10:00:00+09:00", "b", () => put("articles/2026/10/harvest-b.md", article("秋の収穫祭！", body.join("\n"))));
    // The same title, one of four sentences rewritten.
    const rewritten = [...body];
    rewritten[2] = "会場では地元の中学生による吹奏楽の演奏もあり、秋晴れの空に音が響いていました。";
    await mergeAt("2026-10-12T10:00:00+09:00", "c", () => put("articles/2026/10/harvest-c.md", article("秋の収穫祭", rewritten.join("\n\n"))));
    near = gitAt(root, undefined, "rev-parse", "HEAD").trim();
    // A different article by the same writer, written the same way: paid.
    await mergeAt("2026-10-15T10:00:00+09:00", "d", () => put("articles/2026/10/bakery.md", article("駅前のパン屋", other.join("\n"))));
    // A second report on the festival that city staff say is its own work: paid once accepted.
    await mergeAt("2026-10-20T10:00:00+09:00", "e", () =>
      put("articles/2026/10/harvest-e.md", article("秋の収穫祭（続報）", `${body.slice(0, 3).join("\n")}\n収穫祭の売上は、市内の子ども食堂に寄付されました。`)),
    );
    accepted = gitAt(root, undefined, "rev-parse", "HEAD").trim();
    const config = await readFile(path.join(root, "kawaraban.config.yml"), "utf8");
    await writeFile(
      path.join(root, "kawaraban.config.yml"),
      config.replace(/^billing:\n/m, `billing:\n  accepted:\n    "${accepted.slice(0, 10)}": 2026-10\n`),
    );
    gitAt(root, "2026-10-25T10:00:00+09:00", "commit", "-q", "-am", "accept the follow-up");
  });

  it("holds the near-copies with the share they have in common, pays different work and what city staff accepted", async () => {
    const ledger = await readLedger(root, "main", READ_AT);
    expect(ledger.entries.map((e) => e.path)).toEqual(["articles/2026/10/harvest.md", "articles/2026/10/bakery.md", "articles/2026/10/harvest-e.md"]);
    const refused = new Map(ledger.refused.map((r) => [r.path, r.reason]));
    expect(refused.get("articles/2026/10/harvest-b.md")).toMatch(/articles\/2026\/10\/harvest\.md（2026-10 に支払い済み）と、題名と本文の \d+% が同じです/);
    expect(refused.get("articles/2026/10/harvest-c.md")).toContain("似ている記事");
    expect(refused.get("articles/2026/10/harvest-c.md")).toContain(`${near.slice(0, 7)}: 支払う月`);
    expect(ledger.refused.map((r) => r.month)).toEqual(["2026-10", "2026-10"]);
  });
});

describe("a writer switched on someone else's article", () => {
  it("pays the article but says on the statement whose it was first", async () => {
    root = await tempDir();
    await copyFile(path.join(SAMPLE_ROOT, "kawaraban.config.yml"), path.join(root, "kawaraban.config.yml"));
    gitAt(root, "2026-09-01T10:00:00+09:00", "init", "-q", "-b", "main");
    gitAt(root, "2026-09-01T10:00:00+09:00", "add", "-A");
    gitAt(root, "2026-09-01T10:00:00+09:00", "commit", "-q", "-m", "start");
    const draft = article("川辺のさんぽ道", "川辺のさんぽ道を歩きました。").replace("writer: hinata", "writer: komorebi\ndraft: true");
    await mergeAt("2026-10-05T10:00:00+09:00", "draft", () => put("articles/2026/10/kawabe.md", draft));
    await mergeAt("2026-10-09T10:00:00+09:00", "switch", () =>
      put("articles/2026/10/kawabe.md", draft.replace("writer: komorebi\ndraft: true", "writer: hinata")),
    );
    const [entry] = (await readLedger(root, "main", READ_AT)).entries;
    expect(entry).toMatchObject({ writer: "hinata", month: "2026-10" });
    expect(entry!.note).toContain("最初 komorebi さんの記事として入りました");
  });
});
