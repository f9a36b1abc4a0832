import type * as vscode from 'vscode';
import type { JournalService } from '../platform/journalService';
import type { Logger } from '../platform/logger';
import { ValuesMapPanel } from '../webview/valuesMapPanel';

/** `coaching.openValuesMap` (to join the CommandId enum when the command files meet on main). */
export const OPEN_VALUES_MAP_COMMAND = 'coaching.openValuesMap';

/** Coaching: Open Values Map — the vision → values → focus areas → commitments map, with its gaps. */
export class OpenValuesMapCommand {
  readonly id = OPEN_VALUES_MAP_COMMAND;

  constructor(private readonly extensionUri: vscode.Uri, private readonly journals: JournalService, private readonly log: Logger) {}

  execute(): ValuesMapPanel {
    return ValuesMapPanel.show(this.extensionUri, this.journals, this.log);
  }
}
