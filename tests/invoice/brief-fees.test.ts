import { describe, it, expect, beforeAll } from "vitest";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { tempDir, gitAt, mergePr, READ_AT, SAMPLE_ROOT } from "../support/repo.ts";
import { readLedger } from "../../pipeline/invoice/ledger.ts";
import { runCli } from "../support/cli.ts";

/** Brief fees over a real git history: approved, unapproved, and changed after the merge. */
const article = (title: string, brief: string) =>
  `---\ntitle: ${title}\nwriter: hinata\ndate: 2026-12-01\nsummary: 概要です。\nbrief: ${brief}\n---\n\n${title}の本文です。\n`;
const brief = (title: string, fee?: number) => `title: ${title}\ndeadline: 2026-12-20\n${fee === undefined ? "" : `fee: ${fee}\n`}writer: hinata\n`;

let root: string;
async function put(file: string, text: string) {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await writeFile(path.join(root, file), text);
}

beforeAll(async () => {
  root = await tempDir();
  await put("kawaraban.config.yml", await readFile(path.join(SAMPLE_ROOT, "kawaraban.config.yml"), "utf8"));
  gitAt(root, "2026-11-01T10:00:00+09:00", "init", "-q", "-b", "main");
  gitAt(root, "2026-11-01T10:00:00+09:00", "add", "-A");
  gitAt(root, "2026-11-01T10:00:00+09:00", "commit", "-q", "-m", "start");
  // Briefs: one with a fee city staff approved, one whose fee nobody approved, one at the rate card.
  await mergePr(root, "briefs", "2026-12-01T09:00:00+09:00", "2026-12-01T10:00:00+09:00", async () => {
    await put("briefs/2026-12/satoyama.yml", brief("里山さんぽ", 25000));
    await put("briefs/2026-12/bakery.yml", brief("駅前のパン屋", 30000));
    await put("briefs/2026-12/asaichi.yml", brief("朝市"));
    await put("briefs/approvals.yml", "2026-12/satoyama: 25000\n2026-12/bakery: 20000\n");
  });
  await mergePr(root, "a", "2026-12-05T09:00:00+09:00", "2026-12-05T10:00:00+09:00", () =>
    put("articles/2026/12/satoyama.md", article("里山さんぽ", "2026-12/satoyama")),
  );
  await mergePr(root, "b", "2026-12-06T09:00:00+09:00", "2026-12-06T10:00:00+09:00", () =>
    put("articles/2026/12/bakery.md", article("駅前のパン屋", "2026-12/bakery")),
  );
  // Named by its bare name: the one brief called asaichi.
  await mergePr(root, "c", "2026-12-07T09:00:00+09:00", "2026-12-07T10:00:00+09:00", () => put("articles/2026/12/asaichi.md", article("朝市", "asaichi")));
  // After the merge, the brief's fee and its approval are raised: the billed article keeps its fee.
  await mergePr(root, "raise", "2026-12-10T09:00:00+09:00", "2026-12-10T10:00:00+09:00", async () => {
    await put("briefs/2026-12/satoyama.yml", brief("里山さんぽ", 40000));
    await put("briefs/approvals.yml", "2026-12/satoyama: 40000\n2026-12/bakery: 20000\n");
  });
  // A second article for the delivered brief: the brief's fee was paid once already.
  await mergePr(root, "again", "2026-12-12T09:00:00+09:00", "2026-12-12T10:00:00+09:00", () =>
    put("articles/2026/12/satoyama-2.md", article("里山さんぽ、ふたたび", "2026-12/satoyama")),
  );
});

describe("brief fees in the ledger", () => {
  it("bills an approved brief's fee, falls back to the rate card with a note when the fee is not approved, and ignores later changes", async () => {
    const ledger = await readLedger(root, "HEAD", READ_AT);
    const byPath = new Map(ledger.entries.map((e) => [e.path, e]));
    expect(byPath.get("articles/2026/12/satoyama.md")).toMatchObject({
      fee: 25000,
      brief: "2026-12/satoyama",
      breakdown: [{ label: "依頼「里山さんぽ」の原稿料", amount: 25000 }],
    });
    expect(byPath.get("articles/2026/12/bakery.md")).toMatchObject({ fee: 15000, brief: "2026-12/bakery" });
    expect(byPath.get("articles/2026/12/bakery.md")!.note).toContain("市の承認（briefs/approvals.yml）がない");
    expect(byPath.get("articles/2026/12/asaichi.md")).toMatchObject({ fee: 15000, brief: "2026-12/asaichi" });
    expect(byPath.get("articles/2026/12/asaichi.md")!.note).toBeUndefined();
  });

  it("pays a brief's fee once: a second article citing it is paid at the rate card, with a note", async () => {
    const ledger = await readLedger(root, "HEAD", READ_AT);
    const second = ledger.entries.find((e) => e.path === "articles/2026/12/satoyama-2.md")!;
    expect(second).toMatchObject({ fee: 15000, brief: "2026-12/satoyama" });
    expect(second.feeFromBrief).toBeUndefined();
    expect(second.note).toContain("articles/2026/12/satoyama.md（2026-12）で納品済み");
    expect(ledger.entries.filter((e) => e.feeFromBrief).map((e) => e.path)).toEqual(["articles/2026/12/satoyama.md"]);
  });

  it("shows the brief and the note on the statement line and in the detail CSV", async () => {
    const doc = JSON.parse((await runCli(["invoice", "--month", "2026-12"], root, {}, READ_AT)).stdout);
    const lines = doc.writers.find((w: { writer: string }) => w.writer === "hinata").articles;
    expect(lines.map((a: { brief: string; fee: number }) => [a.brief, a.fee])).toEqual([
      ["2026-12/satoyama", 25000],
      ["2026-12/bakery", 15000],
      ["2026-12/asaichi", 15000],
      ["2026-12/satoyama", 15000],
    ]);
    const out = path.join(root, "out");
    await runCli(["invoice", "--month", "2026-12", "--format", "csv", "--out", out], root, {}, READ_AT);
    const detail = await readFile(path.join(out, "invoice-2026-12-detail.csv"), "utf8");
    expect(detail).toContain("依頼 2026-12/satoyama");
  });
});
