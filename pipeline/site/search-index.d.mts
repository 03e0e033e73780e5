export interface Doc {
  url: string;
  title: string;
  summary: string;
  date: string;
  text: string;
}
export interface IndexJob {
  indexFile?: string;
  previous: boolean;
  remove: string[];
  add: Doc[];
  variants: (readonly [string, string])[];
}
/** The index in `file` (the cache's) or as `json`; `key` names its content as SiteOutput does. */
export type IndexResult = { key: string; file: string; json?: undefined } | { key: string; json: string; file?: undefined };
export function indexKey(json: string): string;
export function updatedIndex(job: IndexJob): IndexResult;
