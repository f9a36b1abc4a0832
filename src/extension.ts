import * as vscode from 'vscode';
import { CommandManager } from './commands/commandManager';
import { registerCoachingCommands } from './commands/coachingCommands';
import { ConfigReader } from './platform/config';
import { JournalService } from './platform/journalService';
import { OutputChannelLogger } from './platform/logger';
import type { Prompter } from './platform/prompter';
import { VsCodePrompter } from './platform/vscodePrompter';

/** What activate() returns: hooks for the integration tests, nothing else. */
export interface CoachingJournalApi {
  /** Replaces who answers the commands' questions (a scripted prompter); undefined restores VS Code's. */
  setPrompterForTests(prompter: Prompter | undefined): void;
  /** Reads every journal again (after a test replaced the files) and resolves when done. */
  reloadJournalsForTests(): Promise<void>;
}

/**
 * Composition root: builds the objects and wires them. No I/O on this path; indexing starts after
 * activation returns.
 */
export function activate(context: vscode.ExtensionContext): CoachingJournalApi {
  const log = vscode.window.createOutputChannel('Coaching Journal', { log: true });
  context.subscriptions.push(log);
  const logger = new OutputChannelLogger(log);
  const config = new ConfigReader(logger);
  const journals = new JournalService(config, logger);
  const commands = new CommandManager();
  context.subscriptions.push(config, journals, commands);

  // The coaching loop (Start Session and the journaling commands).
  const vsCodePrompter = new VsCodePrompter();
  let prompter: Prompter = vsCodePrompter;
  registerCoachingCommands(commands, { journals, config, log: logger, prompter: () => prompter });

  journals.start();
  log.info('Coaching Journal activated');
  return {
    setPrompterForTests: (p) => {
      prompter = p ?? vsCodePrompter;
    },
    reloadJournalsForTests: async () => {
      await journals.flush(); // events already received must not land after the reload
      await journals.reload();
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
