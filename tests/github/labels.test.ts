import { describe, it, expect } from "vitest";
import { plannedLabel, type PrState } from "../../pipeline/github/labels.ts";
import { addedLines } from "../../pipeline/github/diff.ts";

const HEAD = "h".repeat(40);
const OLD = "o".repeat(40);
const base: PrState = { draft: false, merged: false, errors: 0, reviews: [], headSha: HEAD, cityStaff: ["hibarino-koho"] };

describe("editorial labels", () => {
  it.each<[string, Partial<PrState>, string | undefined]>([
    ["a draft", { draft: true, errors: 3 }, "執筆中"],
    ["errors", { errors: 1 }, "修正依頼"],
    ["changes requested", { reviews: [{ user: "editor", state: "CHANGES_REQUESTED" }] }, "修正依頼"],
    [
      "re-approved after changes requested",
      {
        reviews: [
          { user: "hibarino-koho", state: "CHANGES_REQUESTED", commitId: HEAD },
          { user: "Hibarino-Koho", state: "APPROVED", commitId: HEAD },
        ],
      },
      "承認済み",
    ],
    ["approval by someone who is not city staff", { reviews: [{ user: "editor", state: "APPROVED", commitId: HEAD }] }, "レビュー待ち"],
    [
      "a comment after approval (does not undo it)",
      {
        reviews: [
          { user: "hibarino-koho", state: "APPROVED", commitId: HEAD },
          { user: "hibarino-koho", state: "COMMENTED", commitId: HEAD },
        ],
      },
      "承認済み",
    ],
    ["an approval of an earlier push (the head moved on)", { reviews: [{ user: "hibarino-koho", state: "APPROVED", commitId: OLD }] }, "レビュー待ち"],
    [
      "an approval dismissed",
      {
        reviews: [
          { user: "hibarino-koho", state: "APPROVED", commitId: HEAD },
          { user: "hibarino-koho", state: "DISMISSED", commitId: HEAD },
        ],
      },
      "レビュー待ち",
    ],
    ["no reviews yet", {}, "レビュー待ち"],
    ["merged (left to the publish job)", { merged: true }, undefined],
  ])("%s → %s", (_name, state, label) => {
    expect(plannedLabel({ ...base, ...state })).toBe(label);
  });

  it("counts nobody's approval when no city staff are configured (report refuses to run then)", () => {
    expect(plannedLabel({ ...base, cityStaff: [], reviews: [{ user: "anyone", state: "APPROVED", commitId: HEAD }] })).toBe("レビュー待ち");
  });
});

describe("changed lines of a patch", () => {
  it("keeps only added lines on the right side", () => {
    const patch =
      "@@ -1,4 +1,5 @@\n 一行目\n-二行目\n+二行目（直した）\n+追加\n 三行目\n@@ -10,2 +11,2 @@\n 十行目\n-古い\n+新しい\n\\ No newline at end of file";
    expect([...addedLines(patch)]).toEqual([2, 3, 12]);
    expect(addedLines(undefined).size).toBe(0);
  });
});
