import { readFile, stat } from "node:fs/promises";
import * as z from "zod";

/**
 * The check report handed from the unprivileged `check` job to the privileged `report` job
 * is untrusted data: a pull request can change what the check job runs. It is size-capped
 * before reading, schema-validated, and every string is bounded; paths must be plain
 * repository paths. Nothing in it is ever executed or interpolated into a shell.
 */
export const MAX_REPORT_BYTES = 5 * 1024 * 1024;

const repoPath = z
  .string()
  .min(1)
  .max(300)
  .refine((p) => !p.startsWith("/") && !p.split("/").includes("..") && !/[\0\r\n\\`]/.test(p), "not a repository path");
const position = z.number().int().min(1).max(1_000_000);

const message = z.object({
  ruleId: z
    .string()
    .max(200)
    .regex(/^[\w@./-]+$/),
  source: z.enum(["frontmatter", "textlint", "remark-lint", "a11y", "image", "config", "input"]),
  severity: z.enum(["error", "warning", "info"]),
  message: z.string().max(2000),
  line: position.optional(),
  column: position.optional(),
  endLine: position.optional(),
  endColumn: position.optional(),
  fix: z.object({ range: z.tuple([z.number().int().min(0), z.number().int().min(0)]), text: z.string().max(5000) }).optional(),
  suggestion: z.object({ line: position, endLine: position, text: z.string().max(5000) }).optional(),
  url: z.string().max(500).optional(),
});

const stats = z.object({
  characters: z.number().int().min(0),
  sentences: z.number().int().min(0),
  averageSentence: z.number().min(0),
  longestSentence: z.number().int().min(0),
  kanjiRatio: z.number().min(0).max(1),
  readingMinutes: z.number().int().min(0),
});

export const checkReportSchema = z.object({
  version: z.literal(1),
  files: z.array(z.object({ path: repoPath, messages: z.array(message).max(5000), stats: stats.optional() })).max(5000),
  images: z
    .object({
      files: z
        .array(
          z.object({
            path: repoPath,
            format: z.string().max(20),
            width: z.number().int().min(0).optional(),
            height: z.number().int().min(0).optional(),
            bytes: z.number().int().min(0),
            after: z.number().int().min(0),
            ruleIds: z.array(z.string().max(200)).max(50),
          }),
        )
        .max(5000),
      bytes: z.number().int().min(0),
      after: z.number().int().min(0),
    })
    .optional(),
  summary: z.object({
    files: z.number().int().min(0),
    errors: z.number().int().min(0),
    warnings: z.number().int().min(0),
    baselined: z.number().int().min(0).optional(),
  }),
});

export type CheckReportDocument = z.output<typeof checkReportSchema>;
export type ReportMessage = CheckReportDocument["files"][number]["messages"][number];

export class HostileReportError extends Error {}

export async function readCheckReport(file: string): Promise<CheckReportDocument> {
  const size = (await stat(file)).size;
  if (size > MAX_REPORT_BYTES) throw new HostileReportError(`report is ${size} bytes, over the ${MAX_REPORT_BYTES}-byte cap`);
  return parseCheckReport(await readFile(file, "utf8"));
}

export function parseCheckReport(text: string): CheckReportDocument {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new HostileReportError("report is not JSON");
  }
  const result = checkReportSchema.safeParse(data);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new HostileReportError(`report does not match the check report schema (${first?.path.join(".")}: ${first?.message})`);
  }
  return result.data;
}
