import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { applyFixes, type TextFix } from "../../pipeline/writer/client/fixes.ts";

/** One fix at a time from the end, the way a writer clicking each button from the bottom would. */
function oneByOne(body: string, fixes: TextFix[], offset: number): string {
  let out = body;
  for (const f of [...fixes].sort((a, b) => b.range[0] - a.range[0])) out = out.slice(0, f.range[0] - offset) + f.text + out.slice(f.range[1] - offset);
  return out;
}

/** Disjoint fixes inside the body: cut points chosen in order, every other gap replaced. */
const bodyAndFixes = fc
  .record({
    body: fc.string({ unit: fc.constantFrom("あ", "い", "下", "さ", "”", "、", " ", "\n"), maxLength: 60 }),
    offset: fc.nat(200),
    cuts: fc.uniqueArray(fc.nat(60), { maxLength: 12 }),
    texts: fc.array(fc.constantFrom("", "ください", "“", "、", "い"), { minLength: 6, maxLength: 6 }),
  })
  .map(({ body, offset, cuts, texts }) => {
    const points = cuts.filter((c) => c <= body.length).sort((a, b) => a - b);
    const fixes: TextFix[] = [];
    for (let i = 0; i + 1 < points.length; i += 2) fixes.push({ range: [points[i]! + offset, points[i + 1]! + offset], text: texts[(i / 2) % texts.length]! });
    return { body, offset, fixes };
  });

describe("applying all the 表記 fixes at once", () => {
  it("equals applying them one by one when they do not overlap", () => {
    fc.assert(
      fc.property(bodyAndFixes, ({ body, offset, fixes }) => {
        expect(applyFixes(body, fixes, offset)).toBe(oneByOne(body, fixes, offset));
      }),
    );
  });

  it("leaves a fix that overlaps another, or reaches outside the body, for the next check", () => {
    const body = "皆さんに来て下さいました。";
    const at = body.indexOf("下さい");
    const fixes: TextFix[] = [
      { range: [100 + at, 100 + at + 3], text: "ください" },
      { range: [100 + at + 1, 100 + at + 4], text: "X" }, // overlaps the first
      { range: [50, 60], text: "front matter" }, // before the body
      { range: [100 + body.length, 100 + body.length + 5], text: "past the end" },
    ];
    const out = applyFixes(body, fixes, 100);
    expect(out.match(/ください|X/g)?.length).toBe(1);
    expect(out).not.toContain("front matter");
    expect(out).not.toContain("past the end");
    expect(applyFixes(body, [fixes[0]!], 100)).toBe("皆さんに来てくださいました。");
  });

  it("never applies two insertions at the same place", () => {
    expect(
      applyFixes(
        "ab",
        [
          { range: [1, 1], text: "X" },
          { range: [1, 1], text: "Y" },
        ],
        0,
      ),
    ).toMatch(/^a[XY]b$/);
  });
});
