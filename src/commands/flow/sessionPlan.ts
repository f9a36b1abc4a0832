/**
 * The pure part of Start Session: which questions the check-in asks, and how the answers become the new
 * session note and the outcomes recorded on the original commitments. No `vscode` here (unit-tested).
 */
import {
  addDays, isValidDate, newItemId, newSessionLocation,
  type CheckinInput, type Commitment, type JournalSnapshot, type Lens, type NewCommitment, type Outcome, type SessionNoteInput,
} from '../../core';
import { unsafeTextReason } from '../../core/validate';

/** One learning question of the check-in, and the lens its answer is recorded under. */
export interface CheckinQuestion {
  lens: Lens;
  question: string;
}

/**
 * The learning questions that fit an outcome (SPEC §1.2: about learning, never judgment). Done and partly
 * ask about doing it and about its outcome; not done asks what it taught about oneself; let go asks what
 * changed.
 */
export function checkinQuestions(outcome: Outcome): CheckinQuestion[] {
  switch (outcome) {
    case 'done':
      return [
        { lens: 'doing', question: 'What did you learn from doing it?' },
        { lens: 'outcome', question: 'What did you learn from its outcome?' },
      ];
    case 'partly':
      return [
        { lens: 'doing', question: 'What did you learn from the part you did?' },
        { lens: 'outcome', question: 'What did you learn from its outcome so far?' },
      ];
    case 'not-done':
      return [{ lens: 'not-doing', question: 'What did you learn about yourself from not doing it?' }];
    case 'let-go':
      return [{ lens: 'not-doing', question: 'What changed, and what did that teach you?' }];
  }
}

/** The check-in answer about one commitment. `skip` leaves it open and out of the check-in. */
export interface CheckinAnswer {
  commitment: Pick<Commitment, 'id' | 'text' | 'loc'>;
  outcome?: Outcome | 'skip';
  /** Answers to `checkinQuestions(outcome)`, by position; empty or missing ones are not written. */
  learnings: string[];
}

/** A new commitment as the person answered it. */
export interface CommitmentAnswer {
  text: string;
  focus?: string;
  values: string[];
  success?: string;
  due?: string;
}

export interface SessionAnswers {
  checkins: CheckinAnswer[];
  goals: string[];
  focus: string[];
  commitments: CommitmentAnswer[];
}

/** An outcome to record on the action in the note that made it. */
export interface OutcomeToRecord {
  actionId: string;
  /** The note that holds the action (relative to the journal folder). */
  file: string;
  outcome: Outcome;
}

export interface SessionPlan {
  /** The new note's path (relative to the journal folder), never an existing one. */
  path: string;
  note: SessionNoteInput;
  outcomes: OutcomeToRecord[];
}

export interface PlanContext {
  today: string;
  snapshot: Pick<JournalSnapshot, 'bigPicture' | 'focusAreas'>;
  /** Every id in use (new ones are added to it). */
  usedIds: Set<string>;
  /** Every file of the journal (relative paths). */
  existingPaths: Set<string>;
  template?: string;
  random?: () => number;
}

/** Builds the new session note and the outcomes to record from a completed Start Session. */
export function planSession(answers: SessionAnswers, ctx: PlanContext): SessionPlan {
  const { path, id } = newSessionLocation(ctx.today, ctx.existingPaths, ctx.usedIds);
  ctx.usedIds.add(id);
  const checkin: CheckinInput[] = [];
  const outcomes: OutcomeToRecord[] = [];
  for (const c of answers.checkins) {
    if (!c.outcome || c.outcome === 'skip') {
      continue;
    }
    const questions = checkinQuestions(c.outcome);
    const learnings = questions
      .map((q, i) => ({ lens: q.lens, text: (c.learnings[i] ?? '').trim() }))
      .filter((l) => l.text !== '');
    checkin.push({ action: c.commitment.id, outcome: c.outcome, learnings });
    outcomes.push({ actionId: c.commitment.id, file: c.commitment.loc.file, outcome: c.outcome });
  }
  const actions: NewCommitment[] = answers.commitments.map((a) => ({
    id: newItemId('a', ctx.today, ctx.usedIds, ctx.random),
    text: a.text.trim(),
    focus: a.focus,
    values: a.values,
    success: a.success?.trim() || undefined,
    due: a.due,
  }));
  const note: SessionNoteInput = {
    id,
    date: ctx.today,
    goals: answers.goals.map((g) => g.trim()).filter((g) => g !== ''),
    focus: answers.focus,
    checkin,
    actions,
    bigPicture: ctx.snapshot.bigPicture,
    focusAreas: ctx.snapshot.focusAreas,
    template: ctx.template,
  };
  return { path, note, outcomes };
}

/** The default due date of a new commitment: the next session, by the cadence. */
export function defaultDue(today: string, cadenceDays: number): string {
  return addDays(today, cadenceDays);
}

/** Why a due date is refused, or undefined. Empty means "no due date". */
export function dueDateProblem(value: string, today: string): string | undefined {
  const v = value.trim();
  if (v === '') {
    return undefined;
  }
  if (!isValidDate(v)) {
    return `"${v}" is not a date: write it as YYYY-MM-DD, like ${addDays(today, 7)}.`;
  }
  if (v < today) {
    return `${v} is in the past: pick today (${today}) or a later day.`;
  }
  return undefined;
}

/** Why a piece of text a person typed cannot be written, or undefined. */
export function textProblem(value: string, required: string | undefined): string | undefined {
  if (value.trim() === '') {
    return required;
  }
  const reason = unsafeTextReason(value);
  return reason ? `This text ${reason}.` : undefined;
}
