import type { CheckReportDocument } from "./report-input.ts";
import { SUMMARY_MARKER, escapeMarkdown, findingsOf, inlineCode, ruleLink, type Finding } from "./findings.ts";
import { formatBytes } from "../source/decode.ts";
import { MAX_COMMENTS_PER_RULE } from "./review.ts";
import { AUTOFIX_MARKER } from "./autofix.ts";

export interface SummaryContext {
  repositoryUrl?: string;
  /** Findings posted as line comments in this run, and those only in this summary. */
  inlinePosted: number;
  /** Findings on lines this PR did not change (summary only). */
  outsideDiff: number;
  /** Findings over the line-comment cap (summary only). */
  overCap: number;
  /** Earlier line comments whose finding is gone. */
  fixedSincePreviousPush: number;
  /** The PR changes configuration, rates or writers. */
  configChanged?: string[];
}

const sourceLabel: Record<string, string> = {
  frontmatter: "記事の情報",
  textlint: "文章",
  "remark-lint": "Markdown",
  a11y: "読みやすさ・アクセシビリティ",
  image: "画像",
  input: "ファイル",
  config: "設定",
};
const icon = { error: "❌", warning: "⚠️", info: "ℹ️" } as const;

/**
 * Info findings are shown once per article, grouped: the city's recommended 表記 and marks, which
 * the autofix checkbox applies (「市のおすすめの表記 5 か所（「下さい」→「ください」ほか）」), and
 * readability notes (「長い文 4 か所」). Neither is a line comment or blocks a merge.
 */
const notationLabel: Record<string, string> = {
  prh: "市のおすすめの表記",
  "notation-variants": "表記ゆれ",
  typography: "記号と空白",
  "kana-notation": "かなで書く言葉（公用文）",
  "exclamation-width": "半角の「!」「?」",
};
const infoLabel: Record<string, string> = {
  "sentence-length": "長い文",
  "max-ten": "読点の多い文",
  "max-comma": "カンマの多い文",
  "max-kanji-continuous-len": "漢字が続くところ",
  "ja-no-weak-phrase": "弱い言い方（〜と思います など）",
  "no-doubled-joshi": "同じ助詞が重なる文",
  "arabic-kanji-numbers": "数字の書き方（算用数字と漢数字）",
  "redundant-expression": "長くなる言い方（〜することができる など）",
  "no-doubled-conjunction": "同じ接続詞が続くところ",
  "no-doubled-conjunctive-particle-ga": "逆接の「が」が重なる文",
};
const ruleTail = (ruleId: string) => ruleId.slice(ruleId.lastIndexOf("/") + 1);
const isNotation = (f: Finding) => Object.hasOwn(notationLabel, ruleTail(f.ruleId));

/** 「「下さい」→「ください」」 from a 表記 message, the form textlint-rule-prh writes. */
const REPLACEMENT = /^「([^」\n]{1,20})」→「([^」\n]{0,20})」/u;

function groupedInfo(findings: readonly Finding[], labels: Record<string, string>): string {
  const groups = new Map<string, { n: number; examples: Set<string> }>();
  for (const f of findings) {
    const tail = ruleTail(f.ruleId);
    // Own keys only: a rule id is report data, and 「constructor」 is not a label.
    const label = Object.hasOwn(labels, tail) ? labels[tail]! : escapeMarkdown(f.ruleId);
    const group = groups.get(label) ?? { n: 0, examples: new Set<string>() };
    group.n++;
    const pair = REPLACEMENT.exec(f.message);
    if (pair && group.examples.size < 3) group.examples.add(escapeMarkdown(`「${pair[1]}」→「${pair[2]}」`));
    groups.set(label, group);
  }
  return [...groups]
    .sort((a, b) => b[1].n - a[1].n)
    .map(([label, { n, examples }]) => `${label} ${number(n)} か所${examples.size ? `（${[...examples].join("、")}${n > examples.size ? " など" : ""}）` : ""}`)
    .join("、");
}
const number = (n: number) => n.toLocaleString("ja-JP");

/** GitHub refuses comment bodies over 65,536 characters; the summary stays well under. */
export const SUMMARY_MAX_CHARS = 60_000;
const TABLE_MAX_ROWS = 100;

/** Counts from the messages themselves: a report's own `summary` is never trusted. */
export function countsOf(report: CheckReportDocument): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of report.files) for (const m of f.messages) m.severity === "error" ? errors++ : m.severity === "warning" ? warnings++ : 0;
  return { errors, warnings };
}

/** Photo problems `images --fix` repairs (metadata, orientation, size). */
const FIXABLE_IMAGE_RULES = new Set(["image/personal-metadata", "image/oversized", "image/heavy", "image/too-large"]);

/** Findings kawaraban can fix by itself: text fixes of textlint and the photo fixes. */
export function fixableCount(report: CheckReportDocument): number {
  return findingsOf(report).filter((f) => f.fix !== undefined || FIXABLE_IMAGE_RULES.has(f.ruleId)).length;
}

/** The verdict an editor reads first. */
export function verdict(report: CheckReportDocument): string {
  const { errors, warnings } = countsOf(report);
  if (errors > 0) return `❌ **直してほしいところが ${errors} 件あります。** 直してから、もう一度プッシュしてください。`;
  if (warnings > 0) return `⚠️ **エラーはありません。** 確認してほしい点が ${warnings} 件あります（直さなくても公開できます）。`;
  return "✅ **問題は見つかりませんでした。** 編集担当の確認に進めます。";
}

function topRules(findings: Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.source, (counts.get(f.source) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([source, n]) => `${sourceLabel[source] ?? source} ${n}`)
    .join("、");
}

/** The sticky summary comment (Markdown), found again by its hidden marker on the next push. */
export function renderSummary(report: CheckReportDocument, ctx: SummaryContext): string {
  const findings = findingsOf(report);
  const lines = [SUMMARY_MARKER, "## 瓦版チェックの結果", "", verdict(report), ""];
  if (ctx.configChanged?.length) {
    lines.push(
      `> [!IMPORTANT]`,
      `> このプルリクエストは設定ファイル（${ctx.configChanged.map((p) => inlineCode(p)).join("、")}）を変更しています。料金・ライター・校正ルールに関わるため、**市の担当者の承認が必要です**。`,
      "",
    );
  }
  const rows = report.files.filter((f) => f.messages.length > 0 || f.stats);
  if (rows.length > 0) {
    lines.push("| 記事 | エラー | 警告 | 文字数 | 主な指摘 |", "| --- | ---: | ---: | ---: | --- |");
    for (const file of rows.slice(0, TABLE_MAX_ROWS)) {
      const own = findings.filter((f) => f.path === file.path);
      const errors = own.filter((f) => f.severity === "error").length;
      const warnings = own.filter((f) => f.severity === "warning").length;
      const chars = file.stats ? number(file.stats.characters) : "—";
      lines.push(`| ${inlineCode(file.path).replace(/\|/g, "\\|")} | ${errors} | ${warnings} | ${chars} | ${topRules(own) || "—"} |`);
    }
    if (rows.length > TABLE_MAX_ROWS) lines.push(`| ほかに ${number(rows.length - TABLE_MAX_ROWS)} ファイル | | | | |`);
    lines.push("");
  }
  // The findings list is cut where the comment would grow past GitHub's limit; what is left out
  // is counted (the check run's annotations and the job summary still have them).
  let size = lines.join("\n").length + 2_000;
  let shown = 0;
  if (findings.length > 0) {
    lines.push(`<details><summary>指摘の一覧（${findings.length} 件）</summary>`, "");
    outer: for (const file of report.files.filter((f) => f.messages.length > 0)) {
      const heading = `#### ${inlineCode(file.path)}`;
      size += heading.length + 2;
      if (size > SUMMARY_MAX_CHARS) break;
      lines.push(heading, "");
      const own = findings.filter((x) => x.path === file.path);
      const info = own.filter((f) => f.severity === "info");
      const notation = info.filter(isNotation);
      const readability = info.filter((f) => !isNotation(f));
      const infoLines = [
        notation.length > 0 ? `- ${icon.info} 表記: ${groupedInfo(notation, notationLabel)}（下の「直せるところ」にチェックを入れると直ります）` : "",
        readability.length > 0 ? `- ${icon.info} 読みやすさの目安: ${groupedInfo(readability, infoLabel)}（直さなくても公開できます）` : "",
      ].filter(Boolean);
      size += infoLines.join("\n").length + 1;
      if (size > SUMMARY_MAX_CHARS) break;
      lines.push(...infoLines);
      shown += info.length;
      for (const f of own.filter((x) => x.severity !== "info")) {
        const where = f.line !== undefined ? `${f.line} 行目: ` : "";
        const line = `- ${icon[f.severity]} ${where}${escapeMarkdown(f.message)}（${ruleLink(f, ctx.repositoryUrl)}）`;
        size += line.length + 1;
        if (size > SUMMARY_MAX_CHARS) break outer;
        lines.push(line);
        shown++;
      }
      lines.push("");
    }
    if (shown < findings.length)
      lines.push(
        "",
        `ほかに ${number(findings.length - shown)} 件の指摘があります（コメントの文字数の上限のため、ここには載せていません。すべての指摘は、手元で \`npx kawaraban check\` を実行すると確かめられます）。`,
        "",
      );
    lines.push("</details>", "");
  }
  const notes: string[] = [];
  if (report.images && report.images.files.length > 0) {
    const { files, bytes, after } = report.images;
    const saving = after < bytes ? `。\`npx kawaraban images --fix\` で ${formatBytes(after)} に軽くできます` : "";
    notes.push(`画像 ${files.length} 枚（${formatBytes(bytes)}）${saving}。`);
  }
  if (ctx.inlinePosted > 0) notes.push(`変更した行への指摘 ${ctx.inlinePosted} 件を、その行にコメントしました。`);
  if (ctx.outsideDiff > 0) notes.push(`変更していない行の指摘 ${ctx.outsideDiff} 件は、この一覧だけに載せています。`);
  if (ctx.overCap > 0)
    notes.push(
      `行へのコメントは 1 つのルールにつき記事ごとに ${MAX_COMMENTS_PER_RULE} 件までにしています。残りの ${ctx.overCap} 件はこの一覧だけに載せています。`,
    );
  if (ctx.fixedSincePreviousPush > 0) notes.push(`前回のプッシュからの修正で、${ctx.fixedSincePreviousPush} 件の指摘が直りました。`);
  if (report.summary.baselined) notes.push(`以前からある指摘 ${report.summary.baselined} 件は、ベースラインにあるため表示していません。`);
  lines.push(...notes.map((n) => `- ${n}`), ...(notes.length ? [""] : []));
  const fixable = fixableCount(report);
  if (fixable > 0) {
    lines.push(
      "### 直せるところを kawaraban に直してもらう",
      "",
      `- [ ] 直せるところ ${fixable} 件（写真の撮影情報の削除・向きと大きさ、文章の安全な直し）を直して、このブランチにコミットする ${AUTOFIX_MARKER}`,
      "",
      "チェックを入れると、数分でコミットが届きます。直したあとの内容は、いつものようにこの画面で確かめてください。フォークからのプルリクエストでは使えません（手元で `npx kawaraban check --fix` と `npx kawaraban images --fix` を実行してプッシュします）。",
      "",
    );
  }
  const docs = ctx.repositoryUrl ? `[ルールの説明](${ctx.repositoryUrl}/blob/HEAD/docs/rules.md)` : "ルールの説明は docs/rules.md";
  lines.push(`<sub>${docs} ・ 指摘について分からないことは、このプルリクエストで編集担当に聞いてください。</sub>`, "");
  return lines.join("\n");
}
