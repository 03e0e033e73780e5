import holidayJp from "@holiday-jp/holiday_jp";

/**
 * Japan's calendar for money dates, on plain YYYY-MM-DD strings (no time zones involved):
 *
 * - 祝日 and 休日 (振替休日, 国民の休日) from @holiday-jp/holiday_jp, maintained data through
 *   2050 (国民の祝日に関する法律 第2条・第3条). Looked up by string: the package's Date helpers
 *   mix UTC and local time.
 * - The tax office's deadlines (国税通則法 第10条第2項): a deadline on a Sunday, a 祝日・休日,
 *   a Saturday or 12月29日〜31日 (施行令 第2条第2項), or 1月2日・3日 (一般の休日, 国税通則法
 *   基本通達 第10条関係4; 1月1日 is a 祝日) moves to the next day that is none of these.
 * - A payer's business days: not a Saturday, Sunday or 祝日・休日, not the city's year-end
 *   closure (行政機関の休日に関する法律 第1条 and each city's 休日条例: 12月29日〜1月3日 by
 *   default, configurable), and not a bank holiday (銀行法施行令 第5条: 12月31日〜1月3日),
 *   since payments are bank transfers.
 */
export type Day = string;

const holidays = holidayJp.holidays as Record<string, { name: string } | undefined>;

export const holidayName = (day: Day): string | undefined => holidays[day]?.name;

const weekday = (day: Day) => new Date(`${day}T00:00:00Z`).getUTCDay();
const isWeekend = (day: Day) => weekday(day) === 0 || weekday(day) === 6;
const monthDay = (day: Day) => day.slice(5);

export const lastDayOf = (month: string): Day => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
};

export function addDays(day: Day, n: number): Day {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Whether MM-DD falls in a closure that may run over the new year ("12-29" to "01-03"). */
export function inClosure(day: Day, closure: { from: string; to: string }): boolean {
  const md = monthDay(day);
  return closure.from <= closure.to ? md >= closure.from && md <= closure.to : md >= closure.from || md <= closure.to;
}

const BANK_CLOSURE = { from: "12-31", to: "01-03" };
const TAX_OFFICE_CLOSURE = { from: "12-29", to: "01-03" };
export const DEFAULT_YEAR_END_CLOSURE = { from: "12-29", to: "01-03" };

/** A day the tax office counts as a holiday for deadlines. */
export const taxOfficeClosed = (day: Day) => isWeekend(day) || Boolean(holidays[day]) || inClosure(day, TAX_OFFICE_CLOSURE);

/** A day the payer cannot make a bank transfer. */
export const payerClosed = (closure: { from: string; to: string }) => (day: Day) =>
  isWeekend(day) || Boolean(holidays[day]) || inClosure(day, closure) || inClosure(day, BANK_CLOSURE);

/** The nearest open day, searching earlier or later (the day itself when open). */
export function openDay(day: Day, closed: (day: Day) => boolean, direction: "earlier" | "later"): Day {
  let d = day;
  for (let i = 0; closed(d) && i < 60; i++) d = addDays(d, direction === "earlier" ? -1 : 1);
  return d;
}

/** The open day `n` open days after `day` (n ≥ 1). */
export function openDaysAfter(day: Day, n: number, closed: (day: Day) => boolean): Day {
  let d = day;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (!closed(d)) left--;
  }
  return d;
}

/**
 * 源泉所得税の納期限 for a payment made on `paidOn`: the 10th of the next month (所得税法 第204条
 * 第1項: 「その徴収の日の属する月の翌月10日まで」; the tax is withheld when paid), moved to the
 * next day the tax office is open.
 */
export function withholdingDueDate(paidOn: Day): Day {
  const [y, m] = paidOn.split("-").map(Number) as [number, number];
  const tenth = m === 12 ? `${y + 1}-01-10` : `${y}-${String(m + 1).padStart(2, "0")}-10`;
  return openDay(tenth, taxOfficeClosed, "later");
}

/** Holiday data runs to this year; later dates are judged on weekends and closures only. */
export const HOLIDAY_DATA_UNTIL = Math.max(...Object.keys(holidays).map((d) => Number(d.slice(0, 4))));
