import { describe, it, expect } from "vitest";
import { articleText } from "../../pipeline/article/article.ts";
import { lintProse } from "../../pipeline/checks/prose/stage.ts";
import { fieldDocument } from "../../pipeline/checks/prose/fields.ts";
import { SAMPLE_ROOT } from "../support/repo.ts";

// Written for this project: the mistakes sit in the title, the summary and a photo's description.
const RAW = [
  "---",
  "title: 子供たちが遊んでます公園",
  "writer: hinata",
  "date: 2026-12-01",
  'summary: "公園で子どもたちが遊んでます。"',
  "category: kurashi",
  "cover: ../../../assets/2026/11/satoyama.jpg",
  "coverAlt: 見れる景色",
  "---",
  "",
  "公園の話です。",
  "",
  "![子どもたちが遊んでます様子](../../../assets/2026/11/satoyama.jpg)",
  "",
].join("\n");

describe("title, summary and photo descriptions are proofread (in check, and on the writer's page)", () => {
  it("reports each mistake on the field's own line and column, with a fix that edits exactly those characters", async () => {
    const text = articleText("articles/2026/12/fields.md", RAW).text!;
    const run = await lintProse(SAMPLE_ROOT, [text]);
    const found = run.results.get(text.path)!.diagnostics.map((d) => ({ rule: d.ruleId, line: d.line, column: d.column, fix: d.fix }));
    const at = (rule: string, line: number) => found.filter((f) => f.rule === rule && f.line === line);
    expect(at("prh", 2)).toHaveLength(1);
    // The fix inserts い before ます: the finding stands there, in the field's own text.
    const before = (line: number) => RAW.split("\n")[line - 1]!.indexOf("ます") + 1;
    expect(at("kawaraban/verb-forms", 2)[0]).toMatchObject({ column: before(2) });
    expect(at("kawaraban/verb-forms", 5)[0]).toMatchObject({ column: before(5) }); // inside the quotes
    expect(at("ja-technical-writing/no-dropping-the-ra", 8)).toHaveLength(1);
    expect(at("kawaraban/verb-forms", 13)[0]).toMatchObject({ column: before(13) }); // in the alt text
    // Fixes are ranges of the file: applying one changes the field's text and nothing else.
    const prh = at("prh", 2)[0]!.fix!;
    expect(RAW.slice(prh.range[0], prh.range[1])).toBe("子供");
    // A title is a label: no finding for its missing 。
    expect(found.filter((f) => f.rule.endsWith("ja-no-mixed-period") && f.line === 2)).toEqual([]);
  });

  it("leaves out a field it cannot place exactly (an escaped YAML string) instead of guessing", () => {
    const text = articleText(
      "articles/2026/12/x.md",
      RAW.replace('summary: "公園で子どもたちが遊んでます。"', 'summary: "公園で\\u5b50どもたちが遊んでます。"'),
    ).text!;
    const doc = fieldDocument(text)!;
    expect(doc.text).not.toContain("公園で子ども");
    expect(doc.text).toContain("子供たちが遊んでます公園");
  });
});
