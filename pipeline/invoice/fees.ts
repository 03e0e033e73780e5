import type { Config } from "../article/config.ts";
import type { AdmittedArticle } from "../article/gate.ts";
import { textStats } from "../checks/stats.ts";
import { applyRate, parseDecimal } from "./money.ts";

/**
 * The fee for one admitted article from the rate card in force when it was merged: the
 * category's fee (or the default), plus the per-character rate on the character count of the
 * lint stage (fractions of a yen dropped, once, on the product), plus the per-photo fee. A
 * writer can never set a fee: nothing here reads the article's front matter except its
 * validated category. Lookups are own-property only (`constructor` is a category like any other).
 */
export function feeFor(config: Config, article: AdmittedArticle): number {
  const rates = config.rates;
  const category = article.category?.slug;
  let fee = category !== undefined && rates.categories && Object.hasOwn(rates.categories, category) ? rates.categories[category]! : rates.article;
  if (rates.perCharacter) fee += applyRate(textStats(article.tree).characters, parseDecimal(rates.perCharacter));
  if (rates.perPhoto) fee += rates.perPhoto * new Set(article.images.map((i) => i.url)).size;
  return fee;
}
