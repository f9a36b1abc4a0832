import * as vscode from 'vscode';
import { ConfigReader } from './platform/config';
import { JournalService } from './platform/journalService';
import { OutputChannelLogger } from './platform/logger';
import { registerValuesMap } from './webview';

/**
 * Composition root: builds the objects and wires them. No I/O on this path; the journals are read
 * after activation returns.
 */
export function activate(context: vscode.ExtensionContext): void {
  const channel = vscode.window.createOutputChannel('Coaching Journal', { log: true });
  context.subscriptions.push(channel);
  const log = new OutputChannelLogger(channel);

  const config = new ConfigReader(log);
  const journal = new JournalService(config, log);
  context.subscriptions.push(config, journal);

  context.subscriptions.push(registerValuesMap(context, journal, log));

  journal.start();
  log.info('Coaching Journal activated');
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
