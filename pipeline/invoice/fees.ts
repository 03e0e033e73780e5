import type { Config } from "../article/config.ts";
import { parseMarkdown } from "../article/markdown.ts";
import { textStats } from "../checks/stats.ts";
import { articleFromText } from "../article/article.ts";
import { applyRate, parseDecimal } from "./money.ts";

/**
 * The fee for one article from the rate card in force when it was merged: the category's
 * fee (or the default), plus the per-character rate on the character count of the lint stage
 * (fractions of a yen dropped, once, on the product), plus the per-photo fee. A writer can never
 * set a fee: nothing here reads the article's front matter except its category.
 */
export function feeFor(config: Config | undefined, category: string | undefined, raw: string): number {
  if (!config) return 0;
  const rates = config.rates;
  let fee = (category !== undefined && rates.categories?.[category]) || rates.article;
  if (rates.perCharacter) fee += applyRate(textStats(parseMarkdown(raw)).characters, parseDecimal(rates.perCharacter));
  if (rates.perPhoto) {
    const article = articleFromText("article.md", raw).article;
    fee += rates.perPhoto * new Set(article?.images.map((i) => i.url) ?? []).size;
  }
  return fee;
}
