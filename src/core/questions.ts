/**
 * The check-in's learning questions (SPEC §1.2): about learning, never judgment. Each outcome gets the
 * question that fits it, and the lens its answer is recorded under.
 */
import type { Gap, Lens, Outcome } from './types';

export interface LearningQuestion {
  lens: Lens;
  question: string;
}

const QUESTIONS: Record<Outcome, LearningQuestion> = {
  'done': { lens: 'doing', question: 'What did you learn from doing it?' },
  'partly': { lens: 'doing', question: 'What did you learn from the part you did, and from the part you did not?' },
  'not-done': { lens: 'not-doing', question: 'What did you learn about yourself from not doing it?' },
  'let-go': { lens: 'not-doing', question: 'What did you learn about yourself from letting it go?' },
};

/** The learning question asked after an outcome, and the lens of its answer. */
export function learningQuestion(outcome: Outcome): LearningQuestion {
  return QUESTIONS[outcome];
}

/** Words for an outcome, as a person would say them ("Not done", "Let go"). */
export const OUTCOME_LABELS: Record<Outcome, string> = {
  'done': 'Done',
  'partly': 'Partly',
  'not-done': 'Not done',
  'let-go': 'Let go',
};

/** A focus area's gap as one line: "level 2 → 3 · next level: Sets direction…"; undefined when there is none. */
export function gapLabel(gap: Gap | undefined): string | undefined {
  if (!gap) {
    return undefined;
  }
  const parts: string[] = [];
  if (gap.current !== undefined || gap.target !== undefined) {
    parts.push(`level ${gap.current ?? '?'} → ${gap.target ?? '?'}`);
  }
  if (gap.next_level) {
    parts.push(`next level: ${gap.next_level}`);
  }
  return parts.length > 0 ? parts.join(' · ') : undefined;
}
