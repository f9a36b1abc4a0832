import * as vscode from 'vscode';

/**
 * Composition root: builds the objects and wires them. No I/O on this path; indexing starts after
 * activation returns.
 */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Coaching Journal', { log: true });
  context.subscriptions.push(log);
  log.info('Coaching Journal activated');
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
