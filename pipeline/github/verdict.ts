import type { Config } from "../article/config.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { defineRule, report } from "../diagnostics/rules.ts";
import { inputRules } from "../diagnostics/input-rules.ts";
import { buildReport, type CheckReport } from "../diagnostics/report.ts";
import { imageRules } from "../images/rules.ts";
import { applyBaseline, readBaseline } from "../checks/baseline.ts";
import { mergeLineSuggestions } from "../diagnostics/merge-suggestions.ts";
import { runCore } from "../core/check.ts";
import { admit } from "../core/admit.ts";
import { isContentPath, namesOf, type ChangedFile } from "../core/protected.ts";
import { readBriefBook } from "../desk/read-briefs.ts";
import { deliveredBriefs } from "../desk/delivered-briefs.ts";
import { BRIEFS_DIR } from "../desk/brief.ts";
import { jstDate } from "../jst.ts";
import { commitSnapshot } from "../source/commit.ts";
import { workTree } from "../source/work-tree.ts";
import { codePoint, componentBytes, longComponent, MAX_NAME_BYTES, unsafeCharacter, visible } from "../source/names.ts";
import type { Snapshot } from "../source/snapshot.ts";
import type { CheckReportDocument } from "./report-input.ts";

export const verdictRules = {
  protectedChange: defineRule({
    id: "verdict/protected-change",
    source: "config",
    severity: "error",
    title: "記事と写真以外の変更には市の担当者の承認が要ります",
  }),
  otherWriter: defineRule({ id: "verdict/other-writer", source: "frontmatter", severity: "warning", title: "ほかのライターの記事を変更しています" }),
  writerChanged: defineRule({ id: "verdict/writer-changed", source: "frontmatter", severity: "error", title: "記事のライターを書き換えています" }),
  noArticle: defineRule({ id: "verdict/no-article", source: "input", severity: "warning", title: "記事の変更がありません" }),
  incomplete: defineRule({ id: "verdict/incomplete-file-list", source: "config", severity: "error", title: "変更されたファイルをすべて確かめられません" }),
  sharedHead: defineRule({ id: "verdict/shared-head", source: "config", severity: "error", title: "同じコミットのプルリクエストがほかにもあります" }),
  notPlainFile: defineRule({ id: "verdict/not-plain-file", source: "input", severity: "error", title: "普通のファイルではないものがあります" }),
};

export interface VerdictInput {
  /** The privileged job's checkout of the default branch: its kawaraban, config and lint rules judge. */
  root: string;
  config: Config;
  headSha: string;
  /** The PR's files as the API lists them (never as the PR's own artifact says). */
  files: readonly ChangedFile[];
  /** The PR's `changed_files`: GitHub lists at most 3,000 files, and a shorter list is never judged as complete. */
  changedFiles?: number;
  /** Other open PRs with this head: the verdict would be theirs too, so it fails closed. */
  sharedWith?: readonly number[];
  /** The unprivileged job's report: only its decoded-image findings are taken, and only for this PR's files. */
  advisory?: CheckReportDocument;
  /** A configured city-staff member approved exactly this head. */
  staffApprovedHead: boolean;
  /** The PR author's GitHub login: an article whose writer maps to another account is flagged for the editor. */
  author?: string;
  /** Today (YYYY-MM-DD, Japan time), for brief deadlines. */
  today?: string;
}

/** Decoding finds what no header shows; that one rule is taken from the unprivileged job. */
const DECODE_ONLY_RULES = new Set([imageRules.corrupt.id]);

/**
 * The PR verdict: the check core on the head commit's objects (the same door, prose, Markdown,
 * accessibility, image and brief checks as `kawaraban check`), plus what only a PR has —
 * protected paths under every name a change touches, entries that are not plain files, names
 * git could not check out, a writer switched on someone else's article, a file list GitHub cut
 * short, a head shared with another PR. Nothing from the PR is checked out, installed or run.
 */
export async function deriveVerdict(input: VerdictInput): Promise<CheckReport> {
  const { root, config } = input;
  const head = await commitSnapshot(root, input.headSha);
  const base = await workTree(root);
  const diagnostics: Diagnostic[] = [...whole(input), ...(await entryProblems(input.files, head, input.staffApprovedHead))];
  const live = input.files.filter((f) => f.status !== "removed").map((f) => f.filename);
  const book = await readBriefBook(base, config);
  const core = await runCore({
    snapshot: head,
    config,
    lintRoot: root,
    articles: live.filter((p) => p.startsWith("articles/")),
    images: live.filter((p) => p.startsWith("assets/")),
    briefFiles: live.filter((p) => p.startsWith(`${BRIEFS_DIR}/`)),
    briefs: {
      briefs: book.briefs,
      today: input.today ?? jstDate(new Date()),
      // Articles the base already has were delivered before this PR (an edit is not a new delivery).
      delivered: new Set((await Promise.all(live.map(async (p) => ((await base.entry(p)) ? p : "")))).filter(Boolean)),
      deliveredBy: await deliveredBriefs(root, undefined, base, config, book.briefs),
    },
    decodeImages: false,
    prose: {},
  });
  diagnostics.push(...core.diagnostics);
  for (const checked of core.articles) if (checked.article) diagnostics.push(...(await writerFindings(input, base, checked.article)));
  diagnostics.push(...advisoryFindings(input, new Set([...core.checked, ...live])));
  // The default branch's baseline (never the PR's): findings it already knows are not news.
  const baseline = await readBaseline(root).catch(() => undefined);
  let kept = diagnostics;
  let baselined: number | undefined;
  if (baseline) ({ kept, baselined } = applyBaseline(diagnostics, baseline, core.lineTexts));
  const checked = new Set([...core.checked, ...input.files.flatMap(namesOf)]);
  if (!input.files.some((f) => namesOf(f).some(isContentPath))) {
    kept.push(
      report(
        verdictRules.noArticle,
        "articles/",
        "このプルリクエストは記事（articles/）も写真（assets/）も変更していません。記事は articles/2026/12/satoyama-walk.md のような場所に置きます。",
      ),
    );
    checked.add("articles/");
  }
  const result = buildReport([...checked], mergeLineSuggestions(kept, core.lineTexts));
  if (baselined !== undefined) result.summary.baselined = baselined;
  return result;
}

/** Facts about the PR as a whole: a shared head, a file list GitHub cut short. */
function whole(input: VerdictInput): Diagnostic[] {
  const found: Diagnostic[] = [];
  if (input.sharedWith?.length) {
    const others = input.sharedWith.map((n) => `#${n}`).join("、");
    found.push(
      report(
        verdictRules.sharedHead,
        "articles/",
        `同じコミットを先頭にしたプルリクエストがほかにもあります（${others}）。どれの判定かを取り違えないよう、判定を保留します。不要なプルリクエストを閉じてから、もう一度プッシュしてください。`,
      ),
    );
  }
  if (input.changedFiles !== undefined && input.files.length < input.changedFiles) {
    found.push(
      report(
        verdictRules.incomplete,
        "articles/",
        `このプルリクエストは ${input.changedFiles} 個のファイルを変更していますが、GitHub から確かめられたのは ${input.files.length} 個だけです。すべてを確かめられないため、マージできません。プルリクエストを小さく分けてください。`,
      ),
    );
  }
  return found;
}

/**
 * Every name a change touches: protected ones need city staff's approval of this head; every
 * one must be a name git can check out, shown without hidden characters; what the head holds
 * under a content path must be a plain file (a link, a submodule or an executable never is).
 */
async function entryProblems(files: readonly ChangedFile[], head: Snapshot, approved: boolean): Promise<Diagnostic[]> {
  const found: Diagnostic[] = [];
  for (const name of [...new Set(files.flatMap(namesOf))].sort()) {
    const long = longComponent(name);
    const bad = unsafeCharacter(name);
    if (long !== undefined)
      found.push(
        report(
          inputRules.nameTooLong,
          name,
          `名前「${visible(long, 40)}」が ${componentBytes(long)} バイトあります（${MAX_NAME_BYTES} バイトまで）。マージすると、リポジトリを取り出す（clone する）ことも、ワークフローを動かすこともできなくなります。短い名前にしてください。`,
        ),
      );
    else if (bad)
      found.push(
        report(inputRules.nameTooLong, name, `ファイル名に見えない文字（${codePoint(bad.code)}）があります。半角英数字とハイフンの名前にしてください。`),
      );
    if (!isContentPath(name)) {
      const message = approved
        ? "記事と写真以外のファイルの変更です。市の担当者がこのコミットを承認済みです。"
        : "記事（articles/）と写真（assets/）以外のファイルを変更しています（名前の変更は、元の名前と新しい名前の両方を数えます）。ワークフロー・設定・料金・校正ルールに関わるため、市の担当者がこのコミットを承認するまでマージできません。";
      found.push(report(verdictRules.protectedChange, name, message, undefined, { severity: approved ? "info" : "error" }));
      continue;
    }
    const entry = await head.entry(name);
    if (entry && entry.kind !== "file" && !name.startsWith("articles/")) {
      const what = entry.kind === "symlink" ? "シンボリックリンク" : entry.kind === "submodule" ? "サブモジュール" : "実行できるファイル";
      found.push(
        report(verdictRules.notPlainFile, name, `${what}になっています。写真や依頼のファイルは、ファイルそのものを普通のファイルとして置いてください。`),
      );
    }
  }
  return found;
}

/**
 * Who the article belongs to: changing `writer:` of an article the default branch already has
 * moves its fee to someone else (an error); editing another writer's article is for the editor to
 * confirm (a warning).
 */
async function writerFindings(input: VerdictInput, base: Snapshot, article: NonNullable<Awaited<ReturnType<typeof admit>>["article"]>): Promise<Diagnostic[]> {
  const found: Diagnostic[] = [];
  const writer = article.frontMatter.writer;
  const span = article.yaml.locate(["writer"], "value");
  // A rename carries the article's owner with it: compare with the file it was renamed from.
  const from = input.files.find((f) => f.filename === article.path)?.previous_filename ?? article.path;
  const before = (await base.entry(from)) ? (await admit(base, from, input.config)).article : undefined;
  if (before && before.frontMatter.writer !== writer) {
    found.push(
      report(
        verdictRules.writerChanged,
        article.path,
        `この記事のライターを ${before.frontMatter.writer} から ${writer} に書き換えています。原稿料の支払先が変わるため、このままではマージできません。書き換えが必要なら、編集担当が市の担当者に相談してください。`,
        span,
      ),
    );
  }
  const account = input.config.writers[writer]?.github;
  if (input.author && account && account.toLowerCase() !== input.author.toLowerCase()) {
    found.push(
      report(
        verdictRules.otherWriter,
        article.path,
        `この記事のライターは ${writer}（GitHub: ${account}）ですが、プルリクエストを作ったのは ${input.author} です。編集担当は、ライター本人の了解があるか確かめてください。`,
        span,
      ),
    );
  }
  return found;
}

/** Advisory input: decode results for this PR's own files, never anything else from it. */
function advisoryFindings(input: VerdictInput, own: ReadonlySet<string>): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const file of input.advisory?.files ?? []) {
    if (!own.has(file.path)) continue;
    // One fact per file at most ("decoding failed"): the artifact's size buys it nothing.
    for (const m of file.messages.filter((x) => x.source === "image" && DECODE_ONLY_RULES.has(x.ruleId)).slice(0, 1)) {
      // Our own words, never the artifact's: only the fact that decoding failed is taken.
      found.push(
        report(
          imageRules.corrupt,
          file.path,
          "画像が壊れているか、途中までしかありません（画像を読み込むチェックの結果）。元の写真からもう一度保存してください。",
          m.line ? { start: { line: m.line, column: 1 } } : undefined,
        ),
      );
    }
  }
  return found;
}
