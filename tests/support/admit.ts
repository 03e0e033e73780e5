import type { Config } from "../../pipeline/article/config.ts";
import { admit, type Admission } from "../../pipeline/core/admit.ts";
import { overlay } from "../../pipeline/source/overlay.ts";

/** The door on one article's text, in a snapshot holding nothing else (plus any `others`: photos, briefs). */
export function admitSource(repoPath: string, raw: string | Buffer, config: Config, others: Record<string, string | Buffer> = {}): Promise<Admission> {
  const files = new Map<string, Buffer>([[repoPath, Buffer.from(raw)], ...Object.entries(others).map(([p, b]) => [p, Buffer.from(b)] as [string, Buffer])]);
  return admit(overlay(undefined, files), repoPath, config);
}
