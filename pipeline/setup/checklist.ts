/**
 * The doctor's checklist: one item per thing a city must get right, each saying in Japanese what
 * is wrong and exactly what to do (the setting's name as GitHub or the config spells it).
 * `fail` blocks (exit 1); `warn` does not, but needs a person's look; `skip` could not be checked
 * (offline, or a token without the permission) and says how to check it by hand.
 */
export type Status = "ok" | "warn" | "fail" | "skip";

export interface CheckItem {
  /** Stable id, named in docs/setup.md next to the step it checks. */
  id: string;
  status: Status;
  title: string;
  /** What was found, when it is not ok. */
  detail?: string;
  /** What to do, in one or two sentences. */
  fix?: string;
}

export const item = (id: string, status: Status, title: string, detail?: string, fix?: string): CheckItem => ({
  id,
  status,
  title,
  ...(detail && { detail }),
  ...(fix && { fix }),
});

const MARK: Record<Status, string> = { ok: "✓", warn: "!", fail: "✗", skip: "-" };

export function checklistPretty(items: readonly CheckItem[]): string {
  const lines: string[] = [];
  for (const i of items) {
    lines.push(`${MARK[i.status]} ${i.title}（${i.id}）`);
    if (i.detail) lines.push(`    ${i.detail}`);
    if (i.fix) lines.push(`    → ${i.fix}`);
  }
  const count = (s: Status) => items.filter((i) => i.status === s).length;
  lines.push(
    "",
    count("fail") > 0
      ? `直すことが ${count("fail")} 件あります（確認が必要なこと ${count("warn")} 件、確かめられなかったこと ${count("skip")} 件）。手順は docs/setup.md にあります。`
      : `止まる問題はありません（確認が必要なこと ${count("warn")} 件、確かめられなかったこと ${count("skip")} 件）。`,
  );
  return `${lines.join("\n")}\n`;
}

export const blocks = (items: readonly CheckItem[]) => items.some((i) => i.status === "fail");
