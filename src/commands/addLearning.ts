import { addLearningEdits, newItemId, type NewLearning } from '../core';
import type { Command } from './commandManager';
import { CommandId } from './commandIds';
import { openJournal } from './flow/chooseJournal';
import { runCoachingCommand, type CoachingDeps } from './flow/context';
import { Flow, type Step } from './flow/flow';
import { focusOptions, sessionTargetStep, writeToSession, type SessionTarget } from './flow/sessionTarget';
import { textProblem } from './flow/sessionPlan';

const TITLE = 'Add Learning';

/** Coaching: Add Learning — something you found out, optionally marked as evidence for your promotion case. */
export class AddLearningCommand implements Command {
  readonly id = CommandId.AddLearning;

  constructor(private readonly deps: CoachingDeps) {}

  execute(): Promise<void> {
    return runCoachingCommand(this.deps, TITLE, async () => {
      const context = await openJournal(this.deps, TITLE);
      if (!context) {
        return;
      }
      const { journal, prompter, today, config, snap } = context;
      const state: { text: string; focus?: string; evidence: boolean; target?: SessionTarget } = { text: '', evidence: false };
      let focusChosen = false;
      const target = sessionTargetStep(state, snap, today, 'learning');
      const text: Step = async (flow) => {
        state.text = (await flow.input({
          prompt: 'What did you learn?',
          placeholder: 'e.g. Pre-wiring the staff meeting avoided the usual pushback',
          value: state.text,
          validate: (v) => textProblem(v, 'Write what you learned, in a sentence.'),
        })).trim();
        return focus;
      };
      const focus: Step = async (flow) => {
        const preselect = focusChosen ? state.focus : snap.sessions[snap.sessions.length - 1]?.focus[0];
        state.focus = await flow.pick('Which focus area is it about?', focusOptions(snap, preselect));
        focusChosen = true;
        return evidence;
      };
      const evidence: Step = async (flow) => {
        state.evidence = await flow.pick('Is it evidence for your promotion case? (Export Evidence lists these)', [
          { label: 'Yes, it is evidence', description: 'evidence: true', value: true, picked: state.evidence },
          { label: 'No, just a learning', description: 'evidence: false', value: false, picked: !state.evidence },
        ]);
        return target;
      };
      const flow = new Flow(prompter, TITLE, () => 3 + (snap.sessions.length > 0 ? 1 : 0));
      if (!(await flow.run(text))) {
        return;
      }
      const learning: NewLearning = { id: newItemId('l', today, journal.index.usedIds()), text: state.text, focus: state.focus, evidence: state.evidence };
      const path = await writeToSession(journal, state.target ?? { kind: 'new' }, today, (t) => addLearningEdits(t, learning),
        { actions: [], learnings: [learning], focus: state.focus ? [state.focus] : [] }, config.sessionTemplate, prompter);
      prompter.info(`Learning ${learning.id} added to ${journal.config.folder}/${path}.`);
    });
  }
}
