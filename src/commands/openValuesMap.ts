import type * as vscode from 'vscode';
import type { JournalService } from '../platform/journalService';
import type { Logger } from '../platform/logger';
import { ValuesMapPanel } from '../webview/valuesMapPanel';
import type { Command } from './commandManager';
import { CommandId } from './commandIds';

/** Coaching: Open Values Map — the vision → values → focus areas → commitments map, with its gaps. */
export class OpenValuesMapCommand implements Command {
  readonly id = CommandId.OpenValuesMap;

  constructor(private readonly extensionUri: vscode.Uri, private readonly journals: JournalService, private readonly log: Logger) {}

  execute(): ValuesMapPanel {
    return ValuesMapPanel.show(this.extensionUri, this.journals, this.log);
  }
}
