import * as z from "zod";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { defineRule, report } from "../diagnostics/rules.ts";
import type { Config } from "./config.ts";
import type { ArticleText } from "./article.ts";
import { text, bool, list, describeIssue, hint } from "./schema-helpers.ts";
import { issuesToDiagnostics } from "./schema-diagnostics.ts";
import { codePoint, unsafeCharacter } from "../source/names.ts";
import { graphemesOf } from "../graphemes.ts";

export const frontMatterRules = {
  required: defineRule({ id: "frontmatter/required", source: "frontmatter", severity: "error", title: "必須の項目がありません" }),
  type: defineRule({ id: "frontmatter/type", source: "frontmatter", severity: "error", title: "項目の値の書き方が正しくありません" }),
  date: defineRule({ id: "frontmatter/date", source: "frontmatter", severity: "error", title: "日付が正しくありません" }),
  unknownWriter: defineRule({ id: "frontmatter/unknown-writer", source: "frontmatter", severity: "error", title: "登録されていないライターです" }),
  unknownCategory: defineRule({ id: "frontmatter/unknown-category", source: "frontmatter", severity: "error", title: "設定にないカテゴリーです" }),
  coverAlt: defineRule({ id: "frontmatter/cover-alt", source: "frontmatter", severity: "error", title: "cover と coverAlt は一緒に書きます" }),
  length: defineRule({ id: "frontmatter/length", source: "frontmatter", severity: "warning", title: "タイトル・概要が長すぎます" }),
  unknownKey: defineRule({ id: "frontmatter/unknown-key", source: "frontmatter", severity: "warning", title: "知らない項目があります" }),
  fee: defineRule({ id: "frontmatter/fee", source: "frontmatter", severity: "error", title: "原稿料は front matter に書けません" }),
  reservedKey: defineRule({ id: "frontmatter/reserved-key", source: "frontmatter", severity: "error", title: "使えない項目名です" }),
  comment: defineRule({ id: "frontmatter/comment", source: "frontmatter", severity: "warning", title: "「 #」から後ろが消えています" }),
  tooManyKeys: defineRule({ id: "frontmatter/too-many-keys", source: "frontmatter", severity: "error", title: "front matter の項目が多すぎます" }),
  unsafeCharacter: defineRule({
    id: "frontmatter/unsafe-character",
    source: "frontmatter",
    severity: "error",
    title: "見えない制御文字や向きを変える文字があります",
  }),
};

/** Far more than the nine known keys: past this, it is pasted data, and one message says so. */
const MAX_KEYS = 40;

/** Feeds, search results and OGP cards cut longer text (Japanese, counted in characters). */
export const TITLE_MAX = 40;
export const SUMMARY_MAX = 120;

const isCalendarDate = (value: string): boolean => {
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** The one schema for front matter: TypeScript type, validation and Japanese messages. */
export function frontMatterSchema(config: Config) {
  const writers = Object.keys(config.writers);
  const categories = Object.keys(config.categories);
  return z.looseObject({
    title: text("title（タイトル）"),
    writer: text("writer（ライター）").refine((v) => Object.hasOwn(config.writers, v), {
      error: (issue) =>
        `writer「${String(issue.input)}」は登録されていません。${displayNameHint(String(issue.input), config.writers, "ハンドル名") || hint(String(issue.input), writers)}kawaraban.config.yml の writers にあるハンドル名を書いてください`,
    }),
    date: text("date（日付）")
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "date は 2026-11-20 のように「年-月-日」を半角数字で書いてください", abort: true })
      .refine(isCalendarDate, { error: (issue) => `date「${String(issue.input)}」は存在しない日付です` }),
    summary: text("summary（概要）"),
    tags: list(text("tags の項目"), "tags（タグ）").optional(),
    category: text("category（カテゴリー）")
      .refine((v) => Object.hasOwn(config.categories, v), {
        error: (issue) =>
          `category「${String(issue.input)}」は設定にありません。${displayNameHint(String(issue.input), config.categories, "名前") || hint(String(issue.input), categories)}使えるもの: ${categories.map((c) => `${c}（${config.categories[c]!.name}）`).join(", ")}`,
      })
      .optional(),
    cover: text("cover（カバー写真）").optional(),
    coverAlt: text("coverAlt（カバー写真の説明）").optional(),
    draft: bool("draft（下書き）").optional().default(false),
    brief: text("brief（依頼）")
      .regex(/^(\d{4}-(0[1-9]|1[0-2])\/)?[a-z0-9][a-z0-9-]*$/, {
        error: "brief には依頼の名前を 2026-12/satoyama のように書いてください（briefs/ の下のファイル名から .yml を除いたもの）",
      })
      .optional(),
  });
}

/**
 * Rules between two keys, checked on the raw data whatever else is wrong: inside the schema
 * (superRefine) they would run only once every other key was right, so a writer would learn of
 * a missing coverAlt only in a second round.
 */
function pairIssues(data: Record<string, unknown>): { path: string; message: string }[] {
  const has = (key: string) => typeof data[key] === "string" && (data[key] as string).trim() !== "";
  const issues: { path: string; message: string }[] = [];
  if (has("cover") && !has("coverAlt"))
    issues.push({ path: "cover", message: "cover を付けたときは coverAlt（写真に何が写っているかの説明）も書いてください" });
  if (has("coverAlt") && !has("cover")) issues.push({ path: "coverAlt", message: "coverAlt は cover（カバー写真）と一緒に書いてください" });
  return issues;
}

/**
 * `title: 行ってきました！ #カフェ`: after a space, "#" starts a YAML comment and the rest of
 * the line is silently dropped. Found on the raw line (linear: no regex backtracking).
 */
function droppedByComment(line: string): { key: string; lost: string } | undefined {
  const colon = line.indexOf(": ");
  if (colon <= 0 || !/^[A-Za-z][\w-]*$/.test(line.slice(0, colon))) return undefined;
  const value = line.slice(colon + 2).trimStart();
  if (value === "" || "\"'[{|>&*!%@`#".includes(value[0]!)) return undefined;
  for (let i = 1; i < value.length; i++) {
    if (value[i] === "#" && (value[i - 1] === " " || value[i - 1] === "\t")) {
      const lost = value.slice(i).trim();
      return lost.length > 1 ? { key: line.slice(0, colon), lost } : undefined;
    }
  }
  return undefined;
}

export type FrontMatter = z.output<ReturnType<typeof frontMatterSchema>>;

/** `writer: ひなた` is the display name: say which handle it is (`hinata`). */
function displayNameHint(input: string, entries: Record<string, { name: string; invoiceName?: string }>, what: string): string {
  const normalized = input.normalize("NFKC").trim();
  const match = Object.entries(entries).find(
    ([, e]) => e.name.normalize("NFKC") === normalized || e.invoiceName?.normalize("NFKC").replace(/\s/g, "") === normalized.replace(/\s/g, ""),
  );
  return match ? `「${input}」は表示名です。ここには${what}「${match[0]}」を書きます。` : "";
}

/** Permanent rule ids per kind of mistake, so baselines and editors can tell them apart. */
function ruleForIssue(issue: z.core.$ZodIssue) {
  const field = issue.path[0];
  if (issue.code === "invalid_type" && (issue.input === undefined || issue.input === null)) return frontMatterRules.required;
  if (issue.code === "custom" && (field === "cover" || field === "coverAlt")) return frontMatterRules.coverAlt;
  if (issue.code === "custom" && field === "writer") return frontMatterRules.unknownWriter;
  if (issue.code === "custom" && field === "category") return frontMatterRules.unknownCategory;
  if (field === "date" && issue.code !== "invalid_type") return frontMatterRules.date;
  return frontMatterRules.type;
}

export const sentence = (message: string) => (/[。？！）]$/.test(message) ? message : `${message}。`);

const KNOWN_KEYS = ["title", "writer", "date", "summary", "tags", "category", "cover", "coverAlt", "draft", "brief"];
const RESERVED_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const FEE_KEYS = /^(fee|price|rate|amount|pay|payment|原稿料|料金|報酬|金額)$/i;

const schemaCache = new WeakMap<Config, ReturnType<typeof frontMatterSchema>>();

/** Validates front matter; on success the typed value is returned for later stages. */
export function checkFrontMatter(article: ArticleText, config: Config): { frontMatter?: FrontMatter; diagnostics: Diagnostic[] } {
  const { yaml } = article;
  // Syntax problems were reported at load; guessing at broken YAML would only add noise.
  if (yaml.problems.length > 0) return { diagnostics: [] };
  if (yaml.data !== null && yaml.data !== undefined && (typeof yaml.data !== "object" || Array.isArray(yaml.data))) {
    return { diagnostics: [] };
  }
  let schema = schemaCache.get(config);
  if (!schema) schemaCache.set(config, (schema = frontMatterSchema(config)));
  const diagnostics: Diagnostic[] = [];
  const keys = Object.keys(article.data);
  if (keys.length > MAX_KEYS) {
    return {
      diagnostics: [
        report(
          frontMatterRules.tooManyKeys,
          article.path,
          `front matter に項目が ${keys.length} 個あります（使う項目は ${KNOWN_KEYS.length} 個です）。title・writer・date・summary などの項目だけにしてください。`,
          { start: { line: 2, column: 1 } },
        ),
      ],
    };
  }
  for (const key of keys) {
    if (KNOWN_KEYS.includes(key)) continue;
    const span = yaml.locate([key]);
    if (RESERVED_KEYS.has(key)) {
      // Harmless here (parsed as plain data), but never legitimate and a classic pollution probe.
      diagnostics.push(report(frontMatterRules.reservedKey, article.path, `「${key}」は項目名に使えません。消してください。`, span));
    } else if (FEE_KEYS.test(key)) {
      diagnostics.push(
        report(frontMatterRules.fee, article.path, `「${key}」は書けません。原稿料は kawaraban.config.yml の料金表で決まり、記事には書きません。`, span),
      );
    } else {
      diagnostics.push(
        report(frontMatterRules.unknownKey, article.path, `知らない項目「${key}」があります。${hint(key, KNOWN_KEYS)}不要なら消してください。`, span),
      );
    }
  }
  const frontMatterLines = article.raw.split("\n").slice(1, Math.max(1, article.bodyStartLine - 2));
  frontMatterLines.forEach((line, i) => {
    const dropped = droppedByComment(line.replace(/\r$/, ""));
    if (dropped) {
      diagnostics.push(
        report(
          frontMatterRules.comment,
          article.path,
          `${dropped.key} の「${dropped.lost.slice(0, 30)}」は消えてしまいます（空白の後の「#」から後ろは YAML のコメントになります）。残したいときは値全体を引用符で囲んでください（例: ${dropped.key}: "…${dropped.lost.slice(0, 10)}"）。`,
          {
            start: { line: i + 2, column: 1 },
          },
        ),
      );
    }
  });
  for (const issue of pairIssues(article.data))
    diagnostics.push(report(frontMatterRules.coverAlt, article.path, sentence(issue.message), yaml.locate([issue.path])));
  const result = schema.safeParse(article.data, { reportInput: true });
  if (!result.success) {
    const missingAt = { start: { line: 1, column: 1 } };
    diagnostics.push(
      ...issuesToDiagnostics(result.error.issues, yaml, (issue, key, span) =>
        report(ruleForIssue(issue), article.path, sentence(issue.message || describeIssue(issue, key)), span ?? missingAt),
      ),
    );
    return { diagnostics };
  }
  const fm = result.data;
  diagnostics.push(...unsafeStrings(article, fm));
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  const lengthCheck = (key: "title" | "summary", max: number, why: string) => {
    // Graphemes never outnumber UTF-16 units: only text longer than the limit needs segmenting.
    const length = fm[key].length <= max ? fm[key].length : [...graphemesOf(fm[key])].length;
    if (length > max) {
      diagnostics.push(
        report(
          frontMatterRules.length,
          article.path,
          `${key} が ${length} 文字あります。${why}ので、${max} 文字以内にしてください。`,
          yaml.locate([key], "value"),
        ),
      );
    }
  };
  lengthCheck("title", TITLE_MAX, "検索結果や SNS のカードでは後ろが切れる");
  lengthCheck("summary", SUMMARY_MAX, "フィードや SNS のカードに表示される");
  return { frontMatter: fm, diagnostics };
}

/**
 * Every string after YAML decoding, in the form the site, the feed and the statements use it:
 * `"\x01"`, `"\u202e"` or `"\ud800"` are plain escapes in YAML and pass every raw-text limit,
 * then break the feed's XML or reverse a published title. Only the summary may hold line breaks.
 */
function unsafeStrings(article: ArticleText, fm: FrontMatter): Diagnostic[] {
  const found: Diagnostic[] = [];
  const check = (path: (string | number)[], value: string | undefined, allow: { newline?: boolean; tab?: boolean } = {}) => {
    const bad = value === undefined ? undefined : unsafeCharacter(value, allow);
    if (!bad) return;
    const key = path.join(".");
    found.push(
      report(
        frontMatterRules.unsafeCharacter,
        article.path,
        `${key} に見えない文字（${codePoint(bad.code)}）があります。表示が崩れたり、フィードが読めなくなったりするため、消して書き直してください。`,
        article.yaml.locate(path, "value"),
      ),
    );
  };
  for (const key of ["title", "writer", "date", "category", "cover", "coverAlt", "brief"] as const) check([key], fm[key]);
  check(["summary"], fm.summary, { newline: true, tab: true });
  for (const [i, tag] of (fm.tags ?? []).entries()) check(["tags", i], tag);
  return found;
}
