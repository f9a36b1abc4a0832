/**
 * The one place where the core's plain data becomes VS Code types: diagnostics, ranges, and the core's
 * text edits applied to a note.
 */
import * as vscode from 'vscode';
import { applyEdits, decodeBytes, encodeText, type Diagnostic, type Severity, type TextEdit } from '../core';

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toVsCodeRange(r: { line: number; character: number; endLine: number; endCharacter: number }): vscode.Range {
  return new vscode.Range(r.line, r.character, r.endLine, r.endCharacter);
}

export function toVsCodeDiagnostic(d: Diagnostic): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toVsCodeRange(d), d.message, SEVERITIES[d.severity]);
  diagnostic.code = d.code;
  diagnostic.source = 'Coaching Journal';
  return diagnostic;
}

/** Core text edits (offsets in `doc`'s text) as VS Code text edits of that document. */
export function toVsCodeTextEdits(doc: vscode.TextDocument, edits: readonly TextEdit[]): vscode.TextEdit[] {
  return edits.map((e) => vscode.TextEdit.replace(new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText));
}

/** What `applyNoteEdits` did. */
export type ApplyResult = 'applied' | 'unchanged';

/** Thrown when a note changed or vanished while it was being edited: nothing was written. */
export class ConcurrentChangeError extends Error {}

/** The edit in progress per note (uri string): edits of one note run one after the other. */
const inFlight = new Map<string, Promise<unknown>>();

/**
 * Applies the edits `compute` makes from a note's current text (BOM-less).
 *
 * - Note open in an editor: the edits are computed from the document's text (unsaved changes included)
 *   and applied as a WorkspaceEdit, so they are undoable and nothing unsaved is lost; the document is
 *   saved afterwards only if it had no unsaved changes before.
 * - Note not open: the file's bytes are read, edited and written back with the same BOM and line
 *   endings, so every byte the edit does not touch stays as it was. Just before writing, the file is
 *   read again: if anyone changed it since (another program, a checkout), nothing is written
 *   (ConcurrentChangeError) rather than overwriting their change with an edit of the older text.
 *   A note that no longer exists is never created again.
 *
 * Edits of the same note run one after the other (two commands started at once both land).
 * `compute` may throw (e.g. the core's EditError): then nothing is written.
 */
export function applyNoteEdits(uri: vscode.Uri, compute: (text: string) => TextEdit[]): Promise<ApplyResult> {
  const key = uri.toString();
  const previous = inFlight.get(key) ?? Promise.resolve();
  const run = previous.then(() => applyNow(uri, compute), () => applyNow(uri, compute));
  inFlight.set(key, run);
  const forget = (): void => {
    if (inFlight.get(key) === run) {
      inFlight.delete(key);
    }
  };
  run.then(forget, forget);
  return run;
}

async function applyNow(uri: vscode.Uri, compute: (text: string) => TextEdit[]): Promise<ApplyResult> {
  const name = uri.path.split('/').pop();
  let doc = vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === uri.toString());
  if (doc && !doc.isDirty && !(await holdsFileText(doc))) {
    // A saved model that no longer says what the file says (the file was replaced a moment ago and VS
    // Code has not reloaded it yet): the file is the truth; editing the model would save stale text.
    doc = undefined;
  }
  if (doc) {
    const wasDirty = doc.isDirty;
    // Computed and applied with no await in between: the text cannot change under the edits.
    const edits = compute(doc.getText());
    if (edits.length === 0) {
      return 'unchanged';
    }
    const we = new vscode.WorkspaceEdit();
    we.set(doc.uri, toVsCodeTextEdits(doc, edits));
    if (!(await vscode.workspace.applyEdit(we))) {
      throw new Error(`VS Code did not apply the edit to ${name}; nothing was written.`);
    }
    if (!wasDirty && !(await doc.save())) {
      throw new Error(`the change is in the editor but ${name} could not be saved: save it yourself`);
    }
    return 'applied';
  }
  const bytes = await readNoteFile(uri);
  const decoded = decodeBytes(bytes);
  if (decoded.notText) {
    throw new Error(`${name} ${decoded.notText.reason}; nothing was written.`);
  }
  const edits = compute(decoded.text);
  if (edits.length === 0) {
    return 'unchanged';
  }
  const updated = encodeText(applyEdits(decoded.text, edits), decoded.bom);
  const now = await readNoteFile(uri);
  if (!sameBytes(now, bytes)) {
    throw new ConcurrentChangeError(`${name} was changed on disk while it was being edited (by another program or a git checkout); nothing was written. Run the command again to edit the new text.`);
  }
  await vscode.workspace.fs.writeFile(uri, updated);
  return 'applied';
}

/** A note's bytes; a missing note is a clear ConcurrentChangeError, never a file to create again. */
async function readNoteFile(uri: vscode.Uri): Promise<Uint8Array> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') {
      throw new ConcurrentChangeError(`${uri.path.split('/').pop()} no longer exists (deleted or renamed while the command ran); nothing was written.`);
    }
    throw e;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** True when a saved document's text is the file's text (false when the file is gone or differs). */
async function holdsFileText(doc: vscode.TextDocument): Promise<boolean> {
  try {
    const decoded = decodeBytes(await vscode.workspace.fs.readFile(doc.uri));
    return !decoded.notText && decoded.text === doc.getText();
  } catch {
    return false;
  }
}
