import { describe, it, expect } from "vitest";
import { articleText } from "../../pipeline/article/article.ts";
import { checkA11y, isMeaninglessAlt } from "../../pipeline/checks/a11y.ts";

const article = (body: string, extra = "") =>
  articleText("articles/x.md", `---\ntitle: t\nwriter: w\ndate: 2026-11-01\nsummary: s\n${extra}---\n\n${body}\n`).text!;
const rules = (body: string, extra = "") => checkA11y(article(body, extra)).map((d) => `${d.ruleId}@${d.line}`);

describe("accessibility rules", () => {
  it.each(["画像", "写真", "写真です。", "IMG_1234.jpg", "DSC0001", "photo", "satoyama.JPG", " イメージ "])("finds alt %j meaningless", (alt) => {
    expect(isMeaninglessAlt(alt)).toBe(true);
  });

  it.each(["公園で遊ぶ子どもたち", "写真館の外観", "画像診断の機器"])("accepts alt %j", (alt) => {
    expect(isMeaninglessAlt(alt)).toBe(false);
  });

  it("checks inline images and the cover's alt", () => {
    expect(rules("![写真](../a.jpg)", "cover: ../a.jpg\ncoverAlt: 画像\n")).toEqual(["a11y/alt-meaningless@6", "a11y/alt-meaningless@10"]);
  });

  it("wants headings without skipped levels, starting at ##", () => {
    expect(rules("## 二\n\n#### 四\n\n### 三")).toEqual(["a11y/heading-increment@10"]);
    expect(rules("# 一\n\n## 二\n\n# もう一つ")).toEqual(["a11y/h1-in-body@8", "a11y/multiple-h1@12"]);
    expect(rules("### 三から")).toEqual(["a11y/heading-increment@8"]);
  });

  it.each(["こちら", "ここ", "詳しくはこちら", "こちらから", "click here", "もっと見る"])("refuses vague link text %j", (text) => {
    expect(rules(`[${text}](https://example.com/a)`)).toEqual(["a11y/link-text@8"]);
  });

  it("refuses empty link text and bare URLs as link text", () => {
    expect(rules("[](https://example.com)")).toEqual(["a11y/link-text@8"]);
    expect(rules("https://example.com/page を見てください。")).toEqual(["a11y/url-as-link-text@8"]);
    expect(rules("[https://example.com/page](https://example.com/page)")).toEqual(["a11y/url-as-link-text@8"]);
  });

  it("fixes a bare URL in a Japanese sentence without taking the sentence into the link", () => {
    const text = article("詳しくはhttps://www.city.example.jp/kosodate/をご覧ください。");
    const [finding] = checkA11y(text);
    expect(finding?.ruleId).toBe("a11y/url-as-link-text");
    const [start, end] = finding!.fix!.range;
    const fixed = `${text.raw.slice(0, start)}${finding!.fix!.text}${text.raw.slice(end)}`;
    expect(fixed).toContain("詳しくは[city.example.jp](https://www.city.example.jp/kosodate/)をご覧ください。");
  });

  it("accepts descriptive link text", () => {
    expect(rules("[子育てひろばの案内ページ](https://example.com/a)")).toEqual([]);
  });

  it("wants tables with a header row", () => {
    expect(rules("|  |  |\n| --- | --- |\n| a | b |")).toEqual(["a11y/table-header@8"]);
    expect(rules("<table><tr><td>a</td></tr></table>")).toEqual(["a11y/table-header@8"]);
    expect(rules("| 項目 | 内容 |\n| --- | --- |\n| a | b |")).toEqual([]);
  });
});
