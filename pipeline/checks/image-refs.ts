import { lstat, readdir, realpath } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic, Span } from "../diagnostics/diagnostic.ts";
import { defineRule, report } from "../diagnostics/rules.ts";
import type { Article } from "../article/article.ts";
import type { ImageRef } from "../article/image-refs.ts";
import { isInside } from "../article/repo-path.ts";
import { hint } from "../article/schema-helpers.ts";

export const ASSETS_DIR = "assets";

export const imageRefRules = {
  external: defineRule({ id: "image/external-url", source: "image", severity: "error", title: "外部の画像 URL は使えません" }),
  badPath: defineRule({ id: "image/bad-path", source: "image", severity: "error", title: "画像のパスの書き方が正しくありません" }),
  outside: defineRule({ id: "image/outside-assets", source: "image", severity: "error", title: "画像は assets/ の中に置きます" }),
  notFound: defineRule({ id: "image/not-found", source: "image", severity: "error", title: "画像ファイルが見つかりません" }),
  symlink: defineRule({ id: "image/symlink", source: "image", severity: "error", title: "画像にシンボリックリンクは使えません" }),
  altMissing: defineRule({ id: "a11y/alt-missing", source: "a11y", severity: "error", title: "画像の代替テキスト（alt）がありません" }),
};

type ImageRefRule = (typeof imageRefRules)[keyof typeof imageRefRules];
export type ResolvedRef = { ok: true; repoPath: string } | { ok: false; rule: ImageRefRule; message: string };

/**
 * Pure resolution of an image URL written in `articlePath`: relative to the article (so
 * GitHub's preview shows it) or `/`-rooted at the repository; never a URL, an OS path,
 * or anything that leaves `assets/`.
 */
export function resolveImageUrl(articlePath: string, url: string): ResolvedRef {
  const fail = (rule: ImageRefRule, message: string): ResolvedRef => ({ ok: false, rule, message });
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//")) {
    return fail(imageRefRules.external, `外部の画像（${truncate(url)}）は使えません。写真は assets/ に置いて、記事からの相対パスで書いてください。`);
  }
  if (url.includes("\\")) return fail(imageRefRules.badPath, "画像のパスの区切りには \\ ではなく / を使ってください。");
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.split(/[?#]/)[0] ?? "");
  } catch {
    return fail(imageRefRules.badPath, "画像のパスに読み取れない % の書き方があります。");
  }
  if (decoded.includes("\0") || decoded.trim() === "") return fail(imageRefRules.badPath, "画像のパスが空か、使えない文字を含んでいます。");
  const base = decoded.startsWith("/") ? "" : path.posix.dirname(articlePath);
  const joined = path.posix.normalize(path.posix.join(base, decoded.replace(/^\/+/, "")));
  if (joined.startsWith("../") || joined === "..") {
    return fail(imageRefRules.outside, `画像のパス（${truncate(url)}）がリポジトリの外を指しています。assets/ の中の写真を指定してください。`);
  }
  if (!joined.startsWith(`${ASSETS_DIR}/`)) {
    return fail(imageRefRules.outside, `画像（${joined}）は assets/ フォルダーの中に置いてください。`);
  }
  return { ok: true, repoPath: joined };
}

function truncate(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/** What is wrong with an article's image references without looking at any file: alt text and path rules. */
export function referenceProblems(article: Article): { ref: ImageRef; rule: ImageRefRule; message: string; repoPath?: string }[] {
  const problems: { ref: ImageRef; rule: ImageRefRule; message: string; repoPath?: string }[] = [];
  for (const ref of article.images) {
    if (ref.kind !== "cover" && (ref.alt === null || ref.alt.trim() === "")) {
      problems.push({ ref, rule: imageRefRules.altMissing, message: "画像に代替テキスト（alt）がありません。![ここに写真の説明](パス) のように、写っているものを書いてください。" });
    }
    const resolved = resolveImageUrl(article.path, ref.url);
    if (!resolved.ok) problems.push({ ref, rule: resolved.rule, message: resolved.message });
  }
  return problems;
}

/** Checks every image an article references: path rules, existence, and presence of alt text. */
export async function checkImageRefs(article: Article, root: string): Promise<Diagnostic[]> {
  const at = (ref: ImageRef): Span => ref.span ?? { start: { line: 1, column: 1 } };
  const diagnostics = referenceProblems(article).map((p) => report(p.rule, article.path, p.message, at(p.ref)));
  for (const ref of article.images) {
    const resolved = resolveImageUrl(article.path, ref.url);
    if (!resolved.ok) continue;
    const problem = await fileProblem(root, resolved.repoPath);
    if (problem) diagnostics.push(report(problem.rule, article.path, problem.message, at(ref)));
  }
  return diagnostics;
}

async function fileProblem(root: string, repoPath: string): Promise<{ rule: typeof imageRefRules.notFound; message: string } | undefined> {
  const abs = path.join(root, ...repoPath.split("/"));
  try {
    const stat = await lstat(abs);
    if (stat.isSymbolicLink()) return { rule: imageRefRules.symlink, message: `画像（${repoPath}）はシンボリックリンクです。写真のファイルそのものを置いてください。` };
    if (!stat.isFile()) return { rule: imageRefRules.notFound, message: `画像（${repoPath}）はファイルではありません。` };
    // A linked parent folder could still lead out of the repository.
    if (!isInside(await realpath(root), await realpath(abs))) {
      return { rule: imageRefRules.symlink, message: `画像（${repoPath}）はリンクをたどるとリポジトリの外に出ます。写真のファイルそのものを置いてください。` };
    }
    return undefined;
  } catch {
    const siblings = await readdir(path.dirname(abs)).catch(() => [] as string[]);
    return {
      rule: imageRefRules.notFound,
      message: `画像（${repoPath}）が見つかりません。${hint(path.posix.basename(repoPath), siblings)}ファイル名と大文字・小文字、フォルダーを確認してください。`,
    };
  }
}
