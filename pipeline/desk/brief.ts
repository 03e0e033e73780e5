import { z } from "zod";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { defineRule, report } from "../diagnostics/rules.ts";
import { parseSafeYaml } from "../article/safe-yaml.ts";
import { issuesToDiagnostics } from "../article/schema-diagnostics.ts";
import { describeIssue, text, yen } from "../article/schema-helpers.ts";
import type { Config } from "../article/config.ts";

/**
 * A brief (記事の依頼): a file under briefs/ that the desk, `check` and the ledger read, in the
 * working tree and from history alike. Its id is its path without `briefs/` and `.yml`
 * (`briefs/2026-12/satoyama.yml` → `2026-12/satoyama`), which articles cite as `brief:`.
 */
export const BRIEFS_DIR = "briefs";
/** City staff approve a brief's fee here (CODEOWNERS: city staff only). */
export const APPROVALS_FILE = `${BRIEFS_DIR}/approvals.yml`;
export const BRIEF_ID = /^\d{4}-(0[1-9]|1[0-2])\/[a-z0-9][a-z0-9-]{0,60}$/;
const BRIEF_PATH = /^briefs\/(\d{4}-(?:0[1-9]|1[0-2])\/[a-z0-9][a-z0-9-]{0,60})\.yml$/;
/** A brief is a few lines; anything larger is not one. */
export const MAX_BRIEF_BYTES = 16 * 1024;

export const briefRules = {
  invalid: defineRule({ id: "brief/invalid", source: "config", severity: "error", title: "依頼のファイルの書き方に誤りがあります" }),
  path: defineRule({ id: "brief/path", source: "config", severity: "error", title: "依頼のファイルの場所が決まりと違います" }),
  unknown: defineRule({ id: "brief/unknown", source: "frontmatter", severity: "error", title: "記事の brief に書かれた依頼がありません" }),
  otherWriter: defineRule({ id: "brief/other-writer", source: "frontmatter", severity: "error", title: "依頼はほかのライターが引き受けています" }),
  cancelled: defineRule({ id: "brief/cancelled", source: "frontmatter", severity: "error", title: "依頼は取り下げられています" }),
  deadline: defineRule({ id: "brief/deadline", source: "frontmatter", severity: "warning", title: "依頼の締め切りを過ぎています" }),
  length: defineRule({ id: "brief/length", source: "frontmatter", severity: "info", title: "依頼の文字数の目安と違います" }),
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "deadline は 2026-12-20 のように「年-月-日」で書いてください" });
const count = (label: string) => z.string().regex(/^[1-9][0-9]{1,5}$/, { error: `${label} は半角数字で書いてください（例: 1200）` }).transform(Number);

export function briefSchema(config: Config) {
  return z.strictObject({
    title: text("title（仮のタイトル）"),
    category: text("category（カテゴリー）")
      .refine((v) => Object.hasOwn(config.categories, v), { error: (i) => `category「${String(i.input)}」は kawaraban.config.yml の categories にありません` })
      .optional(),
    deadline: isoDate,
    length: z.strictObject({ min: count("length.min").optional(), max: count("length.max").optional() }).optional(),
    notes: text("notes（取材先・内容）").optional(),
    fee: yen("fee（この依頼の原稿料）").optional(),
    writer: text("writer（引き受けたライター）")
      .refine((v) => Object.hasOwn(config.writers, v), { error: (i) => `writer「${String(i.input)}」は kawaraban.config.yml の writers にありません` })
      .optional(),
    assignedOn: isoDate.optional(),
    issue: z.string().regex(/^[1-9][0-9]{0,8}$/, { error: "issue にはイシューの番号を半角数字で書いてください" }).transform(Number).optional(),
    status: z.enum(["open", "cancelled"], { error: "status は open か cancelled で書いてください" }).default("open"),
  });
}

export type BriefFields = z.output<ReturnType<typeof briefSchema>>;
export interface Brief extends BriefFields {
  id: string;
  path: string;
}

export const briefIdOf = (repoPath: string): string | undefined => BRIEF_PATH.exec(repoPath)?.[1];
export const briefPathOf = (id: string) => `${BRIEFS_DIR}/${id}.yml`;

/** Pure: one brief file's text → the brief, or the diagnostics that say what is wrong with it. */
export function parseBrief(repoPath: string, source: string, config: Config): { brief?: Brief; diagnostics: Diagnostic[] } {
  const id = briefIdOf(repoPath);
  if (!id) {
    return { diagnostics: [report(briefRules.path, repoPath, "依頼のファイルは briefs/2026-12/satoyama.yml のように、briefs/ の下の「年-月」のフォルダーに、半角英小文字・数字・ハイフンの名前で置きます。")] };
  }
  const yaml = parseSafeYaml(source);
  if (yaml.problems.length > 0) return { diagnostics: yaml.problems.map((p) => report(briefRules.invalid, repoPath, p.message, p.span)) };
  const parsed = briefSchema(config).safeParse(yaml.data ?? {});
  if (!parsed.success) {
    return { diagnostics: issuesToDiagnostics(parsed.error.issues, yaml, (issue, key, span) => report(briefRules.invalid, repoPath, issue.message || describeIssue(issue, key), span)) };
  }
  return { brief: { ...parsed.data, id, path: repoPath }, diagnostics: [] };
}

/** Pure: the approvals file → brief id → the fee city staff approved for it. */
export function parseApprovals(source: string | undefined): Map<string, number> {
  const approved = new Map<string, number>();
  if (source === undefined) return approved;
  const yaml = parseSafeYaml(source);
  if (yaml.problems.length > 0 || !yaml.data || typeof yaml.data !== "object" || Array.isArray(yaml.data)) return approved;
  for (const [id, fee] of Object.entries(yaml.data as Record<string, unknown>)) {
    if (BRIEF_ID.test(id) && typeof fee === "string" && /^(0|[1-9][0-9]{0,11})$/.test(fee)) approved.set(id, Number(fee));
  }
  return approved;
}

/** The YAML of a brief, in the order an editor reads it (used when the desk writes one). */
export function briefYaml(fields: Partial<BriefFields> & Pick<BriefFields, "title" | "deadline">): string {
  const quote = (s: string) => JSON.stringify(s);
  const lines = [`title: ${quote(fields.title)}`];
  if (fields.category) lines.push(`category: ${fields.category}`);
  lines.push(`deadline: ${fields.deadline}`);
  if (fields.length && (fields.length.min || fields.length.max)) {
    lines.push("length:");
    if (fields.length.min) lines.push(`  min: ${fields.length.min}`);
    if (fields.length.max) lines.push(`  max: ${fields.length.max}`);
  }
  if (fields.fee !== undefined) lines.push(`fee: ${fields.fee}`);
  if (fields.writer) lines.push(`writer: ${fields.writer}`);
  if (fields.assignedOn) lines.push(`assignedOn: ${fields.assignedOn}`);
  if (fields.issue) lines.push(`issue: ${fields.issue}`);
  if (fields.status && fields.status !== "open") lines.push(`status: ${fields.status}`);
  if (fields.notes) lines.push(`notes: |`, ...fields.notes.split("\n").map((l) => `  ${l}`));
  return `${lines.join("\n")}\n`;
}
