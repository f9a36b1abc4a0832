import * as vscode from 'vscode';
import { plainMessage } from '../platform/plainText';
import type { JournalService } from '../platform/journalService';
import { CommandId } from './commandIds';
import type { Command } from './commandManager';
import { resolveCommitment } from './pickCommitment';

/** Opens the note that made a commitment, with the cursor on the commitment's line. */
export class OpenCommitmentCommand implements Command {
  readonly id = CommandId.OpenCommitment;

  constructor(private readonly journals: JournalService) {}

  async execute(arg?: unknown): Promise<vscode.TextEditor | undefined> {
    const ref = await resolveCommitment(this.journals, arg, 'Which commitment do you want to open?');
    if (!ref) {
      return undefined;
    }
    const found = this.journals.findCommitment(ref);
    if (!found) {
      void vscode.window.showWarningMessage(plainMessage(`The commitment ${ref.id} is no longer in the journal. Refresh the Commitments view and try again.`));
      return undefined;
    }
    const { loc } = found.commitment;
    const position = new vscode.Position(loc.line, loc.character);
    return vscode.window.showTextDocument(found.journal.store.uri(loc.file), { selection: new vscode.Range(position, position), preview: true });
  }
}
