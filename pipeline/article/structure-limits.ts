import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { defineRule, report } from "../diagnostics/rules.ts";
import { codePoint, unsafeCharacter } from "../source/names.ts";

/**
 * Admission limits: an article is admitted only if every stage (textlint, remark, the HTML
 * renderer, the ledger) can process it in a few seconds on a 2-core runner. Each limit was set
 * from measurement (README「記事の上限」): beyond it some stage is quadratic, recursive or
 * memory-hungry. The scan is one linear pass over the raw text, before any parser sees it, and
 * it is the same in check, build and the ledger, so all three admit exactly the same articles.
 */
export interface StructureLimits {
  /** A block of text lines (one paragraph for textlint): its sentence rules are quadratic in it. */
  paragraphCharacters: number;
  /** Block containers (`>` and list markers) one line opens, indentation counted as nesting. */
  nesting: number;
  /** Raw HTML tags (`<b>`, `<div>`…): the HTML parser's recovery is quadratic on unclosed ones. */
  htmlTags: number;
  links: number;
  /** Images shown in one article: every one is checked, resized and encoded three ways. */
  images: number;
  footnotes: number;
  tableColumns: number;
  tableRows: number;
  /** One line; a longer one is pasted data, not prose. */
  lineCharacters: number;
}

export const DEFAULT_STRUCTURE_LIMITS: StructureLimits = {
  paragraphCharacters: 4000,
  nesting: 10,
  htmlTags: 200,
  links: 300,
  images: 100,
  footnotes: 100,
  tableColumns: 20,
  tableRows: 300,
  lineCharacters: 4000,
};

export const limitRules = {
  paragraph: defineRule({ id: "limits/paragraph-length", source: "input", severity: "error", title: "段落が長すぎます" }),
  nesting: defineRule({ id: "limits/nesting", source: "input", severity: "error", title: "引用や箇条書きの入れ子が深すぎます" }),
  html: defineRule({ id: "limits/html-tags", source: "input", severity: "error", title: "HTML のタグが多すぎます" }),
  links: defineRule({ id: "limits/links", source: "input", severity: "error", title: "リンクが多すぎます" }),
  images: defineRule({ id: "limits/images", source: "input", severity: "error", title: "写真が多すぎます" }),
  footnotes: defineRule({ id: "limits/footnotes", source: "input", severity: "error", title: "脚注が多すぎます" }),
  table: defineRule({ id: "limits/table", source: "input", severity: "error", title: "表が大きすぎます" }),
  line: defineRule({ id: "limits/line-length", source: "input", severity: "error", title: "1 行が長すぎます" }),
  time: defineRule({ id: "limits/time", source: "input", severity: "error", title: "確認に時間がかかりすぎました" }),
  bidi: defineRule({ id: "limits/bidi-control", source: "input", severity: "error", title: "文字の向きを変える制御文字があります" }),
  control: defineRule({ id: "limits/control-character", source: "input", severity: "error", title: "見えない制御文字があります" }),
};

interface LineFacts {
  nesting: number;
  /** `>` and list markers on this line: each starts a new block. */
  markers: number;
  table: boolean;
  blank: boolean;
}

/** Containers a line opens: `>` and list markers, plus indentation (two columns a level). */
function lineFacts(line: string): LineFacts {
  let i = 0;
  let depth = 0;
  let indent = 0;
  for (;;) {
    while (i < line.length && (line[i] === " " || line[i] === "\t")) {
      indent += line[i] === "\t" ? 4 : 1;
      i++;
    }
    const c = line[i];
    if (c === ">") {
      depth++;
      i++;
      continue;
    }
    if ((c === "-" || c === "*" || c === "+") && (i + 1 === line.length || line[i + 1] === " " || line[i + 1] === "\t")) {
      depth++;
      i++;
      continue;
    }
    let j = i;
    while (j < line.length && j - i < 9 && line.charCodeAt(j) >= 48 && line.charCodeAt(j) <= 57) j++;
    if (j > i && (line[j] === "." || line[j] === ")") && (j + 1 === line.length || line[j + 1] === " ")) {
      depth++;
      i = j + 1;
      continue;
    }
    break;
  }
  const rest = line.slice(i);
  return { nesting: depth + Math.floor(indent / 2), markers: depth, table: rest.startsWith("|"), blank: rest.trim() === "" };
}

const count = (text: string, pattern: RegExp) => {
  let n = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text)) n++;
  return n;
};

/**
 * `raw` is the whole file; `bodyStartLine` the file line the body starts on. Line length and
 * direction controls apply to every line (front matter too: a title can carry them); the
 * block rules to the body.
 */
export function checkStructure(path: string, raw: string, bodyStartLine: number, limits: StructureLimits = DEFAULT_STRUCTURE_LIMITS): Diagnostic[] {
  const found: Diagnostic[] = [];
  const once = new Set<string>();
  const add = (key: string, d: Diagnostic) => {
    if (once.has(key)) return;
    once.add(key);
    found.push(d);
  };
  const at = (line: number) => ({ start: { line: line + 1, column: 1 } });
  const lines = raw.split("\n");
  const firstBody = bodyStartLine - 1;
  const body = lines.slice(firstBody).join("\n");
  let paragraph = 0;
  let paragraphStart = 0;
  let tableRows = 0;
  let fenced = false;
  lines.forEach((raw, index) => {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.length > limits.lineCharacters) {
      add(
        "line",
        report(
          limitRules.line,
          path,
          `${index + 1} 行目が ${line.length} 文字あります（上限 ${limits.lineCharacters} 文字）。文章なら段落に分け、貼り付けたデータなら取り除いてください。`,
          at(index),
        ),
      );
    }
    const bad = unsafeCharacter(line, { tab: true, marks: true, bom: true });
    if (bad?.kind === "bidi") {
      add(
        "bidi",
        report(
          limitRules.bidi,
          path,
          "文字の表示の向きを変える見えない制御文字（U+202A〜202E、U+2066〜2069）があります。見た目と中身が違って見えるため、消してください。",
          at(index),
        ),
      );
    } else if (bad) {
      add(
        "control",
        report(
          limitRules.control,
          path,
          `${index + 1} 行目に見えない制御文字（${codePoint(bad.code)}）があります。コピーしたときに紛れ込んだものです。消してください（フィードやページが壊れます）。`,
          at(index),
        ),
      );
    }
    if (index < firstBody) return;
    if (/^\s{0,3}(```|~~~)/.test(line)) fenced = !fenced;
    const facts = lineFacts(line);
    if (!fenced && facts.nesting > limits.nesting) {
      add(
        "nesting",
        report(
          limitRules.nesting,
          path,
          `引用（>）や箇条書き、字下げの入れ子が ${facts.nesting} 段あります（上限 ${limits.nesting} 段）。入れ子を浅くしてください。`,
          at(index),
        ),
      );
    }
    tableRows = facts.table ? tableRows + 1 : 0;
    if (facts.table) {
      const columns = count(line, /(?<!\\)\|/g) - 1;
      if (columns > limits.tableColumns)
        add("columns", report(limitRules.table, path, `表の列が ${columns} 列あります（上限 ${limits.tableColumns} 列）。表を分けてください。`, at(index)));
      if (tableRows > limits.tableRows)
        add("rows", report(limitRules.table, path, `表の行が ${limits.tableRows} 行を超えています。表を分けるか、資料へのリンクにしてください。`, at(index)));
    }
    // A paragraph is broken by blank lines, list items, table rows and headings.
    if (facts.blank || facts.table || facts.markers > 0 || /^\s*#{1,6}\s/.test(line) || fenced) {
      paragraph = 0;
      paragraphStart = index;
    }
    paragraph += [...line].length;
    if (paragraph > limits.paragraphCharacters) {
      add(
        "paragraph",
        report(
          limitRules.paragraph,
          path,
          `${paragraphStart + 1} 行目からの段落が ${limits.paragraphCharacters} 文字を超えています。空行を入れて段落を分けてください。`,
          at(paragraphStart),
        ),
      );
    }
  });
  const tags = count(body, /<[A-Za-z/!?]/g);
  if (tags > limits.htmlTags)
    add(
      "html",
      report(
        limitRules.html,
        path,
        `HTML のタグが ${tags} 個あります（上限 ${limits.htmlTags} 個）。見出しや太字は Markdown（## や **）で書いてください。`,
        at(firstBody),
      ),
    );
  const links = count(body, /\]\(|\]\[|<https?:/g);
  if (links > limits.links)
    add(
      "links",
      report(
        limitRules.links,
        path,
        `リンクが ${links} 個あります（上限 ${limits.links} 個）。リンク集は資料へのリンク 1 つにまとめてください。`,
        at(firstBody),
      ),
    );
  const images = count(body, /!\[|<img\b/gi);
  if (images > limits.images)
    add(
      "images",
      report(limitRules.images, path, `写真が ${images} 枚あります（上限 ${limits.images} 枚）。記事を分けるか、写真を選んでください。`, at(firstBody)),
    );
  const footnotes = count(body, /\[\^/g);
  if (footnotes > limits.footnotes * 2)
    add(
      "footnotes",
      report(limitRules.footnotes, path, `脚注が多すぎます（上限 ${limits.footnotes} 個）。本文に書き込むか、記事を分けてください。`, at(firstBody)),
    );
  return found;
}
