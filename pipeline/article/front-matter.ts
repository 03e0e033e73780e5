import { parseSafeYaml, type ParsedYaml } from "./safe-yaml.ts";

/**
 * Splits an article into front matter and body without ever running code.
 *
 * The opening line must be exactly `---` and the block ends at the next line that is exactly
 * `---`; the YAML between them goes to the safe parser, nothing else. (gray-matter did this
 * before: it picks an engine from the text after the opening `---`, its default JavaScript
 * engine is `eval`, and loading it with js-yaml and esprima cost ~30 ms of every start.)
 */

export type Split =
  | { ok: true; yaml: ParsedYaml; body: string; bodyStartLine: number; closingLine: number }
  | { ok: false; problem: "missing" | "opening" | "unclosed"; line: number };

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

  // The text from the end of the opening `---`, so offset 0 is on line 1 and the parser's lines
  // are the file's lines.
  const yaml = parseSafeYaml(lines.slice(0, closingIndex).join("\n").slice(3), 1);
  const body = lines.slice(closingIndex + 1).join("\n");
  return { ok: true, yaml, body, bodyStartLine: closingIndex + 2, closingLine: closingIndex + 1 };
}
