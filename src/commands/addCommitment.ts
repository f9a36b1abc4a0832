import { addCommitmentEdits, newItemId, type NewCommitment } from '../core';
import type { Command } from './commandManager';
import { CommandId } from './commandIds';
import { openJournal } from './flow/chooseJournal';
import { commitmentSteps, stepsPerCommitment, type CommitmentContext } from './flow/commitmentSteps';
import { runCoachingCommand, type CoachingDeps } from './flow/context';
import { Flow } from './flow/flow';
import { sessionTargetStep, writeToSession, type SessionTarget } from './flow/sessionTarget';
import type { CommitmentAnswer } from './flow/sessionPlan';

const TITLE = 'Add Commitment';

/** Coaching: Add Commitment — one new commitment, in today's session note or the latest (the person picks). */
export class AddCommitmentCommand implements Command {
  readonly id = CommandId.AddCommitment;

  constructor(private readonly deps: CoachingDeps) {}

  execute(): Promise<void> {
    return runCoachingCommand(this.deps, TITLE, async () => {
      const context = await openJournal(this.deps, TITLE);
      if (!context) {
        return;
      }
      const { journal, prompter, today, config, snap } = context;
      const latest = snap.sessions[snap.sessions.length - 1];
      const ctx: CommitmentContext = { today, cadenceDays: config.sessionCadenceDays, snapshot: snap, todayFocus: latest?.focus ?? [] };
      const answers: CommitmentAnswer[] = [];
      const state: { target?: SessionTarget } = {};
      const flow = new Flow(prompter, TITLE, () => stepsPerCommitment(ctx, false) + (snap.sessions.length > 0 ? 1 : 0));
      if (!(await flow.run(commitmentSteps(answers, ctx, false, sessionTargetStep(state, snap, today, 'commitment'))))) {
        return;
      }
      const a = answers[0];
      const commitment: NewCommitment = {
        id: newItemId('a', today, journal.index.usedIds()),
        text: a.text, focus: a.focus, values: a.values, success: a.success, due: a.due,
      };
      const path = await writeToSession(journal, state.target ?? { kind: 'new' }, today, (text) => addCommitmentEdits(text, commitment),
        { actions: [commitment], focus: a.focus ? [a.focus] : [] }, config.sessionTemplate, prompter);
      prompter.info(`Commitment ${commitment.id} added to ${journal.config.folder}/${path}.`);
    });
  }
}
