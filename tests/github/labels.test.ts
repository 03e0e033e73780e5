import { describe, it, expect } from "vitest";
import { plannedLabel, type PrState } from "../../pipeline/github/labels.ts";
import { addedLines } from "../../pipeline/github/diff.ts";

const base: PrState = { draft: false, merged: false, errors: 0, reviews: [], cityStaff: ["hibarino-koho"] };

describe("editorial labels", () => {
  it.each<[string, Partial<PrState>, string | undefined]>([
    ["a draft", { draft: true, errors: 3 }, "執筆中"],
    ["errors", { errors: 1 }, "修正依頼"],
    ["changes requested", { reviews: [{ user: "editor", state: "CHANGES_REQUESTED" }] }, "修正依頼"],
    ["re-approved after changes requested", { reviews: [{ user: "hibarino-koho", state: "CHANGES_REQUESTED" }, { user: "Hibarino-Koho", state: "APPROVED" }] }, "承認済み"],
    ["approval by someone who is not city staff", { reviews: [{ user: "editor", state: "APPROVED" }] }, "レビュー待ち"],
    ["a comment after approval (does not undo it)", { reviews: [{ user: "hibarino-koho", state: "APPROVED" }, { user: "hibarino-koho", state: "COMMENTED" }] }, "承認済み"],
    ["no reviews yet", {}, "レビュー待ち"],
    ["merged (left to the publish job)", { merged: true }, undefined],
  ])("%s → %s", (_name, state, label) => {
    expect(plannedLabel({ ...base, ...state })).toBe(label);
  });

  it("counts any approval when no city staff are configured", () => {
    expect(plannedLabel({ ...base, cityStaff: [], reviews: [{ user: "anyone", state: "APPROVED" }] })).toBe("承認済み");
  });
});

describe("changed lines of a patch", () => {
  it("keeps only added lines on the right side", () => {
    const patch = "@@ -1,4 +1,5 @@\n 一行目\n-二行目\n+二行目（直した）\n+追加\n 三行目\n@@ -10,2 +11,2 @@\n 十行目\n-古い\n+新しい\n\\ No newline at end of file";
    expect([...addedLines(patch)]).toEqual([2, 3, 12]);
    expect(addedLines(undefined).size).toBe(0);
  });
});
