/**
 * The journal's edits, as text edits of one note (never a whole-file rewrite). Each function reads the
 * note's current text, so an edit made to an open, unsaved document applies to what the person sees.
 */
import { splitFrontmatter } from './frontmatter';
import { readYaml } from './yamlRead';
import { editFrontmatter, EditError, type EditOp, type TextEdit } from './yamlEdit';
import { Word, type YamlValue } from './render';
import { isValidDate } from './dates';
import { unsafeTextReason } from './validate';
import type { FeedbackKind, FeedbackSource, Lens, Outcome } from './types';

/** The frontmatter of a note as data, or an EditError saying why it cannot be edited. */
function frontmatterData(text: string): Record<string, unknown> {
  const split = splitFrontmatter(text);
  if (split.kind !== 'ok') {
    throw new EditError(split.kind === 'none' ? 'This note has no frontmatter.' : 'The frontmatter of this note is never closed: fix it first; nothing was changed.', split.kind === 'none' ? 'no-frontmatter' : 'unparseable');
  }
  const read = readYaml(text.slice(split.yamlStart, split.yamlEnd));
  if (!read.ok) {
    throw new EditError(`The frontmatter is not valid YAML (line ${read.error.line + 2}: ${read.error.message}): fix it first; nothing was changed.`, 'unparseable');
  }
  if (typeof read.value !== 'object' || read.value === null || Array.isArray(read.value)) {
    throw new EditError('The frontmatter is not a mapping of fields.', 'unparseable');
  }
  return read.value as Record<string, unknown>;
}

/** Index of the action `id` in the note's `actions` list. */
function actionIndex(data: Record<string, unknown>, id: string): number {
  const actions = data.actions;
  const i = Array.isArray(actions) ? actions.findIndex((a) => typeof a === 'object' && a !== null && (a as Record<string, unknown>).id === id) : -1;
  if (i < 0) {
    throw new EditError(`No commitment with id ${id} in this note.`, 'not-found');
  }
  return i;
}

function checkText(label: string, text: string | undefined, required = true): void {
  if (text === undefined || text.trim() === '') {
    if (required) {
      throw new EditError(`${label} is empty: write a few words.`, 'invalid-input');
    }
    return;
  }
  const reason = unsafeTextReason(text);
  if (reason) {
    throw new EditError(`${label} ${reason}.`, 'invalid-input');
  }
}

function checkDate(label: string, date: string | undefined): void {
  if (date !== undefined && !isValidDate(date)) {
    throw new EditError(`${label} "${date}" is not a calendar date: use YYYY-MM-DD, like 2026-12-01.`, 'invalid-input');
  }
}

export interface LearningInput {
  lens?: Lens;
  text: string;
}

export interface OutcomeInput {
  outcome: Outcome;
  /** The date the outcome is recorded (written as `closed`). */
  on: string;
  /** A learning recorded with the outcome, outside a session: it goes under the action itself. */
  learning?: LearningInput;
}

/**
 * Records the outcome of commitment `actionId` in the note that made it: sets `status`, writes `closed`,
 * and (outside a session) appends the learning to the action's own `learnings`.
 */
export function recordOutcomeEdits(text: string, actionId: string, input: OutcomeInput): TextEdit[] {
  checkDate('The date', input.on);
  if (input.learning) {
    checkText('The learning', input.learning.text);
  }
  const data = frontmatterData(text);
  const i = actionIndex(data, actionId);
  const ops: EditOp[] = [
    { op: 'set', path: ['actions', i], key: 'status', value: new Word(input.outcome) },
    { op: 'set', path: ['actions', i], key: 'closed', value: input.on },
  ];
  if (input.learning && input.learning.text.trim() !== '') {
    ops.push({ op: 'append', path: ['actions', i], key: 'learnings', item: learningItem(input.learning) });
  }
  return editFrontmatter(text, ops);
}

function learningItem(l: LearningInput): YamlValue {
  return { lens: l.lens ? new Word(l.lens) : undefined, text: l.text.trim() };
}

export interface NewCommitment {
  id: string;
  text: string;
  focus?: string;
  values: string[];
  success?: string;
  due?: string;
  carried_from?: string;
}

/** The record written for a new commitment, in SPEC §2's key order. */
export function commitmentItem(c: NewCommitment): YamlValue {
  checkText('The commitment', c.text);
  checkText('What success looks like', c.success, false);
  checkDate('The due date', c.due);
  return {
    id: new Word(c.id),
    text: c.text.trim(),
    focus: c.focus ? new Word(c.focus) : undefined,
    values: c.values.map((v) => new Word(v)),
    success: c.success?.trim() || undefined,
    due: c.due,
    status: new Word('open'),
    carried_from: c.carried_from ? new Word(c.carried_from) : undefined,
  };
}

/** Appends a commitment to a session note's `actions`. */
export function addCommitmentEdits(text: string, c: NewCommitment): TextEdit[] {
  frontmatterData(text);
  return editFrontmatter(text, [{ op: 'append', path: [], key: 'actions', item: commitmentItem(c) }]);
}

export interface CheckinInput {
  action: string;
  outcome?: Outcome;
  learnings: LearningInput[];
}

export function checkinItem(c: CheckinInput): YamlValue {
  c.learnings.forEach((l) => checkText('The learning', l.text));
  return {
    action: new Word(c.action),
    outcome: c.outcome ? new Word(c.outcome) : null,
    learnings: c.learnings.length ? c.learnings.map(learningItem) : undefined,
  };
}

/** Appends a check-in entry to a session note. */
export function addCheckinEdits(text: string, c: CheckinInput): TextEdit[] {
  frontmatterData(text);
  return editFrontmatter(text, [{ op: 'append', path: [], key: 'checkin', item: checkinItem(c) }]);
}

export interface NewLearning {
  id: string;
  text: string;
  focus?: string;
  evidence: boolean;
}

export function learningRecord(l: NewLearning): YamlValue {
  checkText('The learning', l.text);
  return { id: new Word(l.id), text: l.text.trim(), focus: l.focus ? new Word(l.focus) : undefined, evidence: l.evidence };
}

/** Appends a learning to a session note's `learnings`. */
export function addLearningEdits(text: string, l: NewLearning): TextEdit[] {
  frontmatterData(text);
  return editFrontmatter(text, [{ op: 'append', path: [], key: 'learnings', item: learningRecord(l) }]);
}

export interface NewFeedback {
  id: string;
  from: FeedbackSource;
  kind: FeedbackKind;
  focus?: string;
  text: string;
}

export function feedbackRecord(f: NewFeedback): YamlValue {
  checkText('The feedback', f.text);
  return { id: new Word(f.id), from: new Word(f.from), kind: new Word(f.kind), focus: f.focus ? new Word(f.focus) : undefined, text: f.text.trim() };
}

/** Appends feedback to a session note's `feedback`. */
export function addFeedbackEdits(text: string, f: NewFeedback): TextEdit[] {
  frontmatterData(text);
  return editFrontmatter(text, [{ op: 'append', path: [], key: 'feedback', item: feedbackRecord(f) }]);
}

export interface NewValue {
  id: string;
  name: string;
  why?: string;
}

export function valueRecord(v: NewValue): YamlValue {
  checkText('The value name', v.name);
  checkText('Why it matters', v.why, false);
  return { id: new Word(v.id), name: v.name.trim(), why: v.why?.trim() || undefined };
}

/** Appends a value to big-picture.md's `values`. */
export function addValueEdits(text: string, v: NewValue): TextEdit[] {
  const data = frontmatterData(text);
  if (Array.isArray(data.values) && data.values.some((x) => typeof x === 'object' && x !== null && (x as Record<string, unknown>).id === v.id)) {
    throw new EditError(`A value with id ${v.id} already exists.`, 'exists');
  }
  return editFrontmatter(text, [{ op: 'append', path: [], key: 'values', item: valueRecord(v) }]);
}

/** Sets a top-level text field of a note (e.g. the big picture's `vision` or `goal`). */
export function setFieldEdits(text: string, key: string, value: string): TextEdit[] {
  checkText(`The ${key}`, value);
  frontmatterData(text);
  return editFrontmatter(text, [{ op: 'set', path: [], key, value: value.trim() }]);
}
