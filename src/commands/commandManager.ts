import * as vscode from 'vscode';
import { restrictedModeMessage, WRITING_COMMANDS } from './commandIds';

/** One command: its id and what it does. One class per file in src/commands/. */
export interface Command {
  readonly id: string;
  execute(...args: unknown[]): unknown;
}

/**
 * Registers commands and disposes every registration at once. A command that writes does nothing but
 * explain itself in a restricted (untrusted) workspace.
 */
export class CommandManager implements vscode.Disposable {
  private readonly registrations = new Map<string, vscode.Disposable>();

  register<T extends Command>(command: T): T {
    if (this.registrations.has(command.id)) {
      throw new Error(`Command ${command.id} is registered twice.`);
    }
    const writes = WRITING_COMMANDS.has(command.id);
    this.registrations.set(command.id, vscode.commands.registerCommand(command.id, (...args: unknown[]) => {
      if (writes && !vscode.workspace.isTrusted) {
        void explainRestricted(command.id);
        return false;
      }
      return command.execute(...args);
    }));
    return command;
  }

  dispose(): void {
    for (const registration of this.registrations.values()) {
      registration.dispose();
    }
    this.registrations.clear();
  }
}

/** Tells the person why nothing happened, with a button to the trust editor. */
export async function explainRestricted(commandId: string): Promise<void> {
  const title = (vscode.extensions.getExtension('coaching-journal.coaching-journal')?.packageJSON.contributes?.commands as { command: string; title: string }[] | undefined)
    ?.find((c) => c.command === commandId)?.title;
  const manage = 'Manage Workspace Trust';
  if (await vscode.window.showWarningMessage(restrictedModeMessage(title ? `Coaching: ${title}` : 'This command'), manage) === manage) {
    await vscode.commands.executeCommand('workbench.trust.manage');
  }
}
