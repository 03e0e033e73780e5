import { describe, it, expect } from "vitest";
import { readFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { classifyArticlePath } from "../../pipeline/article/article-path.ts";
import { tagSlug } from "../../pipeline/article/tags.ts";
import { checkStructure } from "../../pipeline/article/structure-limits.ts";
import { admitSource } from "../support/admit.ts";
import { parseConfig } from "../../pipeline/article/config.ts";
import { containedJoin, containedRel } from "../../pipeline/contained-path.ts";
import { logSafe, shellQuote, escapeHtml } from "../../pipeline/text-safety.ts";
import { SAMPLE_ROOT } from "../support/repo.ts";
import { execFileSync } from "node:child_process";

const parsed = parseConfig(await readFile(path.join(SAMPLE_ROOT, "kawaraban.config.yml"), "utf8"));
if (!parsed.ok) throw new Error("config");
const config = parsed.config;
const article = (extra = "", body = "本文です。") => `---\ntitle: 朝市\nwriter: hinata\ndate: 2026-11-20\nsummary: 概要です。\n${extra}---\n\n${body}\n`;

describe("what is an article (one rule for every stage)", () => {
  it.each([
    ["articles/2026/11/satoyama-walk.md", "2026/11/satoyama-walk/"],
    ["articles/2026/11/a1.md", "2026/11/a1/"],
    ["articles/interview-2026.md", "interview-2026/"],
  ])("admits %s at %s", (p, url) => {
    expect(classifyArticlePath(p)).toMatchObject({ kind: "article", url });
  });

  it.each([
    ['articles/2026/11/a"><img src=x onerror=alert(1)>.md', "name"],
    ["articles/2026/11/what?.md", "name"],
    ["articles/2026/11/里山.md", "name"],
    ["articles/2026/11/Satoyama.md", "name"],
    ["articles/2026/11/a b.md", "name"],
    ["articles/2026/11/-a.md", "name"],
    ["articles/2026/11/x.MD", "extension"],
    ["articles/2026/11/x.markdown", "extension"],
    ["articles/2026/12/.drafts/x.md", "folder"],
    ["articles/.ghost.md", "name"],
    ["articles/feed.xml.md", "name"],
    ["articles/tags/x.md", "reserved"],
    ["articles/search.md", "reserved"],
    ["articles/a/b/c/d/e/x.md", "depth"],
    ["notes/x.md", "outside"],
  ])("refuses %s (%s) with a hint", (p, problem) => {
    const verdict = classifyArticlePath(p);
    expect(verdict).toMatchObject({ kind: "invalid", problem, severity: "error" });
  });

  it("warns about photos left under articles/, says nothing of .gitkeep", () => {
    expect(classifyArticlePath("articles/2026/11/photo.jpg")).toMatchObject({ kind: "invalid", severity: "warning" });
    expect(classifyArticlePath("articles/2026/.gitkeep")).toEqual({ kind: "placeholder" });
  });

  it("never admits a path whose URL could need escaping (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 4 }), (parts) => {
        const verdict = classifyArticlePath(`articles/${parts.join("/")}.md`);
        if (verdict.kind === "article") expect(verdict.url).toMatch(/^([a-z0-9-]+\/)+$/);
      }),
    );
  });
});

describe("tag slugs", () => {
  it("folds width and case, keeps Japanese, drops what could leave the folder", () => {
    expect(tagSlug("ＡＩ")).toBe("ai");
    expect(tagSlug("駅前")).toBe("駅前");
    expect(tagSlug("子育て 支援")).toBe("子育て-支援");
    expect(tagSlug("ｶﾌｪ")).toBe("カフェ");
    for (const bad of ["..", ".", "/", "?#%", "  "]) expect(tagSlug(bad), bad).toBeUndefined();
    expect(tagSlug("../../index")).toBe("index"); // only the letters survive: tags/index/
  });

  it("never yields a slug with a separator, a dot or a percent sign (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (tag) => {
        const slug = tagSlug(tag);
        if (slug !== undefined) expect(slug).not.toMatch(/[/\\.%?#"'<>\s\u0000-\u001f]/);
      }),
    );
  });

  it("admits duplicate spellings once, with a warning", async () => {
    const { article: admitted, diagnostics } = await admitSource("articles/2026/11/a.md", article("tags: [AI, ＡＩ, 駅前]\n"), config);
    expect(admitted?.tags).toEqual([
      { name: "AI", slug: "ai" },
      { name: "駅前", slug: "駅前" },
    ]);
    expect(diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([["frontmatter/tag-duplicate", "warning"]]);
  });
});

describe("structure limits (one linear pass before any parser)", () => {
  const at = (body: string) => checkStructure("articles/a.md", `---\ntitle: t\n---\n${body}`, 4).map((d) => d.ruleId);
  it.each([
    [`${"> ".repeat(11)}引用`, "limits/nesting"],
    [`${"- ".repeat(11)}項目`, "limits/nesting"],
    [`${" ".repeat(30)}- 項目`, "limits/nesting"],
    ["<b>".repeat(201), "limits/html-tags"],
    [Array.from({ length: 301 }, (_, i) => `[a](b${i})`).join(" "), "limits/links"],
    ["あ".repeat(4001), "limits/line-length"],
    [Array.from({ length: 101 }, (_, i) => `![写真${i}](../a${i}.jpg)`).join("\n\n"), "limits/images"],
    [Array.from({ length: 41 }, () => "あ".repeat(100)).join("\n"), "limits/paragraph-length"],
    [`|${" a |".repeat(21)}`, "limits/table"],
    ["向き\u202eを変える", "limits/bidi-control"],
  ])("refuses %#: %s", (body, rule) => {
    expect(at(body)).toContain(rule);
  });

  it("lets ordinary articles through: lists, quotes, a table, code, many short paragraphs", async () => {
    const sample = await readFile(path.join(SAMPLE_ROOT, "articles/2026/11/satoyama-walk.md"), "utf8");
    expect(checkStructure("articles/2026/11/satoyama-walk.md", sample, 12)).toEqual([]);
    const body = [
      "- 一\n  - 二\n    - 三",
      "> 引用\n> > 入れ子",
      "| a | b |\n| - | - |\n| 1 | 2 |",
      `\`\`\`\n${" ".repeat(40)}code\n\`\`\``,
      ...Array.from({ length: 50 }, () => "あ".repeat(300)),
    ].join("\n\n");
    expect(at(body)).toEqual([]);
  });

  it("stays linear: 60 KB of spaces before a comment is scanned at once", () => {
    const started = performance.now();
    checkStructure("articles/a.md", `---\ntitle: 里山さんぽ${" ".repeat(60_000)}#\n---\n本文`, 4);
    expect(performance.now() - started).toBeLessThan(1000); // a guard against a regex gone quadratic, not a benchmark
  });
});

describe("the gate", () => {
  it("admits a valid article with its slug, URL, tags and category", async () => {
    const { article: admitted } = await admitSource("articles/2026/11/asaichi.md", article("category: kurashi\ntags: [朝市]\n"), config);
    expect(admitted).toMatchObject({
      slug: "asaichi",
      url: "2026/11/asaichi/",
      category: { slug: "kurashi", name: "くらし" },
      tags: [{ name: "朝市", slug: "朝市" }],
    });
  });

  it.each([
    ["category: constructor\n", "frontmatter/unknown-category"],
    ["category: __proto__\n", "frontmatter/unknown-category"],
    ['tags: [".."]\n', "frontmatter/tag"],
  ])("refuses %j (%s) without throwing", async (extra, rule) => {
    const { article: admitted, diagnostics } = await admitSource("articles/2026/11/a.md", article(extra), config);
    expect(admitted).toBeUndefined();
    expect(diagnostics.map((d) => d.ruleId)).toContain(rule);
  });

  it("never lints or parses past a limit: the article stops at the gate", async () => {
    const { text: lintable, diagnostics } = await admitSource("articles/2026/11/a.md", article("", `${"> ".repeat(2000)}a`), config);
    expect(lintable).toBeUndefined();
    expect(diagnostics.map((d) => d.ruleId)).toContain("limits/nesting");
    expect(diagnostics.every((d) => d.ruleId.startsWith("limits/"))).toBe(true);
  });
});

describe("output containment and escaping", () => {
  it("refuses every relative path that could leave its folder", () => {
    for (const bad of ["../x", "a/../../x", "/etc/passwd", "a\\b", "a\0b", "", "./a", "a//b"]) expect(() => containedRel(bad), bad).toThrow();
    expect(containedJoin("/out", "statement-2026-11-hinata.html")).toBe("/out/statement-2026-11-hinata.html");
  });

  it("quotes shell words so that pasting runs nothing", () => {
    for (const word of ["$(touch PWNED)", "`id`", "a'b", "a b; rm -rf /", "\n"]) {
      expect(execFileSync("sh", ["-c", `printf %s ${shellQuote(word)}`], { encoding: "utf8" })).toBe(word);
    }
  });

  it("keeps log lines single and free of workflow commands", () => {
    const line = logSafe("a\n::error::pwned\r::add-mask::x");
    expect(line).not.toMatch(/[\r\n]/);
    expect(line).not.toContain("::");
    expect(escapeHtml(`"'<>&`)).toBe("&quot;&#39;&lt;&gt;&amp;");
  });
});
