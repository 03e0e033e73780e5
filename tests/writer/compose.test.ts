import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { parseConfig, type Config } from "../../pipeline/article/config.ts";
import { admit } from "../../pipeline/core/admit.ts";
import { overlay } from "../../pipeline/source/overlay.ts";
import { classifyArticlePath } from "../../pipeline/article/article-path.ts";
import { composeArticle, photoPathOf, slugOf, splitTags, type DraftFields } from "../../pipeline/writer/compose.ts";
import { SAMPLE_ROOT } from "../support/repo.ts";

const parsed = parseConfig(readFileSync(path.join(SAMPLE_ROOT, "kawaraban.config.yml"), "utf8"));
if (!parsed.ok) throw new Error("sample config");
const config: Config = parsed.config;
const TODAY = "2026-12-02";

const base: DraftFields = {
  writer: "hinata",
  title: "里山のコワーキングスペースを訪ねて",
  date: "2026-12-10",
  summary: "古民家を改装した仕事場を訪ねました。",
  category: "shigoto",
  tags: ["自然"],
  slug: "",
  coverAlt: "",
  body: "古民家を改装した仕事場を訪ねました。\n",
};

async function admitted(fields: DraftFields, photos: string[] = []) {
  const c = composeArticle(fields, TODAY);
  const files = new Map<string, Buffer>([[c.path, Buffer.from(c.raw)]]);
  for (const p of photos) files.set(p, Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
  return { composed: c, admission: await admit(overlay(undefined, files), c.path, config) };
}

// Values a writer may type into a one-line field: YAML's special characters, keywords, quotes, spaces, any script.
const lineText = fc
  .oneof(
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }),
    fc.constantFrom(
      "true",
      "null",
      "123",
      "- 項目",
      "# 見出し",
      "a: b",
      "'引用'",
      '"二重"',
      " 先頭の空白",
      "末尾の空白 ",
      "[配列]",
      "{x}",
      "&a *b !c",
      "../x",
      "2026-12-01",
    ),
  )
  .map((s) => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/gu, "").trim())
  .filter((s) => s.length > 0 && !/[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, "")));

describe("the writer's page composes the article file (no YAML or paths typed by the writer)", () => {
  it("every title, summary and photo description the writer types comes back exactly from the front matter check reads", async () => {
    await fc.assert(
      fc.asyncProperty(lineText, lineText, lineText, async (title, summary, coverAlt) => {
        const cover = photoPathOf({ ...base, title }, TODAY, 1, "jpg");
        const { admission } = await admitted({ ...base, title, summary, coverAlt, cover }, [cover]);
        const fm = admission.article?.frontMatter;
        expect(admission.diagnostics.filter((d) => d.ruleId.startsWith("frontmatter/") && d.ruleId !== "frontmatter/length")).toEqual([]);
        expect(fm).toMatchObject({ title, summary, coverAlt });
      }),
      { numRuns: 150 },
    );
  });

  it("puts the article and its photos where the project expects them, whatever the writer types as its URL name", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.constantFrom("2026-12-10", "", "2027-01-31"), (slug, date) => {
        const fields = { ...base, slug, date };
        const c = composeArticle(fields, TODAY);
        expect(classifyArticlePath(c.path).kind).toBe("article");
        expect(photoPathOf(fields, TODAY, 2, "jpg")).toMatch(/^assets\/\d{4}\/\d{2}\/[a-z0-9-]+-2\.jpg$/);
        expect(slugOf(fields)).toMatch(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/);
      }),
    );
  });

  it("a clean draft with a cover photo is admitted with no finding, and the cover resolves to the committed photo", async () => {
    const cover = photoPathOf(base, TODAY, 1, "jpg");
    const { admission, composed } = await admitted({ ...base, cover, coverAlt: "古民家の縁側で仕事をする人" }, [cover]);
    expect(composed.path).toBe("articles/2026/12/hinata-20261210.md");
    expect(admission.diagnostics).toEqual([]);
    expect(admission.article?.frontMatter.cover).toBe("../../../assets/2026/12/hinata-20261210-1.jpg");
  });

  it("knows each field's line and where the body starts, for findings under their field", () => {
    const c = composeArticle({ ...base, cover: "assets/2026/12/x-1.jpg", coverAlt: "説明" }, TODAY);
    const lines = c.raw.split("\n");
    for (const [field, line] of Object.entries(c.fieldLines)) expect(lines[line - 1]!.startsWith(`${field}: `)).toBe(true);
    expect(c.raw.slice(c.bodyOffset)).toBe(base.body);
    expect(lines[c.bodyLine - 1]).toBe(base.body.trimEnd());
  });

  it("splits tags as writers type them", () => {
    expect(splitTags("自然、散策, 秋　 自然")).toEqual(["自然", "散策", "秋"]);
  });
});
