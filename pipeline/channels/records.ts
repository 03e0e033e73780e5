import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";

/**
 * What each channel has published, in a reviewable file per channel (channels/<name>.json),
 * never by rewriting articles: the article's content hash, and the remote id or URL.
 * Publishing the same content again is a no-op; changed content is an update of the same id.
 */
export const RECORDS_DIR = "channels";

export interface PublishedRecord {
  hash: string;
  url?: string;
  remoteId?: string;
  publishedAt: string;
}

export type Records = Record<string, PublishedRecord>;

export async function readRecords(root: string, channel: string): Promise<Records> {
  try {
    return JSON.parse(await readFile(path.join(root, RECORDS_DIR, `${channel}.json`), "utf8")) as Records;
  } catch {
    return {};
  }
}

/** Sorted keys, one article per line block: diffs read as "this article was published/updated". */
export async function writeRecords(root: string, channel: string, records: Records): Promise<void> {
  const sorted = Object.fromEntries(Object.entries(records).sort(([a], [b]) => a.localeCompare(b)));
  await mkdir(path.join(root, RECORDS_DIR), { recursive: true });
  await writeFile(path.join(root, RECORDS_DIR, `${channel}.json`), `${JSON.stringify(sorted, null, 2)}\n`);
}
