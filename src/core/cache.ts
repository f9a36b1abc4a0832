/**
 * A cache of parsed notes, so that a restart does not re-parse files that did not change. Pure
 * serialization: the extension (or the benchmark) keeps the text wherever it likes (the extension's
 * storage) and passes each file's stamp (mtime + size), read from the file system at start-up.
 *
 * A cached note is used only when its path, mtime and size all match the file as it is now, the cache
 * was written by the same format version and the same build (`key`), and its envelope checks out
 * (header, length, shape). Anything else — a truncated or corrupt file, an old version, another build
 * of the parser — and the cache is ignored: those files are parsed again. It is never trusted blindly.
 */
import type { ParsedNote } from './parse';

/** What identifies the content of a file without reading it. */
export interface FileStamp {
  /** Modification time in milliseconds. */
  mtime: number;
  /** Size in bytes. */
  size: number;
}

/** Bump when ParsedNote or this format changes in a way an older cache would not match. */
export const CACHE_FORMAT_VERSION = 4;

const MAGIC = 'coaching-journal-cache';

interface CacheEntry {
  path: string;
  mtime: number;
  size: number;
  note: Record<string, unknown>;
}

export interface SerializeOptions {
  /**
   * Identifies the parser that produced the notes (e.g. the extension's version): a cache written by
   * another build is ignored, so a parser fix never leaves stale results behind.
   */
  key?: string;
  /**
   * Files modified at or after this time (ms) are left out: another change within the file system's
   * timestamp granularity could give the same mtime and size (git calls such entries "racily clean").
   * The caller passes its clock minus a margin; without it every stamped note is written.
   */
  racyAfter?: number;
}

/**
 * Serializes parsed notes with the stamps of the files they were read from. Notes without a stamp are
 * left out (they will be parsed next time), and so is a note holding something the format could not
 * restore exactly (null, or a `file` of 0: they stand for something else).
 */
export function serializeNotes(notes: Iterable<ParsedNote>, stamps: ReadonlyMap<string, FileStamp>, options: SerializeOptions = {}): string {
  // The substitutions, undone by restoreNote: `undefined` (which JSON would drop, and a restored note
  // must equal a parsed one) is written as null, which a ParsedNote never contains; a `file` equal to
  // the note's own path (every location and diagnostic has one) is written as 0; a location `loc` as
  // [line, character] or [line, character, file]; and a note's `ids` and `refs` (half of its size) as a
  // table of their strings and one list of numbers (see packIds), several times quicker to read back.
  const parts: string[] = [];
  for (const note of notes) {
    const stamp = stamps.get(note.path);
    if (stamp && Number.isFinite(stamp.mtime) && Number.isFinite(stamp.size) && !(options.racyAfter !== undefined && stamp.mtime >= options.racyAfter)) {
      const text = entryText(note, stamp);
      if (text !== undefined) {
        parts.push(text);
      }
    }
  }
  const payload = `[${parts.join(',')}]`;
  return `${MAGIC} v${CACHE_FORMAT_VERSION} ${JSON.stringify(options.key ?? '')} ${payload.length}\n${payload}`;
}

/** One note's cache entry (see serializeNotes); undefined when the format could not restore it exactly. */
function entryText(note: ParsedNote, stamp: FileStamp): string | undefined {
  const own = note.path;
  try {
    return JSON.stringify({ path: own, mtime: stamp.mtime, size: stamp.size, note }, function (this: unknown, key: string, value: unknown) {
      if (value === undefined) {
        return null;
      }
      if (value === null || (key === 'file' && value === 0)) {
        throw new NotCacheable(); // null and a file 0 stand for something else
      }
      if (key === 'loc') {
        return compactLoc(value, own);
      }
      if (this === note && (key === 'ids' || key === 'refs')) {
        return packIds(value as unknown[], key === 'refs') ?? value;
      }
      return key === 'file' && value === own ? 0 : value;
    });
  } catch (e) {
    if (e instanceof NotCacheable) {
      return undefined; // parsed again next time
    }
    throw e;
  }
}

export interface RestoreResult {
  /** Cached notes whose file is unchanged (same path, mtime and size). */
  notes: ParsedNote[];
  /** Paths of `current` that must be read and parsed: new, changed, or the whole cache was unusable. */
  stale: string[];
  /** Why the cache was ignored, when it was (for the log). */
  ignored?: string;
}

/** Thrown while serializing a note the format could not restore exactly. */
class NotCacheable extends Error {}

/** A cache file decoded before the files are stat'ed (see decodeCache): every note it holds, with its stamp. */
export interface DecodedCache {
  entries: { path: string; mtime: number; size: number; note: ParsedNote }[];
  /** Why the cache cannot be used, when it cannot (then `entries` is empty). */
  ignored?: string;
}

/**
 * Restores the notes of unchanged files. `current` is every file of the journal now, with its stamp;
 * cached files that no longer exist are dropped. Never throws: an unusable cache gives no notes.
 */
export function restoreNotes(data: string | undefined, current: ReadonlyMap<string, FileStamp>, options: SerializeOptions = {}): RestoreResult {
  return freshNotes(decodeCache(data, options), current);
}

/**
 * Checks and decodes a cache file into notes, without looking at the files yet, so that the caller can
 * decode while the file system is being stat'ed; `freshNotes` then keeps the notes of unchanged files.
 * Never throws: a truncated, corrupt, old-version or foreign cache gives no entries and says why.
 */
export function decodeCache(data: string | undefined, options: SerializeOptions = {}): DecodedCache {
  const none = (ignored: string): DecodedCache => ({ entries: [], ignored });
  if (!data) {
    return none('no cache');
  }
  const nl = data.indexOf('\n');
  const header = nl < 0 ? '' : data.slice(0, nl);
  const m = /^coaching-journal-cache v(\d+) ("(?:[^"\\]|\\.)*") (\d+)$/.exec(header);
  if (!m) {
    return none('not a cache file');
  }
  if (Number(m[1]) !== CACHE_FORMAT_VERSION) {
    return none(`cache format v${m[1]}, expected v${CACHE_FORMAT_VERSION}`);
  }
  let key: unknown;
  try {
    key = JSON.parse(m[2]);
  } catch {
    return none('corrupt header');
  }
  if (key !== (options.key ?? '')) {
    return none('written by another build');
  }
  if (data.length - nl - 1 !== Number(m[3])) {
    return none('truncated or corrupt (length differs)');
  }
  let entries: unknown;
  try {
    entries = JSON.parse(data.slice(nl + 1));
  } catch {
    return none('corrupt (not JSON)');
  }
  if (!Array.isArray(entries)) {
    return none('corrupt (not a list)');
  }
  for (const e of entries as unknown[]) {
    if (!isEntry(e)) {
      return none('corrupt (bad entry)');
    }
    if (!restoreNote(e.note, e.path, 0)) {
      return none('corrupt (bad note)');
    }
  }
  return { entries: entries as DecodedCache['entries'] };
}

/** The decoded notes whose file is unchanged (same path, mtime and size in `current`), and the paths to parse. */
export function freshNotes(decoded: DecodedCache, current: ReadonlyMap<string, FileStamp>): RestoreResult {
  if (decoded.ignored !== undefined) {
    return { notes: [], stale: [...current.keys()], ignored: decoded.ignored };
  }
  const notes: ParsedNote[] = [];
  const fresh = new Set<string>();
  for (const e of decoded.entries) {
    const stamp = current.get(e.path);
    if (stamp && stamp.mtime === e.mtime && stamp.size === e.size && !fresh.has(e.path)) {
      notes.push(e.note);
      fresh.add(e.path);
    }
  }
  const stale: string[] = [];
  for (const path of current.keys()) {
    if (!fresh.has(path)) {
      stale.push(path);
    }
  }
  return { notes, stale };
}

/**
 * A note's id declarations or references as a table of their strings and one list of numbers: per item
 * the indexes of its id, kind (and from), then its range. Undefined when an item is not exactly what
 * parseNote makes (it is then written as it is).
 */
function packIds(list: unknown[], refs: boolean): { s: string[]; n: number[] } | undefined {
  const s: string[] = [];
  const at = new Map<string, number>();
  const n: number[] = [];
  for (const x of list as Record<string, unknown>[]) {
    const loc = Object(x.loc) as Record<string, unknown>;
    if (Object.keys(x).join() !== (refs ? 'id,kind,from,loc' : 'id,kind,loc') || Object.keys(loc).join() !== RANGE_KEYS) {
      return undefined;
    }
    for (const v of refs ? [x.id, x.kind, x.from] : [x.id, x.kind]) {
      if (typeof v !== 'string') {
        return undefined;
      }
      let i = at.get(v);
      if (i === undefined) {
        at.set(v, (i = s.push(v) - 1));
      }
      n.push(i);
    }
    for (const v of [loc.line, loc.character, loc.endLine, loc.endCharacter]) {
      if (!isCount(v)) {
        return undefined;
      }
      n.push(v);
    }
  }
  return { s, n };
}

/** The list packIds packed; undefined for anything it never makes. */
function unpackIds(packed: Record<string, unknown>, refs: boolean): unknown[] | undefined {
  const { s, n } = packed;
  const width = refs ? 7 : 6;
  if (!Array.isArray(s) || !Array.isArray(n) || n.length % width !== 0 || !n.every(isCount)) {
    return undefined;
  }
  const out: unknown[] = [];
  for (let i = 0; i < n.length; i += width) {
    const id: unknown = s[n[i]];
    const kind: unknown = s[n[i + 1]];
    const from: unknown = refs ? s[n[i + 2]] : '';
    if (typeof id !== 'string' || typeof kind !== 'string' || typeof from !== 'string') {
      return undefined;
    }
    const r = i + width - 4;
    const loc = { line: n[r], character: n[r + 1], endLine: n[r + 2], endCharacter: n[r + 3] };
    out.push(refs ? { id, kind, from, loc } : { id, kind, loc });
  }
  return out;
}

function isCount(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0;
}

const LOCATION_KEYS = 'file,line,character';
const RANGE_KEYS = 'line,character,endLine,endCharacter';

/** A location as an array (see serializeNotes); anything else as it is. */
function compactLoc(value: unknown, own: string): unknown {
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  const v = value as Record<string, number | string>;
  return Object.keys(value).join() !== LOCATION_KEYS ? value : v.file === own ? [v.line, v.character] : [v.line, v.character, v.file];
}

/** The location an array of compactLoc stands for; undefined for an array that is not one. */
function expandLoc(a: unknown[], path: string): Record<string, unknown> | undefined {
  const num = isCount;
  if (a.length === 2 && num(a[0]) && num(a[1])) {
    return { file: path, line: a[0], character: a[1] };
  }
  if (a.length === 3 && num(a[0]) && num(a[1]) && typeof a[2] === 'string') {
    return { file: a[2], line: a[0], character: a[1] };
  }
  return undefined;
}

function isEntry(e: unknown): e is CacheEntry {
  if (typeof e !== 'object' || e === null) {
    return false;
  }
  const x = e as Partial<CacheEntry>;
  const n = x.note as Partial<ParsedNote> | undefined;
  return typeof x.path === 'string' && typeof x.mtime === 'number' && typeof x.size === 'number'
    && typeof n === 'object' && n !== null && n.path === x.path && typeof n.parseable === 'boolean'
    && Array.isArray(n.diagnostics) && n.ids instanceof Object && n.refs instanceof Object;
}

/**
 * Undoes the substitutions of serializeNotes in place. Returns false on anything a parsed note never
 * contains (a cache that is not what it claims).
 */
function restoreNote(value: unknown, path: string, depth: number): boolean {
  if (depth > 32) {
    return false;
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item === null || (typeof item === 'object' && !restoreNote(item, path, depth + 1))) {
        return false;
      }
    }
    return true;
  }
  const obj = value as Record<string, unknown>;
  for (const k in obj) {
    const v = obj[k];
    if (v === null) {
      obj[k] = undefined;
    } else if (k === 'loc' && Array.isArray(v)) {
      const loc = expandLoc(v, path);
      if (!loc) {
        return false;
      }
      obj[k] = loc;
    } else if (depth === 0 && (k === 'ids' || k === 'refs') && typeof v === 'object' && !Array.isArray(v)) {
      const list = unpackIds(v as Record<string, unknown>, k === 'refs');
      if (!list) {
        return false;
      }
      obj[k] = list;
    } else if (typeof v === 'object') {
      if (!restoreNote(v, path, depth + 1)) {
        return false;
      }
    } else if (k === 'file' && v === 0) {
      obj[k] = path;
    }
  }
  return true;
}
