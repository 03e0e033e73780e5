import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { articleText } from "../../pipeline/article/article.ts";
import { lintProse } from "../../pipeline/checks/prose/stage.ts";
import type { Diagnostic } from "../../pipeline/diagnostics/diagnostic.ts";
import { REPO_ROOT } from "../support/repo.ts";

// Sentences written for this project (the beginner lists), each once as it is and once after
// characters outside the BMP (emoji): every finding must land on the same words and fix them the
// same way. kuromoji counts positions in code points, JavaScript in UTF-16 units; rules that took
// a token's position as a string index moved their fixes one place left per emoji. kawaraban's
// own rules only: the preset's rules (ja-no-abusage and others) read kuromojin directly, as the
// textlint CLI does, and keep the tokenizer's behaviour there.
const FIXTURES = path.join(import.meta.dirname, "../fixtures/prose");
const SENTENCES = readdirSync(FIXTURES)
  .filter((f) => f.startsWith("beginner-") && f.endsWith(".json"))
  .sort()
  .flatMap((f) => (JSON.parse(readFileSync(path.join(FIXTURES, f), "utf8")) as { text?: string }[]).map((e) => e.text ?? ""))
  .filter((text) => text.length > 0)
  .slice(0, 240);
// The emoji stand apart (after them a comma), so the tokenizer reads the sentence as before.
const PREFIX = "🌸🎉、";
const FRONT = "---\ntitle: 見本\nwriter: hinata\ndate: 2026-11-01\nsummary: 見本です。\n---\n\n";

/** What a finding says and what its fix makes of the sentence's line, without the prefix. */
function shape(raw: string, d: Diagnostic, prefix: string): string {
  const fixed = d.fix ? raw.slice(0, d.fix.range[0]) + d.fix.text + raw.slice(d.fix.range[1]) : raw;
  const line = fixed.split("\n")[7] ?? "";
  return `${d.ruleId} ${d.message} → ${line.startsWith(prefix) ? line.slice(prefix.length) : `(prefix lost) ${line}`}`;
}

describe("positions after characters outside the BMP", () => {
  it("gives every finding and fix the same place and result with emoji before the sentence", async () => {
    const files = (prefix: string, kind: string) =>
      SENTENCES.map((text, i) => articleText(`articles/2026/11/${kind}-${i}.md`, `${FRONT}${prefix}${text}\n`).text!);
    const [plain, shifted] = [files("", "plain"), files(PREFIX, "emoji")];
    const run = await lintProse(REPO_ROOT, [...plain, ...shifted]);
    let compared = 0;
    for (const [i, text] of plain.entries()) {
      const other = shifted[i]!;
      const mine = (t: typeof text, prefix: string) =>
        (run.results.get(t.path)?.diagnostics ?? [])
          .filter((d) => d.line === 8 && d.fix && d.ruleId.startsWith("kawaraban/"))
          .map((d) => shape(t.raw, d, prefix));
      const expected = mine(text, "");
      compared += expected.length;
      expect(mine(other, PREFIX).sort(), SENTENCES[i]).toEqual(expected.sort());
    }
    expect(compared).toBeGreaterThan(100);
  }, 240_000);
});
