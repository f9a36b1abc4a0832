/**
 * Where the parsed notes of a journal are kept between sessions, so that a restart reads the journal
 * from one file instead of parsing every note again (see `src/core/cache.ts` for the format and why it is
 * never trusted blindly). The cache lives in the extension's storage for this workspace — never in the
 * journal, which holds only the person's notes — and is reached only through `workspace.fs`.
 */
import * as vscode from 'vscode';
import { CACHE_FORMAT_VERSION, decodeCache, serializeNotes, type DecodedCache, type FileStamp, type ParsedNote } from '../core';
import type { Logger } from './logger';

declare const __CORE_BUILD__: string | undefined;

/** Identifies the parser that wrote a cache: a different build (a fix in the core) never reuses one. */
export const CACHE_KEY = `${CACHE_FORMAT_VERSION}:${typeof __CORE_BUILD__ === 'string' ? __CORE_BUILD__ : 'unbundled'}`;

const encoder = new TextEncoder();
const RACY_MARGIN_MS = 2000;
const decoder = new TextDecoder();

/** FNV-1a, as a short stable file name for a journal's URI. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export class JournalCache {
  constructor(private readonly dir: vscode.Uri, private readonly log: Logger, private readonly key = CACHE_KEY) {}

  /** The cache file of the journal at `journalRoot`. */
  fileFor(journalRoot: vscode.Uri): vscode.Uri {
    return vscode.Uri.joinPath(this.dir, `journal-${hash(journalRoot.toString())}.cache`);
  }

  /** The text of a journal's cache file; undefined when there is none (yet). */
  async read(journalRoot: vscode.Uri): Promise<string | undefined> {
    try {
      return decoder.decode(await vscode.workspace.fs.readFile(this.fileFor(journalRoot)));
    } catch {
      return undefined; // no cache yet
    }
  }

  /**
   * A cache file's notes, each with the stamp its file had when it was written (see `decodeCache`); the
   * caller keeps those whose file still has that stamp (`freshNotes`). An unusable cache gives none.
   */
  decode(data: string | undefined): DecodedCache {
    return decodeCache(data, { key: this.key });
  }

  /** Writes the notes whose file stamps are known; a failure is logged and costs only a slower start. */
  async write(journalRoot: vscode.Uri, notes: Iterable<ParsedNote>, stamps: ReadonlyMap<string, FileStamp>): Promise<void> {
    try {
      await vscode.workspace.fs.createDirectory(this.dir);
      // Notes changed in the last two seconds are left out (parsed next time): a second change within
      // the file system's timestamp granularity could keep the same mtime and size.
      const text = serializeNotes(notes, stamps, { key: this.key, racyAfter: Date.now() - RACY_MARGIN_MS });
      await vscode.workspace.fs.writeFile(this.fileFor(journalRoot), encoder.encode(text));
    } catch (e) {
      this.log.warn(`Could not write the journal cache (${e instanceof Error ? e.message : String(e)}); the next start will read every note.`);
    }
  }
}
