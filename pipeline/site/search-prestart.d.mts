import type { Worker } from "node:worker_threads";
export interface SearchDocs {
  version: string;
  /** The spellings the index was made with (they decide how an added article is split). */
  variants: [string, string][];
  /** Each indexed article's URL and the key of the page it was indexed from. */
  docs: Record<string, string>;
  /** The content key of the index written with this list (see IndexResult). */
  key?: string;
}
export interface SearchCache {
  dir: string;
  previous?: SearchDocs;
  thread?: Worker;
}
export const THREAD_THRESHOLD: number;
export function docsFile(dir: string): string;
export function indexFile(dir: string): string;
export function openSearchCacheAt(dir: string, worker: URL): SearchCache;
export function prestartSearchIndex(argv: readonly string[], cwd: string): SearchCache | undefined;
