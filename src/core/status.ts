/**
 * What a commitment's status means on a given day: open, overdue, closed; and the lists and groupings the
 * views and the CLI show. "Today" is always passed in, so results are deterministic.
 */
import { daysBetween } from './dates';
import { effectiveValues, type Commitment, type JournalSnapshot } from './journal';

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

/** How the Commitments view groups open commitments. */
export const GROUP_BYS = ['focus', 'value', 'due', 'session'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** Buckets of the "by due date" grouping, in display order. */
export const DUE_BUCKETS = ['overdue', 'today', 'week', 'later', 'none'] as const;
export type DueBucket = (typeof DUE_BUCKETS)[number];

const DUE_BUCKET_LABELS: Record<DueBucket, string> = {
  overdue: 'Overdue',
  today: 'Due today',
  week: 'Due in the next 7 days',
  later: 'Due later',
  none: 'No due date',
};

/** One group of open commitments, as the Commitments view shows it. */
export interface CommitmentGroup {
  /** Stable key within a grouping: a focus-area id, value id, due bucket or session id; '' for "none". */
  key: string;
  label: string;
  /** The open commitments of the group, overdue first (the order of `listCommitments`). */
  commitments: Commitment[];
  /** How many of them are overdue. */
  overdue: number;
}

/** The "by due date" bucket of an open commitment. */
export function dueBucket(c: Pick<Commitment, 'status' | 'due'>, today: string): DueBucket {
  const d = daysOverdue(c, today);
  if (d === undefined) {
    return 'none';
  }
  if (d > 0) {
    return 'overdue';
  }
  if (d === 0) {
    return 'today';
  }
  return -d <= 7 ? 'week' : 'later';
}

/**
 * The open commitments grouped for the Commitments view. Groups with no open commitment are left out.
 * Order of groups: by focus area and by value, the groups holding an overdue commitment first (so an
 * overdue commitment is near the top whatever its group), each part in the order of the journal (focus
 * areas by file, values as listed in the big picture), then ids the journal does not define, then
 * "none" last; by due date, the buckets from overdue to no due date; by session, oldest session first
 * (where overdue ones come from). A commitment serving two values appears under both.
 */
export function groupCommitments(snap: JournalSnapshot, by: GroupBy, today: string): CommitmentGroup[] {
  const open = listCommitments(snap, 'open', today);
  const groups = new Map<string, CommitmentGroup>();
  const add = (key: string, label: string, c: Commitment): void => {
    let g = groups.get(key);
    if (!g) {
      g = { key, label, commitments: [], overdue: 0 };
      groups.set(key, g);
    }
    g.commitments.push(c);
    if (isOverdue(c, today)) {
      g.overdue++;
    }
  };
  let order: string[];
  switch (by) {
    case 'focus':
      for (const c of open) {
        const key = c.focus ?? '';
        add(key, key === '' ? 'No focus area' : snap.focusById.get(key)?.title ?? key, c);
      }
      order = snap.focusAreas.map((f) => f.id);
      break;
    case 'value':
      for (const c of open) {
        const values = effectiveValues(c, snap);
        if (values.length === 0) {
          add('', 'Linked to no value', c);
        }
        for (const v of new Set(values)) {
          add(v, snap.valueById.get(v)?.name ?? v, c);
        }
      }
      order = snap.values.map((v) => v.id);
      break;
    case 'due':
      for (const c of open) {
        const bucket = dueBucket(c, today);
        add(bucket, DUE_BUCKET_LABELS[bucket], c);
      }
      order = [...DUE_BUCKETS];
      break;
    case 'session': {
      const sessionDates = new Map(snap.sessions.map((s) => [s.id, s.date]));
      for (const c of open) {
        const date = sessionDates.get(c.session) ?? c.made;
        add(c.session, date ? `Session of ${date}` : c.session, c);
      }
      order = snap.sessions.map((s) => s.id);
      break;
    }
  }
  const rank = new Map(order.map((key, i) => [key, i]));
  const unknownRank = order.length;
  const overdueFirst = by === 'focus' || by === 'value';
  return [...groups.values()].sort((a, b) => {
    if (overdueFirst && (a.overdue > 0) !== (b.overdue > 0)) {
      return a.overdue > 0 ? -1 : 1;
    }
    const ra = a.key === '' ? unknownRank + 1 : rank.get(a.key) ?? unknownRank;
    const rb = b.key === '' ? unknownRank + 1 : rank.get(b.key) ?? unknownRank;
    return ra - rb || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  });
}
