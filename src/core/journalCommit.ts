/**
 * What Commit Journal writes: a message that says what the session was about, derived from the notes
 * (never from git), and a reminder decision that depends only on dates kept outside the journal.
 */
import type { JournalSnapshot } from './journal';
import { commitmentCounts, isSessionDue } from './status';

/**
 * "Coaching session 2026-11-24: Ask Priya for two past proposals" for the latest session on or before
 * today; "Coaching journal: update of 2026-11-24" when there is no session with a commitment.
 */
export function journalCommitMessage(snap: JournalSnapshot, today: string): string {
  const sessions = snap.sessions.filter((s) => s.date && s.date <= today);
  const latest = sessions[sessions.length - 1];
  if (latest && latest.date === today) {
    const first = latest.actions[0]?.text ?? latest.goals[0];
    return first ? `Coaching session ${latest.date}: ${oneLine(first, 60)}` : `Coaching session ${latest.date}`;
  }
  return `Coaching journal: update of ${today}`;
}

function oneLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? line.slice(0, max - 1).trimEnd() + '…' : line;
}

/** What a daily reminder would say, or undefined when there is nothing to remind of. */
export interface Reminder {
  sessionDue: boolean;
  overdue: number;
  message: string;
}

export interface ReminderState {
  /** The last day a reminder was shown. */
  lastShown?: string;
  /** No reminder until after this day. */
  snoozedUntil?: string;
}

/** At most one reminder a day, none while snoozed, and only when a session is due or commitments are overdue. */
export function reminderFor(snap: JournalSnapshot, today: string, cadenceDays: number, state: ReminderState): Reminder | undefined {
  if (state.lastShown === today || (state.snoozedUntil && today <= state.snoozedUntil)) {
    return undefined;
  }
  if (snap.sessions.length === 0 && snap.commitments.length === 0) {
    return undefined;
  }
  const sessionDue = isSessionDue(snap, today, cadenceDays);
  const { overdue } = commitmentCounts(snap, today);
  if (!sessionDue && overdue === 0) {
    return undefined;
  }
  const parts: string[] = [];
  if (sessionDue) {
    parts.push('A coaching session is due');
  }
  if (overdue > 0) {
    parts.push(`${overdue} commitment${overdue === 1 ? ' is' : 's are'} past ${overdue === 1 ? 'its' : 'their'} date — a check-in is a chance to learn from ${overdue === 1 ? 'it' : 'them'}`);
  }
  return { sessionDue, overdue, message: parts.join('; ') + '.' };
}
