import { describe, it, expect } from "vitest";
import { readFile, writeFile } from "node:fs/promises";
import { fixture } from "../support/repo.ts";
import { parseCheckReport } from "../../pipeline/github/report-input.ts";
import { renderSummary } from "../../pipeline/github/summary.ts";
import { planReview } from "../../pipeline/github/review.ts";
import { findingsOf } from "../../pipeline/github/findings.ts";
import { annotated } from "../../pipeline/github/checks.ts";

/** Golden Markdown: what editors and writers see in the PR, reviewable in the repository. */
async function golden(name: string, actual: string): Promise<void> {
  const file = fixture("github", name);
  if (process.env.UPDATE_GOLDEN === "1") await writeFile(file, actual);
  expect(actual).toBe(await readFile(file, "utf8"));
}

const report = parseCheckReport(await readFile(fixture("github", "report.json"), "utf8"));
const repositoryUrl = "https://github.com/hibarino/kawaraban";

describe("what the PR shows (golden files)", () => {
  it("renders the sticky summary", async () => {
    const summary = renderSummary(report, {
      repositoryUrl,
      inlinePosted: 2,
      outsideDiff: 1,
      overCap: 0,
      fixedSincePreviousPush: 1,
      configChanged: ["kawaraban.config.yml"],
    });
    await golden("summary.md", summary);
    // Untrusted text is defused: rendered as GitHub renders Markdown (raw HTML allowed), no
    // element comes from it (only code text), no live @mention.
    const { unified } = await import("unified");
    const hast = await unified()
      .use((await import("remark-parse")).default)
      .use((await import("remark-gfm")).default)
      .use((await import("remark-rehype")).default, { allowDangerousHtml: true })
      .use((await import("rehype-raw")).default)
      .run(
        unified()
          .use((await import("remark-parse")).default)
          .use((await import("remark-gfm")).default)
          .parse(summary),
      );
    const { visit } = await import("unist-util-visit");
    const tags = new Set<string>();
    visit(hast, "element", (el: { tagName: string }) => void tags.add(el.tagName));
    for (const tag of ["script", "img", "iframe"]) expect(tags.has(tag), tag).toBe(false);
    expect(summary).not.toMatch(/@everyone/);
  });

  it("renders the line comments, with a one-click suggestion where a fix exists", async () => {
    const changed = new Map([["articles/2026/11/bousai.md", new Set([35, 36])]]);
    const plan = planReview(findingsOf(report), changed, [], repositoryUrl);
    const rendered = plan.comments.map((c) => `### ${c.path}:${c.line}\n\n${c.body}\n`).join("\n");
    await golden("review-comments.md", rendered);
    // The error outside the diff is counted; the warning without a fix is summary-only by severity.
    expect(plan.outsideDiff).toBe(1);
  });

  it("comments only errors and fixable warnings, at most a few per rule and article; info stays in the summary", () => {
    const message = (line: number, severity: "error" | "warning" | "info", ruleId: string, fix: boolean) => ({
      ruleId,
      source: "textlint" as const,
      severity,
      message: `見本の指摘 ${line}`,
      line,
      column: 1,
      ...(fix && { suggestion: { line, endLine: line, text: "直した行" } }),
    });
    const messages = [
      ...[1, 2, 3, 4, 5].map((n) => message(n, "warning", "kawaraban/notation-variants", true)),
      message(6, "warning", "ja-technical-writing/ja-no-redundant-expression", false),
      message(7, "info", "ja-technical-writing/sentence-length", false),
      message(8, "info", "kawaraban/exclamation-width", true),
      message(9, "error", "kawaraban/repeated-word", true),
      ...[10, 11].map((n) => ({ ...message(n, "info", "prh", true), message: "「下さい」→「ください」: 補助的な動詞なので、ひらがなで書きます。" })),
      { ...message(12, "info", "prh", true), message: "「子供」→「子ども」: 市の方針で「子ども」と書きます。" },
    ];
    const doc = { version: 1 as const, files: [{ path: "articles/2026/11/a.md", messages }], summary: { files: 1, errors: 1, warnings: 6 } };
    const plan = planReview(findingsOf(doc), new Map([["articles/2026/11/a.md", new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])]]), [], repositoryUrl);
    expect(plan.comments.map((c) => c.line)).toEqual([9, 1, 2, 3]);
    expect(plan.overCap).toBe(2);
    const summary = renderSummary(doc, { inlinePosted: 4, outsideDiff: 0, overCap: plan.overCap, fixedSincePreviousPush: 0 });
    expect(summary).toContain("ℹ️ 読みやすさの目安: ");
    expect(summary).toContain("長い文 1 か所");
    expect(summary).toContain("ℹ️ 表記: 市のおすすめの表記 3 か所（「下さい」→「ください」、「子供」→「子ども」 など）、半角の「!」「?」 1 か所");
    expect(summary).not.toContain("見本の指摘 10");
    // A rule id is data: one named like an Object property is shown as itself, not as a label.
    const odd = renderSummary(
      { ...doc, files: [{ path: "articles/2026/11/a.md", messages: [message(1, "info", "x/constructor", false)] }] },
      { inlinePosted: 0, outsideDiff: 0, overCap: 0, fixedSincePreviousPush: 0 },
    );
    expect(odd).toContain("読みやすさの目安: x/constructor 1 か所");
    expect(summary).not.toContain("見本の指摘 7");
    // Nor does the check run annotate info on the line.
    expect(annotated(findingsOf(doc)).map((f) => f.line)).toEqual([9, 1, 2, 3, 4, 5, 6]);
  });
});

describe("the summary under GitHub's limit", () => {
  it("stays under 65,536 characters with 80,000 findings and says how many it left out", async () => {
    const { renderSummary } = await import("../../pipeline/github/summary.ts");
    const files = Array.from({ length: 20 }, (_, f) => ({
      path: `articles/2026/11/a${f}.md`,
      messages: Array.from({ length: 4000 }, (_, i) => ({
        ruleId: "ja-technical-writing/sentence-length",
        source: "textlint" as const,
        severity: "warning" as const,
        message: `一文が長すぎます（${101 + i} 文字）。`,
        line: i + 1,
        column: 1,
      })),
    }));
    const summary = renderSummary(
      { version: 1, files, summary: { files: 20, errors: 0, warnings: 80_000 } },
      { inlinePosted: 0, outsideDiff: 0, overCap: 0, fixedSincePreviousPush: 0 },
    );
    expect(summary.length).toBeLessThan(65_536);
    expect(summary).toMatch(/ほかに [\d,]+ 件の指摘があります/);
    expect(summary).toContain("確認してほしい点が 80000 件");
  });
});
