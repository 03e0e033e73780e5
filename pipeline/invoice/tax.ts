import type { Config } from "../article/config.ts";
import { applyRate, parsePercent, type Rate } from "./money.ts";

/**
 * Tax settings are effective-dated (a rate in force from a date), not constants: the rates
 * below are the defaults, and kawaraban.config.yml's `tax:` can add changes as laws change.
 */
export const DEFAULT_TAX = {
  consumption: [{ from: "2019-10-01", rate: "10%" }],
  // 所得税 10% + 復興特別所得税 (×1.021) = 10.21 %; over ¥1,000,000 per payment, 20.42 %.
  withholding: [{ from: "2013-01-01", rate: "10.21%", over1m: "20.42%" }],
};

export const WITHHOLDING_THRESHOLD = 1_000_000;

export interface TaxRates {
  consumption: Rate;
  withholding: Rate;
  withholdingOver: Rate;
}

/** The config's rate entries in force on `date` (YYYY-MM-DD): the latest whose `from` is not after it. */
function entriesOn(date: string, config?: Config) {
  const pick = <T extends { from: string }>(entries: readonly T[]): T => {
    const entry = [...entries]
      .sort((a, b) => a.from.localeCompare(b.from))
      .filter((e) => e.from <= date)
      .at(-1);
    if (!entry) throw new Error(`no tax rate in force on ${date}`);
    return entry;
  };
  return { consumption: pick(config?.tax.consumption ?? DEFAULT_TAX.consumption), withholding: pick(config?.tax.withholding ?? DEFAULT_TAX.withholding) };
}

/** The rates in force on `date`, exact. */
export function taxRatesOn(date: string, config?: Config): TaxRates {
  const { consumption, withholding } = entriesOn(date, config);
  return { consumption: parsePercent(consumption.rate), withholding: parsePercent(withholding.rate), withholdingOver: parsePercent(withholding.over1m) };
}

/** The same rates as written in the config ("10%", "10.21%"), for the documents' labels. */
export function rateTextsOn(date: string, config?: Config): { consumption: string; withholding: string; withholdingOver: string } {
  const { consumption, withholding } = entriesOn(date, config);
  return { consumption: consumption.rate, withholding: withholding.rate, withholdingOver: withholding.over1m };
}

/** 消費税: once per statement, on the subtotal, fractions dropped. */
export function consumptionTax(subtotal: number, rates: TaxRates): number {
  return subtotal > 0 ? applyRate(subtotal, rates.consumption) : 0;
}

/**
 * 源泉徴収 for an individual's manuscript fee: 10.21 % up to ¥1,000,000 of one payment and
 * 20.42 % of the excess, fractions dropped; the base excludes the separately stated
 * consumption tax. ¥1,500,000 → 102,100 + 102,100 = 204,200.
 */
export function withholdingTax(base: number, rates: TaxRates): number {
  if (base <= 0) return 0;
  if (base <= WITHHOLDING_THRESHOLD) return applyRate(base, rates.withholding);
  return applyRate(WITHHOLDING_THRESHOLD, rates.withholding) + applyRate(base - WITHHOLDING_THRESHOLD, rates.withholdingOver);
}
