import type { Config } from "../article/config.ts";
import { applyRate, parseDecimal } from "./money.ts";

/** What a per-character or per-photo rate needs from an article (loaded only when a rate card uses them). */
export interface ArticleMeasures {
  characters(raw: string): number;
  photos(raw: string): number;
}

export async function loadMeasures(): Promise<ArticleMeasures> {
  const [{ parseMarkdown }, { textStats }, { articleFromText }] = await Promise.all([
    import("../article/markdown.ts"),
    import("../checks/stats.ts"),
    import("../article/article.ts"),
  ]);
  return {
    characters: (raw) => textStats(parseMarkdown(raw)).characters,
    photos: (raw) => new Set(articleFromText("article.md", raw).article?.images.map((i) => i.url) ?? []).size,
  };
}

/**
 * The fee for one article from the rate card in force when it was merged: the category's
 * fee (or the default), plus the per-character rate on the character count of the lint stage
 * (fractions of a yen dropped, once, on the product), plus the per-photo fee. A writer can never
 * set a fee: nothing here reads the article's front matter except its category.
 */
export function feeFor(config: Config | undefined, category: string | undefined, raw: string, measures?: ArticleMeasures): number {
  if (!config) return 0;
  const rates = config.rates;
  let fee = (category !== undefined && rates.categories?.[category]) || rates.article;
  if (rates.perCharacter && measures) fee += applyRate(measures.characters(raw), parseDecimal(rates.perCharacter));
  if (rates.perPhoto && measures) fee += rates.perPhoto * measures.photos(raw);
  return fee;
}
