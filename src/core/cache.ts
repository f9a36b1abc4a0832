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
export const CACHE_FORMAT_VERSION = 3;

const MAGIC = 'coaching-journal-cache';

interface CacheEntry {
  path: string;
  mtime: number;
  size: number;
  note: ParsedNote;
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
 * left out (they will be parsed next time).
 */
export function serializeNotes(notes: Iterable<ParsedNote>, stamps: ReadonlyMap<string, FileStamp>, options: SerializeOptions = {}): string {
  // Three substitutions keep the text small and the round trip exact: `undefined` (which JSON would drop,
  // and a restored note must equal a parsed one) is written as null, which a ParsedNote never contains;
  // a `file` equal to the note's own path (every location and diagnostic has one) is written as 0; and a
  // `loc` is written as an array — [line, character] or [line, character, file] for a location,
  // [line, character, endLine, endCharacter] for a range — since a note has about twenty of them.
  const parts: string[] = [];
  for (const note of notes) {
    const stamp = stamps.get(note.path);
    if (stamp && Number.isFinite(stamp.mtime) && Number.isFinite(stamp.size) && !(options.racyAfter !== undefined && stamp.mtime >= options.racyAfter)) {
      const entry: CacheEntry = { path: note.path, mtime: stamp.mtime, size: stamp.size, note };
      const own = note.path;
      parts.push(JSON.stringify(entry, (key: string, value: unknown) => {
        if (value === undefined) {
          return null;
        }
        if (key === 'loc') {
          return compactLoc(value, own);
        }
        return key === 'file' && value === own ? 0 : value;
      }));
    }
  }
  const payload = `[${parts.join(',')}]`;
  return `${MAGIC} v${CACHE_FORMAT_VERSION} ${JSON.stringify(options.key ?? '')} ${payload.length}\n${payload}`;
}

export interface RestoreResult {
  /** Cached notes whose file is unchanged (same path, mtime and size). */
  notes: ParsedNote[];
  /** Paths of `current` that must be read and parsed: new, changed, or the whole cache was unusable. */
  stale: string[];
  /** Why the cache was ignored, when it was (for the log). */
  ignored?: string;
}

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

const LOCATION_KEYS = 'file,line,character';
const RANGE_KEYS = 'line,character,endLine,endCharacter';

/** A location or range as an array (see serializeNotes); anything else as it is. */
function compactLoc(value: unknown, own: string): unknown {
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  const keys = Object.keys(value).join(',');
  const v = value as Record<string, number | string>;
  if (keys === LOCATION_KEYS) {
    return v.file === own ? [v.line, v.character] : [v.line, v.character, v.file];
  }
  if (keys === RANGE_KEYS) {
    return [v.line, v.character, v.endLine, v.endCharacter];
  }
  return value;
}

/** The location or range an array of compactLoc stands for; undefined for an array that is neither. */
function expandLoc(a: unknown[], path: string): Record<string, unknown> | undefined {
  const num = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
  if (a.length === 2 && num(a[0]) && num(a[1])) {
    return { file: path, line: a[0], character: a[1] };
  }
  if (a.length === 3 && num(a[0]) && num(a[1]) && typeof a[2] === 'string') {
    return { file: a[2], line: a[0], character: a[1] };
  }
  if (a.length === 4 && a.every(num)) {
    return { line: a[0], character: a[1], endLine: a[2], endCharacter: a[3] };
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
    && Array.isArray(n.diagnostics) && Array.isArray(n.ids) && Array.isArray(n.refs);
}

/**
 * Undoes the substitutions of serializeNotes: null is `undefined` again, a `file` of 0 is the note's
 * path. Returns false on anything a parsed note never contains (a cache that is not what it claims).
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
