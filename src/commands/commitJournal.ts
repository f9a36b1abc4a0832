import * as vscode from 'vscode';
import { journalCommitMessage } from '../core';
import type { FolderJournal } from '../platform/journalService';
import { commitJournalFolder, GitUnavailable, type CommitResult } from '../platform/git';
import type { Command } from './commandManager';
import { CommandId } from './commandIds';
import { openJournal } from './flow/chooseJournal';
import { messageOf, type CoachingDeps } from './flow/context';

const TITLE = 'Commit Journal';

/** Coaching: Commit Journal — stages only the journal folder and commits it. Never pushes. */
export class CommitJournalCommand implements Command {
  readonly id = CommandId.CommitJournal;

  constructor(private readonly deps: CoachingDeps) {}

  async execute(): Promise<CommitResult | undefined> {
    const context = await openJournal(this.deps, TITLE);
    if (!context) {
      return undefined;
    }
    return this.commit(context.journal, true);
  }

  /** Commits `journal`; `interactive` shows the outcome to the person (auto-commit only logs). */
  async commit(journal: FolderJournal, interactive: boolean): Promise<CommitResult> {
    const { log } = this.deps;
    const prompter = this.deps.prompter();
    await vscode.workspace.saveAll(false);
    const message = journalCommitMessage(journal.index.snapshot(), this.deps.journals.today());
    try {
      const result = await commitJournalFolder(journal.store.root, message);
      if (result.committed) {
        log.info(`Committed ${result.files} journal file(s): ${message}`);
        if (interactive) {
          prompter.info(`Committed the journal (${result.files} file${result.files === 1 ? '' : 's'}): "${message}". Nothing was pushed.`);
        }
      } else {
        log.info(`Journal not committed: ${result.reason}`);
        if (interactive) {
          prompter.info(result.reason);
        }
      }
      return result;
    } catch (e) {
      const text = e instanceof GitUnavailable ? e.message : `The journal could not be committed: ${messageOf(e)}`;
      log.warn(text);
      if (interactive) {
        prompter.error(text);
      }
      return { committed: false, reason: text };
    }
  }
}
