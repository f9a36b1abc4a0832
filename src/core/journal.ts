/**
 * The journal index: every parsed note by path, and the journal-wide views derived from them
 * (commitments with their effective status, values, focus areas, diagnostics across files). A file is
 * updated or removed on its own; the derived views are rebuilt lazily, once per change.
 */
import { parseNote, type ParsedNote } from './parse';
import { unsafePathReason } from './paths';
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

/** A session in the index's sorted list, with what is derived from it (dropped when it goes stale). */
interface SessionSlot {
  session: Session;
  path: string;
  stem: string;
  /** Its actions as commitments (depends on the check-ins on their ids). */
  commitments?: Commitment[];
  /** Journal-wide advice about those commitments (also depends on the focus areas). */
  advice?: Diagnostic[];
  /** The values its open commitments serve. */
  openValues?: string[];
}

/** Sessions by date; on one day, 2026-06-15.md before 2026-06-15-2.md (paths without the extension), then by path. */
function compareSlots(a: { session: { date: string }; stem: string; path: string }, b: { session: { date: string }; stem: string; path: string }): number {
  const ad = a.session.date;
  const bd = b.session.date;
  if (ad !== bd) {
    return ad < bd ? -1 : 1;
  }
  if (a.stem !== b.stem) {
    return a.stem < b.stem ? -1 : 1;
  }
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

const stemOf = (file: string): string => file.replace(/\.md$/i, '');

/** The order key of a check-in: its session's. */
function checkinKey(c: CheckinEntry): { session: { date: string }; stem: string; path: string } {
  return { session: { date: c.date }, stem: stemOf(c.loc.file), path: c.loc.file };
}

/** First index whose element sorts after `key` (so equal keys keep their insertion order). */
function upperBound<T>(list: T[], key: T, compare: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(list[mid], key) <= 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/** Above this many changed files since the last snapshot, rebuilding everything is cheaper. */
const INCREMENTAL_LIMIT = 64;

export class JournalIndex {
  private readonly notes = new Map<string, ParsedNote>();
  private versionCounter = 0;
  private snapshotCache: JournalSnapshot | undefined;
  private diagnosticsCache: Diagnostic[] | undefined;

  // Incremental state. It describes the notes as they were at the last snapshot built; `pending` holds,
  // for each file changed since, its note at that time (undefined: it did not exist).
  private built = false;
  private readonly pending = new Map<string, ParsedNote | undefined>();
  private slots: SessionSlot[] = [];
  private readonly slotByPath = new Map<string, SessionSlot>();
  // The sessions and commitments of the last snapshot built, kept in step with `slots`: `starts[i]` is
  // where the commitments of `slots[i]` start in `flatCommitments` (and `starts[slots.length]` its length).
  // A snapshot owns the arrays it was given: the next one changes copies of them (never the arrays
  // themselves), so an edit costs a copy of two flat arrays and not a walk over every session.
  private flatSessions: Session[] = [];
  private flatCommitments: Commitment[] = [];
  private starts: number[] = [0];
  /** Sessions whose commitments must be derived again (their slot in `flatCommitments` is stale). */
  private readonly commitmentsDirty = new Set<SessionSlot>();
  private readonly checkinsByAction = new Map<string, CheckinEntry[]>();
  /** The session slots whose actions declare each commitment id (usually one; more when duplicated). */
  private readonly slotsByAction = new Map<string, SessionSlot[]>();
  private readonly bigPicturePaths = new Set<string>();
  private readonly focusPaths = new Set<string>();
  /** Files that refer to a commitment id (for re-checking them when that id appears or goes). */
  private readonly actionRefs = new Map<string, Set<string>>();
  /** How many declarations each id namespace has (duplicates are the ones with two or more). */
  private readonly nsCount = new Map<string, number>();
  private readonly dupNs = new Set<string>();
  // What diagnostics() must recompute.
  /** Unknown-reference diagnostics of the files that have some. */
  private readonly refDiagnostics = new Map<string, Diagnostic[]>();
  /** Each file's own diagnostics, for the files that have some (kept as notes are set and removed). */
  private readonly ownDiagnostics = new Map<string, Diagnostic[]>();
  /** Sessions whose advice must be computed again, the advice of those that have some, and how many open commitments serve each value. */
  private readonly adviceDirty = new Set<SessionSlot>();
  private readonly adviceBySlot = new Map<SessionSlot, Diagnostic[]>();
  private readonly openValueCount = new Map<string, number>();
  private readonly refDirty = new Set<string>();
  private refAllDirty = true;
  private dupDirty = true;
  private dupCache: Diagnostic[] = [];

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
    this.touch(note.path);
    this.notes.set(note.path, note);
    if (note.diagnostics.length > 0) {
      this.ownDiagnostics.set(note.path, note.diagnostics);
    } else {
      this.ownDiagnostics.delete(note.path);
    }
    this.changed();
  }

  /** Removes a note; returns whether it was there. */
  remove(path: string): boolean {
    if (!this.notes.has(path)) {
      return false;
    }
    this.touch(path);
    this.notes.delete(path);
    this.ownDiagnostics.delete(path);
    this.changed();
    return true;
  }

  /** Removes every note under a folder prefix (e.g. a deleted folder). */
  removeFolder(prefix: string): number {
    const p = prefix.endsWith('/') ? prefix : prefix + '/';
    let n = 0;
    for (const path of [...this.notes.keys()]) {
      if (path.startsWith(p)) {
        this.touch(path);
        this.notes.delete(path);
        this.ownDiagnostics.delete(path);
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
    this.ownDiagnostics.clear();
    this.built = false;
    this.pending.clear();
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

  private touch(path: string): void {
    if (this.built && !this.pending.has(path)) {
      this.pending.set(path, this.notes.get(path));
    }
  }

  private changed(): void {
    this.versionCounter++;
    this.snapshotCache = undefined;
    this.diagnosticsCache = undefined;
  }

  /** The derived journal, rebuilt at most once per version (incrementally when few files changed). */
  snapshot(): JournalSnapshot {
    if (this.snapshotCache) {
      return this.snapshotCache;
    }
    let focusChanged = false;
    const rebuild = !this.built || this.pending.size > INCREMENTAL_LIMIT;
    if (rebuild) {
      this.rebuildState();
      focusChanged = true;
    } else {
      // Copies: the last snapshot keeps its own arrays unchanged (`starts` is ours alone).
      this.flatSessions = this.flatSessions.slice();
      this.flatCommitments = this.flatCommitments.slice();
      for (const [path, before] of this.pending) {
        const after = this.notes.get(path);
        if (before !== after) {
          focusChanged = this.apply(path, before, after) || focusChanged;
        }
      }
    }
    this.pending.clear();
    this.built = true;

    // The big picture and the focus areas (few files): in path order, as the journal lists them.
    let bigPicture: BigPicture | undefined;
    for (const path of [...this.bigPicturePaths].sort()) {
      const note = this.notes.get(path)!;
      // big-picture.md is the big picture; another file of that type only counts when it is missing.
      if (!bigPicture || path === 'big-picture.md') {
        bigPicture = note.bigPicture;
      }
    }
    const focusAreas: FocusArea[] = [...this.focusPaths].sort().map((path) => this.notes.get(path)!.focusArea!);
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
    if (focusChanged) {
      for (const slot of this.slots) {
        this.resetAdvice(slot);
      }
    }

    if (rebuild) {
      this.buildFlat();
    } else {
      this.refreshCommitments();
    }
    const sessions = this.flatSessions;
    const commitments = this.flatCommitments;
    // Views read the sessions and the commitments after every change; the id table and the flat lists
    // of learnings and feedback are built the first time someone reads them (from this snapshot's own
    // sessions and commitments, so they never see a later change).
    const snap = { version: this.versionCounter, bigPicture, values, valueById, focusAreas, focusById, sessions, commitments } as JournalSnapshot;
    lazyField(snap, 'commitmentById', () => {
      const byId = new Map<string, Commitment>();
      for (const c of commitments) {
        if (!byId.has(c.id)) {
          byId.set(c.id, c);
        }
      }
      return byId;
    });
    lazyField(snap, 'learnings', () => sessions.flatMap((s) => s.learnings));
    lazyField(snap, 'feedback', () => sessions.flatMap((s) => s.feedback));
    this.snapshotCache = snap;
    return snap;
  }

  /** The commitments made in a session, with what later check-ins say about them. */
  private commitmentsOf(s: Session): Commitment[] {
    return s.actions.map((a) => {
      // Only check-ins from later sessions (or the same day's later notes) can close a commitment.
      const checkins = (this.checkinsByAction.get(a.id) ?? []).filter((c) => c.session !== s.id);
      const eff = effectiveStatus(a, checkins);
      return { ...a, declaredStatus: a.status, status: eff.status, closed: eff.closed, closedIn: eff.closedIn, checkins };
    });
  }

  /** The flat lists of sessions and commitments, from every slot (after a rebuild). */
  private buildFlat(): void {
    const slots = this.slots;
    let total = 0;
    for (let i = 0; i < slots.length; i++) {
      total += slots[i].session.actions.length;
    }
    const sessions: Session[] = new Array<Session>(slots.length);
    const commitments: Commitment[] = new Array<Commitment>(total);
    const starts: number[] = new Array<number>(slots.length + 1);
    let n = 0;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      sessions[i] = slot.session;
      starts[i] = n;
      const list = (slot.commitments ??= this.commitmentsOf(slot.session));
      for (let k = 0; k < list.length; k++) {
        commitments[n++] = list[k];
      }
    }
    starts[slots.length] = n;
    this.flatSessions = sessions;
    this.flatCommitments = commitments;
    this.starts = starts;
    this.commitmentsDirty.clear();
  }

  /** Derives again the commitments of the sessions that need it, and puts them in their place in the flat list. */
  private refreshCommitments(): void {
    const starts = this.starts;
    for (const slot of this.commitmentsDirty) {
      const i = this.slotIndex(slot);
      const list = (slot.commitments = this.commitmentsOf(slot.session));
      const from = starts[i];
      const old = starts[i + 1] - from;
      const flat = this.flatCommitments;
      if (old === list.length) {
        for (let k = 0; k < old; k++) {
          flat[from + k] = list[k];
        }
      } else {
        // Not splice(from, old, ...list): a note can hold more commitments than a call takes arguments.
        this.flatCommitments = flat.slice(0, from).concat(list, flat.slice(from + old));
        shiftFrom(starts, i + 1, list.length - old);
      }
    }
    this.commitmentsDirty.clear();
  }

  /** Where a slot is in the sorted list. */
  private slotIndex(slot: SessionSlot): number {
    const i = upperBound(this.slots, slot, compareSlots) - 1;
    return this.slots[i] === slot ? i : this.slots.indexOf(slot);
  }

  /** Rebuilds the incremental state from every note. */
  private rebuildState(): void {
    this.slots = [];
    this.slotByPath.clear();
    this.checkinsByAction.clear();
    this.slotsByAction.clear();
    this.bigPicturePaths.clear();
    this.focusPaths.clear();
    this.actionRefs.clear();
    this.nsCount.clear();
    this.dupNs.clear();
    this.refDiagnostics.clear();
    this.refDirty.clear();
    this.refAllDirty = true;
    this.dupDirty = true;
    this.adviceDirty.clear();
    this.adviceBySlot.clear();
    this.openValueCount.clear();
    for (const [path, note] of this.notes) {
      if (note.session) {
        const slot: SessionSlot = { session: note.session, path, stem: stemOf(note.session.loc.file) };
        this.slots.push(slot);
        this.slotByPath.set(path, slot);
        this.addSlotActions(slot);
        this.adviceDirty.add(slot);
      }
      this.index(path, note, 1);
    }
    this.slots.sort(compareSlots);
    for (const slot of this.slots) {
      for (const c of slot.session.checkin) {
        let list = this.checkinsByAction.get(c.action);
        if (!list) {
          list = [];
          this.checkinsByAction.set(c.action, list);
        }
        list.push(c);
      }
    }
  }

  /** Adds (+1) or removes (-1) a note's big picture, focus area, references and id declarations. */
  private index(path: string, note: ParsedNote, sign: 1 | -1): void {
    if (note.bigPicture) {
      if (sign > 0) {
        this.bigPicturePaths.add(path);
      } else {
        this.bigPicturePaths.delete(path);
      }
    }
    if (note.focusArea) {
      if (sign > 0) {
        this.focusPaths.add(path);
      } else {
        this.focusPaths.delete(path);
      }
    }
    for (const ref of note.refs) {
      if (ref.kind === 'action') {
        let set = this.actionRefs.get(ref.id);
        if (sign > 0) {
          if (!set) {
            set = new Set();
            this.actionRefs.set(ref.id, set);
          }
          set.add(path);
        } else if (set) {
          set.delete(path);
          if (set.size === 0) {
            this.actionRefs.delete(ref.id);
          }
        }
      }
    }
    for (const decl of note.ids) {
      const ns = namespaceOf(decl);
      const before = this.nsCount.get(ns) ?? 0;
      const after = before + sign;
      if (after > 0) {
        this.nsCount.set(ns, after);
      } else {
        this.nsCount.delete(ns);
      }
      if (after >= 2) {
        this.dupNs.add(ns);
      } else {
        this.dupNs.delete(ns);
      }
      if (before >= 2 || after >= 2) {
        this.dupDirty = true;
      }
    }
  }

  /** Applies one file's change to the incremental state; returns whether focus areas or values changed. */
  private apply(path: string, before: ParsedNote | undefined, after: ParsedNote | undefined): boolean {
    const touchedIds = new Set<string>();
    if (before) {
      this.index(path, before, -1);
      const slot = this.slotByPath.get(path);
      if (slot) {
        const at = this.slotIndex(slot);
        this.slots.splice(at, 1);
        this.flatSessions.splice(at, 1);
        const from = this.starts[at];
        const count = this.starts[at + 1] - from;
        this.flatCommitments.splice(from, count);
        this.starts.splice(at, 1);
        shiftFrom(this.starts, at, -count);
        this.commitmentsDirty.delete(slot);
        this.slotByPath.delete(path);
        this.removeSlotActions(slot);
        this.resetAdvice(slot);
        this.adviceDirty.delete(slot);
        for (const c of slot.session.checkin) {
          removeFromList(this.checkinsByAction, c.action, c);
          touchedIds.add(c.action);
        }
        for (const a of slot.session.actions) {
          this.markActionRefs(a.id);
        }
      }
    }
    if (after) {
      this.index(path, after, 1);
      if (after.session) {
        const slot: SessionSlot = { session: after.session, path, stem: stemOf(after.session.loc.file) };
        const at = upperBound(this.slots, slot, compareSlots);
        this.slots.splice(at, 0, slot);
        this.flatSessions.splice(at, 0, slot.session);
        this.starts.splice(at, 0, this.starts[at]); // no commitments yet: derived by refreshCommitments()
        this.commitmentsDirty.add(slot);
        this.slotByPath.set(path, slot);
        this.addSlotActions(slot);
        this.adviceDirty.add(slot);
        for (const c of after.session.checkin) {
          let list = this.checkinsByAction.get(c.action);
          if (!list) {
            list = [];
            this.checkinsByAction.set(c.action, list);
          }
          list.splice(upperBound(list, c, (x, y) => compareSlots(checkinKey(x), checkinKey(y))), 0, c);
          touchedIds.add(c.action);
        }
        for (const a of after.session.actions) {
          this.markActionRefs(a.id);
        }
      }
    }
    this.refDirty.add(path);
    // Commitments whose check-ins changed are derived again.
    for (const id of touchedIds) {
      for (const slot of this.slotsByAction.get(id) ?? []) {
        slot.commitments = undefined;
        this.commitmentsDirty.add(slot);
        this.resetAdvice(slot);
      }
    }
    const valuesOrFocus = !!(before?.bigPicture || before?.focusArea || after?.bigPicture || after?.focusArea);
    if (valuesOrFocus) {
      this.refAllDirty = true;
    }
    return valuesOrFocus;
  }

  /** Forgets a session's advice (and the values its open commitments served) until diagnostics() computes it again. */
  private resetAdvice(slot: SessionSlot): void {
    for (const v of slot.openValues ?? []) {
      const n = (this.openValueCount.get(v) ?? 0) - 1;
      if (n > 0) {
        this.openValueCount.set(v, n);
      } else {
        this.openValueCount.delete(v);
      }
    }
    slot.advice = undefined;
    slot.openValues = undefined;
    this.adviceBySlot.delete(slot);
    this.adviceDirty.add(slot);
  }

  private addSlotActions(slot: SessionSlot): void {
    for (const a of slot.session.actions) {
      const list = this.slotsByAction.get(a.id);
      if (!list) {
        this.slotsByAction.set(a.id, [slot]);
      } else if (!list.includes(slot)) {
        list.push(slot);
      }
    }
  }

  private removeSlotActions(slot: SessionSlot): void {
    for (const a of slot.session.actions) {
      removeFromList(this.slotsByAction, a.id, slot);
    }
  }

  /** Files referring to this commitment id must be checked again (it may have appeared or gone). */
  private markActionRefs(id: string): void {
    const set = this.actionRefs.get(id);
    if (set) {
      for (const p of set) {
        this.refDirty.add(p);
      }
    }
  }

  /** Every diagnostic: each note's own, then those that need the whole journal. Sorted by file and line. */
  diagnostics(): Diagnostic[] {
    if (this.diagnosticsCache) {
      return this.diagnosticsCache;
    }
    const snap = this.snapshot();
    const out: Diagnostic[] = [];
    const extraBigPictures: Diagnostic[] = [];
    for (const path of this.bigPicturePaths) {
      const note = this.notes.get(path);
      if (note?.bigPicture && note.bigPicture !== snap.bigPicture) {
        extraBigPictures.push(diagnostic(note.path, { line: 0, character: 0, endLine: 0, endCharacter: 3 }, 'warning', 'extra-big-picture',
          'Only one big picture counts (big-picture.md); this one is ignored. Merge it into big-picture.md.'));
      }
    }
    // Unknown references: checked again only in the files that changed or refer to what changed.
    const recheck = (path: string): void => {
      const note = this.notes.get(path);
      const refs = note && note.refs.length > 0 ? unknownReferences(note, snap, this.slotsByAction) : [];
      if (refs.length > 0) {
        this.refDiagnostics.set(path, refs);
      } else {
        this.refDiagnostics.delete(path);
      }
    };
    if (this.refAllDirty) {
      this.refDiagnostics.clear();
      for (const path of this.notes.keys()) {
        recheck(path);
      }
    } else {
      for (const path of this.refDirty) {
        recheck(path);
      }
    }
    this.refAllDirty = false;
    this.refDirty.clear();
    for (const diags of this.ownDiagnostics.values()) {
      for (const d of diags) {
        out.push(d);
      }
    }
    const unknownRefs: Diagnostic[] = [];
    for (const diags of this.refDiagnostics.values()) {
      for (const d of diags) {
        unknownRefs.push(d);
      }
    }
    if (this.dupDirty) {
      this.dupCache = this.dupNs.size > 0 ? duplicateIds(this.notes.values(), this.dupNs) : [];
      this.dupDirty = false;
    }
    // Advice about commitments: computed again only for the sessions whose commitments changed.
    for (const slot of this.adviceDirty) {
      const a = commitmentAdvice(slot.commitments ?? [], snap);
      slot.advice = a.advice;
      slot.openValues = a.openValues;
      if (a.advice.length > 0) {
        this.adviceBySlot.set(slot, a.advice);
      }
      for (const v of a.openValues) {
        this.openValueCount.set(v, (this.openValueCount.get(v) ?? 0) + 1);
      }
    }
    this.adviceDirty.clear();
    const advice: Diagnostic[] = [];
    for (const diags of this.adviceBySlot.values()) {
      for (const d of diags) {
        advice.push(d);
      }
    }
    const valueUsed = new Set<string>(this.openValueCount.keys());
    for (const f of snap.focusAreas) {
      if (f.status === 'active') {
        f.values.forEach((v) => valueUsed.add(v));
      }
    }
    const unused: Diagnostic[] = [];
    for (const v of snap.values) {
      if (!valueUsed.has(v.id)) {
        unused.push(diagnostic(v.loc.file, { line: v.loc.line, character: v.loc.character, endLine: v.loc.line, endCharacter: v.loc.character + 4 + v.id.length }, 'info', 'value-without-action',
          `The value "${v.name}" has no active focus area and no open commitment.`, v.id));
      }
    }
    for (const group of [extraBigPictures, this.dupCache, unknownRefs, advice, unused]) {
      for (const d of group) {
        out.push(d);
      }
    }
    out.sort(compareDiagnostics);
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

/** Adds `delta` to every entry of `list` from index `from` on. */
function shiftFrom(list: number[], from: number, delta: number): void {
  if (delta !== 0) {
    for (let k = from; k < list.length; k++) {
      list[k] += delta;
    }
  }
}

/** Removes `item` from the list kept under `key`, and the key when its list is empty. */
function removeFromList<K, T>(lists: Map<K, T[]>, key: K, item: T): void {
  const list = lists.get(key);
  const k = list ? list.indexOf(item) : -1;
  if (list && k >= 0) {
    list.splice(k, 1);
    if (list.length === 0) {
      lists.delete(key);
    }
  }
}

/**
 * Defines `key` on `obj` as computed on first read, then kept (an ordinary enumerable property from then
 * on, so spreading or comparing a snapshot sees it like any other field).
 */
function lazyField<T extends object, K extends keyof T>(obj: T, key: K, compute: () => T[K]): void {
  Object.defineProperty(obj, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = compute();
      Object.defineProperty(obj, key, { value, enumerable: true, writable: false, configurable: false });
      return value;
    },
  });
}

/** By file, line and column; then by code and message, so that the order never depends on the order of changes. */
function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) {
    return a.file < b.file ? -1 : 1;
  }
  return a.line - b.line || a.character - b.character
    || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
    || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

function where(d: { loc: { line: number } }, file: string): string {
  return `${file}:${d.loc.line + 1}`;
}

type RangeLike = { line: number; character: number; endLine: number; endCharacter: number };

function diagnostic(file: string, r: RangeLike, severity: Diagnostic['severity'], code: string, message: string, subject?: string): Diagnostic {
  return { file, line: r.line, character: r.character, endLine: r.endLine, endCharacter: r.endCharacter, severity, code, message, subject };
}

/** Values and focus areas each have their own id namespace; sessions, commitments, learnings and feedback share one. */
function namespaceOf(decl: ParsedNote['ids'][number]): string {
  return decl.kind === 'value' || decl.kind === 'focus-area' ? `${decl.kind}:${decl.id}` : `item:${decl.id}`;
}

/** Duplicate ids, for the namespaces known to have two or more declarations, in the order the notes declare them. */
function duplicateIds(notes: Iterable<ParsedNote>, dupNs: ReadonlySet<string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const namespaces = new Map<string, { file: string; decl: ParsedNote['ids'][number] }[]>();
  for (const note of notes) {
    for (const decl of note.ids) {
      const ns = namespaceOf(decl);
      if (!dupNs.has(ns)) {
        continue;
      }
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
      out.push(diagnostic(file, decl.loc, 'error', 'duplicate-id', `Duplicate id "${decl.id}": also at ${others.join(', ')}. Ids must be unique; give one of them a new id.`, decl.id));
    }
  }
  return out;
}

/** A note's references to ids that do not exist. */
function unknownReferences(note: ParsedNote, snap: JournalSnapshot, commitmentIds: ReadonlyMap<string, unknown>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const ref of note.refs) {
    const known = ref.kind === 'value' ? snap.valueById.has(ref.id) : ref.kind === 'focus-area' ? snap.focusById.has(ref.id) : commitmentIds.has(ref.id);
    if (!known) {
      const what = ref.kind === 'value' ? 'value' : ref.kind === 'focus-area' ? 'focus area' : 'commitment';
      const fix = ref.kind === 'value' ? 'add it to the values in big-picture.md, or fix the id'
        : ref.kind === 'focus-area' && !unsafePathReason(`focus-areas/${ref.id}.md`) ? 'create focus-areas/' + ref.id + '.md, or fix the id'
          : 'fix the id';
      out.push(diagnostic(note.path, ref.loc, 'error', `unknown-${ref.kind}`, `${ref.from} refers to the ${what} "${ref.id}", which does not exist: ${fix}.`, ref.id));
    }
  }
  return out;
}

/** Advice about commitments: every open one should serve a value; a check-in should agree with the status written. */
function commitmentAdvice(commitments: Commitment[], snap: JournalSnapshot): { advice: Diagnostic[]; openValues: string[] } {
  const advice: Diagnostic[] = [];
  const openValues: string[] = [];
  for (const c of commitments) {
    const values = effectiveValues(c, snap);
    if (c.status === 'open') {
      values.forEach((v) => openValues.push(v));
      if (values.length === 0) {
        advice.push(diagnostic(c.loc.file, { line: c.loc.line, character: c.loc.character, endLine: c.loc.line, endCharacter: c.loc.character + 2 + c.id.length }, 'warning', 'unlinked-commitment',
          `Commitment ${c.id} is linked to no value: add \`values\` (or a focus area that has values) so it serves the big picture.`, c.id));
      }
    }
    if (c.declaredStatus !== 'open') {
      const conflicting = c.checkins.find((k) => k.outcome && k.outcome !== c.declaredStatus);
      if (conflicting) {
        advice.push(diagnostic(conflicting.loc.file, { line: conflicting.loc.line, character: conflicting.loc.character, endLine: conflicting.loc.line, endCharacter: conflicting.loc.character + 8 }, 'warning', 'outcome-mismatch',
          `This check-in says ${conflicting.outcome} but commitment ${c.id} says ${c.declaredStatus} (${where(c, c.loc.file)}): make them agree.`, c.id));
      }
    }
  }
  return { advice, openValues };
}

/** The values a commitment serves: its own, or else its focus area's. */
export function effectiveValues(c: Action, snap: Pick<JournalSnapshot, 'focusById'>): string[] {
  if (c.values.length > 0) {
    return c.values;
  }
  return (c.focus && snap.focusById.get(c.focus)?.values) || [];
}
