import * as vscode from 'vscode';
import { plainMessage } from '../platform/plainText';
import { journalCommitMessage } from '../core';
import type { FolderJournal, JournalService } from '../platform/journalService';
import { pickJournalWithNotes } from '../platform/pickJournal';
import { commitJournalFolder, GitUnavailable, type CommitResult } from '../platform/git';
import type { Logger } from '../platform/logger';
import type { Command } from './commandManager';
import { CommandId } from './commandIds';

/** Coaching: Commit Journal — stages only the journal folder and commits it. Never pushes. */
export class CommitJournalCommand implements Command {
  readonly id = CommandId.CommitJournal;

  constructor(private readonly service: JournalService, private readonly log: Logger) {}

  async execute(): Promise<CommitResult | undefined> {
    const journal = await pickJournalWithNotes(this.service, 'Commit Journal');
    if (!journal) {
      return undefined;
    }
    return this.commit(journal, true);
  }

  /** Commits `journal`; `interactive` shows the outcome to the person (auto-commit only logs). */
  async commit(journal: FolderJournal, interactive: boolean): Promise<CommitResult> {
    await vscode.workspace.saveAll(false);
    const message = journalCommitMessage(journal.index.snapshot(), this.service.today());
    try {
      const result = await commitJournalFolder(journal.store.root, message);
      if (result.committed) {
        this.log.info(`Committed ${result.files} journal file(s): ${message}`);
        if (interactive) {
          void vscode.window.showInformationMessage(plainMessage(`Committed the journal (${result.files} file${result.files === 1 ? '' : 's'}): "${message}". Nothing was pushed.`));
        }
      } else {
        this.log.info(`Journal not committed: ${result.reason}`);
        if (interactive) {
          void vscode.window.showInformationMessage(plainMessage(result.reason));
        }
      }
      return result;
    } catch (e) {
      const text = e instanceof GitUnavailable ? e.message : `The journal could not be committed: ${e instanceof Error ? e.message : String(e)}`;
      this.log.warn(text);
      if (interactive) {
        void vscode.window.showWarningMessage(plainMessage(text));
      }
      return { committed: false, reason: text };
    }
  }
}
