import * as vscode from 'vscode';
import { forEachLimit, freshNotes, JournalIndex, loadJournal, noteFromBytes, readErrorNote, type Commitment, type FileStamp, type JournalStore } from '../core';
import type { CoachingConfig, ConfigReader } from './config';
import { Disposable } from './disposable';
import type { JournalCache } from './journalCache';
import type { Logger } from './logger';
import { msUntilTomorrow, today } from './today';
import { WorkspaceJournalStore } from './workspaceStore';

/** The journal of one workspace folder (multi-root workspaces have one per folder). */
export class FolderJournal {
  readonly index = new JournalIndex();
  readonly store: WorkspaceJournalStore;
  /** Modification time and size of each note as it was read from disk (not from an unsaved editor): what the cache is keyed by. */
  readonly stamps = new Map<string, FileStamp>();

  constructor(readonly folder: vscode.WorkspaceFolder, readonly config: CoachingConfig) {
    this.store = new WorkspaceJournalStore(vscode.Uri.joinPath(folder.uri, ...config.folder.split('/')));
  }

  /** Stable key of the journal: its workspace folder's URI. */
  get key(): string {
    return this.folder.uri.toString();
  }

  get hasNotes(): boolean {
    return this.index.size > 0;
  }
}

/** Names a commitment across a multi-root workspace: the workspace folder's URI and the action id. */
export interface CommitmentRef {
  folder: string;
  id: string;
  /** The note that made it, telling apart two commitments given the same id by mistake. */
  file?: string;
}

export type JournalState = 'loading' | 'none' | 'ready';

/** What happened to a path since the last batch; the latest event for a path wins. */
type PendingKind = 'changed' | 'deleted' | 'rescan' | 'deleted-folder';

export interface JournalServiceOptions {
  /** Quiet time after the last event before a batch is processed. */
  debounceMs?: number;
  /** Longest wait for a batch while events keep coming (typing). */
  maxWaitMs?: number;
  /** Loads slower than this show a progress indicator in the status bar. */
  progressAfterMs?: number;
  /** Keeps parsed notes between sessions (extension storage); without it every start parses every note. */
  cache?: JournalCache;
  /** Quiet time after the last change before the cache is written again. */
  cacheWriteDelayMs?: number;
}

/** What the latest (re)load did, for the log and the benchmark. */
export interface LoadStats {
  notes: number;
  /** Notes taken from the cache (their files unchanged since it was written). */
  restored: number;
  /** Notes read and parsed. */
  parsed: number;
  /** Why a journal's cache was not used, when one was there but could not be (for the log and tests). */
  cacheIgnored?: string;
  ms: number;
}

/**
 * Owns the journals of the workspace: loads them after activation (never during it), then keeps each
 * index up to date from file-system events and open documents (unsaved edits count). Events are batched
 * — a git checkout touching 500 notes is one batch of incremental updates, not 500 rescans — and each
 * batch that changed something fires `onDidChange` once.
 */
export class JournalService extends Disposable {
  private journalList: FolderJournal[] = [];
  private watchers: vscode.Disposable[] = [];
  private generation = 0;
  private loading: Promise<void> = Promise.resolve();
  private stateValue: JournalState = 'loading';
  private pending = new Map<FolderJournal, Map<string, PendingKind>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstPendingAt = 0;
  private queue: Promise<void> = Promise.resolve();
  private midnight: ReturnType<typeof setTimeout> | undefined;
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires after the journals changed (a batch of file changes, a reload, a new day, a setting). */
  readonly onDidChange = this.changed.event;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly progressAfterMs: number;
  private readonly cache: JournalCache | undefined;
  private readonly cacheWriteDelayMs: number;
  private cacheTimer: ReturnType<typeof setTimeout> | undefined;
  private cacheDirty = new Set<FolderJournal>();
  /** The cache write in progress: writes happen one after the other, and a load waits for it. */
  private cacheWriting: Promise<void> = Promise.resolve();
  private lastLoad: LoadStats = { notes: 0, restored: 0, parsed: 0, ms: 0 };
  private firstReady: number | undefined;

  constructor(private readonly config: ConfigReader, private readonly log: Logger, options: JournalServiceOptions = {}) {
    super();
    this.debounceMs = options.debounceMs ?? 150;
    this.maxWaitMs = options.maxWaitMs ?? 1000;
    this.progressAfterMs = options.progressAfterMs ?? 400;
    this.cache = options.cache;
    this.cacheWriteDelayMs = options.cacheWriteDelayMs ?? 5000;
    this._register(config.onDidChange((e) => {
      if (e.folderChanged) {
        void this.reload();
      } else {
        this.changed.fire();
      }
    }));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) {
        this.documentEvent(e.document.uri);
      }
    }));
    // A document opened with unsaved text (restored by hot exit) and a closed one whose unsaved edits
    // were discarded both differ from what the index holds.
    this._register(vscode.workspace.onDidOpenTextDocument((d) => this.documentEvent(d.uri)));
    this._register(vscode.workspace.onDidCloseTextDocument((d) => this.documentEvent(d.uri)));
    this._register({
      dispose: () => {
        this.disposeWatchers();
        clearTimeout(this.timer);
        clearTimeout(this.midnight);
        clearTimeout(this.cacheTimer);
      },
    });
  }

  /** Starts loading the journals; returns at once (see `ready`). */
  start(): void {
    void this.reload();
    this.scheduleMidnight();
  }

  /** Resolves when the latest (re)load has finished. */
  get ready(): Promise<void> {
    return this.loading;
  }

  /** When the first load ended (performance.now()): the views can show the journal from then on. */
  get firstReadyAt(): number | undefined {
    return this.firstReady;
  }

  /** What the latest completed load did. */
  get loadStats(): LoadStats {
    return this.lastLoad;
  }

  get state(): JournalState {
    return this.stateValue;
  }

  /** Every workspace folder's journal, in workspace folder order (including those with no notes yet). */
  get journals(): readonly FolderJournal[] {
    return this.journalList;
  }

  /** The journals that have at least one note. */
  journalsWithNotes(): FolderJournal[] {
    return this.journalList.filter((j) => j.hasNotes);
  }

  /** Today's date as the journal sees it (see `today.ts`: `COACHING_TODAY` fixes it for tests). */
  today(): string {
    return today();
  }

  /** The journal a URI belongs to and its path inside it, when it is inside a journal folder. */
  locate(uri: vscode.Uri): { journal: FolderJournal; path: string } | undefined {
    for (const journal of this.journalList) {
      const path = journal.store.relative(uri);
      if (path !== undefined) {
        return { journal, path };
      }
    }
    return undefined;
  }

  journalByKey(key: string): FolderJournal | undefined {
    return this.journalList.find((j) => j.key === key);
  }

  /** The commitment a reference names, as the journal holds it now. */
  findCommitment(ref: CommitmentRef): { journal: FolderJournal; commitment: Commitment } | undefined {
    const journal = this.journalByKey(ref.folder);
    const snap = journal?.index.snapshot();
    const commitment = (ref.file !== undefined ? snap?.commitments.find((c) => c.id === ref.id && c.loc.file === ref.file) : undefined)
      ?? snap?.commitmentById.get(ref.id);
    return journal && commitment ? { journal, commitment } : undefined;
  }

  /** Forgets everything and reads every journal again. */
  reload(): Promise<void> {
    const generation = ++this.generation;
    this.disposeWatchers();
    this.pending.clear();
    const folders = vscode.workspace.workspaceFolders ?? [];
    const journals = folders.map((f) => new FolderJournal(f, this.config.get(f)));
    this.journalList = journals;
    journals.forEach((j) => this.watch(j));
    this.stateValue = 'loading';
    const started = Date.now();
    const load = (async () => {
      await this.cacheWriting; // never read a cache file while it is being written
      const counts = await Promise.all(journals.map((j) => this.loadFolder(j)));
      if (generation !== this.generation) {
        return;
      }
      this.stateValue = journals.some((j) => j.hasNotes) ? 'ready' : 'none';
      const notes = journals.reduce((n, j) => n + j.index.size, 0);
      const restored = counts.reduce((n, c) => n + c.restored, 0);
      this.lastLoad = {
        notes, restored, parsed: counts.reduce((n, c) => n + c.parsed, 0), ms: Date.now() - started,
        cacheIgnored: counts.map((c) => c.ignored).find((x) => x !== undefined),
      };
      this.firstReady ??= performance.now();
      this.log.info(`Read ${notes} coaching notes (${restored} of them from the cache) in ${journals.length} workspace folder(s) in ${this.lastLoad.ms} ms.`);
      this.changed.fire();
    })().catch((e: unknown) => {
      this.log.error(e instanceof Error ? e : String(e));
      if (generation === this.generation) {
        this.stateValue = 'none';
        this.changed.fire();
      }
    });
    this.loading = load;
    const slow = setTimeout(() => {
      void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Reading the coaching journal' }, () => load);
    }, this.progressAfterMs);
    void load.finally(() => clearTimeout(slow));
    return load;
  }

  /**
   * Reads one journal: with a cache, the files are listed and stat'ed (while the cache is decoded),
   * unchanged ones are taken from the cache and only the others are read and parsed. A file is stat'ed
   * before it is read, so a change racing the read makes its stamp old (it is parsed again next time),
   * never the other way round.
   */
  private async loadFolder(j: FolderJournal): Promise<{ restored: number; parsed: number; ignored?: string }> {
    let toParse: JournalStore = j.store;
    let restored = 0;
    let ignored: string | undefined;
    if (this.cache) {
      // The cache is decoded while the file system answers the stats: every stat is asked for before
      // the decoding (which holds the thread) starts, and its notes are kept only afterwards, for the
      // files whose stamp is unchanged.
      const text = this.cache.read(j.store.root);
      const paths = await j.store.list();
      const stamping = Promise.all(paths.map(async (path): Promise<FileStamp | undefined> => {
        if (j.store.unsavedDocument(path)) {
          return undefined;
        }
        try {
          return await j.store.stat(path);
        } catch {
          return undefined; // unreadable or gone: read (and reported) below
        }
      }));
      const decoded = this.cache.decode(await text);
      const stamps = new Map<string, FileStamp>();
      (await stamping).forEach((stamp, i) => {
        if (stamp) {
          stamps.set(paths[i], stamp);
        }
      });
      const result = freshNotes(decoded, stamps);
      if (result.ignored && result.ignored !== 'no cache') {
        ignored = result.ignored;
        this.log.info(`Journal cache not used: ${result.ignored}.`);
      }
      for (const note of result.notes) {
        j.index.setNote(note);
        j.stamps.set(note.path, stamps.get(note.path)!);
      }
      restored = result.notes.length;
      const restoredPaths = new Set(result.notes.map((n) => n.path));
      const stale = paths.filter((p) => !restoredPaths.has(p));
      for (const p of stale) {
        const stamp = stamps.get(p);
        if (stamp) {
          j.stamps.set(p, stamp);
        }
      }
      toParse = { list: async () => stale, read: (p) => j.store.read(p) };
      if (stale.length > 0 || result.ignored) {
        this.cacheDirty.add(j);
        this.scheduleCacheWrite();
      }
    }
    const report = await loadJournal(toParse, j.index);
    for (const f of report.failed) {
      j.stamps.delete(f.path);
      this.log.warn(`Could not read ${j.store.uri(f.path).toString(true)}: ${f.message}`);
    }
    return { restored, parsed: report.read, ignored };
  }

  /** Writes the cache of every journal changed since it was last written, now. */
  writeCache(): Promise<void> {
    clearTimeout(this.cacheTimer);
    this.cacheTimer = undefined;
    const cache = this.cache;
    if (!cache) {
      return Promise.resolve();
    }
    // After the write in progress (if any), so that the last write holds the latest notes.
    this.cacheWriting = this.cacheWriting.then(async () => {
      const dirty = [...this.cacheDirty].filter((j) => this.journalList.includes(j));
      this.cacheDirty.clear();
      await Promise.all(dirty.map((j) => cache.write(j.store.root, j.index.allNotes(), j.stamps)));
    });
    return this.cacheWriting;
  }

  private scheduleCacheWrite(): void {
    if (!this.cache || this.isDisposed) {
      return;
    }
    clearTimeout(this.cacheTimer);
    this.cacheTimer = setTimeout(() => void this.writeCache(), this.cacheWriteDelayMs);
  }

  /**
   * Reads a note again now (after the extension itself wrote it), instead of waiting for the file
   * watcher; resolves when the index and views are up to date.
   */
  refreshNote(uri: vscode.Uri): Promise<void> {
    const found = this.locate(uri);
    if (found && isNote(found.path)) {
      this.enqueue(found.journal, found.path, 'changed');
    }
    return this.flush();
  }

  /** Processes the events received so far now, instead of after the debounce (for tests and commands). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    // A failed batch is logged and must not stop the batches after it.
    this.queue = this.queue.then(() => this.processBatch()).catch((e: unknown) => this.log.error(e instanceof Error ? e : String(e)));
    return this.queue;
  }

  private watch(journal: FolderJournal): void {
    const folder = journal.config.folder;
    // The journal folder itself (created, deleted) and everything under it (notes, moved sub-folders).
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(journal.folder, `{${folder},${folder}/**}`));
    watcher.onDidCreate((uri) => this.fileEvent(journal, uri, false));
    watcher.onDidChange((uri) => this.fileEvent(journal, uri, false));
    watcher.onDidDelete((uri) => this.fileEvent(journal, uri, true));
    this.watchers.push(watcher);
  }

  private disposeWatchers(): void {
    this.watchers.forEach((w) => w.dispose());
    this.watchers = [];
  }

  private fileEvent(journal: FolderJournal, uri: vscode.Uri, deleted: boolean): void {
    if (!this.journalList.includes(journal)) {
      return;
    }
    const path = journal.store.relative(uri);
    if (path === undefined) {
      // The journal folder itself: created (read it all) or deleted (forget it all).
      if (uri.path.replace(/\/+$/, '') === journal.store.root.path.replace(/\/+$/, '')) {
        this.enqueue(journal, '', deleted ? 'deleted-folder' : 'rescan');
      }
      return;
    }
    if (path.split('/').some((part) => part.startsWith('.') || part === 'node_modules')) {
      return;
    }
    if (isNote(path)) {
      this.enqueue(journal, path, deleted ? 'deleted' : 'changed');
    } else {
      // Not a note: maybe a folder moved in or out, whose notes report no events of their own.
      this.enqueue(journal, path, deleted ? 'deleted-folder' : 'rescan');
    }
  }

  private documentEvent(uri: vscode.Uri): void {
    const found = this.locate(uri);
    if (found && isNote(found.path) && !found.path.split('/').some((part) => part.startsWith('.'))) {
      this.enqueue(found.journal, found.path, 'changed');
    }
  }

  private enqueue(journal: FolderJournal, path: string, kind: PendingKind): void {
    let entries = this.pending.get(journal);
    if (!entries) {
      entries = new Map();
      this.pending.set(journal, entries);
    }
    entries.delete(path); // keep the map in event order: the latest event for a path comes last
    entries.set(path, kind);
    const now = Date.now();
    if (this.timer === undefined) {
      this.firstPendingAt = now;
    }
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.debounceMs, this.firstPendingAt + this.maxWaitMs - now));
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  private async processBatch(): Promise<void> {
    await this.loading;
    const batch = this.pending;
    this.pending = new Map();
    if (batch.size === 0) {
      return;
    }
    const started = Date.now();
    let changed = false;
    let files = 0;
    for (const [journal, entries] of batch) {
      if (!this.journalList.includes(journal)) {
        continue; // reloaded since: the new journal read everything
      }
      const index = journal.index;
      const toRead = new Set<string>();
      for (const [path, kind] of entries) {
        switch (kind) {
          case 'deleted':
            // Read it again rather than trust the event: a file deleted and re-created at once (a
            // checkout, a copy) may be reported as deleted last. Reading a missing file removes it.
            toRead.add(path);
            break;
          case 'deleted-folder':
            if (path === '') {
              changed = changed || index.size > 0;
              index.clear();
              journal.stamps.clear();
              this.cacheDirty.add(journal);
              toRead.clear();
            } else {
              changed = index.removeFolder(path) > 0 || changed;
              [...journal.stamps.keys()].filter((p) => p.startsWith(path + '/')).forEach((p) => journal.stamps.delete(p));
              this.cacheDirty.add(journal);
              [...toRead].filter((p) => p.startsWith(path + '/')).forEach((p) => toRead.delete(p));
            }
            break;
          case 'rescan': {
            const found = new Set(await journal.store.listUnder(path).catch(() => [] as string[]));
            found.forEach((p) => toRead.add(p));
            const prefix = path === '' ? '' : path + '/';
            for (const known of index.paths()) {
              if (known.startsWith(prefix) && !found.has(known)) {
                changed = index.remove(known) || changed;
                journal.stamps.delete(known);
                this.cacheDirty.add(journal);
              }
            }
            break;
          }
          case 'changed':
            toRead.add(path);
            break;
        }
      }
      const paths = [...toRead];
      files += paths.length;
      await forEachLimit(paths, 32, async (path) => {
        changed = (await this.readNote(journal, path)) || changed;
      });
    }
    if (changed) {
      this.scheduleCacheWrite();
      const wasReady = this.stateValue;
      this.stateValue = this.journalList.some((j) => j.hasNotes) ? 'ready' : 'none';
      if (wasReady !== this.stateValue) {
        this.log.info(`Coaching journal ${this.stateValue === 'ready' ? 'found' : 'gone'}.`);
      }
      this.log.debug(`Updated ${files} note(s) in ${Date.now() - started} ms.`);
      this.changed.fire();
    }
  }

  /** Reads one note into its journal's index (unsaved text first); returns whether anything changed. */
  private async readNote(journal: FolderJournal, path: string): Promise<boolean> {
    // The note and its stamp change together (no await between them), so a cache written meanwhile
    // holds either the old note with the old stamp or the new one with the new stamp.
    this.cacheDirty.add(journal);
    const doc = journal.store.unsavedDocument(path);
    if (doc) {
      journal.index.setText(path, doc.getText()); // unsaved text: never cached
      journal.stamps.delete(path);
      return true;
    }
    try {
      // Stamp first, then read: a change in between leaves an old stamp (parsed again next start).
      const stamp = this.cache ? await journal.store.stat(path) : undefined;
      const note = noteFromBytes(path, await vscode.workspace.fs.readFile(journal.store.uri(path)));
      journal.index.setNote(note);
      if (stamp) {
        journal.stamps.set(path, stamp);
      } else {
        journal.stamps.delete(path);
      }
      return true;
    } catch (e) {
      if ((e instanceof vscode.FileSystemError && (e.code === 'FileNotFound' || e.code === 'FileIsADirectory')) || !(await isFile(journal.store.uri(path)))) {
        journal.stamps.delete(path);
        return journal.index.remove(path); // gone, or not a file (a folder, a pipe): not a note, as a full read finds
      }
      const message = e instanceof Error ? e.message : String(e);
      this.log.warn(`Could not read ${journal.store.uri(path).toString(true)}: ${message}`);
      journal.stamps.delete(path);
      journal.index.setNote(readErrorNote(path, message));
      return true;
    }
  }

  private scheduleMidnight(): void {
    clearTimeout(this.midnight);
    this.midnight = setTimeout(() => {
      if (!this.isDisposed) {
        this.changed.fire(); // "overdue" and "session due" move with the date
        this.scheduleMidnight();
      }
    }, msUntilTomorrow());
  }
}

/** True when `uri` is a regular file (a link to one counts); false when it is missing or anything else. */
async function isFile(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) !== 0;
  } catch {
    return false;
  }
}

function isNote(path: string): boolean {
  return path.toLowerCase().endsWith('.md');
}
