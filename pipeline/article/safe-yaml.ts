import { LineCounter, parseDocument, visit, isAlias, isMap, isSeq, isPair, isScalar, type Document, type Node } from "yaml";
import type { Span } from "../diagnostics/diagnostic.ts";

/**
 * YAML for untrusted input (article front matter and the config file).
 *
 * - The failsafe schema keeps every scalar as the text the writer typed: `0123` stays
 *   "0123" (no octal/number guessing), `2026-11-20` stays a string (no Date in a timezone).
 * - Explicit tags are refused (`!!binary` still decodes under failsafe; `!!js/function`
 *   and custom tags have no business in an article).
 * - Anchors and aliases are refused: an alias bomb is harmless while it is a graph and
 *   explodes the moment anyone serialises it, so it must never become data.
 * - `__proto__` becomes an ordinary own key (yaml defines it with defineProperty).
 */

export type YamlPath = readonly (string | number)[];

export interface YamlProblem {
  kind: "syntax" | "unsafe" | "too-deep";
  message: string;
  span?: Span;
}

export interface ParsedYaml {
  data: unknown;
  problems: YamlProblem[];
  /** Where a key (or, with `value`, its value) stands; falls back to the nearest parent. */
  locate(path: YamlPath, part?: "key" | "value"): Span | undefined;
}

/** `firstLine` is the file line on which the YAML text starts (2 for front matter). */
export function parseSafeYaml(text: string, firstLine = 1): ParsedYaml {
  const lineCounter = new LineCounter();
  const toSpan = (range: readonly number[] | undefined | null): Span | undefined => {
    if (!range || range[0] === undefined) return undefined;
    const start = lineCounter.linePos(range[0]);
    const end = lineCounter.linePos(range[1] ?? range[0]);
    return {
      start: { line: start.line + firstLine - 1, column: start.col },
      end: { line: end.line + firstLine - 1, column: end.col },
    };
  };
  const problems: YamlProblem[] = [];
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { schema: "failsafe", lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  } catch (error) {
    if (error instanceof RangeError) {
      return { data: undefined, problems: [{ kind: "too-deep", message: TOO_DEEP }], locate: () => undefined };
    }
    throw error;
  }
  const lines = text.split(/\r?\n/);
  for (const error of doc.errors) {
    const tooDeep = /call stack/i.test(error.message);
    const lineNumber = lineCounter.linePos(error.pos[0]).line;
    const line = lines[lineNumber - 1] ?? "";
    const message = tooDeep ? TOO_DEEP : (explainLine(line) ?? describeYamlError(error.code, error.message));
    // One mistake, one message: the parser often reports the same line twice.
    if (problems.some((p) => p.message === message && p.span?.start.line === toSpan(error.pos)?.start.line)) continue;
    problems.push({
      kind: tooDeep ? "too-deep" : "syntax",
      message,
      span: toSpan(error.pos),
    });
  }
  if (problems.length === 0) problems.push(...unsafeFeatures(doc, toSpan));

  const locate = (path: YamlPath, part: "key" | "value" = "key"): Span | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const span = locateExact(doc, path.slice(0, depth), depth === path.length ? part : "value", toSpan);
      if (span) return span;
    }
    return undefined;
  };
  if (problems.length > 0) return { data: undefined, problems, locate };
  return { data: doc.toJS({ maxAliasCount: 0 }), problems, locate };
}

const TOO_DEEP = "括弧などの入れ子が深すぎて読み取れません。front matter は「項目名: 値」の簡単な形で書いてください。";

/**
 * Anchors, aliases and explicit tags. One diagnostic per kind (with a count): an alias bomb
 * has hundreds of aliases and the writer needs one clear message, not a wall of them.
 */
function unsafeFeatures(doc: Document.Parsed, toSpan: (range: readonly number[] | undefined | null) => Span | undefined): YamlProblem[] {
  const found = new Map<string, { message: string; span?: Span; count: number }>();
  const note = (kind: string, message: string, range: readonly number[] | undefined | null) => {
    const entry = found.get(kind);
    if (entry) entry.count++;
    else found.set(kind, { message, span: toSpan(range), count: 1 });
  };
  try {
    visit(doc, {
      Node(_key, node) {
        if (isAlias(node)) note("alias", "エイリアス（*名前）は使えません。値をそのまま書いてください。", node.range);
        else if ((node as Node).anchor) note("anchor", "アンカー（&名前）は使えません。値をそのまま書いてください。", node.range);
        if ((isScalar(node) || isMap(node) || isSeq(node)) && node.tag) {
          note(`tag:${node.tag}`, `タグ（${shortTag(node.tag)}）は使えません。値は普通の文字で書いてください。`, node.range);
        }
      },
    });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return [{ kind: "too-deep", message: TOO_DEEP }];
  }
  return [...found.values()].map(({ message, span, count }) => ({
    kind: "unsafe" as const,
    message: count > 1 ? `${message}（ほかに ${count - 1} か所）` : message,
    span,
  }));
}

function locateExact(
  doc: Document.Parsed,
  path: YamlPath,
  part: "key" | "value",
  toSpan: (range: readonly number[] | undefined | null) => Span | undefined,
): Span | undefined {
  if (path.length === 0) return toSpan(doc.contents?.range);
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(last));
    if (!pair) return undefined;
    const keyRange = (pair.key as Node | null)?.range;
    const valueRange = (pair.value as Node | null)?.range;
    if (part === "key") {
      const start = toSpan(keyRange);
      const end = toSpan(valueRange ?? keyRange);
      return start && { start: start.start, end: end?.end };
    }
    return toSpan(valueRange ?? keyRange);
  }
  if (isSeq(parent) && typeof last === "number") {
    return toSpan((parent.items[last] as Node | undefined)?.range);
  }
  return undefined;
}

function shortTag(tag: string): string {
  return tag.replace(/^tag:yaml\.org,2002:/, "!!");
}

/**
 * What writers really get wrong, recognised on the line itself: a colon and a space inside a
 * value (YAML reads a second key), or a value that starts with a quote and goes on after it.
 * Both are fixed by quoting the whole value, so the message shows the line as it should be.
 */
export function explainLine(line: string): string | undefined {
  const match = /^\s*([A-Za-z][\w-]*):[ \t]+(.+)$/.exec(line);
  if (!match) return undefined;
  const [, key, value] = match as unknown as [string, string, string];
  const quoted = (v: string) => (v.includes('"') ? `'${v.replace(/'/g, "''")}'` : `"${v}"`);
  const first = value[0];
  if (first === '"' || first === "'") {
    const close = value.indexOf(first, 1);
    if (
      close > 0 &&
      value.slice(close + 1).trim() !== "" &&
      !value
        .slice(close + 1)
        .trim()
        .startsWith("#")
    ) {
      return `${key} の値が引用符（${first}）で始まっているため、引用符の中だけが値と読まれ、その後ろが余っています。値全体を別の引用符で囲んでください（例: ${key}: ${quoted(value)}）。`;
    }
    return undefined;
  }
  if (/[:：]\s/.test(value) && value.includes(": ")) {
    return `${key} の値に「: 」（コロンと空白）があるため、YAML では項目の区切りと読まれてしまいます。値全体を引用符で囲んでください（例: ${key}: ${quoted(value)}）。`;
  }
  return undefined;
}

/** The yaml library's error codes, in plain Japanese. */
function describeYamlError(code: string, _message: string): string {
  switch (code) {
    case "DUPLICATE_KEY":
      return "同じ項目名が 2 回書かれています。どちらか一方にしてください。";
    case "BAD_INDENT":
    case "MISSING_CHAR":
    case "UNEXPECTED_TOKEN":
      return '書き方が正しくありません。字下げ、括弧（[ ]）や引用符（"）の閉じ忘れを確認してください。';
    case "MULTIPLE_DOCS":
      return "--- で区切られた文書が複数あります。front matter は 1 つにしてください。";
    case "TAB_AS_INDENT":
      return "字下げにタブ文字は使えません。半角スペースで字下げしてください。";
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      return "「項目名: 値」の形になっていない行があります。コロン（:）の後に半角スペースを入れてください。";
    default:
      return `YAML として読み取れません（${code}）。「項目名: 値」の形になっているか、引用符や括弧が閉じているかを確認してください。`;
  }
}
