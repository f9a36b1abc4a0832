/**
 * The port through which the core reads a journal: the CLI implements it over Node's file system, the
 * extension over `vscode.workspace.fs` (and open documents). Paths are relative to the journal folder.
 */
import { decodeBytes } from './text';
import { parseNote, type ParsedNote } from './parse';
import type { JournalIndex } from './journal';

export interface JournalStore {
  /** Every `.md` file under the journal folder, as `/`-separated relative paths. */
  list(): Promise<string[]>;
  /** A file's bytes. */
  read(path: string): Promise<Uint8Array>;
}

/** Reads a note's bytes into a ParsedNote (binary or non-UTF-8 files become a diagnostic, never an exception). */
export function noteFromBytes(path: string, bytes: Uint8Array): ParsedNote {
  const decoded = decodeBytes(bytes);
  if (decoded.notText) {
    return {
      path, type: undefined, parseable: false, ids: [], refs: [],
      diagnostics: [{ file: path, line: decoded.notText.line, character: 0, endLine: decoded.notText.line, endCharacter: 0, severity: 'error', code: 'not-text', message: `This file ${decoded.notText.reason}. It is skipped and never edited.` }],
    };
  }
  return parseNote(path, decoded.text);
}

export interface LoadReport {
  read: number;
  failed: { path: string; message: string }[];
}

/**
 * Reads every note of the store into the index, `concurrency` files at a time. A file that cannot be
 * read is reported (and gets a diagnostic) without stopping the others.
 */
export async function loadJournal(store: JournalStore, index: JournalIndex, concurrency = 64): Promise<LoadReport> {
  const paths = await store.list();
  const report: LoadReport = { read: 0, failed: [] };
  await forEachLimit(paths, concurrency, async (path) => {
    try {
      index.setNote(noteFromBytes(path, await store.read(path)));
      report.read++;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      report.failed.push({ path, message });
      index.setNote(readErrorNote(path, message));
    }
  });
  return report;
}

/** The note of a file that could not be read: no data, one error diagnostic saying why. */
export function readErrorNote(path: string, message: string): ParsedNote {
  return {
    path, type: undefined, parseable: false, ids: [], refs: [],
    diagnostics: [{ file: path, line: 0, character: 0, endLine: 0, endCharacter: 0, severity: 'error', code: 'read-error', message: `This file could not be read (${message}).` }],
  };
}

/** Runs `work` over `items`, at most `concurrency` at a time. */
export async function forEachLimit<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      await work(items[next++]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, items.length)) }, worker));
}
