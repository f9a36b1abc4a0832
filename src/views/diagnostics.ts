import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import type { JournalService } from '../platform/journalService';
import { toVsCodeDiagnostic } from '../platform/conversions';

/**
 * The journal's problems (invalid frontmatter, unknown ids, duplicates, missing fields…) in the Problems
 * panel, recomputed after every batch of changes — including unsaved edits, so they follow typing.
 */
export class JournalDiagnostics extends Disposable {
  readonly collection: vscode.DiagnosticCollection;

  constructor(private readonly journals: JournalService) {
    super();
    this.collection = this._register(vscode.languages.createDiagnosticCollection('coaching'));
    this._register(journals.onDidChange(() => this.update()));
  }

  update(): void {
    const entries: [vscode.Uri, vscode.Diagnostic[]][] = [];
    for (const journal of this.journals.journals) {
      const byFile = new Map<string, vscode.Diagnostic[]>();
      for (const d of journal.index.diagnostics()) {
        let list = byFile.get(d.file);
        if (!list) {
          list = [];
          byFile.set(d.file, list);
        }
        list.push(toVsCodeDiagnostic(d));
      }
      for (const [file, list] of byFile) {
        entries.push([journal.store.uri(file), list]);
      }
    }
    this.collection.clear();
    this.collection.set(entries);
  }
}
