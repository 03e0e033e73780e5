import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { addDays, holidayName, payerClosed, taxOfficeClosed, withholdingDueDate } from "../../pipeline/invoice/calendar.ts";
import { payerPaysOn, writersPaidOn } from "../../pipeline/invoice/document-facts.ts";
import { parseConfig, type Config } from "../../pipeline/article/config.ts";
import { SAMPLE_ROOT } from "../support/repo.ts";

const base = await readFile(path.join(SAMPLE_ROOT, "kawaraban.config.yml"), "utf8");
const configWith = (extra: string): Config => {
  const parsed = parseConfig(`${base}\n${extra}`);
  if (!parsed.ok) throw new Error(parsed.diagnostics[0]?.message);
  return parsed.config;
};
const anyDay = fc
  .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2049-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const anyMonth = anyDay.map((d) => d.slice(0, 7));
const weekend = (d: string) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());

describe("the tax office's deadlines (国税通則法 第10条第2項)", () => {
  it("falls on the 10th of the month after the payment, or the first day after it the office is open", () => {
    fc.assert(
      fc.property(anyDay, (paidOn) => {
        const due = withholdingDueDate(paidOn);
        const [y, m] = paidOn.split("-").map(Number) as [number, number];
        const tenth = m === 12 ? `${y + 1}-01-10` : `${y}-${String(m + 1).padStart(2, "0")}-10`;
        expect(due >= tenth).toBe(true);
        expect(taxOfficeClosed(due)).toBe(false);
        for (let d = tenth; d < due; d = addDays(d, 1)) expect(taxOfficeClosed(d)).toBe(true);
      }),
    );
  });

  it("knows the holidays that move real deadlines", () => {
    expect(withholdingDueDate("2025-12-25")).toBe("2026-01-13"); // Sat 10, Sun 11, 成人の日 12
    expect(withholdingDueDate("2026-12-28")).toBe("2027-01-12"); // Sun 10, 成人の日 11
    expect(withholdingDueDate("2026-04-30")).toBe("2026-05-11"); // Sun 10
    expect(withholdingDueDate("2026-10-30")).toBe("2026-11-10");
    expect(holidayName("2026-09-22")).toBe("休日"); // 国民の休日 between 敬老の日 and 秋分の日
  });
});

describe("payment dates", () => {
  const dues = ["next-month-end", "next-month-10", "next-month-25", "month-after-next-5", "month-after-next-end"];

  it("never fall on a day the payer or the banks are closed, and move the way the config says", () => {
    fc.assert(
      fc.property(anyMonth, fc.constantFrom(...dues), fc.constantFrom("earlier", "later"), (month, due, ifClosed) => {
        const config = configWith("");
        const merged = { ...config, payer: { ...config.payer, paymentDue: due, ifClosed } } as Config;
        const day = payerPaysOn(month, merged);
        expect(payerClosed(merged.payer.yearEndClosure)(day)).toBe(false);
        expect(weekend(day)).toBe(false);
        expect(holidayName(day)).toBeUndefined();
      }),
    );
    const config = configWith("");
    expect(payerPaysOn("2026-11", config)).toBe("2026-12-28"); // 31 December is closed: the Monday before
    expect(payerPaysOn("2026-11", { ...config, payer: { ...config.payer, ifClosed: "later" } })).toBe("2027-01-04");
    expect(payerPaysOn("2026-12", config)).toBe("2027-01-29"); // Sunday 31 January
    const closure = { ...config, payer: { ...config.payer, yearEndClosure: { from: "12-30", to: "01-04" } } };
    expect(payerPaysOn("2026-11", { ...closure, payer: { ...closure.payer, ifClosed: "later" } })).toBe("2027-01-05");
  });

  it("pays a contractor's writers after the city pays the contractor, never on or before that day", () => {
    fc.assert(
      fc.property(
        anyMonth,
        fc.constantFrom(...dues),
        fc.oneof(
          fc.integer({ min: 1, max: 30 }).map((n) => `after-payer-${n}`),
          fc.constantFrom(...dues),
        ),
        (month, payerDue, contractorDue) => {
          const config = configWith("contractor:\n  name: 一般社団法人ひばり野ワークス\n");
          const merged = {
            ...config,
            payer: { ...config.payer, paymentDue: payerDue },
            contractor: { ...config.contractor!, paymentDue: contractorDue },
          } as Config;
          expect(writersPaidOn(month, merged) > payerPaysOn(month, merged)).toBe(true);
        },
      ),
    );
  });

  it("refuses a contractor date set before the city's, saying how to write it", () => {
    const parsed = parseConfig(`${base}\ncontractor:\n  name: ひばり野ワークス\n  paymentDue: next-month-20\n`);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.diagnostics[0]!.message).toContain("payer.paymentDue: next-month-end）より後にしてください");
  });
});
