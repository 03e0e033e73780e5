import { describe, it, expect } from "vitest";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gateText } from "../../pipeline/core/admit.ts";
import { parseConfig } from "../../pipeline/article/config.ts";
import { SAMPLE_ROOT } from "../support/repo.ts";

const parsed = parseConfig(await readFile(path.join(SAMPLE_ROOT, "kawaraban.config.yml"), "utf8"));
if (!parsed.ok) throw new Error("config");
const config = parsed.config;
const check = (frontMatter: string) =>
  gateText("articles/2026/11/a.md", `---\n${frontMatter}\n---\n\n本文です。\n`, config).diagnostics.map((d) => [d.ruleId, d.line, d.message]);

/** The mistakes writers really make, and the message that fixes each in one round. */
describe("front-matter messages a writer can act on", () => {
  it("reports every problem of a file at once (a missing coverAlt beside a broken date and tags)", () => {
    const found = check("title: 朝市\nwriter: hinata\ndate: 2026/11/20\nsummary: 概要\ntags: 朝市\ncover: ../../../assets/2026/11/satoyama.jpg");
    expect(found.map((f) => f[0]).sort()).toEqual(["frontmatter/cover-alt", "frontmatter/date", "frontmatter/type"]);
  });

  it("explains a colon in a title: quote the value", () => {
    const [rule, line, message] = check("title: 古民家カフェ「ひだまり」: 駅前にオープン\nwriter: hinata\ndate: 2026-11-20\nsummary: 概要")[0] as [
      string,
      number,
      string,
    ];
    expect(rule).toBe("frontmatter/yaml-syntax");
    expect(line).toBe(2);
    expect(message).toBe(
      'title の値に「: 」（コロンと空白）があるため、YAML では項目の区切りと読まれてしまいます。値全体を引用符で囲んでください（例: title: "古民家カフェ「ひだまり」: 駅前にオープン"）。',
    );
  });

  it("explains a title that starts with a quote", () => {
    const message = check('title: "ひだまり" に行ってきました\nwriter: hinata\ndate: 2026-11-20\nsummary: 概要')[0]![2] as string;
    expect(message).toContain(`例: title: '"ひだまり" に行ってきました'`);
    expect(message).not.toMatch(/[A-Z][a-z]+ [a-z]+/); // no English from the parser
  });

  it("warns when a # after a space silently drops text", () => {
    const found = check("title: 行ってきました！ #カフェ\nwriter: hinata\ndate: 2026-11-20\nsummary: 概要");
    expect(found).toEqual([
      [
        "frontmatter/comment",
        2,
        'title の「#カフェ」は消えてしまいます（空白の後の「#」から後ろは YAML のコメントになります）。残したいときは値全体を引用符で囲んでください（例: title: "…#カフェ"）。',
      ],
    ]);
    expect(check('title: "行ってきました！ #カフェ"\nwriter: hinata\ndate: 2026-11-20\nsummary: 概要')).toEqual([]);
  });

  it("points from a display name to the handle and the category key", () => {
    const found = check("title: 朝市\nwriter: ひなた\ndate: 2026-11-20\nsummary: 概要\ncategory: くらし");
    expect(found.find((f) => f[0] === "frontmatter/unknown-writer")![2]).toContain("「ひなた」は表示名です。ここにはハンドル名「hinata」を書きます。");
    expect(found.find((f) => f[0] === "frontmatter/unknown-category")![2]).toContain("「くらし」は表示名です。ここには名前「kurashi」を書きます。");
  });
});
