/**
 * Help while writing a note's frontmatter: which field the cursor is in (read from the lines, so that it
 * works while the YAML is half-typed), which ids or words fit there, and what an id names (for hovers,
 * completion details and tooltips). Pure data: the editor providers in src/views turn it into VS Code
 * items.
 */
import { splitFrontmatter } from './frontmatter';
import { effectiveValues, type Commitment, type JournalSnapshot } from './journal';
import { dueLabel, isOverdue, listCommitments } from './status';
import { gapLabel } from './questions';
import {
  ACTION_STATUSES, FEEDBACK_KINDS, FEEDBACK_SOURCES, FOCUS_STATUSES, LENSES, NOTE_TYPES, OUTCOMES,
} from './types';

/** What an id names. */
export type IdKind = 'value' | 'focus-area' | 'action' | 'session' | 'learning' | 'feedback';

/** What a frontmatter field holds. */
export type FieldRole =
  /** A reference to ids declared elsewhere (a list, or a single id). */
  | { kind: 'reference'; target: 'value' | 'focus-area' | 'action'; list: boolean }
  /** The id a record declares (`id:`). */
  | { kind: 'declaration'; target: IdKind }
  /** One of a few words (a status, a lens…). */
  | { kind: 'word'; words: readonly string[] };

/** The field at a position of a note, and the piece of text (token) there. */
export interface FieldContext {
  /** Keys from the frontmatter's root to the field, e.g. `['actions', 'focus']`. */
  path: string[];
  role: FieldRole;
  /** How the value is written where the cursor is. */
  style: 'flow' | 'block' | 'scalar';
  /** Offsets (in the note's text) of the token: what a completion replaces, what a hover names. */
  start: number;
  end: number;
  /** The token's text (inside its quotes when quoted). */
  token: string;
  /** The quote around the token, if any. */
  quote?: '"' | "'";
  /** The character just before the token on its line ('' at the start of the line). */
  before: string;
  /** The other ids of the same list (a completion does not offer them again). */
  siblings: string[];
}

type NoteKind = 'session' | 'focus-area' | 'big-picture';

const ROLES: Record<NoteKind, Record<string, FieldRole>> = {
  session: {
    id: { kind: 'declaration', target: 'session' },
    focus: { kind: 'reference', target: 'focus-area', list: true },
    'checkin.action': { kind: 'reference', target: 'action', list: false },
    'checkin.outcome': { kind: 'word', words: OUTCOMES },
    'checkin.learnings.lens': { kind: 'word', words: LENSES },
    'actions.id': { kind: 'declaration', target: 'action' },
    'actions.focus': { kind: 'reference', target: 'focus-area', list: false },
    'actions.values': { kind: 'reference', target: 'value', list: true },
    'actions.status': { kind: 'word', words: ACTION_STATUSES },
    'actions.carried_from': { kind: 'reference', target: 'action', list: false },
    'actions.learnings.lens': { kind: 'word', words: LENSES },
    'learnings.id': { kind: 'declaration', target: 'learning' },
    'learnings.focus': { kind: 'reference', target: 'focus-area', list: false },
    'learnings.evidence': { kind: 'word', words: ['true', 'false'] },
    'feedback.id': { kind: 'declaration', target: 'feedback' },
    'feedback.focus': { kind: 'reference', target: 'focus-area', list: false },
    'feedback.from': { kind: 'word', words: FEEDBACK_SOURCES },
    'feedback.kind': { kind: 'word', words: FEEDBACK_KINDS },
  },
  'focus-area': {
    id: { kind: 'declaration', target: 'focus-area' },
    values: { kind: 'reference', target: 'value', list: true },
    status: { kind: 'word', words: FOCUS_STATUSES },
  },
  'big-picture': {
    'values.id': { kind: 'declaration', target: 'value' },
  },
};

const TYPE_ROLE: FieldRole = { kind: 'word', words: NOTE_TYPES };

/** One line of the frontmatter, as far as this module needs it. */
interface LineInfo {
  /** Column of the first key on the line (after any `- `), or -1 when the line holds no key. */
  keyCol: number;
  key?: string;
  /** Column of the first `-` of a sequence entry, or -1. */
  dashCol: number;
  /** True when the key's value is empty on this line (`key:` or `key:  # comment`): a block opens. */
  opener: boolean;
  /** Where the text after `key:` starts (offset in the line), when there is a key. */
  valueAt: number;
  blank: boolean;
}

const KEY_RE = /^([^\s:#'"\-[\]{},][^:#]*?|-[^\s:#][^:#]*?)\s*:(?=\s|$)/;

function lineInfo(line: string): LineInfo {
  const indent = line.length - line.trimStart().length;
  const rest = line.slice(indent);
  if (rest === '' || rest.startsWith('#')) {
    return { keyCol: -1, dashCol: -1, opener: false, valueAt: -1, blank: true };
  }
  let col = indent;
  let dashCol = -1;
  while (line[col] === '-' && (line[col + 1] === ' ' || line[col + 1] === '\t' || col + 1 === line.length)) {
    if (dashCol < 0) {
      dashCol = col;
    }
    col++;
    while (line[col] === ' ' || line[col] === '\t') {
      col++;
    }
  }
  const m = KEY_RE.exec(line.slice(col));
  if (!m) {
    return { keyCol: -1, dashCol, opener: false, valueAt: -1, blank: false };
  }
  const valueAt = col + m[0].length;
  const after = line.slice(valueAt).trim();
  return { keyCol: col, key: m[1].trim(), dashCol, opener: after === '' || after.startsWith('#'), valueAt, blank: false };
}

/** The keys of the blocks that hold a key at `col` on line `lineNo`, outermost first; undefined when the lines do not nest. */
function parentKeys(lines: string[], lineNo: number, col: number): string[] | undefined {
  const out: string[] = [];
  for (let i = lineNo - 1; i >= 0 && col > 0; i--) {
    const info = lineInfo(lines[i]);
    if (info.blank || info.keyCol < 0 || info.keyCol >= col) {
      continue;
    }
    if (!info.opener) {
      return undefined;
    }
    out.unshift(info.key!);
    col = info.keyCol;
  }
  return out;
}

/** The key whose block list holds the entry with its dash at `dashCol` on `lineNo`, with its line. */
function listOwner(lines: string[], lineNo: number, dashCol: number): { key: string; line: number; col: number } | undefined {
  for (let i = lineNo - 1; i >= 0; i--) {
    const info = lineInfo(lines[i]);
    if (info.blank || (info.keyCol < 0 && info.dashCol === dashCol)) {
      continue; // a sibling entry
    }
    if (info.keyCol >= 0 && info.keyCol <= dashCol) {
      return info.opener ? { key: info.key!, line: i, col: info.keyCol } : undefined;
    }
    if (info.keyCol < 0 && info.dashCol >= 0 && info.dashCol < dashCol) {
      return undefined; // a list in a list
    }
  }
  return undefined;
}

function unquote(s: string): string {
  const t = s.trim();
  return t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0] ? t.slice(1, -1) : t;
}

/** The kind of note, from its `type` line or else from where it is in the journal. */
function noteKind(yaml: string, path: string): NoteKind | undefined {
  const m = /^type:[ \t]*["']?(coaching-[a-z-]+)/m.exec(yaml);
  const type = m?.[1];
  if (type === 'coaching-session' || (!type && path.startsWith('sessions/'))) {
    return 'session';
  }
  if (type === 'coaching-focus-area' || (!type && path.startsWith('focus-areas/'))) {
    return 'focus-area';
  }
  if (type === 'coaching-big-picture' || (!type && path === 'big-picture.md')) {
    return 'big-picture';
  }
  return undefined;
}

const TOKEN_STOP = /[\s,[\]{}"'#]/;

/**
 * The field at `offset` of a note (text without BOM; `path` relative to the journal folder), when the
 * offset is in the value of a field this module knows, inside the frontmatter. Works on half-typed YAML:
 * only the lines up to the cursor's need to make sense. Flow lists (`[a, b]`), block lists (`- a`) and
 * single values are understood; keys themselves and free text are not fields here.
 */
export function fieldAt(text: string, offset: number, path: string): FieldContext | undefined {
  const split = splitFrontmatter(text);
  if (split.kind === 'none') {
    return undefined;
  }
  const yamlStart = text.indexOf('\n') + 1;
  const yamlEnd = split.kind === 'ok' ? split.yamlEnd : text.length;
  if (offset < yamlStart || offset > yamlEnd || (split.kind === 'ok' && offset === yamlEnd && text[offset - 1] === '\n')) {
    return undefined;
  }
  const yaml = text.slice(yamlStart, yamlEnd);
  const kind = noteKind(yaml, path);
  const rel = offset - yamlStart;
  const lines = yaml.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const lineNo = yaml.slice(0, rel).split('\n').length - 1;
  const lineStart = yamlStart + yaml.slice(0, rel).lastIndexOf('\n') + 1;
  const line = lines[lineNo] ?? '';
  const col = offset - lineStart;
  const info = lineInfo(line);

  let keyPath: string[] | undefined;
  let style: FieldContext['style'];
  let siblings: string[] = [];
  const flow = flowListAround(lines, lineNo, col);
  if (flow) {
    const parents = parentKeys(lines, flow.line, flow.keyCol);
    keyPath = parents && [...parents, flow.key];
    style = 'flow';
    siblings = flow.items;
  } else if (info.keyCol >= 0 && col >= info.valueAt) {
    const value = line.slice(info.valueAt);
    if (/^\s*[[{|>&*!]/.test(value)) {
      return undefined;
    }
    const parents = parentKeys(lines, lineNo, info.keyCol);
    keyPath = parents && [...parents, info.key!];
    style = 'scalar';
  } else if (info.keyCol < 0 && info.dashCol >= 0 && col > info.dashCol) {
    const owner = listOwner(lines, lineNo, info.dashCol);
    if (!owner) {
      return undefined;
    }
    const parents = parentKeys(lines, owner.line, owner.col);
    keyPath = parents && [...parents, owner.key];
    style = 'block';
    siblings = blockSiblings(lines, lineNo, info.dashCol);
  } else {
    return undefined;
  }
  if (!keyPath) {
    return undefined;
  }
  const joined = keyPath.join('.');
  const role = joined === 'type' ? TYPE_ROLE : kind && ROLES[kind][joined];
  if (!role) {
    return undefined;
  }
  // The token: the id-like run of characters around the cursor, inside quotes when it is quoted.
  const valueFrom = style === 'scalar' ? info.valueAt : style === 'block' ? info.dashCol + 1 : 0;
  let s = col;
  while (s > valueFrom && !TOKEN_STOP.test(line[s - 1])) {
    s--;
  }
  let e = col;
  while (e < line.length && !TOKEN_STOP.test(line[e])) {
    e++;
  }
  if (style !== 'flow' && /(^|\s)#/.test(line.slice(valueFrom, col))) {
    return undefined; // in a comment
  }
  const quote = line[s - 1] === '"' || line[s - 1] === "'" ? (line[s - 1] as '"' | "'") : undefined;
  const beforeTokenAt = quote ? s - 2 : s - 1;
  return {
    path: keyPath,
    role,
    style,
    start: lineStart + s,
    end: lineStart + e,
    token: line.slice(s, e),
    quote,
    before: beforeTokenAt >= 0 ? line[beforeTokenAt] : '',
    siblings: siblings.filter((x) => x !== line.slice(s, e)),
  };
}

/** The flow list (`key: [a, b]`) the cursor is in, when it is in one (it may span lines). */
function flowListAround(lines: string[], lineNo: number, col: number): { key: string; keyCol: number; line: number; items: string[] } | undefined {
  let depth = 0;
  for (let i = lineNo; i >= 0 && i > lineNo - 20; i--) {
    const line = lines[i];
    if (i < lineNo) {
      const below = lineInfo(lines[i + 1]);
      if (below.keyCol >= 0 || below.dashCol >= 0) {
        return undefined; // a list spanning lines goes on only over lines that are its continuation
      }
    }
    for (let c = i === lineNo ? col - 1 : line.length - 1; c >= 0; c--) {
      const ch = line[c];
      if (ch === ']') {
        depth++;
      } else if (ch === '[') {
        if (depth > 0) {
          depth--;
          continue;
        }
        const info = lineInfo(line);
        if (info.keyCol < 0 || line.slice(info.valueAt, c).trim() !== '') {
          return undefined; // a bracket in free text, not a list
        }
        return { key: info.key!, keyCol: info.keyCol, line: i, items: flowItems(lines, i, c + 1) };
      }
    }
  }
  return undefined;
}

function flowItems(lines: string[], lineNo: number, from: number): string[] {
  let text = lines[lineNo].slice(from);
  for (let i = lineNo + 1; !text.includes(']') && i < lines.length && i < lineNo + 20; i++) {
    text += ' ' + lines[i];
  }
  const close = text.indexOf(']');
  return (close >= 0 ? text.slice(0, close) : text).split(',').map(unquote).filter((x) => x !== '');
}

function blockSiblings(lines: string[], lineNo: number, dashCol: number): string[] {
  const out: string[] = [];
  const collect = (step: 1 | -1): void => {
    for (let i = lineNo + step; i >= 0 && i < lines.length; i += step) {
      const info = lineInfo(lines[i]);
      if (info.blank) {
        continue;
      }
      if (info.keyCol >= 0 || info.dashCol !== dashCol) {
        return;
      }
      out.push(unquote(lines[i].slice(dashCol + 1)));
    }
  };
  collect(-1);
  collect(1);
  return out;
}

/** A thing a completion offers: an id, or a word. */
export interface CompletionCandidate {
  /** The id or word. */
  label: string;
  /** What the id names, in one line (a title, a commitment's text). */
  detail?: string;
  /** The text that replaces the token (brackets or a space added where the YAML needs them). */
  insertText: string;
  /** Sorts the candidates as listed (open commitments first, overdue first). */
  sortText: string;
  /** What the id names, for the documentation panel; undefined for words. */
  describes?: IdDescription;
}

/** What fits at a field: the journal's ids of the right kind (not yet in the same list), or its words. */
export function completionCandidates(ctx: FieldContext, snap: JournalSnapshot, today: string): CompletionCandidate[] {
  const role = ctx.role;
  let items: { label: string; detail?: string; describes?: IdDescription }[];
  if (role.kind === 'declaration') {
    return []; // a new id is made by the commands, never picked from existing ones
  }
  if (role.kind === 'word') {
    items = role.words.map((w) => ({ label: w }));
  } else if (role.target === 'value') {
    items = snap.values.map((v) => ({ label: v.id, detail: v.name, describes: describeId(snap, 'value', v.id, today) }));
  } else if (role.target === 'focus-area') {
    const active = snap.focusAreas.filter((f) => f.status === 'active');
    const others = snap.focusAreas.filter((f) => f.status !== 'active');
    items = [...active, ...others].map((f) => ({
      label: f.id, detail: f.status === 'active' ? f.title : `${f.title} (${f.status})`, describes: describeId(snap, 'focus-area', f.id, today),
    }));
  } else {
    const open = listCommitments(snap, 'open', today);
    const closed = snap.commitments.filter((c) => c.status !== 'open').reverse();
    items = [...open, ...closed].map((c) => ({
      label: c.id,
      detail: `${c.text}${c.status === 'open' ? dueLabel(c, today) ? ` (${dueLabel(c, today)})` : '' : ` (${c.status})`}`,
      describes: describeId(snap, 'action', c.id, today),
    }));
  }
  const seen = new Set<string>(ctx.siblings);
  const out: CompletionCandidate[] = [];
  for (const item of items) {
    if (seen.has(item.label)) {
      continue;
    }
    seen.add(item.label);
    out.push({ ...item, insertText: insertTextFor(ctx, item.label), sortText: String(out.length).padStart(5, '0') });
  }
  return out;
}

/** The id as it must be written at the token: a list of one where a list belongs, a space after a bare `:` or `,`. */
function insertTextFor(ctx: FieldContext, id: string): string {
  if (ctx.quote) {
    return id;
  }
  const listOfOne = ctx.style === 'scalar' && ctx.role.kind === 'reference' && ctx.role.list;
  const text = listOfOne ? `[${id}]` : id;
  return ctx.before === ':' || ctx.before === ',' || (ctx.before === '-' && ctx.style === 'block') ? ` ${text}` : text;
}

/** The id under `offset`, with what kind of thing it names (for hovers). */
export function idAt(text: string, offset: number, path: string): { kind: IdKind; id: string; start: number; end: number } | undefined {
  const ctx = fieldAt(text, offset, path);
  if (!ctx || ctx.token === '' || ctx.role.kind === 'word') {
    return undefined;
  }
  return { kind: ctx.role.target, id: ctx.token, start: ctx.start, end: ctx.end };
}

/** What an id names, ready to show: a title and labelled lines of note text (to be escaped by the caller). */
export interface IdDescription {
  kind: IdKind;
  id: string;
  /** False when the journal has no such id (the title then says so). */
  known: boolean;
  title: string;
  lines: { label: string; value: string }[];
}

const KIND_NAMES: Record<IdKind, string> = {
  value: 'value', 'focus-area': 'focus area', action: 'commitment', session: 'session', learning: 'learning', feedback: 'feedback',
};

/** The name of a kind of id, for messages: "focus area", "commitment"… */
export function idKindName(kind: IdKind): string {
  return KIND_NAMES[kind];
}

/** What an id names in the journal: a value, focus area, commitment, session, learning or feedback. */
export function describeId(snap: JournalSnapshot, kind: IdKind, id: string, today: string): IdDescription {
  const lines: { label: string; value: string }[] = [];
  const line = (label: string, value: string | undefined): void => {
    if (value) {
      lines.push({ label, value });
    }
  };
  const unknown: IdDescription = { kind, id, known: false, title: `No ${KIND_NAMES[kind]} has the id "${id}" in this journal.`, lines };
  switch (kind) {
    case 'value': {
      const v = snap.valueById.get(id);
      if (!v) {
        return unknown;
      }
      line('Why it matters', v.why);
      const areas = snap.focusAreas.filter((f) => f.values.includes(id)).map((f) => f.title);
      line('Focus areas', areas.join(', '));
      const open = snap.commitments.filter((c) => c.status === 'open' && effectiveValues(c, snap).includes(id)).length;
      line('Open commitments', String(open));
      line('Id', id);
      return { kind, id, known: true, title: `Value: ${v.name}`, lines };
    }
    case 'focus-area': {
      const f = snap.focusById.get(id);
      if (!f) {
        return unknown;
      }
      line('Status', f.status);
      line('Success looks like', f.success);
      line('Measured by', f.measure);
      line('Gap', gapLabel(f.gap));
      line('Serves', f.values.map((v) => snap.valueById.get(v)?.name ?? v).join(', '));
      const made = snap.commitments.filter((c) => c.focus === id);
      const done = made.filter((c) => c.status === 'done').length;
      line('Commitments', `${made.filter((c) => c.status === 'open').length} open · ${done}/${made.length} done`);
      line('Id', id);
      return { kind, id, known: true, title: `Focus area: ${f.title}`, lines };
    }
    case 'action': {
      const c = snap.commitmentById.get(id);
      return c ? describeCommitment(c, snap, today) : unknown;
    }
    case 'session': {
      const s = snap.sessions.find((x) => x.id === id);
      if (!s) {
        return unknown;
      }
      line('Goals', s.goals.join('; '));
      line('Focus', s.focus.map((f) => snap.focusById.get(f)?.title ?? f).join(', '));
      line('Check-ins', s.checkin.length > 0 ? String(s.checkin.length) : undefined);
      line('Commitments made', String(s.actions.length));
      line('Where', s.loc.file);
      return { kind, id, known: true, title: s.date ? `Session of ${s.date}` : `Session ${id}`, lines };
    }
    case 'learning':
    case 'feedback': {
      const item = kind === 'learning' ? snap.learnings.find((l) => l.id === id) : snap.feedback.find((f) => f.id === id);
      if (!item) {
        return unknown;
      }
      if ('evidence' in item) {
        line('Evidence', item.evidence ? 'yes' : undefined);
      } else {
        line('From', [item.from, item.kind].filter(Boolean).join(', '));
      }
      line('Focus area', item.focus ? snap.focusById.get(item.focus)?.title ?? item.focus : undefined);
      line('Session of', item.date);
      line('Id', id);
      return { kind, id, known: true, title: item.text, lines };
    }
  }
}

/** What a commitment is: its text, status (overdue or not), success, values, focus area, dates and where it was made. */
export function describeCommitment(c: Commitment, snap: JournalSnapshot, today: string): IdDescription {
  const lines: { label: string; value: string }[] = [];
  const line = (label: string, value: string | undefined): void => {
    if (value) {
      lines.push({ label, value });
    }
  };
  const due = dueLabel(c, today);
  line('Status', c.status === 'open' ? (isOverdue(c, today) ? 'open, overdue' : 'open') : `${c.status}${c.closed ? ` on ${c.closed}` : ''}`);
  line('Success looks like', c.success);
  const values = effectiveValues(c, snap).map((v) => snap.valueById.get(v)?.name ?? v);
  line('Serves', values.length > 0 ? values.join(', ') : 'no value yet');
  line('Focus area', c.focus ? snap.focusById.get(c.focus)?.title ?? c.focus : undefined);
  line('Due', c.due ? `${c.due}${due ? ` (${due})` : ''}` : undefined);
  line('Made in the session of', c.made || c.session);
  line('Where', `${c.loc.file}:${c.loc.line + 1}`);
  line('Carried from', c.carried_from);
  line('Id', c.id);
  return { kind: 'action', id: c.id, known: true, title: c.text || c.id, lines };
}
