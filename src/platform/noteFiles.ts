/**
 * Writing whole notes and reading them back: new files are created and never overwritten, the index is
 * brought up to date at once (commands that follow see what was written), and a note opens with the
 * cursor where the person writes.
 */
import * as vscode from 'vscode';
import { encodeText, newSessionLocation, noteFromBytes, unsafePathReason, type Position } from '../core';
import type { FolderJournal } from './journalService';

/** Thrown when a new note's file already exists: nothing was written. */
export class FileExistsError extends Error {}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') {
      return false;
    }
    throw e;
  }
}

/** True when a path inside the journal names an existing file (or folder). */
export function journalPathExists(journal: FolderJournal, path: string): Promise<boolean> {
  return exists(journal.store.uri(path));
}

/**
 * Creates a new note at `path` (relative to the journal folder) with `text`. Never overwrites: an
 * existing file throws FileExistsError and is left as it is. Parent folders are created.
 */
export async function createNote(journal: FolderJournal, path: string, text: string): Promise<vscode.Uri> {
  const unsafe = unsafePathReason(path);
  if (unsafe) {
    throw new Error(`Cannot create "${path}": ${unsafe}.`);
  }
  const uri = journal.store.uri(path);
  if (await exists(uri)) {
    throw new FileExistsError(`${journal.config.folder}/${path} already exists; it was left as it is.`);
  }
  const parent = vscode.Uri.joinPath(uri, '..');
  await vscode.workspace.fs.createDirectory(parent);
  await vscode.workspace.fs.writeFile(uri, encodeText(text, false));
  journal.index.setText(path, text);
  return uri;
}

/**
 * Creates a new file `<base>.<ext>` in the journal — or `<base>-2.<ext>`, `-3`… when that name is taken —
 * with `text`, through `createNote` (so never over an existing file), and returns its URI.
 */
export async function createNoteWithFreeName(journal: FolderJournal, base: string, ext: string, text: string): Promise<vscode.Uri> {
  for (let n = 1; n < 1000; n++) {
    try {
      return await createNote(journal, `${base}${n === 1 ? '' : `-${n}`}.${ext}`, text);
    } catch (e) {
      if (!(e instanceof FileExistsError)) {
        throw e;
      }
    }
  }
  throw new Error(`There is no free file name for ${journal.config.folder}/${base}.${ext} (up to -999 are taken).`);
}

/** Reads notes again into the journal's index (an open document's text first), after edits. */
export async function refreshNotes(journal: FolderJournal, paths: Iterable<string>): Promise<void> {
  for (const path of new Set(paths)) {
    try {
      journal.index.setNote(noteFromBytes(path, await journal.store.read(path)));
    } catch {
      // The file watcher will report it; the write itself already succeeded or failed on its own.
    }
  }
}

/**
 * Opens a note with the cursor at `position`. `written` is the text just written to it: an editor still
 * holding an older text of the same file (deleted and created again moments ago) is reloaded first, so
 * the person sees the new note and the cursor lands where it should.
 */
export async function openNoteAt(uri: vscode.Uri, position?: Position, written?: string): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  if (written !== undefined && !editor.document.isDirty && editor.document.getText() !== written) {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await textArrives(editor.document, written, 3000);
  }
  if (position) {
    const at = editor.document.validatePosition(new vscode.Position(position.line, position.character));
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at));
  }
}

/** Resolves once the document holds `text` (a reload reaches the extension host a moment later), or after `ms`. */
function textArrives(doc: vscode.TextDocument, text: string, ms: number): Promise<void> {
  if (doc.getText() === text) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    };
    const timer = setTimeout(done, ms);
    const listener = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc && doc.getText() === text) {
        done();
      }
    });
  });
}

/**
 * The session template the person chose (`coaching.sessionTemplate`, relative to the workspace folder),
 * or undefined for the built-in one. A template that cannot be read is reported through `warn` and the
 * built-in one is used, so a session is never lost to a typo in a setting.
 */
export async function readSessionTemplate(journal: FolderJournal, setting: string, warn: (message: string) => void): Promise<string | undefined> {
  if (!setting) {
    return undefined;
  }
  const rel = setting.replace(/\\/g, '/');
  const unsafe = unsafePathReason(rel);
  if (unsafe) {
    warn(`coaching.sessionTemplate "${setting}" is not usable (${unsafe}); the built-in template was used.`);
    return undefined;
  }
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(journal.folder.uri, ...rel.split('/')));
    return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  } catch (e) {
    warn(`The session template ${setting} could not be read (${e instanceof Error ? e.message : String(e)}); the built-in template was used.`);
    return undefined;
  }
}

/**
 * The ids and paths a new session note on `today` must avoid: those the index knows, plus any file on
 * disk that takes the next name without being a note (unreadable, not indexed yet) — never overwrite.
 * `newSessionLocation(today, existingPaths, usedIds)` is then free.
 */
export async function freeSessionNames(journal: FolderJournal, today: string): Promise<{ usedIds: Set<string>; existingPaths: Set<string> }> {
  const usedIds = journal.index.usedIds();
  const existingPaths = new Set(journal.index.paths());
  for (;;) {
    const { path } = newSessionLocation(today, existingPaths, usedIds);
    if (!(await journalPathExists(journal, path))) {
      return { usedIds, existingPaths };
    }
    existingPaths.add(path);
  }
}
