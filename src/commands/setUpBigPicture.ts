import { setFieldEdits } from '../core';
import { applyNoteEdits } from '../platform/conversions';
import { openNoteAt, refreshNotes } from '../platform/noteFiles';
import { addValue } from './addValue';
import type { Command } from './commandManager';
import { CommandId } from './commandIds';
import { BIG_PICTURE_PATH, setUpBigPicture } from './flow/bigPictureFlow';
import { pickJournalFolder } from './flow/chooseJournal';
import { runCoachingCommand, type CoachingDeps } from './flow/context';
import { Flow, type Step } from './flow/flow';
import { textProblem } from './flow/sessionPlan';

const TITLE = 'Set Up Big Picture';

type Choice = 'vision' | 'goal' | 'value';

/**
 * Coaching: Set Up Big Picture — the goal, the vision and the values. Creates big-picture.md (and the
 * journal folder) when there is none; otherwise edits the vision or the goal, or adds a value.
 */
export class SetUpBigPictureCommand implements Command {
  readonly id = CommandId.SetUpBigPicture;

  constructor(private readonly deps: CoachingDeps) {}

  execute(): Promise<void> {
    return runCoachingCommand(this.deps, TITLE, async () => {
      const journal = await pickJournalFolder(this.deps, TITLE);
      if (!journal) {
        return;
      }
      const prompter = this.deps.prompter();
      const big = journal.index.snapshot().bigPicture;
      if (!big) {
        if (await setUpBigPicture(prompter, journal)) {
          prompter.info(`Your big picture is in ${journal.config.folder}/${BIG_PICTURE_PATH}.`);
          await openNoteAt(journal.store.uri(BIG_PICTURE_PATH));
        }
        return;
      }
      const state: { choice?: Choice; text: string } = { text: '' };
      const choose: Step = async (flow) => {
        state.choice = await flow.pick<Choice>('Your big picture is set up. What do you want to change?', [
          { label: 'Edit the vision', detail: big.vision ?? '(no vision yet)', value: 'vision', picked: state.choice === 'vision' },
          { label: 'Edit the mid-term goal', detail: big.goal ?? '(no goal yet)', value: 'goal', picked: state.choice === 'goal' },
          { label: 'Add a value', detail: big.values.map((v) => v.name).join(', ') || '(no values yet)', value: 'value', picked: state.choice === 'value' },
        ]);
        return state.choice === 'value' ? undefined : edit;
      };
      const edit: Step = async (flow) => {
        const vision = state.choice === 'vision';
        state.text = (await flow.input({
          prompt: vision ? 'Your vision: where do you want to be in a few years?' : 'Your mid-term goal (often a promotion)',
          value: (vision ? big.vision : big.goal) ?? '',
          validate: (v) => textProblem(v, vision ? 'Write your vision in a sentence.' : 'Write your goal in a sentence.'),
        })).trim();
        return undefined;
      };
      if (!(await new Flow(prompter, TITLE, (step) => (state.choice === 'value' ? step : 2)).run(choose)) || !state.choice) {
        return;
      }
      if (state.choice === 'value') {
        await addValue(prompter, journal, 'Add Value');
        return;
      }
      const key = state.choice;
      const path = big.loc.file;
      await applyNoteEdits(journal.store.uri(path), (text) => setFieldEdits(text, key, state.text));
      await refreshNotes(journal, [path]);
      prompter.info(`The ${key === 'vision' ? 'vision' : 'goal'} in ${journal.config.folder}/${path} is updated.`);
    });
  }
}
