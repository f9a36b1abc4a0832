/**
 * The journal index: every parsed note by path, and the journal-wide views derived from them
 * (commitments with their effective status, values, focus areas, diagnostics across files). A file is
 * updated or removed on its own; the derived views are rebuilt lazily, once per change.
 */
import { parseNote, type ParsedNote } from './parse';
import type {
  Action, ActionStatus, BigPicture, CheckinEntry, Diagnostic, Feedback, FocusArea, Learning, Session, Value,
} from './types';

/** A commitment as the journal sees it: the action, plus what its check-ins say. */
export interface Commitment extends Action {
  /** The status as written on the action. `status` is the effective one (see `effectiveStatus`). */
  declaredStatus: ActionStatus;
  /** Check-in entries about this commitment, oldest first. */
  checkins: CheckinEntry[];
  /** The session in which the outcome was checked in, when it was. */
  closedIn?: string;
}

/** Everything derived from the notes, at one version of the index. */
export interface JournalSnapshot {
  version: number;
  bigPicture?: BigPicture;
  values: Value[];
  valueById: Map<string, Value>;
  focusAreas: FocusArea[];
  focusById: Map<string, FocusArea>;
  /** Sessions by date, then file. */
  sessions: Session[];
  /** Every commitment, in the order they were made (session date, then position in the note). */
  commitments: Commitment[];
  commitmentById: Map<string, Commitment>;
  learnings: Learning[];
  feedback: Feedback[];
}

/**
 * The status that counts: a closed status written on the action wins; an `open` action with a later
 * check-in outcome takes that outcome (a person filling in the check-in by hand closes the commitment).
 */
function effectiveStatus(action: Action, checkins: CheckinEntry[]): { status: ActionStatus; closed?: string; closedIn?: string } {
  if (action.status !== 'open') {
    const entry = checkins.find((c) => c.outcome === action.status);
    return { status: action.status, closed: action.closed ?? entry?.date, closedIn: entry?.session };
  }
  for (let i = checkins.length - 1; i >= 0; i--) {
    const c = checkins[i];
    if (c.outcome) {
      return { status: c.outcome, closed: c.date || undefined, closedIn: c.session };
    }
  }
  return { status: 'open' };
}

export class JournalIndex {
  private readonly notes = new Map<string, ParsedNote>();
  private versionCounter = 0;
  private snapshotCache: JournalSnapshot | undefined;
  private diagnosticsCache: Diagnostic[] | undefined;

  /** Increases on every change. */
  get version(): number {
    return this.versionCounter;
  }

  get size(): number {
    return this.notes.size;
  }

  /** Parses `text` (no BOM) as the note at `path` (relative to the journal folder) and stores it. */
  setText(path: string, text: string): ParsedNote {
    const note = parseNote(path, text);
    this.setNote(note);
    return note;
  }

  /** Stores an already parsed note (e.g. from a cache). */
  setNote(note: ParsedNote): void {
    this.notes.set(note.path, note);
    this.changed();
  }

  /** Removes a note; returns whether it was there. */
  remove(path: string): boolean {
    const had = this.notes.delete(path);
    if (had) {
      this.changed();
    }
    return had;
  }

  /** Removes every note under a folder prefix (e.g. a deleted folder). */
  removeFolder(prefix: string): number {
    const p = prefix.endsWith('/') ? prefix : prefix + '/';
    let n = 0;
    for (const path of [...this.notes.keys()]) {
      if (path.startsWith(p)) {
        this.notes.delete(path);
        n++;
      }
    }
    if (n > 0) {
      this.changed();
    }
    return n;
  }

  clear(): void {
    this.notes.clear();
    this.changed();
  }

  get(path: string): ParsedNote | undefined {
    return this.notes.get(path);
  }

  paths(): string[] {
    return [...this.notes.keys()].sort();
  }

  allNotes(): IterableIterator<ParsedNote> {
    return this.notes.values();
  }

  private changed(): void {
    this.versionCounter++;
    this.snapshotCache = undefined;
    this.diagnosticsCache = undefined;
  }

  /** The derived journal, rebuilt at most once per version. */
  snapshot(): JournalSnapshot {
    if (this.snapshotCache) {
      return this.snapshotCache;
    }
    const paths = this.paths();
    let bigPicture: BigPicture | undefined;
    const focusAreas: FocusArea[] = [];
    const sessions: Session[] = [];
    for (const path of paths) {
      const note = this.notes.get(path)!;
      // big-picture.md is the big picture; another file of that type only counts when it is missing.
      if (note.bigPicture && (!bigPicture || path === 'big-picture.md')) {
        bigPicture = note.bigPicture;
      }
      if (note.focusArea) {
        focusAreas.push(note.focusArea);
      }
      if (note.session) {
        sessions.push(note.session);
      }
    }
    // By date; on one day, 2026-06-15.md before 2026-06-15-2.md (compare paths without the extension).
    const stem = (s: Session) => s.loc.file.replace(/\.md$/i, '');
    sessions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : stem(a) < stem(b) ? -1 : stem(a) > stem(b) ? 1 : 0));
    const values = bigPicture?.values ?? [];
    const valueById = new Map<string, Value>();
    for (const v of values) {
      if (!valueById.has(v.id)) {
        valueById.set(v.id, v);
      }
    }
    const focusById = new Map<string, FocusArea>();
    for (const f of focusAreas) {
      if (!focusById.has(f.id)) {
        focusById.set(f.id, f);
      }
    }
    const checkinsByAction = new Map<string, CheckinEntry[]>();
    const learnings: Learning[] = [];
    const feedback: Feedback[] = [];
    for (const s of sessions) {
      for (const c of s.checkin) {
        let list = checkinsByAction.get(c.action);
        if (!list) {
          list = [];
          checkinsByAction.set(c.action, list);
        }
        list.push(c);
      }
      learnings.push(...s.learnings);
      feedback.push(...s.feedback);
    }
    const commitments: Commitment[] = [];
    const commitmentById = new Map<string, Commitment>();
    for (const s of sessions) {
      for (const a of s.actions) {
        // Only check-ins from later sessions (or the same day's later notes) can close a commitment.
        const checkins = (checkinsByAction.get(a.id) ?? []).filter((c) => c.session !== s.id);
        const eff = effectiveStatus(a, checkins);
        const c: Commitment = { ...a, declaredStatus: a.status, status: eff.status, closed: eff.closed, closedIn: eff.closedIn, checkins };
        commitments.push(c);
        if (!commitmentById.has(c.id)) {
          commitmentById.set(c.id, c);
        }
      }
    }
    this.snapshotCache = {
      version: this.versionCounter, bigPicture, values, valueById, focusAreas, focusById, sessions, commitments, commitmentById, learnings, feedback,
    };
    return this.snapshotCache;
  }

  /** Every diagnostic: each note's own, then those that need the whole journal. Sorted by file and line. */
  diagnostics(): Diagnostic[] {
    if (this.diagnosticsCache) {
      return this.diagnosticsCache;
    }
    const out: Diagnostic[] = [];
    for (const note of this.notes.values()) {
      out.push(...note.diagnostics);
    }
    out.push(...crossFileDiagnostics(this, this.snapshot()));
    out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.character - b.character));
    this.diagnosticsCache = out;
    return out;
  }

  /** Diagnostics of one file (its own and journal-wide ones located in it). */
  diagnosticsFor(path: string): Diagnostic[] {
    return this.diagnostics().filter((d) => d.file === path);
  }

  /** Every id in use (for generating new ones that are never reused). */
  usedIds(): Set<string> {
    const ids = new Set<string>();
    for (const note of this.notes.values()) {
      for (const d of note.ids) {
        ids.add(d.id);
      }
    }
    return ids;
  }
}

function where(d: { loc: { line: number } }, file: string): string {
  return `${file}:${d.loc.line + 1}`;
}

function crossFileDiagnostics(index: JournalIndex, snap: JournalSnapshot): Diagnostic[] {
  const out: Diagnostic[] = [];
  const push = (file: string, r: { line: number; character: number; endLine: number; endCharacter: number }, severity: Diagnostic['severity'], code: string, message: string, subject?: string) =>
    out.push({ file, line: r.line, character: r.character, endLine: r.endLine, endCharacter: r.endCharacter, severity, code, message, subject });

  // Duplicate ids. Values and focus areas each have their own namespace; sessions, commitments,
  // learnings and feedback share one.
  const namespaces = new Map<string, { file: string; decl: ParsedNote['ids'][number] }[]>();
  for (const note of index.allNotes()) {
    if (note.bigPicture && note.bigPicture !== snap.bigPicture) {
      push(note.path, { line: 0, character: 0, endLine: 0, endCharacter: 3 }, 'warning', 'extra-big-picture',
        'Only one big picture counts (big-picture.md); this one is ignored. Merge it into big-picture.md.');
    }
    for (const decl of note.ids) {
      const ns = decl.kind === 'value' || decl.kind === 'focus-area' ? `${decl.kind}:${decl.id}` : `item:${decl.id}`;
      let list = namespaces.get(ns);
      if (!list) {
        list = [];
        namespaces.set(ns, list);
      }
      list.push({ file: note.path, decl });
    }
  }
  for (const list of namespaces.values()) {
    if (list.length < 2) {
      continue;
    }
    for (const { file, decl } of list) {
      const others = list.filter((o) => o.decl !== decl).map((o) => `${o.file}:${o.decl.loc.line + 1}`);
      push(file, decl.loc, 'error', 'duplicate-id', `Duplicate id "${decl.id}": also at ${others.join(', ')}. Ids must be unique; give one of them a new id.`, decl.id);
    }
  }

  // References to ids that do not exist.
  for (const note of index.allNotes()) {
    for (const ref of note.refs) {
      const known = ref.kind === 'value' ? snap.valueById.has(ref.id) : ref.kind === 'focus-area' ? snap.focusById.has(ref.id) : snap.commitmentById.has(ref.id);
      if (!known) {
        const what = ref.kind === 'value' ? 'value' : ref.kind === 'focus-area' ? 'focus area' : 'commitment';
        const fix = ref.kind === 'value' ? 'add it to the values in big-picture.md, or fix the id'
          : ref.kind === 'focus-area' ? 'create focus-areas/' + ref.id + '.md, or fix the id'
            : 'fix the id';
        push(note.path, ref.loc, 'error', `unknown-${ref.kind}`, `${ref.from} refers to the ${what} "${ref.id}", which does not exist: ${fix}.`, ref.id);
      }
    }
  }

  // Advice: every open commitment should serve a value; every value should have some action.
  const valueUsed = new Set<string>();
  for (const f of snap.focusAreas) {
    if (f.status === 'active') {
      f.values.forEach((v) => valueUsed.add(v));
    }
  }
  for (const c of snap.commitments) {
    const values = effectiveValues(c, snap);
    if (c.status === 'open') {
      values.forEach((v) => valueUsed.add(v));
      if (values.length === 0) {
        push(c.loc.file, { line: c.loc.line, character: c.loc.character, endLine: c.loc.line, endCharacter: c.loc.character + 2 + c.id.length }, 'warning', 'unlinked-commitment',
          `Commitment ${c.id} is linked to no value: add \`values\` (or a focus area that has values) so it serves the big picture.`, c.id);
      }
    }
    if (c.declaredStatus !== 'open') {
      const conflicting = c.checkins.find((k) => k.outcome && k.outcome !== c.declaredStatus);
      if (conflicting) {
        push(conflicting.loc.file, { line: conflicting.loc.line, character: conflicting.loc.character, endLine: conflicting.loc.line, endCharacter: conflicting.loc.character + 8 }, 'warning', 'outcome-mismatch',
          `This check-in says ${conflicting.outcome} but commitment ${c.id} says ${c.declaredStatus} (${where(c, c.loc.file)}): make them agree.`, c.id);
      }
    }
  }
  for (const v of snap.values) {
    if (!valueUsed.has(v.id)) {
      push(v.loc.file, { line: v.loc.line, character: v.loc.character, endLine: v.loc.line, endCharacter: v.loc.character + 4 + v.id.length }, 'info', 'value-without-action',
        `The value "${v.name}" has no active focus area and no open commitment.`, v.id);
    }
  }
  return out;
}

/** The values a commitment serves: its own, or else its focus area's. */
export function effectiveValues(c: Action, snap: Pick<JournalSnapshot, 'focusById'>): string[] {
  if (c.values.length > 0) {
    return c.values;
  }
  return (c.focus && snap.focusById.get(c.focus)?.values) || [];
}
