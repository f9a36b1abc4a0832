import * as vscode from 'vscode';
import type { JournalService } from '../platform/journalService';
import type { Logger } from '../platform/logger';
import { OpenValuesMapCommand } from '../commands/openValuesMap';
import { ValuesMapPanel } from './valuesMapPanel';
import { ValuesMapSerializer } from './valuesMapSerializer';

/** Registers the values map: its command and the serializer that restores it after a reload. */
export function registerValuesMap(context: vscode.ExtensionContext, journals: JournalService, log: Logger): vscode.Disposable {
  const command = new OpenValuesMapCommand(context.extensionUri, journals, log);
  return vscode.Disposable.from(
    vscode.commands.registerCommand(command.id, () => command.execute()),
    vscode.window.registerWebviewPanelSerializer(ValuesMapPanel.viewType, new ValuesMapSerializer(context.extensionUri, journals, log)),
    { dispose: () => ValuesMapPanel.currentPanel?.dispose() },
  );
}
