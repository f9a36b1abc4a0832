import type { ConfigReader } from '../../platform/config';
import type { FolderJournal, JournalService } from '../../platform/journalService';
import type { Logger } from '../../platform/logger';
import type { Prompter } from '../../platform/prompter';

/** What the coaching commands need: the journals, the settings, a log, and who asks the questions. */
export interface CoachingDeps {
  readonly journals: JournalService;
  readonly config: ConfigReader;
  readonly log: Logger;
  /** The current prompter (VS Code's, or a scripted one in integration tests). */
  prompter(): Prompter;
  /** Runs after Start Session wrote its note (the `coaching.autoCommit` git commit). */
  afterSession?(journal: FolderJournal): Promise<void>;
}

/** The message of an error, for a person. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Runs a command's body; an unexpected error is logged and shown in one clear line instead of
 * disappearing into the developer console.
 */
export async function runCoachingCommand(deps: CoachingDeps, title: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    deps.log.error(e instanceof Error ? e : String(e));
    deps.prompter().error(`${title}: ${messageOf(e)}`);
  }
}
