/**
 * Journal dates are plain calendar dates written as quoted `YYYY-MM-DD` strings. They are never turned
 * into timestamps, so no time zone can shift them. All arithmetic here is on UTC midnights.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a `YYYY-MM-DD` string naming a real calendar day (so 2026-02-30 is not). */
export function isValidDate(value: unknown): value is string {
  if (typeof value !== 'string') {
    return false;
  }
  const m = DATE_RE.exec(value);
  if (!m) {
    return false;
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) {
    return false;
  }
  return day <= daysInMonth(year, month);
}

/** UTC midnight of a day. Date.UTC alone reads years 0–99 as 1900–1999, so the year is set on its own. */
function utcMidnight(year: number, monthIndex: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  return d.getTime();
}

function daysInMonth(year: number, month: number): number {
  return new Date(utcMidnight(year, month, 0)).getUTCDate();
}

function toUtc(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) {
    throw new Error(`not a YYYY-MM-DD date: ${date}`);
  }
  return utcMidnight(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtc(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** `date` plus `days` (may be negative). */
export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * 86_400_000);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000);
}

/** The local calendar date of a JS Date, as `YYYY-MM-DD` (what "today" means to the person). */
export function localDate(now: Date): string {
  return `${String(now.getFullYear()).padStart(4, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** `YYYYMMDD` form used inside ids. */
export function compactDate(date: string): string {
  return date.replace(/-/g, '');
}
