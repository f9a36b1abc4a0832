import * as vscode from 'vscode';
import { ConfigReader } from './platform/config';
import { JournalService } from './platform/journalService';
import { OutputChannelLogger } from './platform/logger';
import { registerValuesMap } from './webview';

/**
 * Composition root: builds the objects and wires them. No I/O on this path; indexing starts after
 * activation returns.
 */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Coaching Journal', { log: true });
  context.subscriptions.push(log);
  const logger = new OutputChannelLogger(log);
  const config = new ConfigReader(logger);
  const journals = new JournalService(config, logger);
  context.subscriptions.push(config, journals);
  context.subscriptions.push(registerValuesMap(context, journals, logger));
  journals.start();
  log.info('Coaching Journal activated');
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
