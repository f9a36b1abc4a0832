import type { JournalService } from '../platform/journalService';
import { CommandId } from './commandIds';
import type { Command } from './commandManager';

/** Reads every journal again from the files (normally not needed: the views follow file changes). */
export class RefreshCommand implements Command {
  readonly id = CommandId.Refresh;

  constructor(private readonly journals: JournalService) {}

  execute(): Promise<void> {
    return this.journals.reload();
  }
}
