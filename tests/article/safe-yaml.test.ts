import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { parseSafeYaml } from "../../pipeline/article/safe-yaml.ts";
import { splitFrontMatter } from "../../pipeline/article/front-matter.ts";

describe("parseSafeYaml", () => {
  it("keeps scalars exactly as typed: no octal, no numbers, no dates", () => {
    const { data, problems } = parseSafeYaml("zip: 0123\nphone: 0120\ndate: 2026-11-20\nflag: yes\nn: 1e3\n");
    expect(problems).toEqual([]);
    expect(data).toEqual({ zip: "0123", phone: "0120", date: "2026-11-20", flag: "yes", n: "1e3" });
  });

  it.each([
    ["!!binary", "a: !!binary aGVsbG8=\n"],
    ["!!js/function", "a: !!js/function 'function(){}'\n"],
    ["!custom", "a: !custom x\n"],
    ["!!str", "a: !!str x\n"],
  ])("refuses the %s tag", (_tag, source) => {
    const result = parseSafeYaml(source);
    expect(result.data).toBeUndefined();
    expect(result.problems[0]?.kind).toBe("unsafe");
  });

  it("refuses aliases before they can become data, so nothing explodes when serialised", () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [i, name] of ["b", "c", "d", "e", "f", "g", "h", "i"].entries()) {
      const prev = "abcdefghi"[i];
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(",")}]`);
    }
    const result = parseSafeYaml(lines.join("\n"));
    expect(result.data).toBeUndefined();
    expect(result.problems.map((p) => p.message).join("\n")).toMatch(/エイリアス.*ほかに 71 か所/);
  });

  it("makes __proto__ an inert own key", () => {
    const { data } = parseSafeYaml("__proto__:\n  polluted: yes\n");
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data as object)).toEqual(["__proto__"]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it("survives very deep nesting with a diagnostic instead of a crash", () => {
    const result = parseSafeYaml(`a: ${"[".repeat(20000)}${"]".repeat(20000)}\n`);
    expect(result.problems[0]?.kind).toBe("too-deep");
  });

  it("locates keys and values on the file's lines", () => {
    const result = parseSafeYaml("title: x\ntags:\n  - a\n  - b\n", 2);
    expect(result.locate(["tags"])?.start).toEqual({ line: 3, column: 1 });
    expect(result.locate(["tags", 1], "value")?.start).toEqual({ line: 5, column: 5 });
    // A missing key falls back to its parent mapping.
    expect(result.locate(["summary"])?.start).toEqual({ line: 2, column: 1 });
  });
});

describe("splitFrontMatter", () => {
  it.each(["---js", "---javascript", "--- js", "---JS", "---JavaScript ", "--- yaml", "----"])(
    "refuses an opening line %j without reading what follows",
    (opening) => {
      const split = splitFrontMatter(`${opening}\n({ title: (globalThis.__pwned = 1) })\n---\nbody\n`);
      expect(split).toEqual({ ok: false, problem: "opening", line: 1 });
      expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
    },
  );

  it("accepts CRLF and reports where the body starts", () => {
    const split = splitFrontMatter("---\r\ntitle: a\r\n---\r\n本文\r\n");
    expect(split.ok && split.yaml.data).toEqual({ title: "a" });
    expect(split.ok && split.bodyStartLine).toBe(4);
    expect(split.ok && split.body).toBe("本文\n");
  });

  it("treats a comment-only block as empty data", () => {
    const split = splitFrontMatter("---\n# memo\n---\nbody");
    expect(split.ok && split.yaml.problems).toEqual([]);
  });

  it("needs a closing line of exactly ---", () => {
    expect(splitFrontMatter("---\ntitle: a\n---js\nbody")).toMatchObject({ ok: false, problem: "unclosed" });
  });

  it("splits any text at the first line after the opening that is exactly ---, losing nothing", () => {
    const line = fc.oneof(fc.constantFrom("---", "----", "--- ", "---js", "", "title: a", "# memo", "本文です。", "-"), fc.string());
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.boolean(), (lines, opened) => {
        const text = (opened ? ["---", ...lines] : lines).join("\n");
        const split = splitFrontMatter(text);
        const all = text.replace(/\r\n?/g, "\n").split("\n");
        const closing = all.indexOf("---", 1);
        expect(split.ok).toBe(all[0] === "---" && closing > 0);
        if (!split.ok) return;
        // Front matter, the closing line and the body are the whole text, in order.
        const rest = closing + 1 < all.length ? [split.body] : [];
        expect([...all.slice(0, closing + 1), ...rest].join("\n")).toBe(all.join("\n"));
        expect(split.closingLine).toBe(closing + 1);
        expect(split.bodyStartLine).toBe(closing + 2);
      }),
      { numRuns: 500 },
    );
  });
});
