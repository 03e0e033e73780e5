import type { Config } from "../article/config.ts";
import type { Article } from "../article/article.ts";
import { textStats } from "../checks/stats.ts";
import { applyRate, parseDecimal } from "./money.ts";

/**
 * The fee for one admitted article from the rate card in force when it was merged: the
 * category's fee (or the default), plus the per-character rate on the character count of the
 * lint stage (fractions of a yen dropped, once, on the product), plus the per-photo fee. A
 * writer can never set a fee: nothing here reads the article's front matter except its
 * validated category. Lookups are own-property only (`constructor` is a category like any other).
 */
export function feeFor(config: Config, article: Article): number {
  return feeBreakdown(config, article).reduce((n, part) => n + part.amount, 0);
}

/** How a fee is built, line by line (shown on the statement): the base, characters, photos. */
export interface FeePart {
  label: string;
  amount: number;
}

export function feeBreakdown(config: Config, article: Article): FeePart[] {
  const rates = config.rates;
  const category = article.category?.slug;
  const categoryRate = category !== undefined && rates.categories && Object.hasOwn(rates.categories, category);
  const parts: FeePart[] = [
    { label: categoryRate ? `基本（${article.category!.name}）` : "基本", amount: categoryRate ? rates.categories![category!]! : rates.article },
  ];
  if (rates.perCharacter) {
    const characters = textStats(article.tree).characters;
    parts.push({
      label: `文字数 ${characters.toLocaleString("ja-JP")} 字 × ${rates.perCharacter} 円`,
      amount: applyRate(characters, parseDecimal(rates.perCharacter)),
    });
  }
  if (rates.perPhoto) {
    // Photos the article shows, resolved to files (cover first, each once): `x.jpg?1` and `x.jpg?2` are one photo.
    const photos = article.photos.length;
    parts.push({ label: `写真 ${photos} 枚 × ${rates.perPhoto.toLocaleString("ja-JP")} 円`, amount: rates.perPhoto * photos });
  }
  return parts;
}
