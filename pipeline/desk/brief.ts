import * as z from "zod";
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

/** A brief is content an editor submits: its problems are the file's (exit 1), never a configuration failure (exit 2). */
export const briefRules = {
  invalid: defineRule({ id: "brief/invalid", source: "input", severity: "error", title: "依頼のファイルの書き方に誤りがあります" }),
  path: defineRule({ id: "brief/path", source: "input", severity: "error", title: "依頼のファイルの場所が決まりと違います" }),
  unknownKey: defineRule({ id: "brief/unknown-key", source: "input", severity: "warning", title: "依頼のファイルに知らない項目があります" }),
  ambiguous: defineRule({ id: "brief/ambiguous", source: "frontmatter", severity: "error", title: "brief の名前に当てはまる依頼が複数あります" }),
  unknown: defineRule({ id: "brief/unknown", source: "frontmatter", severity: "error", title: "記事の brief に書かれた依頼がありません" }),
  otherWriter: defineRule({ id: "brief/other-writer", source: "frontmatter", severity: "error", title: "依頼はほかのライターが引き受けています" }),
  cancelled: defineRule({ id: "brief/cancelled", source: "frontmatter", severity: "error", title: "依頼は取り下げられています" }),
  delivered: defineRule({ id: "brief/delivered", source: "frontmatter", severity: "error", title: "依頼の記事はもう出ています" }),
  deadline: defineRule({ id: "brief/deadline", source: "frontmatter", severity: "warning", title: "依頼の締め切りを過ぎています" }),
  length: defineRule({ id: "brief/length", source: "frontmatter", severity: "info", title: "依頼の文字数の目安と違います" }),
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "deadline は 2026-12-20 のように「年-月-日」で書いてください" });
const count = (label: string) =>
  z
    .string()
    .regex(/^[1-9][0-9]{1,5}$/, { error: `${label} は半角数字で書いてください（例: 1200）` })
    .transform(Number);

/** 「800〜1,200 文字」→ 800–1200; 「1200字程度」→ 960–1440 (a single figure is a target, ±20%). */
export function parseLength(text: string): { min: number; max: number } | undefined {
  const numbers = [...text.normalize("NFKC").replace(/,/g, "").matchAll(/\d+/g)].map((m) => Number(m[0])).filter((n) => n >= 10 && n <= 100_000);
  if (numbers.length >= 2) return { min: Math.min(numbers[0]!, numbers[1]!), max: Math.max(numbers[0]!, numbers[1]!) };
  if (numbers.length === 1) return { min: Math.round(numbers[0]! * 0.8), max: Math.round(numbers[0]! * 1.2) };
  return undefined;
}

/** `length: 1200` (a target), `length: 800〜1200`, or `length: { min, max }`. */
const lengthField = z.union([
  z.strictObject({ min: count("length.min").optional(), max: count("length.max").optional() }),
  z.string().transform((text, ctx) => {
    const length = parseLength(text);
    if (length) return length;
    ctx.addIssue({ code: "custom", message: "length は 1200 や 800〜1200、または min と max で書いてください" });
    return z.NEVER;
  }),
]);

/** Keys a brief may have; others are reported (a warning) but do not stop the brief from loading. */
export const BRIEF_KEYS = ["title", "category", "deadline", "length", "notes", "fee", "writer", "assignedOn", "issue", "status"];

export function briefSchema(config: Config) {
  return z.looseObject({
    title: text("title（仮のタイトル）"),
    category: text("category（カテゴリー）")
      .refine((v) => Object.hasOwn(config.categories, v), { error: (i) => `category「${String(i.input)}」は kawaraban.config.yml の categories にありません` })
      .optional(),
    deadline: isoDate,
    length: lengthField.optional(),
    notes: text("notes（取材先・内容）").optional(),
    fee: yen("fee（この依頼の原稿料）").optional(),
    writer: text("writer（引き受けたライター）")
      .refine((v) => Object.hasOwn(config.writers, v), { error: (i) => `writer「${String(i.input)}」は kawaraban.config.yml の writers にありません` })
      .optional(),
    assignedOn: isoDate.optional(),
    issue: z
      .string()
      .regex(/^[1-9][0-9]{0,8}$/, { error: "issue にはイシューの番号を半角数字で書いてください" })
      .transform(Number)
      .optional(),
    // The desk derives assigned, in review and delivered itself; a brief only says whether it is withdrawn.
    status: z
      .enum(["open", "assigned", "delivered", "cancelled", "closed"], { error: "status は open か cancelled で書いてください" })
      .transform((s): "open" | "cancelled" => (s === "cancelled" || s === "closed" ? "cancelled" : "open"))
      .default("open"),
  });
}

export interface BriefFields {
  title: string;
  category?: string;
  deadline: string;
  length?: { min?: number; max?: number };
  notes?: string;
  fee?: number;
  writer?: string;
  assignedOn?: string;
  issue?: number;
  status: "open" | "cancelled";
}
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
    return {
      diagnostics: [
        report(
          briefRules.path,
          repoPath,
          "依頼のファイルは briefs/2026-12/satoyama.yml のように、briefs/ の下の「年-月」のフォルダーに、半角英小文字・数字・ハイフンの名前で置きます。",
        ),
      ],
    };
  }
  const yaml = parseSafeYaml(source);
  if (yaml.problems.length > 0) return { diagnostics: yaml.problems.map((p) => report(briefRules.invalid, repoPath, p.message, p.span)) };
  const parsed = briefSchema(config).safeParse(yaml.data ?? {});
  if (!parsed.success) {
    return {
      diagnostics: issuesToDiagnostics(parsed.error.issues, yaml, (issue, key, span) =>
        report(briefRules.invalid, repoPath, issue.message || describeIssue(issue, key), span),
      ),
    };
  }
  const extra = Object.keys(parsed.data).filter((k) => !BRIEF_KEYS.includes(k));
  const fields = Object.fromEntries(Object.entries(parsed.data).filter(([k]) => BRIEF_KEYS.includes(k))) as unknown as BriefFields;
  const diagnostics = extra.map((k) =>
    report(briefRules.unknownKey, repoPath, `「${k}」は依頼の項目にありません（使えるのは ${BRIEF_KEYS.join("・")}）。`, yaml.locate([k])),
  );
  return { brief: { ...fields, id, path: repoPath }, diagnostics };
}

/**
 * The brief an article's `brief:` names: its full id (`2026-12/satoyama`), or just its name
 * (`satoyama`) when exactly one month has a brief of that name.
 */
export function resolveBrief<T extends { id: string }>(briefs: ReadonlyMap<string, T>, ref: string): { brief?: T; candidates: string[] } {
  const exact = briefs.get(ref);
  if (exact) return { brief: exact, candidates: [ref] };
  if (ref.includes("/")) return { candidates: [] };
  const matches = [...briefs.values()].filter((b) => b.id.endsWith(`/${ref}`));
  return matches.length === 1 ? { brief: matches[0], candidates: [matches[0]!.id] } : { candidates: matches.map((b) => b.id) };
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
