import { addFeedbackEdits, newItemId, type FeedbackKind, type FeedbackSource, type NewFeedback } from '../core';
import type { Command } from './commandManager';
import { CommandId } from './commandIds';
import { openJournal } from './flow/chooseJournal';
import { runCoachingCommand, type CoachingDeps } from './flow/context';
import { Flow, type Step } from './flow/flow';
import { focusOptions, sessionTargetStep, writeToSession, type SessionTarget } from './flow/sessionTarget';
import { textProblem } from './flow/sessionPlan';

const TITLE = 'Log Feedback';

const SOURCES: { value: FeedbackSource; label: string }[] = [
  { value: 'manager', label: 'My manager' },
  { value: 'peer', label: 'A peer' },
  { value: 'skip-level', label: 'My skip-level manager' },
  { value: 'self', label: 'Myself' },
];

const KINDS: { value: FeedbackKind; label: string; description: string }[] = [
  { value: 'praise', label: 'Praise', description: 'what went well' },
  { value: 'suggestion', label: 'Suggestion', description: 'something to try' },
  { value: 'blind-spot', label: 'Blind spot', description: 'something I did not see myself' },
];

/** Coaching: Log Feedback — feedback from your manager or peers, blind spots included. */
export class LogFeedbackCommand implements Command {
  readonly id = CommandId.LogFeedback;

  constructor(private readonly deps: CoachingDeps) {}

  execute(): Promise<void> {
    return runCoachingCommand(this.deps, TITLE, async () => {
      const context = await openJournal(this.deps, TITLE);
      if (!context) {
        return;
      }
      const { journal, prompter, today, config, snap } = context;
      const state: { from?: FeedbackSource; kind?: FeedbackKind; text: string; focus?: string; target?: SessionTarget } = { text: '' };
      let focusChosen = false;
      const from: Step = async (flow) => {
        state.from = await flow.pick('Who gave the feedback?', SOURCES.map((s) => ({ label: s.label, description: s.value, value: s.value, picked: s.value === (state.from ?? 'manager') })));
        return kind;
      };
      const kind: Step = async (flow) => {
        state.kind = await flow.pick('What kind of feedback?', KINDS.map((k) => ({ ...k, picked: k.value === state.kind })));
        return text;
      };
      const text: Step = async (flow) => {
        state.text = (await flow.input({
          prompt: 'What was said? In their words, as close as you remember',
          placeholder: 'e.g. You go quiet in staff meetings when you disagree',
          value: state.text,
          validate: (v) => textProblem(v, 'Write what was said, in a sentence.'),
        })).trim();
        return focus;
      };
      const focus: Step = async (flow) => {
        const preselect = focusChosen ? state.focus : snap.sessions[snap.sessions.length - 1]?.focus[0];
        state.focus = await flow.pick('Which focus area is it about?', focusOptions(snap, preselect));
        focusChosen = true;
        return sessionTargetStep(state, snap, today, 'feedback');
      };
      const flow = new Flow(prompter, TITLE, () => 4 + (snap.sessions.length > 0 ? 1 : 0));
      if (!(await flow.run(from)) || !state.from || !state.kind) {
        return;
      }
      const feedback: NewFeedback = { id: newItemId('fb', today, journal.index.usedIds()), from: state.from, kind: state.kind, focus: state.focus, text: state.text };
      const path = await writeToSession(journal, state.target ?? { kind: 'new' }, today, (t) => addFeedbackEdits(t, feedback),
        { actions: [], feedback: [feedback], focus: state.focus ? [state.focus] : [] }, config.sessionTemplate, prompter);
      prompter.info(`Feedback ${feedback.id} added to ${journal.config.folder}/${path}.`);
    });
  }
}
