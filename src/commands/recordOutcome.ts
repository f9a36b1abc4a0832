import * as vscode from 'vscode';
import { EditError, learningQuestion, OUTCOMES, OUTCOME_LABELS, recordOutcomeEdits, type Outcome } from '../core';
import { applyNoteEdits } from '../platform/conversions';
import { plainMessage } from '../platform/plainText';
import type { JournalService } from '../platform/journalService';
import type { Logger } from '../platform/logger';
import { CommandId } from './commandIds';
import type { Command } from './commandManager';
import { resolveCommitment } from './pickCommitment';

interface OutcomePick extends vscode.QuickPickItem {
  outcome: Outcome;
}

/** The questions Record Outcome asks. Each returns undefined when the person presses Escape. */
export interface OutcomePrompts {
  /** Which outcome, for the commitment with this text. */
  outcome(commitmentText: string): Promise<Outcome | undefined>;
  /** The learning (an empty string when skipped). */
  learning(commitmentText: string, outcome: Outcome, question: string): Promise<string | undefined>;
}

const OUTCOME_DETAILS: Record<Outcome, string> = {
  'done': 'I did it.',
  'partly': 'I did some of it.',
  'not-done': 'I did not do it — there is something to learn in that too.',
  'let-go': 'It no longer serves me; I am letting it go.',
};

/**
 * Records the outcome of a commitment, any time (tree or palette): the outcome, then the learning
 * question that fits it (optional answer). Escape at any step writes nothing. The outcome is written on
 * the action in the note that made it; an open, unsaved note keeps its unsaved text.
 */
export class RecordOutcomeCommand implements Command {
  readonly id: string = CommandId.RecordOutcome;

  constructor(
    protected readonly journals: JournalService,
    protected readonly log: Logger,
    protected readonly prompts: OutcomePrompts = quickInputPrompts,
  ) {}

  async execute(arg?: unknown): Promise<boolean> {
    const ref = await resolveCommitment(this.journals, arg, 'Which commitment are you checking in on?');
    if (!ref) {
      return false;
    }
    const found = this.journals.findCommitment(ref);
    if (!found) {
      void vscode.window.showWarningMessage(plainMessage(`The commitment ${ref.id} is no longer in the journal (was its note changed or deleted?). Refresh the Commitments view and try again.`));
      return false;
    }
    const outcome = await this.askOutcome(found.commitment.text);
    if (!outcome) {
      return false;
    }
    const { lens, question } = learningQuestion(outcome);
    const learning = await this.prompts.learning(found.commitment.text, outcome, question);
    if (learning === undefined) {
      return false; // Escape: nothing is written
    }
    const uri = found.journal.store.uri(found.commitment.loc.file);
    const on = this.journals.today();
    try {
      await applyNoteEdits(uri, (text) => recordOutcomeEdits(text, ref.id, {
        outcome, on, learning: learning.trim() ? { lens, text: learning } : undefined,
      }));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.log.warn(`Record outcome of ${ref.id} in ${uri.toString(true)}: ${message}`);
      // EditError messages say that nothing was changed and what to fix; others say what happened.
      void vscode.window.showErrorMessage(plainMessage(`Could not record the outcome in ${found.commitment.loc.file}: ${message}${e instanceof EditError || /[.!?]$/.test(message) ? '' : '.'}`));
      return false;
    }
    this.log.info(`Recorded ${outcome} for ${ref.id} in ${found.commitment.loc.file}.`);
    await this.journals.refreshNote(uri);
    return true;
  }

  /** The outcome; `letGo` presets it. Undefined on Escape. */
  protected askOutcome(text: string): Promise<Outcome | undefined> {
    return this.prompts.outcome(text);
  }
}

/** The prompts as VS Code quick inputs. */
export const quickInputPrompts: OutcomePrompts = {
  async outcome(text) {
    const items: OutcomePick[] = OUTCOMES.map((outcome) => ({ label: OUTCOME_LABELS[outcome], detail: OUTCOME_DETAILS[outcome], outcome }));
    const picked = await vscode.window.showQuickPick(items, { title: text, placeHolder: 'How did it go?', ignoreFocusOut: true });
    return picked?.outcome;
  },
  learning(text, outcome, question) {
    return Promise.resolve(vscode.window.showInputBox({
      title: `${OUTCOME_LABELS[outcome]}: ${text}`,
      prompt: `${question} (optional: press Enter to skip)`,
      placeHolder: question,
      ignoreFocusOut: true,
    }));
  },
};
