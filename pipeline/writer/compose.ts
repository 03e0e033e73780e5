/**
 * From the writer's form to the files a pull request carries: the article's path, its front
 * matter and the photos' paths, all written by the page so that the writer never types YAML or
 * a relative path. Pure (used by the page and by the tests in Node).
 */
export interface DraftFields {
  writer: string;
  title: string;
  date: string;
  summary: string;
  category: string;
  tags: string[];
  slug: string;
  cover?: string;
  coverAlt: string;
  brief?: string;
  body: string;
}

/** The front-matter fields a finding can be shown under, by their line in the composed file. */
export type FieldName = "title" | "summary" | "coverAlt" | "writer" | "date" | "category" | "tags" | "cover" | "brief";

export interface Composed {
  path: string;
  raw: string;
  /** 1-based line of each written field. */
  fieldLines: Partial<Record<FieldName, number>>;
  /** Where the body starts in `raw` (UTF-16 offset) and on which line. */
  bodyOffset: number;
  bodyLine: number;
}

const SEGMENT = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const DATE = /^(\d{4})-(\d{2})-\d{2}$/;

/** A URL name from what the writer chose, or a fallback from the writer and the date. */
export function slugOf(fields: Pick<DraftFields, "slug" | "brief" | "writer" | "date">): string {
  const typed = fields.slug.trim().toLowerCase();
  if (SEGMENT.test(typed)) return typed;
  const fromBrief = fields.brief?.split("/").pop() ?? "";
  if (SEGMENT.test(fromBrief)) return fromBrief;
  const day = DATE.test(fields.date) ? fields.date.replace(/-/g, "") : "draft";
  const writer = SEGMENT.test(fields.writer) ? fields.writer : "article";
  return `${writer}-${day}`.slice(0, 64).replace(/-+$/, "");
}

/** `YYYY/MM` of the article's date (today's when the date is not chosen yet). */
export function monthFolder(date: string, today: string): string {
  const m = DATE.exec(date) ?? DATE.exec(today);
  return m ? `${m[1]}/${m[2]}` : "draft";
}

export const articlePathOf = (fields: DraftFields, today: string) => `articles/${monthFolder(fields.date, today)}/${slugOf(fields)}.md`;

/** Where the n-th photo of the article is committed: beside its month, named after the article. */
export function photoPathOf(fields: DraftFields, today: string, n: number, extension: string): string {
  return `assets/${monthFolder(fields.date, today)}/${slugOf(fields)}-${n}.${extension}`;
}

/** The Markdown path from an article (three folders deep) to a photo in assets/. */
export const relativeToArticle = (assetPath: string) => `../../../${assetPath}`;

/** A YAML scalar: plain when it cannot be misread, otherwise double-quoted (JSON's escapes are YAML's). */
function scalar(value: string): string {
  const plain =
    DATE.test(value) ||
    (/^(\.\.\/)*[\p{L}\p{N}][\p{L}\p{N}_\-./、。・ー（）「」]*$/u.test(value) &&
      !/^(true|false|null|yes|no|on|off|y|n|[-+.\d].*)$/i.test(value.replace(/^(\.\.\/)+/, "")));
  return plain ? value : JSON.stringify(value);
}

export function composeArticle(fields: DraftFields, today: string): Composed {
  const lines = ["---"];
  const fieldLines: Composed["fieldLines"] = {};
  const put = (name: FieldName, text: string) => {
    fieldLines[name] = lines.length + 1;
    lines.push(`${name}: ${text}`);
  };
  put("title", scalar(fields.title));
  put("writer", scalar(fields.writer));
  put("date", scalar(fields.date));
  put("summary", scalar(fields.summary));
  put("category", scalar(fields.category));
  const tags = fields.tags.map((t) => t.trim()).filter(Boolean);
  if (tags.length > 0) put("tags", `[${tags.map((t) => JSON.stringify(t)).join(", ")}]`);
  if (fields.cover) {
    put("cover", scalar(relativeToArticle(fields.cover)));
    put("coverAlt", scalar(fields.coverAlt));
  }
  if (fields.brief) put("brief", scalar(fields.brief));
  lines.push("---", "");
  const head = `${lines.join("\n")}\n`;
  const body = fields.body.replace(/\r\n?/g, "\n");
  return {
    path: articlePathOf(fields, today),
    raw: `${head}${body}${body.endsWith("\n") ? "" : "\n"}`,
    fieldLines,
    bodyOffset: head.length,
    bodyLine: lines.length + 1,
  };
}

/** Tags as the writer types them: separated by 、 , ， or spaces, each once. */
export const splitTags = (text: string) => [...new Set(text.split(/[、,，\s]+/).filter(Boolean))];
