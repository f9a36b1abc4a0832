import { addCommitmentEdits, learningQuestion, newItemId, OUTCOME_LABELS, recordOutcomeEdits, type NewCommitment, type Outcome } from '../core';
import { applyNoteEdits } from '../platform/conversions';
import { refreshNotes } from '../platform/noteFiles';
import type { Command } from './commandManager';
import { CommandId } from './commandIds';
import { commitmentSteps, stepsPerCommitment, type CommitmentContext } from './flow/commitmentSteps';
import { messageOf, runCoachingCommand, type CoachingDeps } from './flow/context';
import { Flow, type Step } from './flow/flow';
import { defaultDue, textProblem, type CommitmentAnswer } from './flow/sessionPlan';
import { sessionTargetStep, writeToSession, type SessionTarget } from './flow/sessionTarget';
import { resolveCommitment } from './pickCommitment';

const TITLE = 'Carry Forward';

/** The outcomes a carried-forward commitment closes with. */
const CARRY_OUTCOMES: readonly Outcome[] = ['not-done', 'partly'];

/**
 * Coaching: Carry Forward — closes a commitment as not done or partly (with the learning question that
 * fits, optional) and makes a follow-up commitment linked to it (`carried_from`): its text, focus area,
 * values and success pre-filled from the original, due one cadence from today, in today's session note
 * (or the latest, or a new one: the person picks). Escape at any step writes nothing.
 */
export class CarryForwardCommand implements Command {
  readonly id = CommandId.CarryForward;

  constructor(private readonly deps: CoachingDeps) {}

  execute(arg?: unknown): Promise<void> {
    return runCoachingCommand(this.deps, TITLE, () => this.run(arg));
  }

  private async run(arg: unknown): Promise<void> {
    const journals = this.deps.journals;
    const ref = await resolveCommitment(journals, arg, 'Which commitment are you carrying forward?');
    if (!ref) {
      return;
    }
    const found = journals.findCommitment(ref);
    const prompter = this.deps.prompter();
    if (!found) {
      prompter.error(`The commitment ${ref.id} is no longer in the journal (was its note changed or deleted?). Refresh the Commitments view and try again.`);
      return;
    }
    const { journal, commitment: original } = found;
    const today = journals.today();
    const config = this.deps.config.get(journal.folder);
    const snap = journal.index.snapshot();
    const ctx: CommitmentContext = { today, cadenceDays: config.sessionCadenceDays, snapshot: snap, todayFocus: original.focus ? [original.focus] : [] };
    const state: { outcome?: Outcome; learning?: string; target?: SessionTarget } = {};
    const followUp: CommitmentAnswer[] = [{
      text: original.text, focus: original.focus, values: [...original.values], success: original.success, due: defaultDue(today, config.sessionCadenceDays),
    }];

    const then = sessionTargetStep(state, snap, today, 'follow-up commitment');
    const outcome: Step = async (flow) => {
      state.outcome = await flow.pick(`Close "${original.text}" as…`, CARRY_OUTCOMES.map((o) => ({
        label: OUTCOME_LABELS[o],
        detail: o === 'partly' ? 'I did some of it; the rest carries forward.' : 'I did not do it; I still mean to.',
        value: o,
        picked: state.outcome === o,
      })));
      return learning;
    };
    const learning: Step = async (flow) => {
      const { question } = learningQuestion(state.outcome ?? 'not-done');
      state.learning = (await flow.input({
        prompt: `${question} (optional: press Enter to skip)`,
        placeholder: question,
        value: state.learning ?? '',
        validate: (v) => textProblem(v, undefined),
      })).trim();
      return commitmentSteps(followUp, ctx, false, then, 0, true);
    };

    const flow = new Flow(prompter, TITLE, () => 2 + stepsPerCommitment(ctx, false) + (snap.sessions.length > 0 ? 1 : 0));
    if (!(await flow.run(outcome)) || !state.outcome) {
      return; // Escape: nothing written
    }

    // The original's outcome first: when it cannot be recorded (the note changed), nothing is written.
    const closed = state.outcome;
    const originalUri = journal.store.uri(original.loc.file);
    try {
      await applyNoteEdits(originalUri, (text) => recordOutcomeEdits(text, original.id, {
        outcome: closed, on: today, learning: state.learning ? { lens: learningQuestion(closed).lens, text: state.learning } : undefined,
      }));
    } catch (e) {
      prompter.error(`Carry Forward: could not record the outcome of ${original.id} in ${original.loc.file} (${messageOf(e)}). Nothing was written.`);
      return;
    }
    await refreshNotes(journal, [original.loc.file]);

    const a = followUp[0];
    const next: NewCommitment = {
      id: newItemId('a', today, journal.index.usedIds()),
      text: a.text, focus: a.focus, values: a.values, success: a.success, due: a.due, carried_from: original.id,
    };
    let path: string;
    try {
      path = await writeToSession(journal, state.target ?? { kind: 'new' }, today, (text) => addCommitmentEdits(text, next),
        { actions: [next], focus: a.focus ? [a.focus] : [] }, config.sessionTemplate, prompter);
    } catch (e) {
      prompter.error(`Carry Forward recorded ${OUTCOME_LABELS[closed].toLowerCase()} for ${original.id}, but the follow-up commitment could not be written (${messageOf(e)}). Add it with Coaching: Add Commitment.`);
      return;
    }
    prompter.info(`${original.id} closed as ${OUTCOME_LABELS[closed].toLowerCase()}; follow-up ${next.id} added to ${journal.config.folder}/${path}.`);
  }
}
