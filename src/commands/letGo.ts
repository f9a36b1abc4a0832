import type { Outcome } from '../core';
import { CommandId } from './commandIds';
import { RecordOutcomeCommand } from './recordOutcome';

/** Lets a commitment go (it no longer serves): Record Outcome with "Let go" already chosen. */
export class LetGoCommand extends RecordOutcomeCommand {
  override readonly id: string = CommandId.LetGo;

  protected override async askOutcome(): Promise<Outcome | undefined> {
    return 'let-go';
  }
}
