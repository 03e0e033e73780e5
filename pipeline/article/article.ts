import type { Root } from "mdast";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { defineRule, report } from "../diagnostics/rules.ts";
import { splitFrontMatter } from "./front-matter.ts";
import type { ParsedYaml } from "./safe-yaml.ts";
import { parseMarkdown } from "./markdown.ts";
import { collectImageRefs, type ImageRef } from "./image-refs.ts";
import type { FrontMatter } from "./schema.ts";

/**
 * An article file as text: decoded once, within every limit, so linters may read it. Its front
 * matter may still be wrong; what every later stage takes is the `Article` below.
 */
export interface ArticleText {
  /** Repository-relative, with `/`. */
  path: string;
  /** The decoded file (BOM removed, line endings as written): positions refer to this. */
  raw: string;
  /** Front matter exactly as the YAML said: untrusted, not yet validated. */
  data: Record<string, unknown>;
  yaml: ParsedYaml;
  /** The file line the Markdown body starts on (after the closing `---`). */
  bodyStartLine: number;
  /** mdast of the whole raw file (front matter as a `yaml` node), parsed lazily and once. */
  readonly tree: Root;
  /** Images the article references; from the tree, or from the findings cache. */
  images: ImageRef[];
}

export const frontMatterSyntaxRules = {
  missing: defineRule({ id: "frontmatter/missing", source: "frontmatter", severity: "error", title: "front matter がありません" }),
  opening: defineRule({ id: "frontmatter/opening-line", source: "frontmatter", severity: "error", title: "front matter の 1 行目は --- だけにします" }),
  unclosed: defineRule({ id: "frontmatter/unclosed", source: "frontmatter", severity: "error", title: "front matter が閉じていません" }),
  syntax: defineRule({ id: "frontmatter/yaml-syntax", source: "frontmatter", severity: "error", title: "front matter の YAML が読み取れません" }),
  unsafe: defineRule({ id: "frontmatter/unsafe-yaml", source: "frontmatter", severity: "error", title: "front matter に使えない YAML の機能があります" }),
  notMapping: defineRule({ id: "frontmatter/not-mapping", source: "frontmatter", severity: "error", title: "front matter は「項目名: 値」で書きます" }),
};

const splitMessages = {
  missing: "記事の先頭に front matter（--- で挟んだ title・writer・date・summary）がありません。1 行目を --- にして書き始めてください。",
  opening: "front matter の 1 行目は --- だけにしてください（---js や --- yaml のように後ろに何か付けることはできません）。",
  unclosed: "front matter の終わりの --- がありません。項目を書いた後に --- だけの行を入れてください。",
} as const;

const EMPTY_TREE: Root = { type: "root", children: [] };

/**
 * The one record every stage after the door works on: an admitted article, immutable, with
 * every value a stage derives from it computed once by `admit` and validated in the form the
 * stage uses it (URL, folder names, decoded strings, the photos it shows).
 */
export interface Article extends ArticleText {
  readonly frontMatter: Readonly<FrontMatter>;
  /** The file name without `.md`. */
  readonly slug: string;
  /** Below the site root: `2026/11/satoyama-walk/`. Safe in any URL, path and attribute. */
  readonly url: string;
  /** The article's tags, one per folder, in the writer's order. */
  readonly tags: readonly TagRef[];
  readonly category?: { readonly slug: string; readonly name: string };
  /** sha256 of the text: with the build's settings it keys the article's page. */
  readonly hash: string;
  /** The photos it shows, as files of the snapshot it was admitted from: cover first, each once. */
  readonly photos: readonly string[];
}

export interface TagRef {
  /** As shown (NFKC, trimmed). */
  readonly name: string;
  /** The folder on the site (`tags/<slug>/`): NFKC, case-folded, NFC, byte-bounded. */
  readonly slug: string;
}

/** What later stages keep of an article between runs: plain data, no text and no tree. */
export type ArticleRecord = Pick<Article, "path" | "frontMatter" | "slug" | "url" | "tags" | "category" | "hash" | "photos">;

export function recordOf(a: Article): ArticleRecord {
  return {
    path: a.path,
    frontMatter: a.frontMatter,
    slug: a.slug,
    url: a.url,
    tags: a.tags,
    hash: a.hash,
    photos: a.photos,
    ...(a.category && { category: a.category }),
  };
}

export type TextResult = { text?: ArticleText; diagnostics: Diagnostic[] };

/** The decoded file as an article text: front matter split and parsed (safely), the body parsed on first use. */
export function articleText(path: string, raw: string): TextResult {
  const split = splitFrontMatter(raw);
  if (!split.ok) {
    const rule = frontMatterSyntaxRules[split.problem];
    return { diagnostics: [report(rule, path, splitMessages[split.problem], { start: { line: split.line, column: 1 } })] };
  }
  const diagnostics: Diagnostic[] = [];
  const { yaml } = split;
  for (const problem of yaml.problems) {
    const rule = problem.kind === "unsafe" ? frontMatterSyntaxRules.unsafe : frontMatterSyntaxRules.syntax;
    diagnostics.push(report(rule, path, problem.message, problem.span ?? { start: { line: 1, column: 1 } }));
  }
  let data: Record<string, unknown> = {};
  if (yaml.problems.length === 0 && yaml.data !== null && yaml.data !== undefined) {
    if (typeof yaml.data === "object" && !Array.isArray(yaml.data)) {
      data = yaml.data as Record<string, unknown>;
    } else {
      diagnostics.push(
        report(
          frontMatterSyntaxRules.notMapping,
          path,
          "front matter は「title: タイトル」のように「項目名: 値」の形で書いてください（一覧や文章だけにはできません）。",
          { start: { line: 2, column: 1 } },
        ),
      );
    }
  }
  // The Markdown tree is parsed on first use, once: a re-check answered from the findings
  // cache (images included) never needs it.
  let tree: Root | undefined;
  let images: ImageRef[] | undefined;
  const text: ArticleText = {
    path,
    raw,
    data,
    yaml,
    bodyStartLine: split.bodyStartLine,
    get tree() {
      return (tree ??= parseMarkdown(raw));
    },
    get images() {
      // Every Markdown image starts with "![" and every HTML one with "<img": without either,
      // only the cover can be an image, and the Markdown need not be parsed (the ledger reads
      // thousands of articles).
      return (images ??= /!\[|<img/i.test(raw) ? collectImageRefs(this.tree, data, yaml) : collectImageRefs(EMPTY_TREE, data, yaml));
    },
    set images(known: ImageRef[]) {
      images = known;
    },
  };
  return { text, diagnostics };
}
