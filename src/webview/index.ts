import * as vscode from 'vscode';
import type { JournalService } from '../platform/journalService';
import type { Logger } from '../platform/logger';
import { ValuesMapPanel } from './valuesMapPanel';
import { ValuesMapSerializer } from './valuesMapSerializer';

/** Registers the values map's serializer (which restores it after a reload); its command is registered with the others. */
export function registerValuesMap(context: vscode.ExtensionContext, journals: JournalService, log: Logger): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.window.registerWebviewPanelSerializer(ValuesMapPanel.viewType, new ValuesMapSerializer(context.extensionUri, journals, log)),
    { dispose: () => ValuesMapPanel.currentPanel?.dispose() },
  );
}
