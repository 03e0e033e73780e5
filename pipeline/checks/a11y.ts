import type { Root, Heading, Link, Table, Html, PhrasingContent } from "mdast";
import { visit } from "unist-util-visit";
import { toString as plainText } from "mdast-util-to-string";
import type { Diagnostic, Span } from "../diagnostics/diagnostic.ts";
import { defineRule, report } from "../diagnostics/rules.ts";
import type { ArticleText } from "../article/article.ts";

/**
 * Accessibility rules for articles (JIS X 8341-3 / WCAG 2.1 success criteria that a writer
 * controls): 1.1.1 text alternatives, 1.3.1 structure (headings, table headers),
 * 2.4.4 link purpose.
 */
export const a11yRules = {
  altMeaningless: defineRule({ id: "a11y/alt-meaningless", source: "a11y", severity: "error", title: "代替テキストが写真の内容を説明していません" }),
  headingSkip: defineRule({ id: "a11y/heading-increment", source: "a11y", severity: "error", title: "見出しのレベルが飛んでいます" }),
  h1InBody: defineRule({ id: "a11y/h1-in-body", source: "a11y", severity: "warning", title: "本文の見出しは ## から始めます" }),
  multipleH1: defineRule({ id: "a11y/multiple-h1", source: "a11y", severity: "error", title: "# の見出しが複数あります" }),
  linkText: defineRule({ id: "a11y/link-text", source: "a11y", severity: "error", title: "リンクの文字から行き先が分かりません" }),
  // A warning with a fix: the address still works, only its reading aloud is poor (not worth blocking a merge).
  urlLinkText: defineRule({ id: "a11y/url-as-link-text", source: "a11y", severity: "warning", title: "URL をそのままリンクの文字にしています" }),
  tableHeader: defineRule({ id: "a11y/table-header", source: "a11y", severity: "error", title: "表に見出し行がありません" }),
};

type Positioned = { position?: { start: { line: number; column: number }; end: { line: number; column: number } } };
const spanOf = (node: Positioned): Span | undefined => node.position && { start: { ...node.position.start }, end: { ...node.position.end } };

/** Alt text that names a file or only says "a photo" tells a screen-reader user nothing. */
const MEANINGLESS_ALT = /^(画像|写真|イメージ|図|絵|image|img|photo|picture|pic|スクリーンショット|サムネイル)(です)?[。.]?$/i;
const FILE_NAME_ALT = /(^(img|dsc|dscn|pxl|photo|image|screenshot)[-_ ]?\d+)|\.(jpe?g|png|gif|webp|avif|heic|svg)$/i;

export function isMeaninglessAlt(alt: string): boolean {
  const text = alt.trim();
  return MEANINGLESS_ALT.test(text) || FILE_NAME_ALT.test(text);
}

const VAGUE_LINK_TEXT =
  /^(こちら|ここ|コチラ|こっち|これ|リンク|詳細|詳しく|詳しくは|もっと見る|続きを読む|続き|クリック|click|here|click here|more|link|read more)(から|をクリック|を見る|をご覧ください|はこちら|はこちらから)?[。.!！]?$/i;
const VAGUE_PREFIXED = /^(詳しくは|詳細は|申し込みは|お問い合わせは)?(こちら|ここ)(から|をクリック)?$/;
const URL_LIKE = /^(https?:\/\/|www\.)\S+$/i;

/** The site's name as its address says it (「www.city.example.jp」 → 「city.example.jp」), for a link text. */
function hostOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) ? parsed.hostname.replace(/^www\./, "") : undefined;
  } catch {
    return undefined;
  }
}

/** A destination Markdown reads back as the same URL: in <> when it holds spaces or brackets. */
const linkDestination = (url: string) => (/[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url);

export function checkA11y(article: ArticleText): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (rule: (typeof a11yRules)[keyof typeof a11yRules], message: string, span: Span | undefined) =>
    out.push(report(rule, article.path, message, span ?? { start: { line: 1, column: 1 } }));

  for (const image of article.images) {
    if (image.alt && isMeaninglessAlt(image.alt)) {
      at(
        a11yRules.altMeaningless,
        `代替テキスト「${image.alt}」では、写真に何が写っているか伝わりません。「公園のベンチで絵本を読む親子」のように内容を書いてください。`,
        image.span,
      );
    }
  }

  const tree: Root = article.tree;
  let previousLevel = 1; // the title, from front matter, is the page's only level-1 heading
  let h1Count = 0;
  visit(tree, "heading", (node: Heading) => {
    if (node.depth === 1) {
      h1Count++;
      if (h1Count === 1) at(a11yRules.h1InBody, "本文の見出しは ## から始めてください。# のレベルは記事のタイトル（title）に使われます。", spanOf(node));
      else at(a11yRules.multipleH1, "# の見出しが複数あります。ページの一番上の見出しは 1 つだけにして、本文は ## から始めてください。", spanOf(node));
    } else if (node.depth > previousLevel + 1) {
      at(
        a11yRules.headingSkip,
        `見出しのレベルが飛んでいます（${"#".repeat(previousLevel)} の次に ${"#".repeat(node.depth)}）。${"#".repeat(previousLevel + 1)} を使ってください。画面読み上げで記事の構成をたどる読者のためです。`,
        spanOf(node),
      );
    }
    previousLevel = node.depth;
  });

  visit(tree, "link", (node: Link) => {
    const text = plainText(node as unknown as PhrasingContent).trim();
    if (text === "") {
      at(a11yRules.linkText, "リンクに文字がありません。行き先が分かる文字を [ ] の中に書いてください。", spanOf(node));
    } else if (VAGUE_LINK_TEXT.test(text) || VAGUE_PREFIXED.test(text)) {
      at(
        a11yRules.linkText,
        `リンクの文字「${text}」では行き先が分かりません。「子育てひろばの案内ページ」のように、行き先が分かる文字にしてください。`,
        spanOf(node),
      );
    } else if (URL_LIKE.test(text) || text === node.url) {
      const host = hostOf(node.url);
      at(
        a11yRules.urlLinkText,
        `URL をそのままリンクにしています。画面読み上げでは長い記号の列として読まれるので、[行き先の名前](URL) の形にしてください${host ? `（直すボタンでは、とりあえず「${host}」を文字にします）` : ""}。`,
        spanOf(node),
      );
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (host && start !== undefined && end !== undefined) out[out.length - 1]!.fix = { range: [start, end], text: `[${host}](${linkDestination(node.url)})` };
    }
  });

  visit(tree, "table", (node: Table) => {
    const header = node.children[0];
    if (header?.children.every((cell) => plainText(cell).trim() === "")) {
      at(a11yRules.tableHeader, "表の見出し行（1 行目）が空です。各列が何を表すかを 1 行目に書いてください。", spanOf(node));
    }
  });
  visit(tree, "html", (node: Html) => {
    if (/<table\b/i.test(node.value) && !/<th\b/i.test(node.value)) {
      at(a11yRules.tableHeader, "HTML の表に見出しのセル（<th>）がありません。Markdown の表で書くと、1 行目が見出しになります。", spanOf(node));
    }
  });
  return out;
}
