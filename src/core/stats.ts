/**
 * Follow-through and rhythm: sessions held, the streak of sessions kept within the cadence, and how
 * many commitments were followed through (done + partly ÷ closed or made) per focus area and per value.
 */
import { daysBetween, isValidDate } from './dates';
import { effectiveValues, type JournalSnapshot } from './journal';

export interface FollowThrough {
  id: string;
  name: string;
  made: number;
  done: number;
  partly: number;
  notDone: number;
  letGo: number;
  open: number;
  /** (done + partly) ÷ (made − open); undefined while nothing is closed. */
  rate: number | undefined;
}

export interface JournalStats {
  today: string;
  cadenceDays: number;
  sessions: number;
  firstSession?: string;
  lastSession?: string;
  /** Consecutive sessions, counting back from the latest, each within the cadence of the next (the latest within the cadence of today). */
  streak: number;
  commitments: number;
  open: number;
  carriedForward: number;
  overall: FollowThrough;
  byFocusArea: FollowThrough[];
  byValue: FollowThrough[];
}

function empty(id: string, name: string): FollowThrough {
  return { id, name, made: 0, done: 0, partly: 0, notDone: 0, letGo: 0, open: 0, rate: undefined };
}

function finish(f: FollowThrough): FollowThrough {
  const closed = f.made - f.open;
  f.rate = closed > 0 ? (f.done + f.partly) / closed : undefined;
  return f;
}

export function computeStats(snap: JournalSnapshot, today: string, cadenceDays: number): JournalStats {
  const dates = [...new Set(snap.sessions.map((s) => s.date).filter((d) => isValidDate(d) && d <= today))].sort();
  let streak = 0;
  if (dates.length > 0 && daysBetween(dates[dates.length - 1], today) <= cadenceDays) {
    streak = 1;
    for (let i = dates.length - 1; i > 0 && daysBetween(dates[i - 1], dates[i]) <= cadenceDays; i--) {
      streak++;
    }
  }
  const overall = empty('all', 'All commitments');
  const byFocus = new Map(snap.focusAreas.map((f) => [f.id, empty(f.id, f.title)]));
  const byValue = new Map(snap.values.map((v) => [v.id, empty(v.id, v.name)]));
  let carried = 0;
  for (const c of snap.commitments) {
    if (c.carried_from) {
      carried++;
    }
    const buckets = [overall];
    const f = c.focus ? byFocus.get(c.focus) : undefined;
    if (f) {
      buckets.push(f);
    }
    for (const v of effectiveValues(c, snap)) {
      const b = byValue.get(v);
      if (b) {
        buckets.push(b);
      }
    }
    for (const b of buckets) {
      b.made++;
      switch (c.status) {
        case 'open': b.open++; break;
        case 'done': b.done++; break;
        case 'partly': b.partly++; break;
        case 'not-done': b.notDone++; break;
        case 'let-go': b.letGo++; break;
      }
    }
  }
  return {
    today, cadenceDays,
    sessions: snap.sessions.length,
    firstSession: dates[0],
    lastSession: dates[dates.length - 1],
    streak,
    commitments: snap.commitments.length,
    open: overall.open,
    carriedForward: carried,
    overall: finish(overall),
    byFocusArea: [...byFocus.values()].map(finish),
    byValue: [...byValue.values()].map(finish),
  };
}

/** "67%" or "–" when nothing is closed yet. */
export function formatRate(rate: number | undefined): string {
  return rate === undefined ? '–' : `${Math.round(rate * 100)}%`;
}
