import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { consumptionTax, withholdingTax, taxRatesOn } from "../../pipeline/invoice/tax.ts";
import { applyRate, parsePercent, parseDecimal } from "../../pipeline/invoice/money.ts";

const rates = taxRatesOn("2026-11-30");

describe("tax, hand-worked", () => {
  it("¥15,000 for a writer who charges tax: tax ¥1,500, withholding ¥1,531, payment ¥14,969", () => {
    const tax = consumptionTax(15_000, rates);
    const withholding = withholdingTax(15_000, rates);
    expect([tax, withholding, 15_000 + tax - withholding]).toEqual([1_500, 1_531, 14_969]);
  });

  it("¥1,500,000: withholding ¥204,200 (102,100 on the first million + 20.42 % of the rest)", () => {
    expect(withholdingTax(1_500_000, rates)).toBe(204_200);
  });

  it("the boundary at exactly ¥1,000,000, and one yen over it", () => {
    expect(withholdingTax(1_000_000, rates)).toBe(102_100);
    expect(withholdingTax(1_000_001, rates)).toBe(102_100); // 0.2042 yen, dropped
    expect(withholdingTax(1_000_005, rates)).toBe(102_101); // 1.021 yen → 1
  });

  it("drops fractions of a yen, never rounds up", () => {
    expect(withholdingTax(9_999, rates)).toBe(1_020); // 1,020.8979
    expect(consumptionTax(9_999, rates)).toBe(999); // 999.9
  });

  it("uses the rates in force on the date (effective-dated settings, e.g. an announced 2027 change)", () => {
    const config = {
      tax: {
        withholding: [
          { from: "2013-01-01", rate: "10.21%", over1m: "20.42%" },
          { from: "2027-01-01", rate: "10.5%", over1m: "21%" },
        ],
      },
    } as unknown as Parameters<typeof taxRatesOn>[1];
    expect(withholdingTax(15_000, taxRatesOn("2026-12-31", config))).toBe(1_531);
    expect(withholdingTax(15_000, taxRatesOn("2027-01-31", config))).toBe(1_575);
    expect(() => taxRatesOn("2019-09-30")).toThrow(); // no consumption tax entry in force yet
  });

  it("computes exactly, in integers", () => {
    expect(parsePercent("10.21%")).toEqual({ numerator: 1021n, denominator: 10000n });
    expect(parseDecimal("2.5")).toEqual({ numerator: 25n, denominator: 10n });
    expect(applyRate(333, parseDecimal("2.5"))).toBe(832);
    expect(applyRate(900_000_000_000, parsePercent("20.42%"))).toBe(183_780_000_000);
  });
});

describe("tax, properties", () => {
  const amount = fc.integer({ min: 0, max: 50_000_000 });

  it("withholding is never negative and never decreases as the fee grows", () => {
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const w = withholdingTax(low, rates);
        return w >= 0 && w <= withholdingTax(high, rates) && w <= low;
      }),
    );
  });

  it("consumption tax is the floor of 10 %", () => {
    fc.assert(fc.property(amount, (a) => consumptionTax(a, rates) === Math.floor(a / 10)));
  });
});
