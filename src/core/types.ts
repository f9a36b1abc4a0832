/**
 * The journal's data model: what the files of SPEC §2 mean once read. Every record knows the file it
 * came from (a path relative to the journal folder, with `/` separators) and its 0-based line.
 */

export type Severity = 'error' | 'warning' | 'info';

/** A problem found in a note, located by file, 0-based line and character. */
export interface Diagnostic {
  file: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  severity: Severity;
  /** Stable machine-readable code, e.g. `yaml-syntax`, `unknown-value`, `duplicate-id`. */
  code: string;
  message: string;
  /** For quick fixes: the id the problem is about (duplicate or unknown id). */
  subject?: string;
}

/** Where a record or a field stands in its file. */
export interface Location {
  file: string;
  line: number;
  character: number;
}

export const ACTION_STATUSES = ['open', 'done', 'partly', 'not-done', 'let-go'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const OUTCOMES = ['done', 'partly', 'not-done', 'let-go'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const LENSES = ['doing', 'outcome', 'not-doing'] as const;
export type Lens = (typeof LENSES)[number];
export const FOCUS_STATUSES = ['active', 'paused', 'achieved', 'retired'] as const;
export type FocusStatus = (typeof FOCUS_STATUSES)[number];
export const FEEDBACK_SOURCES = ['manager', 'peer', 'skip-level', 'self'] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];
export const FEEDBACK_KINDS = ['praise', 'suggestion', 'blind-spot'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const NOTE_TYPES = ['coaching-big-picture', 'coaching-focus-area', 'coaching-session'] as const;
export type NoteType = (typeof NOTE_TYPES)[number];

export interface Value {
  id: string;
  name: string;
  why?: string;
  loc: Location;
}

export interface BigPicture {
  goal?: string;
  vision?: string;
  values: Value[];
  loc: Location;
}

export interface Gap {
  current?: number | string;
  target?: number | string;
  next_level?: string;
}

export interface FocusArea {
  id: string;
  title: string;
  values: string[];
  status: FocusStatus;
  success?: string;
  measure?: string;
  gap?: Gap;
  role_models: string[];
  loc: Location;
}

/** A learning written about a commitment: in a check-in, or under the action itself. */
export interface ActionLearning {
  lens?: Lens;
  text: string;
  loc: Location;
}

/** A commitment: one small action made in a session. */
export interface Action {
  id: string;
  text: string;
  focus?: string;
  values: string[];
  success?: string;
  due?: string;
  status: ActionStatus;
  /** The date the outcome was recorded, when the notes say it. */
  closed?: string;
  /** The commitment this one continues, when it was carried forward. */
  carried_from?: string;
  /** Learnings recorded outside a session, under the action itself. */
  learnings: ActionLearning[];
  /** The session it was made in. */
  session: string;
  /** The date of that session (the date the commitment was made). */
  made: string;
  loc: Location;
}

export interface CheckinEntry {
  action: string;
  outcome?: Outcome;
  learnings: ActionLearning[];
  session: string;
  date: string;
  loc: Location;
}

export interface Learning {
  id: string;
  text: string;
  focus?: string;
  evidence: boolean;
  session: string;
  date: string;
  loc: Location;
}

export interface Feedback {
  id: string;
  from?: FeedbackSource;
  kind?: FeedbackKind;
  focus?: string;
  text: string;
  session: string;
  date: string;
  loc: Location;
}

export interface Session {
  id: string;
  date: string;
  goals: string[];
  focus: string[];
  checkin: CheckinEntry[];
  actions: Action[];
  learnings: Learning[];
  feedback: Feedback[];
  loc: Location;
}
