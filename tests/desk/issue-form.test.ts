import { describe, it, expect } from "vitest";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { REPO_ROOT, fixture, SAMPLE_ROOT } from "../support/repo.ts";
import { parseConfig, type Config } from "../../pipeline/article/config.ts";
import { BRIEF_FORM, briefFromForm, formLabels, parseFormBody, parseLength } from "../../pipeline/desk/issue-form.ts";
import { parseBrief } from "../../pipeline/desk/brief.ts";

const parsed = parseConfig(await readFile(path.join(SAMPLE_ROOT, "kawaraban.config.yml"), "utf8"));
if (!parsed.ok) throw new Error("config");
const config: Config = parsed.config;
const labels = formLabels(await readFile(path.join(REPO_ROOT, BRIEF_FORM), "utf8"));

async function golden(name: string, actual: string) {
  const file = fixture("desk", name);
  if (process.env.UPDATE_GOLDEN === "1") await writeFile(file, actual);
  expect(actual).toBe(await readFile(file, "utf8"));
}

describe("the 記事の依頼 issue form, as GitHub renders a submitted form", () => {
  it("maps every label of the template to its field", () => {
    expect([...labels.values()]).toEqual(["title", "slug", "writer", "category", "deadline", "length", "fee", "details"]);
  });

  it("turns a submitted form into a brief file that parses back to the same brief", async () => {
    const values = parseFormBody(await readFile(fixture("desk", "issue-body.md"), "utf8"), labels);
    expect(values.get("writer")).toBeUndefined(); // _No response_
    const result = briefFromForm(values, config, 12);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.path).toBe("briefs/2026-12/satoyama-coworking.yml");
    await golden("brief.yml", result.text);
    const back = parseBrief(result.path, result.text, config);
    expect(back.diagnostics).toEqual([]);
    expect(back.brief).toMatchObject({
      id: "2026-12/satoyama-coworking",
      title: "里山のコワーキングスペースを訪ねて",
      category: "shigoto",
      deadline: "2026-12-20",
      length: { min: 800, max: 1200 },
      fee: 25000,
      issue: 12,
      status: "open",
    });
  });

  it("lists every problem at once, in Japanese, for the reply on the issue", async () => {
    const result = briefFromForm(parseFormBody(await readFile(fixture("desk", "issue-body-broken.md"), "utf8"), labels), config, 13);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(6);
    expect(result.problems.join("\n")).toMatch(
      /仮のタイトル[\s\S]*締め切り[\s\S]*カテゴリー「グルメ」[\s\S]*担当ライター「ひなた」[\s\S]*原稿料[\s\S]*ファイル名/,
    );
  });

  it("keeps hostile text inert: a title with YAML syntax stays a title, a huge body is cut", () => {
    const values = new Map([
      ["title", 'a: b\n"quoted" #comment\nfee: 999999'],
      ["deadline", "2026-12-20"],
      ["details", "x".repeat(50_000)],
    ]);
    const result = briefFromForm(values, config, 14);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const back = parseBrief(result.path, result.text, config).brief!;
    expect(back.fee).toBeUndefined();
    expect(back.title).toBe('a: b "quoted" #comment fee: 999999');
    expect(back.notes!.length).toBeLessThanOrEqual(4000);
    expect(parseFormBody(`### 仮のタイトル\n\n${"y".repeat(100_000)}`, labels).get("title")!.length).toBeLessThan(20_000);
  });

  it("reads a length range or a single target", () => {
    expect(parseLength("800〜1,200 文字")).toEqual({ min: 800, max: 1200 });
    expect(parseLength("１２００字程度")).toEqual({ min: 960, max: 1440 });
    expect(parseLength("おまかせ")).toBeUndefined();
  });
});

describe("brief files as people write them", () => {
  it("accepts a length as a target or a range, reports an unknown key without dropping the brief, and reads status loosely", () => {
    const one = parseBrief("briefs/2026-12/a.yml", "title: 朝市\ndeadline: 2026-12-20\nlength: 1200\nstatus: assigned\nbudget: 5000\n", config);
    expect(one.brief).toMatchObject({ length: { min: 960, max: 1440 }, status: "open" });
    expect(one.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([["brief/unknown-key", "warning"]]);
    expect(parseBrief("briefs/2026-12/b.yml", "title: 朝市\ndeadline: 2026-12-20\nlength: 800〜1,200字\nstatus: closed\n", config).brief).toMatchObject({
      length: { min: 800, max: 1200 },
      status: "cancelled",
    });
    expect(parseBrief("briefs/2026-12/c.yml", "title: 朝市\ndeadline: 12月20日\n", config).diagnostics[0]!.ruleId).toBe("brief/invalid");
    expect(parseBrief("briefs/朝市.yml", "title: 朝市\ndeadline: 2026-12-20\n", config).diagnostics[0]!.ruleId).toBe("brief/path");
  });
});
