import * as z from "zod";
import { distance } from "fastest-levenshtein";

/**
 * Schema building blocks for YAML parsed with the failsafe schema, where every scalar is
 * the string the writer typed. Each block converts and validates in one place, with the
 * Japanese message a writer or city staff member sees.
 */

/** "missing" and "wrong type" are different mistakes and get different messages. */
const typeError = (label: string, how: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? phrase(label, "がありません") : phrase(label, `は${how}`);

/** Japanese runs straight on after a full-width bracket; after a Latin key name, a space reads better. */
export const phrase = (label: string, rest: string) => (/[\x21-\x7e]$/.test(label) ? `${label} ${rest}` : `${label}${rest}`);

export const text = (label: string) =>
  z
    .string({ error: typeError(label, "文字で書いてください") })
    .trim()
    .min(1, { error: phrase(label, "が空です") });

export const bool = (label: string) =>
  z
    .string({ error: typeError(label, "true か false で書いてください") })
    .refine((v) => v === "true" || v === "false", { error: phrase(label, "は true か false で書いてください") })
    .transform((v) => v === "true");

/** Whole yen, written as plain digits (no commas, no ¥) so nothing is ever a float. */
export const yen = (label: string) =>
  z
    .string({ error: typeError(label, "半角数字で書いてください（例: 15000）") })
    .regex(/^(0|[1-9][0-9]{0,11})$/, { error: phrase(label, "は半角数字だけの金額で書いてください（例: 15000。カンマや円は付けません）") })
    .transform(Number);

export const list = <T extends z.ZodType>(item: T, label: string) => z.array(item, { error: typeError(label, " [a, b] のような一覧で書いてください") });

/** A "did you mean" for a mistyped name, only when one candidate is clearly close. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const score = distance(input.toLowerCase(), candidate.toLowerCase());
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  if (best === undefined) return undefined;
  const tolerance = Math.max(1, Math.floor(best.length / 3));
  return bestScore <= tolerance ? best : undefined;
}

export function hint(input: string, candidates: Iterable<string>): string {
  const guess = didYouMean(input, candidates);
  return guess ? `「${guess}」の書き間違いではありませんか？` : "";
}

/** Generic Japanese wording for a schema issue that carries no message of its own. */
export function describeIssue(issue: z.core.$ZodIssue, key: string): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? phrase(key, "がありません") : phrase(key, "の書き方が正しくありません");
    case "unrecognized_keys":
      return `知らない項目があります: ${issue.keys.join(", ")}`;
    default:
      return phrase(key, "の値が正しくありません");
  }
}
