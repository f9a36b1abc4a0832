import * as vscode from 'vscode';
import { ContextKey } from '../commands/commandIds';
import { Disposable } from '../platform/disposable';
import type { JournalService } from '../platform/journalService';

/** Keeps the `coaching.*` context keys (welcome views, menus) in step with the journals. */
export class JournalContextKeys extends Disposable {
  private last: string | undefined;

  constructor(private readonly journals: JournalService) {
    super();
    this._register(journals.onDidChange(() => this.update()));
    this.update();
  }

  update(): void {
    const state = this.journals.state;
    if (state === this.last) {
      return;
    }
    this.last = state;
    void vscode.commands.executeCommand('setContext', ContextKey.JournalState, state);
    void vscode.commands.executeCommand('setContext', ContextKey.HasJournal, state === 'ready');
  }
}
