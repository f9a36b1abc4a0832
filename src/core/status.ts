/**
 * What a commitment's status means on a given day: open, overdue, closed; and the lists and groupings the
 * views and the CLI show. "Today" is always passed in, so results are deterministic.
 */
import { daysBetween } from './dates';
import type { Commitment, JournalSnapshot } from './journal';

export type StatusFilter = 'open' | 'overdue' | 'closed' | 'all';

/** An open commitment whose due date is before today. A commitment due today is not overdue. */
export function isOverdue(c: Pick<Commitment, 'status' | 'due'>, today: string): boolean {
  return c.status === 'open' && c.due !== undefined && c.due < today;
}

/** Days past due (positive) or until due (negative or zero); undefined without a due date. */
export function daysOverdue(c: Pick<Commitment, 'due'>, today: string): number | undefined {
  return c.due === undefined ? undefined : daysBetween(c.due, today);
}

/** "3 days overdue", "due today", "due in 2 days", or undefined without a due date. */
export function dueLabel(c: Pick<Commitment, 'status' | 'due'>, today: string): string | undefined {
  const d = daysOverdue(c, today);
  if (d === undefined || c.status !== 'open') {
    return undefined;
  }
  if (d > 0) {
    return d === 1 ? '1 day overdue' : `${d} days overdue`;
  }
  if (d === 0) {
    return 'due today';
  }
  return -d === 1 ? 'due tomorrow' : `due in ${-d} days`;
}

/**
 * Commitments matching a filter, overdue first (most overdue first), then by due date, then in the
 * order they were made. Commitments without a due date come after dated ones.
 */
export function listCommitments(snap: JournalSnapshot, filter: StatusFilter, today: string): Commitment[] {
  const keep = snap.commitments.filter((c) => {
    switch (filter) {
      case 'open':
        return c.status === 'open';
      case 'overdue':
        return isOverdue(c, today);
      case 'closed':
        return c.status !== 'open';
      case 'all':
        return true;
    }
  });
  const order = new Map(snap.commitments.map((c, i) => [c, i]));
  return keep.sort((a, b) => {
    const ao = isOverdue(a, today) ? 0 : 1;
    const bo = isOverdue(b, today) ? 0 : 1;
    if (ao !== bo) {
      return ao - bo;
    }
    const ad = a.due ?? '\uffff';
    const bd = b.due ?? '\uffff';
    if (ad !== bd) {
      return ad < bd ? -1 : 1;
    }
    return order.get(a)! - order.get(b)!;
  });
}

/** Counts for the status bar and badges. */
export function commitmentCounts(snap: JournalSnapshot, today: string): { open: number; overdue: number } {
  let open = 0;
  let overdue = 0;
  for (const c of snap.commitments) {
    if (c.status === 'open') {
      open++;
      if (isOverdue(c, today)) {
        overdue++;
      }
    }
  }
  return { open, overdue };
}

/** The latest session's date, or undefined when there is none. */
export function lastSessionDate(snap: JournalSnapshot): string | undefined {
  for (let i = snap.sessions.length - 1; i >= 0; i--) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(snap.sessions[i].date)) {
      return snap.sessions[i].date;
    }
  }
  return undefined;
}

/** True when `cadenceDays` have passed since the last session (or there has been none). */
export function isSessionDue(snap: JournalSnapshot, today: string, cadenceDays: number): boolean {
  const last = lastSessionDate(snap);
  return last === undefined || daysBetween(last, today) >= cadenceDays;
}
