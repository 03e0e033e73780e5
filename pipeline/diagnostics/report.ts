import type { Diagnostic, FileReport, Summary } from "./diagnostic.ts";
import type { TextStats } from "../checks/stats.ts";
import { groupByFile, summarize } from "./diagnostic.ts";

/** What `check` produces, whatever the output format. Later stages add sections beside `files`. */
export interface CheckReport {
  files: FileReport[];
  summary: Summary;
  /** The images section: every inspected image with its size before and after `images --fix`. */
  images?: import("../core/check.ts").ImagesSection;
  /** Text statistics per article path (articles that could be read). */
  stats?: Record<string, TextStats>;
}

export function buildReport(checkedPaths: Iterable<string>, diagnostics: Diagnostic[]): CheckReport {
  const files = groupByFile(checkedPaths, diagnostics);
  return { files, summary: summarize(files) };
}

export interface FormatOptions {
  color?: boolean;
  /** The repository's web address (e.g. https://github.com/city/kawaraban), when known: rule docs link there. */
  repositoryUrl?: string;
}

export function absoluteDocsUrl(url: string | undefined, repositoryUrl: string | undefined): string | undefined {
  if (!url) return undefined;
  if (/^https?:\/\//.test(url)) return url;
  return repositoryUrl ? `${repositoryUrl.replace(/\/$/, "")}/blob/HEAD/${url}` : undefined;
}

/** The repository URL from the standard Actions environment, if running there. */
export function repositoryUrlFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const server = env.GITHUB_SERVER_URL;
  const repo = env.GITHUB_REPOSITORY;
  return server && repo ? `${server.replace(/\/$/, "")}/${repo}` : undefined;
}

export const severityLabel = { error: "エラー", warning: "警告", info: "情報" } as const;
