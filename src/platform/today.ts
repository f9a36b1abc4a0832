import { isValidDate, localDate } from '../core';

/**
 * The environment variable that fixes "today" (a `YYYY-MM-DD` date) for tests and screenshots, so that
 * "overdue" and "session due" do not depend on the day the tests run. Read on every call, so a test may
 * set it inside the extension host after activation. Unset (or not a date): the local calendar date.
 */
export const TODAY_ENV = 'COACHING_TODAY';

/** Today as the person sees it: the local calendar date, unless `COACHING_TODAY` says otherwise. */
export function today(now: Date = new Date()): string {
  // `process` does not exist in a browser extension host (vscode.dev): there, today is always the local date.
  const fixed = typeof process === 'undefined' ? undefined : process.env[TODAY_ENV];
  return fixed && isValidDate(fixed) ? fixed : localDate(now);
}

/** Milliseconds until the next local midnight (when "today" changes by itself). */
export function msUntilTomorrow(now: Date = new Date()): number {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
  return Math.max(1000, next.getTime() - now.getTime());
}
