import { APPROVALS_FILE, BRIEFS_DIR, MAX_BRIEF_BYTES, briefRules, parseBrief } from "../desk/brief.ts";
import { readBriefBook } from "../desk/read-briefs.ts";
import { checkBriefLink } from "../checks/brief-links.ts";
import { jstDate } from "../jst.ts";
import type { Config } from "../article/config.ts";
import type { Diagnostic, Span } from "../diagnostics/diagnostic.ts";
import { defineRule, report } from "../diagnostics/rules.ts";
import { inputRules } from "../diagnostics/input-rules.ts";
import { buildReport, type CheckReport } from "../diagnostics/report.ts";
import { classifyArticlePath } from "../article/article-path.ts";
import { admitText, articleBytes, type AdmittedArticle } from "../article/gate.ts";
import type { Article } from "../article/article.ts";
import { decodeUtf8 } from "../article/safe-read.ts";
import { referenceProblems, resolveImageUrl, imageRefRules } from "../checks/image-refs.ts";
import { lintProse } from "../checks/prose/stage.ts";
import { internalDiagnostic } from "../checks/run.ts";
import { inspectImage } from "../images/inspect.ts";
import { imageLimits } from "../images/limits.ts";
import { EXTENSIONS } from "../images/sniff.ts";
import { imageRules } from "../images/rules.ts";
import { listTree, readTreeFiles } from "../git/objects.ts";
import { applyBaseline, lineTextsOf, readBaseline } from "../checks/baseline.ts";
import { mergeLineSuggestions } from "../diagnostics/merge-suggestions.ts";
import type { CheckReportDocument } from "./report-input.ts";

export const verdictRules = {
  protectedChange: defineRule({ id: "verdict/protected-change", source: "config", severity: "error", title: "記事と写真以外の変更には市の担当者の承認が要ります" }),
  otherWriter: defineRule({ id: "verdict/other-writer", source: "frontmatter", severity: "warning", title: "ほかのライターの記事を変更しています" }),
  noArticle: defineRule({ id: "verdict/no-article", source: "input", severity: "warning", title: "記事の変更がありません" }),
};

export interface PrFile {
  filename: string;
  status: string;
}

export interface VerdictInput {
  /** The privileged job's checkout of the default branch: its kawaraban, config and lint rules judge. */
  root: string;
  config: Config;
  headSha: string;
  /** The PR's files as the API lists them (never as the PR's own artifact says). */
  files: readonly PrFile[];
  /** The unprivileged job's report: only its decoded-image findings are taken, and only for this PR's files. */
  advisory?: CheckReportDocument;
  /** A configured city-staff member approved exactly this head. */
  staffApprovedHead: boolean;
  /** The PR author's GitHub login: an article whose writer maps to another account is flagged for the editor. */
  author?: string;
  /** Today (YYYY-MM-DD, Japan time), for brief deadlines. */
  today?: string;
}

/** What editors review without city staff: articles, photos and briefs (a brief's fee binds only through approvals.yml). */
const isContent = (p: string) => p.startsWith("articles/") || p.startsWith("assets/") || (p.startsWith("briefs/") && p !== APPROVALS_FILE);
const isImagePath = (p: string) => p.startsWith("assets/") && EXTENSIONS[p.slice(p.lastIndexOf(".")).toLowerCase()] !== undefined;
/** Decoding finds what no header shows; that one rule is taken from the unprivileged job. */
const DECODE_ONLY_RULES = new Set([imageRules.corrupt.id]);

/**
 * The PR verdict, re-derived from the head commit's objects in the default branch's checkout:
 * the changed articles go through the same gate, prose, Markdown, accessibility and image-
 * reference checks as `kawaraban check`, read as data from git; photos are judged from their
 * headers in JavaScript. Any change outside articles/ and assets/ fails the verdict until city
 * staff approve the current head. Nothing from the PR is checked out, installed or run.
 */
export async function deriveVerdict(input: VerdictInput): Promise<CheckReport> {
  const { root, config, headSha } = input;
  const diagnostics: Diagnostic[] = [];
  const live = input.files.filter((f) => f.status !== "removed");
  const checked = new Set<string>();

  for (const f of input.files.filter((f) => !isContent(f.filename))) {
    checked.add(f.filename);
    const approved = input.staffApprovedHead;
    diagnostics.push(
      report(
        verdictRules.protectedChange,
        f.filename,
        approved
          ? "記事と写真以外のファイルの変更です。市の担当者がこのコミットを承認済みです。"
          : "記事（articles/）と写真（assets/）以外のファイルを変更しています。ワークフロー・設定・料金・校正ルールに関わるため、市の担当者がこのコミットを承認するまでマージできません。",
        undefined,
        { severity: approved ? "info" : "error" },
      ),
    );
  }
  const tree = await listTree(root, headSha, "assets");
  const articleFiles = live.filter((f) => f.filename.startsWith("articles/"));
  const read = await readTreeFiles(root, headSha, articleFiles.map((f) => f.filename), articleBytes(config));
  const articles: Article[] = [];
  const admitted: AdmittedArticle[] = [];
  for (const f of articleFiles) {
    const path = f.filename;
    checked.add(path);
    const where = classifyArticlePath(path);
    if (where.kind === "placeholder") continue;
    if (where.kind === "invalid") {
      diagnostics.push(report(inputRules.notArticle, path, where.message, undefined, { severity: where.severity }));
      continue;
    }
    const file = read.get(path)!;
    if (!file.ok) {
      diagnostics.push(file.reason === "too-large" ? report(inputRules.tooLarge, path, `ファイルが大きすぎます（上限 ${Math.round(articleBytes(config) / 1024)} KB）。記事を分けてください。`) : report(inputRules.unreadable, path, "ファイルを読み込めませんでした（シンボリックリンクやフォルダーは使えません）。"));
      continue;
    }
    const decoded = decodeUtf8(file.bytes, path);
    if (!decoded.ok) {
      diagnostics.push(decoded.diagnostic);
      continue;
    }
    const gate = admitText(path, decoded.text, config);
    diagnostics.push(...gate.diagnostics);
    if (gate.article) articles.push(gate.article);
    if (gate.admitted) admitted.push(gate.admitted);
    const writer = gate.admitted?.frontMatter.writer;
    const account = writer !== undefined ? config.writers[writer]?.github : undefined;
    if (input.author && account && account.toLowerCase() !== input.author.toLowerCase()) {
      diagnostics.push(report(verdictRules.otherWriter, path, `この記事のライターは ${writer}（GitHub: ${account}）ですが、プルリクエストを作ったのは ${input.author} です。編集担当は、ライター本人の了解があるか確かめてください。`, gate.admitted!.yaml.locate(["writer"], "value")));
    }
  }
  await addBriefFindings(input, live, admitted, diagnostics, checked);
  if (articles.length > 0) {
    try {
      const prose = await lintProse(root, articles, {});
      for (const result of prose.results.values()) diagnostics.push(...result.diagnostics);
    } catch (error) {
      diagnostics.push(...articles.map((a) => internalDiagnostic(a.path, error)));
    }
  }

  // Image references against the head's tree, and the photos themselves from their headers.
  const references = new Map<string, { article: string; span?: Span }[]>();
  for (const article of articles) {
    for (const p of referenceProblems(article)) diagnostics.push(report(p.rule, article.path, p.message, p.ref.span));
    for (const ref of article.images) {
      const resolved = resolveImageUrl(article.path, ref.url);
      if (!resolved.ok) continue;
      const mode = tree.get(resolved.repoPath);
      if (mode === undefined) diagnostics.push(report(imageRefRules.notFound, article.path, `画像（${resolved.repoPath}）が見つかりません。ファイル名と大文字・小文字、フォルダーを確認してください。`, ref.span));
      else if (mode === "120000") diagnostics.push(report(imageRefRules.symlink, article.path, `画像（${resolved.repoPath}）はシンボリックリンクです。写真のファイルそのものを置いてください。`, ref.span));
      else references.set(resolved.repoPath, [...(references.get(resolved.repoPath) ?? []), { article: article.path, span: ref.span }]);
    }
  }
  const changedImages = live.filter((f) => isImagePath(f.filename)).map((f) => f.filename);
  for (const p of changedImages) checked.add(p);
  const limits = imageLimits(config);
  const images = [...new Set([...references.keys(), ...changedImages])].sort();
  const bytes = await readTreeFiles(root, headSha, images, limits.maxBytes);
  for (const imagePath of images) {
    const file = bytes.get(imagePath)!;
    const seen = new Set<string>();
    const refs = (references.get(imagePath) ?? []).filter((r) => !seen.has(r.article) && seen.add(r.article));
    const problems = file.ok
      ? (await inspectImage(imagePath, file.bytes, limits, { header: true })).problems
      : [{ rule: imageRefRules.notFound, message: file.reason === "too-large" ? "画像が大きすぎます。" : "画像を読み込めません。" }];
    for (const problem of problems) {
      if (refs.length === 0) diagnostics.push(report(problem.rule, imagePath, problem.message));
      for (const ref of refs) diagnostics.push(report(problem.rule, ref.article, `${imagePath}: ${problem.message}`, ref.span ?? { start: { line: 1, column: 1 } }));
    }
  }
  // Advisory input: decode results for this PR's own files, never anything else from it.
  for (const file of input.advisory?.files ?? []) {
    if (!checked.has(file.path) && !references.has(file.path)) continue;
    // One fact per file at most ("decoding failed"): the artifact's size buys it nothing.
    for (const m of file.messages.filter((x) => x.source === "image" && DECODE_ONLY_RULES.has(x.ruleId)).slice(0, 1)) {
      // Our own words, never the artifact's: only the fact that decoding failed is taken.
      diagnostics.push(report(imageRules.corrupt, file.path, "画像が壊れているか、途中までしかありません（画像を読み込むチェックの結果）。元の写真からもう一度保存してください。", m.line ? { start: { line: m.line, column: 1 } } : undefined));
    }
  }
  // The default branch's baseline (never the PR's): findings it already knows are not news.
  const baseline = await readBaseline(root).catch(() => undefined);
  let kept = diagnostics;
  let baselined: number | undefined;
  if (baseline) ({ kept, baselined } = applyBaseline(diagnostics, baseline, lineTextsOf(articles)));
  if (!input.files.some((f) => isContent(f.filename))) {
    kept.push(report(verdictRules.noArticle, "articles/", "このプルリクエストは記事（articles/）も写真（assets/）も変更していません。記事は articles/2026/12/satoyama-walk.md のような場所に置きます。"));
    checked.add("articles/");
  }
  const result = buildReport([...checked], mergeLineSuggestions(kept, lineTextsOf(articles)));
  if (baselined !== undefined) result.summary.baselined = baselined;
  return result;
}

/**
 * Briefs in a PR: a changed brief file must parse (read from the head's objects); an article's
 * `brief:` is checked against the briefs on the default branch (the checkout), as `check` does.
 */
async function addBriefFindings(input: VerdictInput, live: VerdictInput["files"], admitted: readonly AdmittedArticle[], diagnostics: Diagnostic[], checked: Set<string>): Promise<void> {
  const briefFiles = live.filter((f) => f.filename.startsWith(`${BRIEFS_DIR}/`) && f.filename !== APPROVALS_FILE);
  const read = await readTreeFiles(input.root, input.headSha, briefFiles.map((f) => f.filename), MAX_BRIEF_BYTES);
  for (const f of briefFiles) {
    checked.add(f.filename);
    const file = read.get(f.filename);
    const decoded = file?.ok ? decodeUtf8(file.bytes, f.filename) : undefined;
    if (!decoded?.ok) {
      diagnostics.push(report(briefRules.invalid, f.filename, "依頼のファイルを読み込めませんでした（16 KB までの UTF-8 のテキストにします）。"));
      continue;
    }
    diagnostics.push(...parseBrief(f.filename, decoded.text, input.config).diagnostics);
  }
  if (!admitted.some((a) => a.frontMatter.brief)) return;
  const book = await readBriefBook(input.root, input.config);
  const today = input.today ?? jstDate(new Date());
  for (const article of admitted) diagnostics.push(...checkBriefLink({ article, delivered: false }, book.briefs, today));
}
