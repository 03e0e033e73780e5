import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "yaml";
import { item, type CheckItem } from "./checklist.ts";

/**
 * Right sentences that hold a 表記 entry's characters inside another word: 「致します」 inside
 * 「一致します」, 「下さ」 inside 「下される」, 「達」 inside 「友達」. An entry that matches one would
 * "fix" it into something wrong (the template's own 致します did: 「一いたします」). `upgrade` never
 * touches a city's prh.yml, so the doctor looks for such entries instead.
 */
const RIGHT = [
  "意見が一致します。",
  "企業を誘致しました。",
  "判決が下される。",
  "友達と遊びました。",
  "上達しました。",
  "十人程度です。",
  "山の頂上です。",
  "車で来ました。",
  "初めて来たときです。",
  "所有する土地です。",
  "有料の駐車場です。",
  "有り難いことです。",
  "又は電話で申し込みます。",
  "一位になりました。",
  "協力して行います。",
];

const PRH_FILES = ["prh.yml", "prh-required.yml"];

/** A prh pattern as prh reads it: `/source/flags` is a regular expression, anything else the words themselves. */
function compile(pattern: unknown): RegExp | undefined {
  if (typeof pattern !== "string" || pattern === "") return undefined;
  const literal = /^\/(.+)\/([gimsuy]*)$/su.exec(pattern);
  try {
    // Sticky and global flags would make test() depend on the last match; u is prh's default.
    if (literal) return new RegExp(literal[1]!, [...new Set(`${literal[2]}u`.replace(/[gy]/gu, ""))].join(""));
    return new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&"), "u");
  } catch {
    return undefined; // prh itself reports a pattern it cannot read, when the check runs
  }
}

/** The `rules` of a prh dictionary, or "unreadable" (broken YAML, an unresolved alias, an alias bomb). */
function readRules(text: string): unknown {
  try {
    const doc = parseDocument(text);
    if (doc.errors.length > 0) return "unreadable";
    return (doc.toJS({ maxAliasCount: 100 }) as { rules?: unknown } | null)?.rules;
  } catch {
    return "unreadable";
  }
}

export async function prhCheck(root: string): Promise<CheckItem> {
  const title = "市の表記の辞書（prh.yml）";
  const found: string[] = [];
  for (const file of PRH_FILES) {
    const text = await readFile(path.join(root, file), "utf8").catch(() => undefined);
    if (text === undefined) continue;
    const rules = readRules(text);
    if (rules === "unreadable") {
      found.push(`${file} を読めません（YAML の書き方、またはエイリアスが多すぎます）`);
      continue;
    }
    if (!Array.isArray(rules)) continue;
    for (const rule of rules as { pattern?: unknown; patterns?: unknown; expected?: unknown }[]) {
      for (const pattern of [rule?.pattern ?? rule?.patterns].flat()) {
        const re = compile(pattern);
        const hit = re && RIGHT.find((sentence) => re.test(sentence));
        if (hit) found.push(`${file} の「${String(pattern).slice(0, 40)}」が正しい「${hit}」にも当たります`);
      }
    }
  }
  if (found.length === 0) return item("lint.prh", "ok", title);
  return item(
    "lint.prh",
    "warn",
    title,
    `${found.slice(0, 3).join("。")}${found.length > 3 ? ` ほか ${found.length - 3} 件` : ""}。`,
    "正しい言葉に当たる項目は、直すと文が壊れます。pattern をテンプレートの新しい prh.yml の同じ項目（前後の文字の条件つき）に書き換えてください。読めない辞書は、文章のチェックも止めるので書き方を直してください。",
  );
}
