import * as vscode from 'vscode';

/** One command: its id and what it does. One class per file in src/commands/. */
export interface Command {
  readonly id: string;
  execute(...args: unknown[]): unknown;
}

/** Registers commands and disposes every registration at once. */
export class CommandManager implements vscode.Disposable {
  private readonly registrations = new Map<string, vscode.Disposable>();

  register<T extends Command>(command: T): T {
    if (this.registrations.has(command.id)) {
      throw new Error(`Command ${command.id} is registered twice.`);
    }
    this.registrations.set(command.id, vscode.commands.registerCommand(command.id, (...args: unknown[]) => command.execute(...args)));
    return command;
  }

  dispose(): void {
    for (const registration of this.registrations.values()) {
      registration.dispose();
    }
    this.registrations.clear();
  }
}
