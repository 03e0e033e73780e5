import { createHash } from "node:crypto";
import type { CheckReportDocument, ReportMessage } from "./report-input.ts";

export interface Finding extends ReportMessage {
  path: string;
  /** Stable across pushes while the finding stays (line numbers may shift, so they are not part of it). */
  fingerprint: string;
}

export function fingerprint(path: string, m: Pick<ReportMessage, "ruleId" | "message" | "column">): string {
  return createHash("sha256")
    .update(JSON.stringify([path, m.ruleId, m.message, m.column ?? 0]))
    .digest("hex")
    .slice(0, 16);
}

export function findingsOf(report: CheckReportDocument): Finding[] {
  return report.files.flatMap((file) => file.messages.map((m) => ({ ...m, path: file.path, fingerprint: fingerprint(file.path, m) })));
}

export const SUMMARY_MARKER = "<!-- kawaraban:summary -->";
export const findingMarker = (fp: string) => `<!-- kawaraban:finding=${fp} -->`;
export const FIXED_MARKER = "<!-- kawaraban:fixed -->";

export function markerOf(body: string | undefined | null): string | undefined {
  return /<!-- kawaraban:finding=([0-9a-f]{16}) -->/.exec(body ?? "")?.[1];
}

/**
 * Untrusted text placed in Markdown (file names, titles, tags quoted in messages): no HTML, no
 * table breaks, no code spans, and nothing GitHub would turn into a link, an image, an
 * @mention, an #issue reference or an autolinked URL.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]()!|~])/g, "\\$1")
    .replace(/([@#])/g, "$1\u200b")
    .replace(/:\/\//g, ":\u200b//")
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\u200b.`)
    .replace(/[\r\n]+/g, " ");
}

/** Untrusted text as a code span: nothing inside one becomes a link, mention or HTML. */
export function inlineCode(text: string): string {
  const flat = text.replace(/[\r\n]+/g, " ").slice(0, 300);
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${flat.startsWith("`") || flat.endsWith("`") ? ` ${flat} ` : flat}${fence}`;
}

/** A rule documentation link, only to https or to the repository's own docs. */
export function ruleLink(m: Pick<ReportMessage, "ruleId" | "url">, repositoryUrl: string | undefined): string {
  const url = m.url;
  let href: string | undefined;
  if (url && /^https:\/\/[^\s()<>]+$/.test(url)) href = url;
  else if (url && /^[\w./#-]+$/.test(url) && repositoryUrl) href = `${repositoryUrl}/blob/HEAD/${url}`;
  return href ? `[${m.ruleId}](${href})` : `\`${m.ruleId}\``;
}
