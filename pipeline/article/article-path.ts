import { ARTICLES_DIR } from "./paths.ts";

/**
 * The one rule for what is an article, shared by check, build, preview, the ledger and every
 * channel. An article's path is its identity on the site (`articles/2026/11/satoyama.md` →
 * `2026/11/satoyama/`), so every part of it must be safe in a URL, a file name on any system,
 * an HTML attribute and a shell word without escaping: `[a-z0-9-]` only. Anything else under
 * `articles/` is reported with a hint, never skipped silently and never billed.
 */
export type ArticlePath =
  | { kind: "article"; path: string; slug: string; url: string }
  /** Placeholders git needs to keep an empty folder: not content, nothing to say. */
  | { kind: "placeholder" }
  | { kind: "invalid"; problem: PathProblem; message: string; severity: "error" | "warning" };

export type PathProblem = "name" | "folder" | "extension" | "reserved" | "depth" | "not-article" | "outside";

const SEGMENT = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const PLACEHOLDERS = new Set([".gitkeep", ".keep"]);
/** Folders below articles/ (2026/11 is two). */
export const MAX_ARTICLE_DEPTH = 4;
/** Text-like files a writer may have meant as an article: an error, not a warning. */
const MEANT_AS_ARTICLE = /\.(md|markdown|mdx|mkd|txt|text)$/i;

/**
 * Top-level names the site writes itself (lists, feeds, policy pages): an article or folder
 * there would overwrite them or be overwritten. Kept here, next to the rule, so the site and
 * the check cannot disagree.
 */
export const RESERVED_TOP_LEVEL = new Set([
  "assets",
  "tags",
  "category",
  "categories",
  "writers",
  "page",
  "pages",
  "search",
  "feed",
  "sitemap",
  "robots",
  "404",
  "index",
  "contact",
  "privacy",
  "copyright",
  "about",
  "pagefind",
  "preview",
]);

const suggestion = (name: string): string => {
  const ascii = name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return ascii !== "" && SEGMENT.test(ascii) ? `（例: ${ascii}）` : "（例: satoyama-walk）";
};

/** `repoPath` is repository-relative with `/` (as git and discovery give it). */
export function classifyArticlePath(repoPath: string): ArticlePath {
  const parts = repoPath.split("/");
  if (parts[0] !== ARTICLES_DIR || parts.length < 2) {
    return {
      kind: "invalid",
      problem: "outside",
      severity: "error",
      message: `記事は ${ARTICLES_DIR}/ フォルダーの中に置いてください（例: ${ARTICLES_DIR}/2026/12/satoyama-walk.md）。`,
    };
  }
  const name = parts[parts.length - 1]!;
  const folders = parts.slice(1, -1);
  if (PLACEHOLDERS.has(name) && !folders.some((f) => !SEGMENT.test(f))) return { kind: "placeholder" };
  const meant = MEANT_AS_ARTICLE.test(name);
  const invalid = (problem: PathProblem, message: string): ArticlePath => ({
    kind: "invalid",
    problem,
    message,
    severity: meant || problem !== "not-article" ? "error" : "warning",
  });

  const badFolder = folders.find((f) => !SEGMENT.test(f));
  if (badFolder !== undefined) {
    const why = badFolder.startsWith(".") ? "「.」で始まるフォルダーの中の記事は公開も支払いもされません。" : "";
    return invalid(
      meant ? "folder" : "not-article",
      `フォルダー名「${visible(badFolder)}」は使えません。${why}フォルダー名は半角英小文字・数字・ハイフンだけにしてください${suggestion(badFolder)}。`,
    );
  }
  if (!meant) {
    return invalid("not-article", `articles/ に記事（.md）以外のファイルがあります。写真は assets/ に置いてください。`);
  }
  const dot = name.lastIndexOf(".");
  const stem = name.slice(0, dot);
  const extension = name.slice(dot);
  if (extension !== ".md") {
    return invalid("extension", `記事のファイル名は「.md」（半角小文字）で終わる必要があります。「${visible(stem)}.md」に名前を変えてください。`);
  }
  if (!SEGMENT.test(stem)) {
    return invalid(
      "name",
      `ファイル名「${visible(name)}」は使えません。ファイル名はページの URL になるため、半角英小文字・数字・ハイフンだけにしてください${suggestion(stem)}。`,
    );
  }
  if (folders.length > MAX_ARTICLE_DEPTH) {
    return invalid("depth", `フォルダーが深すぎます（${folders.length} 段）。articles/2026/12/ のように ${MAX_ARTICLE_DEPTH} 段までにしてください。`);
  }
  const top = folders[0] ?? stem;
  if (RESERVED_TOP_LEVEL.has(top)) {
    return invalid(
      "reserved",
      `「${top}」はサイトが一覧やフィードに使う名前なので、記事には使えません。articles/2026/12/ のように年と月のフォルダーに入れてください。`,
    );
  }
  const slugPath = [...folders, stem].join("/");
  return { kind: "article", path: repoPath, slug: stem, url: `${slugPath}/` };
}

/** A name shown in a message: control characters and line breaks made visible, length bounded. */
export function visible(text: string, max = 80): string {
  const shown = text.replace(
    /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return shown.length > max ? `${shown.slice(0, max)}…` : shown;
}
