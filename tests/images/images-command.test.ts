import { describe, it, expect } from "vitest";
import { readFile, writeFile, readdir, mkdir } from "node:fs/promises";
import path from "node:path";
import { copySampleContent } from "../support/sample-repo.ts";
import { runCli } from "../support/cli.ts";
import { gpsTaggedJpeg, rotatedJpeg } from "../support/images.ts";
import { loadSharp } from "../../pipeline/images/sharp.ts";
import { personalMetadata } from "../../pipeline/images/metadata.ts";

const sharp = await loadSharp();

const ARTICLE = "articles/2026/11/bousai.md";

/** A sample repository whose bousai article shows a fresh phone photo with GPS in it. */
async function repoWithPhonePhoto(): Promise<string> {
  const root = await copySampleContent();
  await writeFile(path.join(root, "assets/2026/11/bousai.jpg"), await gpsTaggedJpeg());
  await writeFile(path.join(root, "assets/2026/11/sideways.jpg"), await rotatedJpeg());
  const article = path.join(root, ARTICLE);
  await writeFile(
    article,
    (await readFile(article, "utf8")).replace(
      "## わが家の備えを点検しよう",
      "![消火器の使い方を教わる参加者たち](../../../assets/2026/11/sideways.jpg)\n\n## わが家の備えを点検しよう",
    ),
  );
  return root;
}

describe("images in check, and images --fix on a repository", () => {
  it("reports the GPS photo at the article line that shows it, with the images section in JSON", async () => {
    const root = await repoWithPhonePhoto();
    const result = await runCli(["check", "--format", "json", ARTICLE], root);
    const doc = JSON.parse(result.stdout);
    const personal = doc.files[0].messages.find((m: { ruleId: string }) => m.ruleId === "image/personal-metadata");
    expect(personal.message).toMatch(/^assets\/2026\/11\/bousai\.jpg: 写真に個人情報が入っています/);
    expect(personal.line).toBe(8); // the cover: line in the front matter
    expect(result.code).toBe(1);
    const entry = doc.images.files.find((f: { path: string }) => f.path === "assets/2026/11/bousai.jpg");
    expect(entry).toMatchObject({ format: "jpeg", width: 1200, height: 800, ruleIds: ["image/personal-metadata"] });
    expect(entry.after).toBeLessThan(entry.bytes);
    expect(doc.images.bytes).toBeGreaterThan(doc.images.after);
  });

  it("warns on a full run about images no article uses", async () => {
    const root = await copySampleContent();
    await mkdir(path.join(root, "assets/2026/12"), { recursive: true });
    await writeFile(
      path.join(root, "assets/2026/12/spare.jpg"),
      await sharp({ create: { width: 20, height: 20, channels: 3, background: "#fff" } })
        .jpeg()
        .toBuffer(),
    );
    const doc = JSON.parse((await runCli(["check", "--format", "json"], root)).stdout);
    const spare = doc.files.find((f: { path: string }) => f.path === "assets/2026/12/spare.jpg");
    expect(spare.messages.map((m: { ruleId: string; severity: string }) => [m.ruleId, m.severity])).toEqual([["image/unreferenced", "warning"]]);
  });

  it("leaves no GPS or personal metadata under assets/ after --fix, and a second run changes no byte", async () => {
    const root = await repoWithPhonePhoto();
    const first = await runCli(["images", "--fix"], root);
    expect(first.stdout).toContain("直しました: assets/2026/11/bousai.jpg（個人情報");
    expect(first.stdout).toContain("直しました: assets/2026/11/sideways.jpg（撮影情報（EXIF など）を削除、写真の向きを補正");
    expect(first.code).toBe(0);
    const assets = (await readdir(path.join(root, "assets"), { recursive: true })).filter((f) => f.endsWith(".jpg"));
    const snapshot = new Map<string, Buffer>();
    for (const file of assets) {
      const bytes = await readFile(path.join(root, "assets", file));
      snapshot.set(file, bytes);
      const meta = await sharp(bytes).metadata();
      expect(personalMetadata(meta), file).toEqual([]);
      expect(meta.orientation ?? 1, file).toBe(1);
    }
    const second = await runCli(["images", "--fix"], root);
    expect(second.stdout).toContain("自動で直せる画像はありませんでした");
    for (const [file, bytes] of snapshot) expect((await readFile(path.join(root, "assets", file))).equals(bytes), file).toBe(true);
  });

  it("generates the site's variants once, then serves them from the cache", async () => {
    const root = await copySampleContent();
    const first = await runCli(["images", "--variants", "--out", "site"], root);
    expect(first.stdout).toContain("サイト用の画像: 72 枚（新しく作成 72、前回の結果を再利用 0）");
    const second = await runCli(["images", "--variants", "--out", "site"], root);
    expect(second.stdout).toContain("サイト用の画像: 72 枚（新しく作成 0、前回の結果を再利用 72）");
    const manifest = JSON.parse(await readFile(path.join(root, "site/images/manifest.json"), "utf8"));
    const bousai = manifest.find((m: { source: string }) => m.source === "assets/2026/11/bousai.jpg");
    expect(bousai.variants.webp.map((v: { width: number }) => v.width)).toEqual([480, 960, 1200]);
    const avif = await sharp(await readFile(path.join(root, "site", bousai.variants.avif[0].file))).metadata();
    expect([avif.format, avif.width, avif.height]).toEqual(["heif", 480, 320]);
  });
});
