import type { Config } from "../article/config.ts";
import { parseSafeYaml } from "../article/safe-yaml.ts";
import { briefYaml, BRIEF_ID, parseLength, type BriefFields } from "./brief.ts";

export { parseLength };

/** The issue form editors fill in (its labels map GitHub's rendered body back to field ids). */
export const BRIEF_FORM = ".github/ISSUE_TEMPLATE/article-brief.yml";
const NO_RESPONSE = "_No response_";
/** An issue body is at most 65,536 characters on GitHub; a form never needs more than this. */
const MAX_BODY = 20_000;

/** Field label → id, from the form template (trusted: read from main, never from the issue). */
export function formLabels(templateYaml: string): Map<string, string> {
  const yaml = parseSafeYaml(templateYaml);
  const body = (yaml.data as { body?: { id?: string; attributes?: { label?: string } }[] } | undefined)?.body ?? [];
  return new Map(body.flatMap((f) => (f.id && f.attributes?.label ? [[f.attributes.label, f.id] as const] : [])));
}

/**
 * GitHub renders a submitted form as `### <label>` sections, `_No response_` for an empty field.
 * Pure and linear; unknown sections are ignored, a repeated label keeps its first value.
 */
export function parseFormBody(body: string, labels: ReadonlyMap<string, string>): Map<string, string> {
  const values = new Map<string, string>();
  let id: string | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (id && !values.has(id)) {
      const value = lines.join("\n").trim();
      if (value !== "" && value !== NO_RESPONSE) values.set(id, value);
    }
    lines = [];
  };
  for (const line of body.slice(0, MAX_BODY).replace(/\r\n?/g, "\n").split("\n")) {
    const heading = /^### (.+)$/.exec(line);
    if (heading) {
      flush();
      id = labels.get(heading[1]!.trim());
      continue;
    }
    if (id) lines.push(line);
  }
  flush();
  return values;
}

const digits = (s: string) => s.normalize("NFKC").replace(/[,，円¥\s]/g, "");

export type FormBrief = { ok: true; id: string; path: string; text: string; fields: BriefFields } | { ok: false; problems: string[] };

/**
 * The brief a submitted form describes: every problem listed at once (posted back on the issue),
 * or the brief's id and file text. The category is written by its display name in the form.
 */
export function briefFromForm(values: ReadonlyMap<string, string>, config: Config, issue: number): FormBrief {
  const problems: string[] = [];
  const title = values.get("title")?.replace(/\s+/g, " ").trim().slice(0, 80);
  if (!title) problems.push("「仮のタイトル」を書いてください。");
  const deadline = values
    .get("deadline")
    ?.normalize("NFKC")
    .trim()
    .replace(/[/.年月]/g, "-")
    .replace(/日$/, "");
  const date = deadline && /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(deadline);
  const iso = date ? `${date[1]}-${date[2]!.padStart(2, "0")}-${date[3]!.padStart(2, "0")}` : undefined;
  if (!iso || Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) || new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) !== iso)
    problems.push("「締め切り」は 2026-12-10 のように書いてください。");
  const categoryName = values.get("category");
  const category = categoryName ? Object.entries(config.categories).find(([key, c]) => c.name === categoryName || key === categoryName)?.[0] : undefined;
  if (categoryName && !category) problems.push(`カテゴリー「${categoryName}」は kawaraban.config.yml の categories にありません。`);
  const writer = values.get("writer")?.trim();
  if (writer && !Object.hasOwn(config.writers, writer))
    problems.push(`担当ライター「${writer}」は kawaraban.config.yml の writers にありません（ハンドル名で書きます）。`);
  const feeText = values.get("fee");
  const fee = feeText === undefined ? undefined : /^(0|[1-9][0-9]{0,8})$/.test(digits(feeText)) ? Number(digits(feeText)) : NaN;
  if (Number.isNaN(fee)) problems.push("「原稿料」は 25000 のように半角数字で書いてください。");
  const slug = values.get("slug")?.trim() ?? `issue-${issue}`;
  if (!/^[a-z0-9][a-z0-9-]{0,60}$/.test(slug)) problems.push("「ファイル名」は半角英小文字・数字・ハイフンで書いてください（例: satoyama-coworking）。");
  if (problems.length > 0 || !title || !iso) return { ok: false, problems };
  const id = `${iso.slice(0, 7)}/${slug}`;
  if (!BRIEF_ID.test(id)) return { ok: false, problems: ["依頼の名前を作れませんでした。ファイル名を短くしてください。"] };
  const length = values.get("length") ? parseLength(values.get("length")!) : undefined;
  const fields: BriefFields = {
    title,
    deadline: iso,
    status: "open",
    issue,
    ...(category && { category }),
    ...(length && { length }),
    ...(fee !== undefined && { fee }),
    ...(writer && { writer }),
    ...(values.get("details") && { notes: values.get("details")!.slice(0, 4000) }),
  };
  return { ok: true, id, path: `briefs/${id}.yml`, text: briefYaml(fields), fields };
}
