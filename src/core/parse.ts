/**
 * Reads one note into the journal model: frontmatter split, YAML read (fast path), then each field
 * checked against the file contract of SPEC §2. Never throws; every problem becomes a Diagnostic with
 * file, line and character, and the rest of the note is still read as well as it can be.
 */
import { splitFrontmatter } from './frontmatter';
import { LineIndex } from './text';
import { readYaml, pairsOf, itemsOf, type YNode } from './yamlRead';
import { isValidDate } from './dates';
import {
  ACTION_STATUSES, FEEDBACK_KINDS, FEEDBACK_SOURCES, FOCUS_STATUSES, LENSES, NOTE_TYPES, OUTCOMES,
  type Action, type ActionLearning, type BigPicture, type CheckinEntry, type Diagnostic, type Feedback,
  type FocusArea, type Learning, type Location, type NoteType, type Session, type Severity, type Value,
} from './types';

/** An id declared by a note (for duplicate detection). */
export interface IdDeclaration {
  id: string;
  kind: 'value' | 'focus-area' | 'session' | 'action' | 'learning' | 'feedback';
  loc: Range;
}

/** A reference from a note to an id declared elsewhere (checked across the journal). */
export interface IdReference {
  id: string;
  kind: 'value' | 'focus-area' | 'action';
  /** What refers, for the message: "Action a-… ", "Focus area …". */
  from: string;
  loc: Range;
}

export interface Range {
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

/** Everything the journal knows about one file. */
export interface ParsedNote {
  /** Path relative to the journal folder, `/`-separated. */
  path: string;
  type: NoteType | undefined;
  /** False when the frontmatter cannot be read: such a file is reported and never edited. */
  parseable: boolean;
  bigPicture?: BigPicture;
  focusArea?: FocusArea;
  session?: Session;
  diagnostics: Diagnostic[];
  ids: IdDeclaration[];
  refs: IdReference[];
}

const COACHING_FOLDERS = ['sessions/', 'focus-areas/'];

function expectsCoachingNote(path: string): boolean {
  return path === 'big-picture.md' || COACHING_FOLDERS.some((f) => path.startsWith(f));
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function list(values: readonly string[]): string {
  return values.join(', ');
}

/**
 * A value as a message shows it, in bounded time and length. Never JSON.stringify a value read from a
 * note: YAML aliases share nodes, so a small file can stand for a billion-item tree ("billion laughs").
 */
export function describeValue(v: unknown): string {
  if (typeof v === 'string') {
    return JSON.stringify(v.length > 60 ? v.slice(0, 57) + '...' : v);
  }
  if (Array.isArray(v)) {
    return 'a list';
  }
  if (typeof v === 'object' && v !== null) {
    return 'a mapping';
  }
  return String(v);
}

/** Collects diagnostics and turns YAML offsets into file positions. */
class NoteContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly ids: IdDeclaration[] = [];
  readonly refs: IdReference[] = [];
  private lines: LineIndex | undefined;

  constructor(
    readonly path: string,
    private readonly yaml: string,
    /** 0-based line of the YAML text's first line in the file. */
    private readonly lineOffset: number,
  ) {}

  range(node: YNode | undefined): Range {
    if (!node) {
      return { line: this.lineOffset, character: 0, endLine: this.lineOffset, endCharacter: 0 };
    }
    this.lines ??= new LineIndex(this.yaml);
    let start = node.start;
    // Collections open before the white space that leads to their first item: start at the item.
    while (start < node.end && /\s/.test(this.yaml[start])) {
      start++;
    }
    const s = this.lines.positionAt(start);
    const e = this.lines.positionAt(Math.max(start, node.end));
    return { line: s.line + this.lineOffset, character: s.character, endLine: e.line + this.lineOffset, endCharacter: e.character };
  }

  loc(node: YNode | undefined): Location {
    const r = this.range(node);
    return { file: this.path, line: r.line, character: r.character };
  }

  report(severity: Severity, code: string, message: string, at: Range, subject?: string): void {
    this.diagnostics.push({ file: this.path, line: at.line, character: at.character, endLine: at.endLine, endCharacter: at.endCharacter, severity, code, message, subject });
  }
}

/** A mapping being read: its value, its node (for positions) and a label for messages. */
class MapReader {
  private readonly pairs;

  constructor(
    private readonly ctx: NoteContext,
    readonly obj: Obj,
    readonly node: YNode | undefined,
    readonly label: string,
  ) {
    this.pairs = pairsOf(node);
  }

  has(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.obj, key) && this.obj[key] !== null && this.obj[key] !== undefined;
  }

  /** Where the value of `key` stands (falls back to the key, then to the mapping). */
  at(key: string): Range {
    const pair = this.pairs?.get(key);
    return this.ctx.range(pair?.value ?? pair?.key ?? this.node);
  }

  atKey(key: string): Range {
    const pair = this.pairs?.get(key);
    return this.ctx.range(pair?.key ?? this.node);
  }

  valueNode(key: string): YNode | undefined {
    return this.pairs?.get(key)?.value;
  }

  missing(key: string, hint: string): void {
    this.ctx.report('error', 'missing-field', `${this.label} has no \`${key}\`: ${hint}`, this.ctx.range(this.node));
  }

  /** A text field. Numbers and booleans are read as their text; anything else is reported. */
  text(key: string, required?: string): string | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null || v === '') {
      if (required) {
        this.missing(key, required);
      }
      return undefined;
    }
    if (typeof v === 'string') {
      return v;
    }
    if (typeof v === 'number' || typeof v === 'boolean') {
      return String(v);
    }
    this.ctx.report('error', 'wrong-type', `${this.label}: \`${key}\` must be text, not a ${Array.isArray(v) ? 'list' : 'mapping'}`, this.at(key));
    return undefined;
  }

  /** An id field (a value the journal links by). */
  id(key: string, required?: string): string | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null || v === '') {
      if (required) {
        this.missing(key, required);
      }
      return undefined;
    }
    if (typeof v === 'number') {
      this.ctx.report('warning', 'id-not-text', `${this.label}: the id ${v} is a number; quote it ("${v}") so it stays text`, this.at(key));
      return String(v);
    }
    if (typeof v !== 'string') {
      this.ctx.report('error', 'wrong-type', `${this.label}: \`${key}\` must be an id (text), not a ${Array.isArray(v) ? 'list' : typeof v === 'object' ? 'mapping' : typeof v}`, this.at(key));
      return undefined;
    }
    if (!/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(v)) {
      this.ctx.report('warning', 'odd-id', `${this.label}: the id ${describeValue(v)} has characters other than letters, digits, "-", "_" and "."; links to it may break`, this.at(key));
    }
    return v;
  }

  /** A list of ids; a single id is accepted as a list of one, with an error that says how to write it. */
  idList(key: string): string[] {
    const v = this.obj[key];
    if (v === undefined || v === null) {
      return [];
    }
    if (typeof v === 'string' || typeof v === 'number') {
      this.ctx.report('error', 'wrong-type', `${this.label}: \`${key}\` must be a list, like [${typeof v === 'string' ? describeValue(v).slice(1, -1) : v}]`, this.at(key));
      return [String(v)];
    }
    if (!Array.isArray(v)) {
      this.ctx.report('error', 'wrong-type', `${this.label}: \`${key}\` must be a list of ids, like [impact, craft]`, this.at(key));
      return [];
    }
    const out: string[] = [];
    for (const item of v) {
      if (typeof item === 'string' && item !== '') {
        out.push(item);
      } else if (typeof item === 'number') {
        out.push(String(item));
      } else {
        this.ctx.report('error', 'wrong-type', `${this.label}: every entry of \`${key}\` must be an id (text)`, this.at(key));
        break;
      }
    }
    return out;
  }

  /** A list of free-text lines. */
  textList(key: string): string[] {
    const v = this.obj[key];
    if (v === undefined || v === null) {
      return [];
    }
    if (typeof v === 'string') {
      return [v];
    }
    if (!Array.isArray(v)) {
      this.ctx.report('error', 'wrong-type', `${this.label}: \`${key}\` must be a list of text lines`, this.at(key));
      return [];
    }
    const lines = v.filter((x) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean').map(String);
    if (v.some((x) => typeof x === 'object' && x !== null)) {
      this.ctx.report('error', 'wrong-type', `${this.label}: every entry of \`${key}\` must be a line of text (a list or mapping was left out)`, this.at(key));
    }
    return lines;
  }

  date(key: string, required?: string): string | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null || v === '') {
      if (required) {
        this.missing(key, required);
      }
      return undefined;
    }
    if (!isValidDate(v)) {
      this.ctx.report('error', 'invalid-date', `${this.label}: \`${key}\` is ${describeValue(v)}, which is not a calendar date; write it as a quoted "YYYY-MM-DD", like "2026-12-01"`, this.at(key));
      return undefined;
    }
    return v;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[], required?: string): T | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null || v === '') {
      if (required) {
        this.missing(key, required);
      }
      return undefined;
    }
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      this.ctx.report('error', 'invalid-value', `${this.label}: \`${key}\` is ${describeValue(v)}; use one of ${list(allowed)}`, this.at(key));
      return undefined;
    }
    return v as T;
  }

  bool(key: string): boolean {
    const v = this.obj[key];
    if (v === undefined || v === null) {
      return false;
    }
    if (typeof v !== 'boolean') {
      this.ctx.report('error', 'wrong-type', `${this.label}: \`${key}\` must be true or false`, this.at(key));
      return false;
    }
    return v;
  }

  /** The mappings of a list field, each with its node; other entries are reported and skipped. */
  mappings(key: string, itemLabel: (i: number) => string): MapReader[] {
    const v = this.obj[key];
    if (v === undefined || v === null) {
      return [];
    }
    if (!Array.isArray(v)) {
      this.ctx.report('error', 'wrong-type', `${this.label}: \`${key}\` must be a list (each entry starting with "- ")`, this.at(key));
      return [];
    }
    const listNode = this.valueNode(key);
    const nodes = itemsOf(listNode);
    const out: MapReader[] = [];
    v.forEach((item, i) => {
      const node = nodes?.[i] ?? listNode;
      if (!isObj(item)) {
        this.ctx.report('error', 'wrong-type', `${itemLabel(i)} in \`${key}\` must be a mapping of fields (like "id: …"), not ${item === null ? 'empty' : Array.isArray(item) ? 'a list' : 'plain text'}`, this.ctx.range(node));
        return;
      }
      out.push(new MapReader(this.ctx, item, node, itemLabel(i)));
    });
    return out;
  }

  nested(key: string): MapReader | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) {
      return undefined;
    }
    if (!isObj(v)) {
      this.ctx.report('error', 'wrong-type', `${this.label}: \`${key}\` must be a mapping (like { current: 2, target: 3 })`, this.at(key));
      return undefined;
    }
    return new MapReader(this.ctx, v, this.valueNode(key), this.label);
  }

  declare(kind: IdDeclaration['kind'], id: string | undefined, key = 'id'): void {
    if (id !== undefined) {
      this.ctx.ids.push({ id, kind, loc: this.at(key) });
    }
  }

  refer(kind: IdReference['kind'], ids: string | string[] | undefined, key: string): void {
    if (ids === undefined) {
      return;
    }
    for (const id of Array.isArray(ids) ? ids : [ids]) {
      this.ctx.refs.push({ id, kind, from: this.label, loc: this.at(key) });
    }
  }
}

/**
 * Parses one note. `path` is relative to the journal folder; `text` has no BOM.
 */
export function parseNote(path: string, text: string): ParsedNote {
  const note: ParsedNote = { path, type: undefined, parseable: true, diagnostics: [], ids: [], refs: [] };
  const split = splitFrontmatter(text);
  if (split.kind === 'none') {
    if (expectsCoachingNote(path)) {
      note.diagnostics.push(fileLevel(path, 'warning', 'no-frontmatter', 'This note has no frontmatter, so the journal ignores it. Start the file with a "---" line, the fields, and a closing "---" line.'));
    }
    return note;
  }
  if (split.kind === 'unclosed') {
    note.parseable = false;
    note.diagnostics.push(fileLevel(path, 'error', 'unclosed-frontmatter', 'The frontmatter is never closed: add a line with only "---" after the last field. The file is left untouched until then.'));
    return note;
  }
  const yamlText = text.slice(split.yamlStart, split.yamlEnd);
  const read = readYaml(yamlText);
  const ctx = new NoteContext(path, yamlText, 1);
  if (!read.ok) {
    note.parseable = false;
    const line = read.error.line + 1;
    note.diagnostics.push({
      file: path, line, character: read.error.column, endLine: line, endCharacter: read.error.column + 1,
      severity: 'error', code: 'yaml-syntax',
      message: `The frontmatter is not valid YAML: ${read.error.message}. The file is left untouched until it is fixed.`,
    });
    return note;
  }
  if (read.value === undefined || read.value === null) {
    if (expectsCoachingNote(path)) {
      note.diagnostics.push(fileLevel(path, 'error', 'missing-field', 'The frontmatter is empty: a coaching note needs at least a `type`.'));
    }
    return note;
  }
  if (!isObj(read.value)) {
    note.diagnostics.push(fileLevel(path, 'error', 'wrong-type', 'The frontmatter must be a mapping of fields ("key: value" lines), not a list or a single value.'));
    return note;
  }
  const root = new MapReader(ctx, read.value, read.root, 'This note');
  const type = read.value.type;
  if (type === undefined || type === null) {
    if (expectsCoachingNote(path)) {
      ctx.report('error', 'missing-field', `This note has no \`type\`; add one of ${list(NOTE_TYPES)}.`, ctx.range(read.root));
    }
  } else if (typeof type !== 'string' || !(NOTE_TYPES as readonly string[]).includes(type)) {
    if (expectsCoachingNote(path) || (typeof type === 'string' && type.startsWith('coaching-'))) {
      ctx.report('error', 'unknown-type', `${typeof type === 'string' ? `Unknown type ${describeValue(type)}` : `The type is ${describeValue(type)}, not text`}: use one of ${list(NOTE_TYPES)}.`, root.at('type'));
    }
  } else {
    note.type = type as NoteType;
    if (type === 'coaching-big-picture') {
      note.bigPicture = readBigPicture(ctx, root);
    } else if (type === 'coaching-focus-area') {
      note.focusArea = readFocusArea(ctx, root);
    } else {
      note.session = readSession(ctx, root);
    }
  }
  note.diagnostics.push(...ctx.diagnostics);
  note.ids = ctx.ids;
  note.refs = ctx.refs;
  return note;
}

function fileLevel(file: string, severity: Severity, code: string, message: string): Diagnostic {
  return { file, line: 0, character: 0, endLine: 0, endCharacter: 3, severity, code, message };
}

function readBigPicture(ctx: NoteContext, root: MapReader): BigPicture {
  const values: Value[] = [];
  for (const v of root.mappings('values', (i) => `Value ${i + 1}`)) {
    const id = v.id('id', 'give the value a short id, like "impact"');
    const name = v.text('name', 'give the value a name, like "Impact on people"');
    v.declare('value', id);
    if (id !== undefined) {
      values.push({ id, name: name ?? id, why: v.text('why'), loc: ctx.loc(v.node) });
    }
  }
  return { goal: root.text('goal'), vision: root.text('vision'), values, loc: ctx.loc(root.node) };
}

function readFocusArea(ctx: NoteContext, note: MapReader): FocusArea | undefined {
  const id = note.id('id', 'give the focus area a short id, like "strategic-work"');
  const label = `Focus area ${id ?? ''}`.trim();
  const root = new MapReader(ctx, note.obj, note.node, label);
  const title = root.text('title', 'give it a title, like "Show strategic thinking"');
  root.declare('focus-area', id);
  const values = root.idList('values');
  root.refer('value', values, 'values');
  const status = root.oneOf('status', FOCUS_STATUSES) ?? 'active';
  const success = root.text('success');
  const measure = root.text('measure');
  if (success === undefined) {
    ctx.report('info', 'no-success', `${label} does not say what success looks like: add \`success\`.`, ctx.range(root.node));
  }
  const gapReader = root.nested('gap');
  const gap = gapReader
    ? { current: scalarOrText(gapReader.obj.current), target: scalarOrText(gapReader.obj.target), next_level: gapReader.text('next_level') }
    : undefined;
  if (id === undefined) {
    return undefined;
  }
  return { id, title: title ?? id, values, status, success, measure, gap, role_models: root.textList('role_models'), loc: ctx.loc(root.node) };
}

function scalarOrText(v: unknown): number | string | undefined {
  return typeof v === 'number' || typeof v === 'string' ? v : undefined;
}

function readLearnings(ctx: NoteContext, owner: MapReader): ActionLearning[] {
  const out: ActionLearning[] = [];
  for (const l of owner.mappings('learnings', (i) => `${owner.label}, learning ${i + 1},`)) {
    const text = l.text('text', 'write what was learned');
    const lens = l.oneOf('lens', LENSES);
    if (text !== undefined) {
      out.push({ lens, text, loc: ctx.loc(l.node) });
    }
  }
  return out;
}

function readSession(ctx: NoteContext, note: MapReader): Session {
  const id = note.id('id', 'give the session an id, like "s-2026-11-24"');
  const root = new MapReader(ctx, note.obj, note.node, id ? `Session ${id}` : 'This session');
  root.declare('session', id);
  const date = root.date('date', 'add the session date, like date: "2026-11-24"');
  const focus = root.idList('focus');
  root.refer('focus-area', focus, 'focus');
  const goals = root.textList('goals');
  const sessionId = id ?? ctx.path;
  const sessionDate = date ?? '';

  const checkin: CheckinEntry[] = [];
  for (const c of root.mappings('checkin', (i) => `Check-in ${i + 1}`)) {
    const action = c.id('action', 'name the commitment checked in on, like action: a-20261117-7q2m');
    c.refer('action', action, 'action');
    const outcome = c.oneOf('outcome', OUTCOMES);
    if (c.obj.outcome === undefined || c.obj.outcome === null || c.obj.outcome === '') {
      if (action !== undefined) {
        ctx.report('info', 'no-outcome', `Check-in on ${action} has no outcome yet: write done, partly, not-done or let-go.`, c.atKey('outcome'));
      }
    }
    const learnings = readLearnings(ctx, c);
    if (action !== undefined) {
      checkin.push({ action, outcome, learnings, session: sessionId, date: sessionDate, loc: ctx.loc(c.node) });
    }
  }

  const actions: Action[] = [];
  for (const a of root.mappings('actions', (i) => `Commitment ${i + 1}`)) {
    const aid = a.id('id', 'give it an id, like a-20261124-p0zd');
    const label = aid ? `Commitment ${aid}` : 'A commitment';
    const named = new MapReader(ctx, a.obj, a.node, label);
    const text = named.text('text', 'write the one small action committed to');
    named.declare('action', aid);
    const focusId = named.id('focus');
    named.refer('focus-area', focusId, 'focus');
    const values = named.idList('values');
    named.refer('value', values, 'values');
    const status = named.oneOf('status', ACTION_STATUSES, 'write status: open (or done, partly, not-done, let-go)');
    const carried = named.id('carried_from');
    named.refer('action', carried, 'carried_from');
    const action: Action = {
      id: aid ?? '',
      text: text ?? '',
      focus: focusId,
      values,
      success: named.text('success'),
      due: named.date('due'),
      status: status ?? 'open',
      closed: named.date('closed'),
      carried_from: carried,
      learnings: readLearnings(ctx, named),
      session: sessionId,
      made: sessionDate,
      loc: ctx.loc(a.node),
    };
    if (aid !== undefined) {
      actions.push(action);
    }
  }

  const learnings: Learning[] = [];
  for (const l of root.mappings('learnings', (i) => `Learning ${i + 1}`)) {
    const lid = l.id('id', 'give it an id, like l-20261124-9fqa');
    l.declare('learning', lid);
    const text = l.text('text', 'write what was learned');
    const focusId = l.id('focus');
    l.refer('focus-area', focusId, 'focus');
    const evidence = l.bool('evidence');
    if (lid !== undefined && text !== undefined) {
      learnings.push({ id: lid, text, focus: focusId, evidence, session: sessionId, date: sessionDate, loc: ctx.loc(l.node) });
    }
  }

  const feedback: Feedback[] = [];
  for (const f of root.mappings('feedback', (i) => `Feedback ${i + 1}`)) {
    const fid = f.id('id', 'give it an id, like fb-20261124-3c1x');
    f.declare('feedback', fid);
    const text = f.text('text', 'write what was said');
    const from = f.oneOf('from', FEEDBACK_SOURCES);
    const kind = f.oneOf('kind', FEEDBACK_KINDS);
    const focusId = f.id('focus');
    f.refer('focus-area', focusId, 'focus');
    if (fid !== undefined && text !== undefined) {
      feedback.push({ id: fid, from, kind, focus: focusId, text, session: sessionId, date: sessionDate, loc: ctx.loc(f.node) });
    }
  }

  // A session with a missing id or date is still read, so that its commitments keep working; stats skip
  // sessions without a valid date.
  return { id: sessionId, date: sessionDate, goals, focus, checkin, actions, learnings, feedback, loc: ctx.loc(root.node) };
}
