/**
 * New notes, written whole (new files only; existing files are only ever edited with text edits):
 * session notes from the built-in or a person's template, focus areas and the big picture.
 */
import { renderEntry, Word, type YamlValue } from './render';
import { checkinItem, commitmentItem, feedbackRecord, learningRecord, valueRecord, type CheckinInput, type NewCommitment, type NewFeedback, type NewLearning, type NewValue } from './edits';
import type { BigPicture, FocusArea, FocusStatus, Gap, Value } from './types';
import type { Position } from './text';

function frontmatter(fields: [string, YamlValue | undefined][], eol: string): string {
  const lines: string[] = ['---'];
  for (const [key, value] of fields) {
    if (value === undefined || (Array.isArray(value) && value.length === 0 && key !== 'focus' && key !== 'goals')) {
      continue;
    }
    lines.push(...renderEntry(key, value, 0));
  }
  lines.push('---');
  return lines.join(eol) + eol;
}

/** What a new session note holds. */
export interface SessionNoteInput {
  id: string;
  date: string;
  goals: string[];
  focus: string[];
  checkin: CheckinInput[];
  actions: NewCommitment[];
  learnings?: NewLearning[];
  feedback?: NewFeedback[];
  /** For the body: the vision and the values linked to today's focus. */
  bigPicture?: BigPicture;
  focusAreas: FocusArea[];
  /** A person's template for the body (see `TEMPLATE_PLACEHOLDERS`); the built-in one otherwise. */
  template?: string;
  eol?: '\n' | '\r\n';
}

/** The placeholders a session template may use, with what they become. */
export const TEMPLATE_PLACEHOLDERS: Record<string, string> = {
  '{{date}}': 'the session date, YYYY-MM-DD',
  '{{id}}': 'the session id, s-YYYY-MM-DD',
  '{{goal}}': 'the mid-term goal from big-picture.md',
  '{{vision}}': 'the vision from big-picture.md',
  '{{values}}': "the values linked to today's focus areas, one per line as '- Name: why'",
  '{{focus}}': "today's focus areas by title, comma-separated",
  '{{goals}}': "this session's goals, one per line as '- goal'",
  '{{commitments}}': "this session's new commitments, one per line as '- text (due DATE)'",
  '{{cursor}}': 'where the cursor is placed when the note opens (removed from the text)',
};

export const BUILTIN_SESSION_TEMPLATE = [
  '> **Vision:** {{vision}}',
  '>',
  '> **Goal:** {{goal}}',
  '',
  "**Values in today's focus**",
  '',
  '{{values}}',
  '',
  '## Notes',
  '',
  '{{cursor}}',
  '',
].join('\n');

/** The values linked to the given focus areas (in the big picture's order). */
export function valuesForFocus(bigPicture: BigPicture | undefined, focusAreas: FocusArea[], focus: string[]): Value[] {
  const wanted = new Set<string>();
  for (const f of focusAreas) {
    if (focus.includes(f.id)) {
      f.values.forEach((v) => wanted.add(v));
    }
  }
  return (bigPicture?.values ?? []).filter((v) => wanted.has(v.id));
}

/** Fills a template's placeholders. The `{{cursor}}` position is returned and removed. */
export function fillTemplate(template: string, input: SessionNoteInput): { body: string; cursor?: number } {
  const values = valuesForFocus(input.bigPicture, input.focusAreas, input.focus);
  const titles = input.focus.map((id) => input.focusAreas.find((f) => f.id === id)?.title ?? id);
  const fill: Record<string, string> = {
    '{{date}}': input.date,
    '{{id}}': input.id,
    '{{goal}}': input.bigPicture?.goal ?? '(no goal yet: run "Coaching: Set Up Big Picture")',
    '{{vision}}': input.bigPicture?.vision ?? '(no vision yet: run "Coaching: Set Up Big Picture")',
    '{{values}}': values.length ? values.map((v) => `- ${v.name}${v.why ? `: ${v.why}` : ''}`).join('\n') : '- (no value linked to today\'s focus)',
    '{{focus}}': titles.join(', '),
    '{{goals}}': input.goals.map((g) => `- ${g}`).join('\n'),
    '{{commitments}}': input.actions.map((a) => `- ${a.text}${a.due ? ` (due ${a.due})` : ''}`).join('\n'),
  };
  let body = template.replace(/\r\n/g, '\n').replace(/\{\{(date|id|goal|vision|values|focus|goals|commitments)\}\}/g, (m) => fill[m]);
  const cursorAt = body.indexOf('{{cursor}}');
  let cursor: number | undefined;
  if (cursorAt >= 0) {
    body = body.slice(0, cursorAt) + body.slice(cursorAt + '{{cursor}}'.length);
    body = body.replace(/\{\{cursor\}\}/g, '');
    cursor = cursorAt;
  }
  return { body, cursor };
}

/** A new session note: text, and where the cursor goes (in the free-writing part). */
export function renderSessionNote(input: SessionNoteInput): { text: string; cursor: Position } {
  const eol = input.eol ?? '\n';
  const fm = frontmatter([
    ['type', new Word('coaching-session')],
    ['id', new Word(input.id)],
    ['date', input.date],
    ['goals', input.goals],
    ['focus', input.focus.map((f) => new Word(f))],
    ['checkin', input.checkin.length ? input.checkin.map(checkinItem) : undefined],
    ['actions', input.actions.length ? input.actions.map(commitmentItem) : undefined],
    ['learnings', input.learnings?.length ? input.learnings.map(learningRecord) : undefined],
    ['feedback', input.feedback?.length ? input.feedback.map(feedbackRecord) : undefined],
  ], eol);
  const { body, cursor } = fillTemplate(input.template ?? BUILTIN_SESSION_TEMPLATE, input);
  const bodyText = eol === '\n' ? body : body.replace(/\n/g, eol);
  const fmLines = fm.split(eol).length - 1;
  let cursorPos: Position;
  if (cursor !== undefined) {
    const before = body.slice(0, cursor).split('\n');
    cursorPos = { line: fmLines + before.length, character: before[before.length - 1].length };
    // The body starts after one blank line.
  } else {
    const lines = body.split('\n');
    cursorPos = { line: fmLines + lines.length, character: 0 };
  }
  return { text: fm + eol + bodyText, cursor: cursorPos };
}

export interface FocusAreaInput {
  id: string;
  title: string;
  values: string[];
  status?: FocusStatus;
  success?: string;
  measure?: string;
  gap?: Gap;
  role_models?: string[];
  eol?: '\n' | '\r\n';
}

/** A new focus-area note. */
export function renderFocusAreaNote(f: FocusAreaInput): string {
  const eol = f.eol ?? '\n';
  const gap: YamlValue | undefined = f.gap && (f.gap.current !== undefined || f.gap.target !== undefined || f.gap.next_level)
    ? { current: f.gap.current, target: f.gap.target, next_level: f.gap.next_level }
    : undefined;
  const fm = frontmatter([
    ['type', new Word('coaching-focus-area')],
    ['id', new Word(f.id)],
    ['title', f.title.trim()],
    ['values', f.values.map((v) => new Word(v))],
    ['status', new Word(f.status ?? 'active')],
    ['success', f.success?.trim() || undefined],
    ['measure', f.measure?.trim() || undefined],
    ['gap', gap],
    ['role_models', f.role_models?.length ? f.role_models : undefined],
  ], eol);
  const body = [
    '',
    `# ${f.title.trim()}`,
    '',
    'What do the people one level up do here that I do not yet? What has my manager said about it?',
    '',
  ].join(eol);
  return fm + body;
}

export interface BigPictureInput {
  goal?: string;
  vision?: string;
  values: NewValue[];
  eol?: '\n' | '\r\n';
}

/** A new big-picture note. */
export function renderBigPictureNote(b: BigPictureInput): string {
  const eol = b.eol ?? '\n';
  const fm = frontmatter([
    ['type', new Word('coaching-big-picture')],
    ['goal', b.goal?.trim() || undefined],
    ['vision', b.vision?.trim() || undefined],
    ['values', b.values.map(valueRecord)],
  ], eol);
  const body = ['', '# The big picture', '', 'Why this matters to me, in my own words.', ''].join(eol);
  return fm + body;
}

