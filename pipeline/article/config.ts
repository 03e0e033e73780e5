import * as z from "zod";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { defineRule, report } from "../diagnostics/rules.ts";
import { readText } from "../source/decode.ts";
import type { Snapshot } from "../source/snapshot.ts";
import { parseSafeYaml } from "./safe-yaml.ts";
import { text, bool, yen, describeIssue, hint } from "./schema-helpers.ts";
import { issuesToDiagnostics } from "./schema-diagnostics.ts";

export const CONFIG_FILE = "kawaraban.config.yml";

export const configRules = {
  missing: defineRule({ id: "config/missing", source: "config", severity: "error", title: "設定ファイルがありません" }),
  syntax: defineRule({ id: "config/yaml-syntax", source: "config", severity: "error", title: "設定ファイルの YAML が読み取れません" }),
  invalid: defineRule({ id: "config/invalid", source: "config", severity: "error", title: "設定の値が正しくありません" }),
};

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: "名前は半角英小文字・数字・ハイフンで書いてください" });

/**
 * Japan's corporate number (法人番号) check digit: the first of the 13 digits equals
 * 9 − (Σ Pn×Qn mod 9) over the other 12 digits, Pn counted from the right, Qn = 1 for odd n, 2 for even n.
 */
export function isValidCorporateNumber(digits: string): boolean {
  if (!/^[1-9][0-9]{12}$/.test(digits)) return false;
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += Number(digits[13 - n]) * (n % 2 === 1 ? 1 : 2);
  return Number(digits[0]) === 9 - (sum % 9);
}

const writerSchema = z
  .strictObject({
    name: text("name（表示名）"),
    invoiceName: text("invoiceName（明細書の宛名）"),
    type: z.enum(["individual", "corporation", "group"], {
      error: "type は individual（個人）、corporation（法人）、group（法人でない団体）のどれかで書いてください",
    }),
    /** How documents address an organisation in running text when the name does not tell (貴協会, 貴会). */
    honorific: z
      .string()
      .regex(/^貴[\p{Script=Han}\p{Script=Katakana}ー]{1,6}$/u, { error: "honorific は 貴協会 や 貴会 のように「貴」で始めて書いてください" })
      .optional(),
    registrationNumber: z
      .string()
      .regex(/^T[0-9]{13}$/, { error: "registrationNumber は T に続けて半角数字 13 桁で書いてください（例: T1234567890123）" })
      .optional(),
    chargesConsumptionTax: bool("chargesConsumptionTax（消費税を請求するか）"),
    github: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,39}$/, { error: "github にはライターの GitHub ユーザー名を書いてください" })
      .optional(),
    /** How many briefs a month this writer takes on (the desk warns before anyone goes over it). */
    capacity: z
      .string()
      .regex(/^[1-9][0-9]?$/, { error: "capacity には 1 か月に引き受ける記事の数を半角数字で書いてください（例: 3）" })
      .transform(Number)
      .optional(),
  })
  .superRefine((writer, ctx) => {
    const number = writer.registrationNumber;
    if (writer.type === "corporation" && number && !isValidCorporateNumber(number.slice(1))) {
      ctx.addIssue({
        code: "custom",
        path: ["registrationNumber"],
        message: "registrationNumber の法人番号のチェックディジット（先頭の数字）が合いません。番号を確認してください",
      });
    }
  });

/** Rates are written as text ("10%", "2.5") and kept exact: never a float. */
const percent = (label: string) => z.string().regex(/^\d{1,3}(\.\d{1,4})?%$/, { error: `${label} は 10% や 10.21% のように書いてください` });
const decimal = (label: string) => z.string().regex(/^\d{1,6}(\.\d{1,4})?$/, { error: `${label} は 2.5 のような半角の数で書いてください` });
const monthDay = (label: string) =>
  z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, { error: `${label} は 12-29 のように「月-日」で書いてください` });
const isoDate = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label} は 2019-10-01 のように書いてください` });

/** WCAG 2.1 contrast ratio of a colour against white (links are read on a white page). */
export function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (luminance + 0.05);
}

const positiveInt = (label: string) =>
  z
    .string()
    .regex(/^[1-9][0-9]{0,11}$/, { error: `${label} は半角数字で書いてください` })
    .transform(Number);

export const configSchema = z
  .strictObject({
    site: z.strictObject({
      title: text("site.title（サイト名）"),
      baseUrl: z.url({ protocol: /^https?$/, error: "site.baseUrl は https:// から始まる URL で書いてください" }),
      language: z
        .string()
        .regex(/^[a-z]{2}(-[A-Za-z]{2,4})?$/, { error: "site.language は ja のような言語コードで書いてください" })
        .default("ja"),
      description: text("site.description（サイトの説明）").optional(),
      logo: z
        .string()
        .regex(/^assets\/[\w./-]+\.(png|jpe?g|webp|avif)$/i, { error: "site.logo は assets/logo.png のように assets/ の中の画像を書いてください" })
        .optional(),
      accentColor: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/, { error: "site.accentColor は #0b5e47 のような 6 桁の色で書いてください", abort: true })
        .refine((c) => contrastWithWhite(c) >= 4.5, {
          error: (i) => `site.accentColor（${String(i.input)}）は白との明るさの差が足りません（WCAG 2.1 AA は 4.5 以上）。もっと濃い色にしてください`,
        })
        .optional(),
    }),
    payer: z.strictObject({
      name: text("payer.name（支払者の名前）"),
      /** Where a payee reports an error in a statement (a department, phone or mail: never a person's home). */
      contact: text("payer.contact（明細の誤りの連絡先）").optional(),
      /** When payment is made: the end of next month by default. */
      paymentDue: z
        .string()
        .regex(/^(next-month|month-after-next)-(end|[1-9]|1[0-9]|2[0-8])$/, {
          error: "payer.paymentDue は next-month-end や next-month-20 のように書いてください",
        })
        .default("next-month-end"),
      /** The office's public address (a city hall or an NPO's office), printed as the issuer's. */
      address: text("payer.address（支払者の所在地）").optional(),
      /** A due date on a closed day (weekend, holiday, year-end closure) moves to the business day before, or after. */
      ifClosed: z.enum(["earlier", "later"], { error: "payer.ifClosed は earlier（前の営業日）か later（次の営業日）で書いてください" }).default("earlier"),
      /** The city's year-end closure (its 休日条例); banks are closed 12-31 to 01-03 in any case. */
      yearEndClosure: z
        .strictObject({ from: monthDay("payer.yearEndClosure.from"), to: monthDay("payer.yearEndClosure.to") })
        .default({ from: "12-29", to: "01-03" }),
    }),
    // Which documents writers get (README「書類の種類」): a 支払通知書 by default; a 仕入明細書 for
    // registered writers when the payer needs one for its input-tax credit; optionally a 請求書
    // draft each writer can issue under their own name.
    documents: z
      .strictObject({
        writerStatement: z
          .enum(["notice", "purchase-statement"], {
            error: "documents.writerStatement は notice（支払通知書）か purchase-statement（仕入明細書）で書いてください",
          })
          .default("notice"),
        writerInvoiceDraft: bool("documents.writerInvoiceDraft（ライターの請求書の下書きを作るか）").default(false),
      })
      .default({ writerStatement: "notice", writerInvoiceDraft: false }),
    categories: z.record(slug, z.strictObject({ name: text("カテゴリーの name") }), {
      error: "categories は「カテゴリー名: { name: 表示名 }」の一覧で書いてください",
    }),
    writers: z.record(slug, writerSchema, { error: "writers は「ハンドル名: { ... }」の一覧で書いてください" }),
    rates: z.strictObject({
      article: yen("rates.article（1 記事の原稿料）"),
      categories: z.record(slug, yen("カテゴリー別の原稿料")).optional(),
      perCharacter: decimal("rates.perCharacter（1 文字あたりの原稿料、円）").optional(),
      perPhoto: yen("rates.perPhoto（写真 1 枚あたりの原稿料）").optional(),
    }),
    contractor: z
      .strictObject({
        name: text("contractor.name（受託団体の名前）"),
        address: text("contractor.address（受託団体の所在地）").optional(),
        contact: text("contractor.contact（受託団体の連絡先）").optional(),
        registrationNumber: z
          .string()
          .regex(/^T[0-9]{13}$/, { error: "contractor.registrationNumber は T に続けて半角数字 13 桁で書いてください" })
          .optional(),
        /**
         * When the contractor pays its writers: N business days after the city pays it
         * (`after-payer-5`, the default), or a day of a month like payer.paymentDue — never before
         * the city pays (checked below, and again on each date after holidays).
         */
        paymentDue: z
          .string()
          .regex(/^(after-payer-([1-9]|[12][0-9]|30)|(next-month|month-after-next)-(end|[1-9]|1[0-9]|2[0-8]))$/, {
            error: "contractor.paymentDue は after-payer-5（市の支払いの 5 営業日後）や month-after-next-10 のように書いてください",
          })
          .default("after-payer-5"),
      })
      .optional(),
    tax: z
      .strictObject({
        consumption: z
          .array(z.strictObject({ from: isoDate("tax.consumption の from"), rate: percent("tax.consumption の rate") }))
          .min(1)
          .optional(),
        withholding: z
          .array(
            z.strictObject({
              from: isoDate("tax.withholding の from"),
              rate: percent("tax.withholding の rate"),
              over1m: percent("tax.withholding の over1m"),
            }),
          )
          .min(1)
          .optional(),
        // 源泉所得税の納付 is always the 10th of the next month for manuscript fees: the semiannual special
        // rule (納期の特例, 所得税法第216条) covers only salaries and some professionals' fees, so a city
        // that has it for salaries must not carry it over to these payments.
        withholdingPayment: z
          .literal("monthly", {
            error:
              "原稿料から源泉徴収した所得税は納期の特例（所得税法第 216 条）の対象外で、翌月 10 日までに納付します。tax.withholdingPayment は monthly にするか、消してください",
          })
          .default("monthly"),
      })
      .default({ withholdingPayment: "monthly" }),
    pages: z
      .strictObject({
        contact: z
          .strictObject({
            organization: text("pages.contact.organization（問い合わせ先の部署）").optional(),
            phone: z
              .string()
              .regex(/^[0-9０-９()（）\-‐ ]{6,20}$/, { error: "pages.contact.phone は 0123-45-6789 のような電話番号で書いてください" })
              .optional(),
            email: z.email({ error: "pages.contact.email はメールアドレスで書いてください" }).optional(),
            form: z.url({ protocol: /^https$/, error: "pages.contact.form は https:// から始まる URL で書いてください" }).optional(),
            hours: text("pages.contact.hours（受付時間）").optional(),
          })
          .optional(),
        privacy: z.strictObject({ body: text("pages.privacy.body（本文、Markdown）") }).optional(),
        copyright: z.strictObject({ body: text("pages.copyright.body（本文、Markdown）") }).optional(),
      })
      .default({}),
    channels: z
      .strictObject({
        webhook: z.strictObject({ url: z.url({ protocol: /^https?$/, error: "channels.webhook.url は https:// から始まる URL で書いてください" }) }).optional(),
      })
      .default({}),
    github: z
      .strictObject({
        cityStaff: z.array(z.string().regex(/^[A-Za-z0-9-]{1,39}$/, { error: "github.cityStaff には GitHub のユーザー名を書いてください" })).default([]),
        /** Who may assign a brief to a writer from its issue (`/依頼する ハンドル名`). */
        editors: z.array(z.string().regex(/^[A-Za-z0-9-]{1,39}$/, { error: "github.editors には GitHub のユーザー名を書いてください" })).default([]),
        /** The repository the writer's page sends pull requests to (`owner/name`); the build's GITHUB_REPOSITORY otherwise. */
        repository: z
          .string()
          .regex(/^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/, { error: "github.repository は「持ち主/リポジトリ名」の形で書いてください" })
          .optional(),
        /** The REST API the writer's page talks to (GitHub Enterprise Server: https://<host>/api/v3). */
        // https, or http on this machine only (a local stand-in for tests and development).
        api: z
          .url({ protocol: /^https?$/, error: "github.api は https:// から始まる URL で書いてください" })
          .refine((u) => u.startsWith("https://") || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(`${u}/`), {
            error: "github.api は https:// から始まる URL で書いてください",
          })
          .default("https://api.github.com"),
        defaultBranch: z
          .string()
          .regex(/^[A-Za-z0-9._/-]{1,100}$/)
          .default("main"),
      })
      .default({ cityStaff: [], editors: [], api: "https://api.github.com", defaultBranch: "main" }),
    images: z
      .strictObject({
        maxLongEdge: positiveInt("images.maxLongEdge（長い辺の上限、ピクセル）").optional(),
        maxPixels: positiveInt("images.maxPixels（画素数の上限）").optional(),
        maxBytes: positiveInt("images.maxBytes（ファイルの大きさの上限、バイト）").optional(),
        softBytes: positiveInt("images.softBytes（大きさの目安、バイト）").optional(),
      })
      .default({}),
    // How articles reach main, which makes the billing month a date GitHub records (see invoice/merge-policy.ts).
    billing: z
      .strictObject({
        mergePolicy: z.enum(["merge-commit", "squash"], { error: "billing.mergePolicy は merge-commit か squash で書いてください" }),
        accepted: z
          .record(
            z.string().regex(/^[0-9a-f]{7,40}$/, { error: "billing.accepted にはコミットの SHA（7 文字以上の半角英数字）を書いてください" }),
            z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "billing.accepted の値は支払う月を 2026-11 のように書いてください" }),
          )
          .optional(),
      })
      .optional(),
    limits: z
      .strictObject({
        articleBytes: z
          .string()
          .regex(/^[1-9][0-9]*$/, { error: "limits.articleBytes は半角数字のバイト数で書いてください" })
          .transform(Number)
          .optional(),
      })
      .default({}),
  })
  .superRefine((config, ctx) => {
    // The contractor pays its writers out of what the city pays it: never on or before that day.
    const due = config.contractor?.paymentDue;
    if (due && !due.startsWith("after-payer-") && dueOrder(due) <= dueOrder(config.payer.paymentDue)) {
      ctx.addIssue({
        code: "custom",
        path: ["contractor", "paymentDue"],
        message: `contractor.paymentDue（${due}）は、市が団体に払う日（payer.paymentDue: ${config.payer.paymentDue}）より後にしてください。市の支払いの何営業日後かで決めるなら after-payer-5 のように書きます`,
      });
    }
  });

/** next-month-20 < next-month-end < month-after-next-5: months first, then the day ("end" last). */
function dueOrder(due: string): number {
  const [, when, day] = /^(next-month|month-after-next)-(.+)$/.exec(due)!;
  return (when === "next-month" ? 1 : 2) * 100 + (day === "end" ? 31 : Number(day));
}

export type Config = z.output<typeof configSchema>;
export type Writer = Config["writers"][string];

/**
 * Defaults that config may lower or raise. 64 KB is about 20,000 Japanese characters, far more
 * than any municipal article; measured on a 2-core runner, the check of such an article takes a
 * few seconds, while 120 KB took 9 s and 370 KB over a minute (textlint is superlinear).
 */
export const DEFAULT_ARTICLE_BYTES = 64 * 1024;

export type ConfigResult = { ok: true; config: Config } | { ok: false; diagnostics: Diagnostic[] };

export async function loadConfig(snapshot: Snapshot): Promise<ConfigResult> {
  const read = await readText(snapshot, CONFIG_FILE, 1024 * 1024);
  if (!read.ok) {
    const notFound = read.diagnostics.some((d) => d.ruleId === "input/not-found");
    if (notFound) {
      return {
        ok: false,
        diagnostics: [report(configRules.missing, CONFIG_FILE, `${CONFIG_FILE} が見つかりません。リポジトリの一番上に置いてください。`)],
      };
    }
    return { ok: false, diagnostics: read.diagnostics.map((d) => ({ ...d, source: "config" as const })) };
  }
  return parseConfig(read.text);
}

export function parseConfig(source: string): ConfigResult {
  const yaml = parseSafeYaml(source);
  if (yaml.problems.length > 0) {
    return {
      ok: false,
      diagnostics: yaml.problems.map((p) => report(configRules.syntax, CONFIG_FILE, p.message, p.span)),
    };
  }
  const result = configSchema.safeParse(yaml.data, { reportInput: true });
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    diagnostics: issuesToDiagnostics(result.error.issues, yaml, (issue, key, span) => {
      const message = issue.code === "unrecognized_keys" ? unknownKeyMessage(issue.keys, issue.path) : issue.message || describeIssue(issue, key);
      return report(configRules.invalid, CONFIG_FILE, `${CONFIG_FILE}: ${message}`, span);
    }),
  };
}

const knownKeys: Record<string, string[]> = {
  "": ["site", "payer", "categories", "writers", "rates", "contractor", "documents", "tax", "billing", "pages", "channels", "github", "images", "limits"],
  site: ["title", "baseUrl", "language", "description", "logo", "accentColor"],
  writer: ["name", "invoiceName", "type", "registrationNumber", "chargesConsumptionTax", "github", "capacity"],
  rates: ["article", "categories", "perCharacter", "perPhoto"],
};

function unknownKeyMessage(keys: string[], path: readonly PropertyKey[]): string {
  const where = path[0] === "writers" ? "writer" : String(path[0] ?? "");
  const candidates = knownKeys[where] ?? [];
  const parts = keys.map((k) => `「${k}」${hint(k, candidates)}`);
  return `知らない項目があります: ${parts.join(" ")}`;
}
