/**
 * Reporting periods of the movement: they run from the 15th of a month to the 14th of a later month
 * (a year from 15/12 of the year before to 14/12; a quarter 15/12–14/3, 15/3–14/6, 15/6–14/9,
 * 15/9–14/12; six months 15/12–14/6 and 15/6–14/12). Dates are plain days "YYYY-MM-DD".
 */

export const PRESETS = ['month', 'quarter', 'half', 'year', 'five_years', 'ten_years'] as const;
export type Preset = (typeof PRESETS)[number];

/** Length of each preset in months. */
export const PRESET_MONTHS: Record<Preset, number> = {
  month: 1,
  quarter: 3,
  half: 6,
  year: 12,
  five_years: 60,
  ten_years: 120,
};

export interface Period {
  from: string;
  to: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const iso = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** Months counted from year 0 so that December of year Y is (Y + 1) × 12: periods align on multiples. */
function monthIndex(year: number, month: number): number {
  return year * 12 + month;
}
function fromIndex(index: number): { year: number; month: number } {
  const year = Math.floor((index - 1) / 12);
  return { year, month: index - year * 12 };
}

/** Today in Vietnam (UTC+7) as "YYYY-MM-DD". */
export function vietnamToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number);
  return [y!, m!, d!];
}

/**
 * The period of the preset that contains `today` (the current one: it ends on the next 14th that
 * closes such a period, possibly after today). `back` steps to earlier periods (1 = the one before).
 */
export function presetPeriod(preset: Preset, today: string, back = 0): Period {
  const [y, m, d] = parts(today);
  // the month (as an index) in which the current 15th-to-14th month started
  const monthStart = monthIndex(y, m) - (d >= 15 ? 0 : 1);
  const months = PRESET_MONTHS[preset];
  let start: number;
  if (months <= 12) {
    // months, quarters, halves and years start on the 15th of a month aligned on December
    start = monthStart - (((monthStart % months) + months) % months);
  } else {
    // five and ten years: the reporting years up to and including the current one
    const yearStart = monthStart - (((monthStart % 12) + 12) % 12);
    start = yearStart - (months - 12);
  }
  start -= back * months;
  const s = fromIndex(start);
  const e = fromIndex(start + months);
  return { from: iso(s.year, s.month, 15), to: iso(e.year, e.month, 14) };
}

/** The preset whose current (or an earlier) period is exactly [from, to], or null for a custom range. */
export function presetOf(period: Period, today: string): Preset | null {
  for (const p of PRESETS) {
    const cur = presetPeriod(p, today);
    if (cur.from === period.from && cur.to === period.to) return p;
  }
  return null;
}

/** The same period a year earlier (what "so với cùng kỳ" compares with). */
export function previousYear(period: Period): Period {
  const shift = (day: string) => {
    const [y, m, d] = parts(day);
    // 29/02 of a leap year has no twin: the day before
    const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
    return iso(y - 1, m, Math.min(d, last));
  };
  return { from: shift(period.from), to: shift(period.to) };
}

/** Whole months between the two days (15/12 → 14/12 of the next year is 12). */
export function monthsBetween(period: Period): number {
  const [fy, fm, fd] = parts(period.from);
  const [ty, tm, td] = parts(period.to);
  return Math.max(0, monthIndex(ty, tm) - monthIndex(fy, fm) + (td + 1 >= fd ? 0 : -1));
}

/** The interval of the trend chart: months up to two years, quarters up to five, then years. */
export function trendInterval(period: Period): 'month' | 'quarter' | 'year' {
  const months = monthsBetween(period);
  if (months <= 24) return 'month';
  if (months <= 60) return 'quarter';
  return 'year';
}

/** True when `day` is a real "YYYY-MM-DD" day. */
export function isDay(day: string | null | undefined): day is string {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const [y, m, d] = parts(day);
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}
