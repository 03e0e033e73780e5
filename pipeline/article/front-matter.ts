import matter from "gray-matter";
import { parseSafeYaml, type ParsedYaml } from "./safe-yaml.ts";

/**
 * Splits an article into front matter and body without ever running code.
 *
 * gray-matter picks its engine from the text after the opening `---` (`---js`,
 * `--- javascript`, `---JavaScript`…) and its default JavaScript engine is `eval`.
 * So the opening line is checked here first and must be exactly `---`; gray-matter is then
 * called with the language forced to YAML, the YAML engine replaced by the safe parser,
 * and every other engine replaced by one that refuses (defence in depth).
 */

export type Split =
  | { ok: true; yaml: ParsedYaml; body: string; bodyStartLine: number; closingLine: number }
  | { ok: false; problem: "missing" | "opening" | "unclosed"; line: number };

const refuse = () => {
  throw new Error("front matter engines other than safe YAML are disabled");
};
const lockedEngines = {
  yaml: { parse: () => ({}), stringify: refuse },
  javascript: { parse: refuse, stringify: refuse },
  js: { parse: refuse, stringify: refuse },
  json: { parse: refuse, stringify: refuse },
  coffee: { parse: refuse, stringify: refuse },
  cson: { parse: refuse, stringify: refuse },
  toml: { parse: refuse, stringify: refuse },
};

/** `text` is the decoded file without BOM; CRLF is accepted. */
export function splitFrontMatter(text: string): Split {
  const normalized = text.replace(/\r\n?/g, "\n");
  const lines = normalized.split("\n");
  const first = lines[0] ?? "";
  if (first !== "---") {
    // `---js`, `--- yaml`, `----`: a delimiter with something after it is refused, not guessed at.
    return { ok: false, problem: first.startsWith("---") ? "opening" : "missing", line: 1 };
  }
  const closingIndex = lines.indexOf("---", 1);
  if (closingIndex === -1) return { ok: false, problem: "unclosed", line: 1 };

  let yaml: ParsedYaml | undefined;
  const engines = {
    ...lockedEngines,
    yaml: {
      parse: (source: string) => {
        // gray-matter hands over the text from the end of the opening `---`, so offset
        // 0 is on line 1 and the parser's lines are the file's lines.
        yaml = parseSafeYaml(source, 1);
        return {};
      },
      stringify: refuse,
    },
  };
  // gray-matter's typings do not model engines returning plain objects.
  const options = { language: "yaml", engines } as unknown as Parameters<typeof matter>[1];
  const file = matter(normalized, options);
  // gray-matter skips the engine for a block that is empty or only comments.
  yaml ??= parseSafeYaml("", 1);
  return { ok: true, yaml, body: file.content, bodyStartLine: closingIndex + 2, closingLine: closingIndex + 1 };
}
