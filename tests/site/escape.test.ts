import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { escapeHtml } from "../../pipeline/text-safety.ts";

// The plain definition: every special character replaced, & first.
const reference = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

describe("escapeHtml", () => {
  it("gives the same text as replacing each special character in turn, for any string", () => {
    const special = fc.constantFrom("&", "<", ">", '"', "'", "&amp;", "&#39;", "あ", "a", "\u0000", "\ud800");
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "grapheme" }),
          fc.array(special).map((xs) => xs.join("")),
        ),
        (s) => {
          expect(escapeHtml(s)).toBe(reference(s));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
