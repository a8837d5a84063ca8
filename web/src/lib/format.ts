/**
 * Formatting in the Vietnamese conventions of the platform:
 * numbers with '.' as the thousands separator and ',' as the decimal mark (16.000; 2,5),
 * dates as dd/mm/yyyy, and Vietnam local time (UTC+7, no daylight saving) for timestamps.
 */

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/** 16000 → "16.000", -1234567 → "-1.234.567", 2.5 → "2,5" (at most `fractionDigits` decimals). */
export function formatNumber(value: number | null | undefined, fractionDigits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const negative = value < 0;
  const fixed = Math.abs(value).toFixed(fractionDigits);
  const [intPart = '0', fracPart = ''] = fixed.split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const frac = fracPart.replace(/0+$/, '');
  const text = frac ? `${grouped},${frac}` : grouped;
  return negative && text !== '0' ? `-${text}` : text;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date as dd/mm/yyyy.
 * - "YYYY-MM-DD" (a day, as the API sends dates) is shown as is, without any time zone shift;
 * - an RFC 3339 timestamp or a Date is shown as the day in Vietnam (UTC+7).
 * Returns '' for empty or invalid input.
 */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') {
    const m = DATE_ONLY.exec(value);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  }
  const d = vnParts(value);
  return d ? `${pad(d.day)}/${pad(d.month)}/${d.year}` : '';
}

/** A timestamp as "dd/mm/yyyy HH:mm" (or "dd/mm/yyyy HH:mm:ss" with `seconds`) in Vietnam time. */
export function formatDateTime(value: string | Date | null | undefined, { seconds = false } = {}): string {
  if (value === null || value === undefined || value === '') return '';
  const d = vnParts(value);
  if (!d) return '';
  const time = seconds ? `${pad(d.hour)}:${pad(d.minute)}:${pad(d.second)}` : `${pad(d.hour)}:${pad(d.minute)}`;
  return `${pad(d.day)}/${pad(d.month)}/${d.year} ${time}`;
}

/** Parses "dd/mm/yyyy" into "YYYY-MM-DD" (the API's date format); null when it is not a real date. */
export function parseDate(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function vnParts(value: string | Date) {
  const t = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(t)) return null;
  const d = new Date(t + VN_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}
