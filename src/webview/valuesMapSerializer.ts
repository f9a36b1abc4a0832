import * as vscode from 'vscode';
import type { JournalService } from '../platform/journalService';
import type { Logger } from '../platform/logger';
import { parseMapViewState } from './mapMessageGuard';
import { ValuesMapPanel } from './valuesMapPanel';

/**
 * Restores the values map after a window reload, with the filters its webview saved (`setState`). A
 * panel whose saved state cannot be used is closed rather than shown broken; a panel that never saved
 * any (closed before its script ran) opens with the default filters.
 */
export class ValuesMapSerializer implements vscode.WebviewPanelSerializer<unknown> {
  constructor(private readonly extensionUri: vscode.Uri, private readonly journals: JournalService, private readonly log: Logger) {}

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const parsed = state === undefined || state === null ? undefined : parseMapViewState(state);
    if (state !== undefined && state !== null && !parsed) {
      this.log.warn('Values map: the saved state of a restored panel is not usable; the panel was closed.');
      panel.dispose();
      return;
    }
    ValuesMapPanel.revive(panel, this.extensionUri, this.journals, this.log, parsed);
  }
}
