import { addValueEdits } from '../core';
import { applyNoteEdits } from '../platform/conversions';
import type { FolderJournal } from '../platform/journalService';
import { refreshNotes } from '../platform/noteFiles';
import type { Prompter } from '../platform/prompter';
import type { Command } from './commandManager';
import { CommandId } from './commandIds';
import { BIG_PICTURE_PATH, valueId, valueNameProblem } from './flow/bigPictureFlow';
import { chooseJournal } from './flow/chooseJournal';
import { runCoachingCommand, type CoachingDeps } from './flow/context';
import { Flow, type Step } from './flow/flow';
import { textProblem } from './flow/sessionPlan';

const TITLE = 'Add Value';

/** Asks for a value (name, why) and appends it to the big picture. False when cancelled. */
export async function addValue(prompter: Prompter, journal: FolderJournal, title: string): Promise<boolean> {
  const snap = journal.index.snapshot();
  const state = { name: '', why: '' };
  const name: Step = async (flow) => {
    state.name = (await flow.input({
      prompt: 'A value behind your goal: what do you want more of?',
      placeholder: 'e.g. Impact on people, Craft, Money to start a business',
      value: state.name,
      validate: (v) => textProblem(v, 'Name the value.') ?? valueNameProblem(v)
        ?? (snap.values.some((x) => x.name.toLowerCase() === v.trim().toLowerCase()) ? `"${v.trim()}" is already one of your values.` : undefined),
    })).trim();
    return why;
  };
  const why: Step = async (flow) => {
    state.why = (await flow.input({
      prompt: `Why does "${state.name}" matter to you? (optional)`,
      value: state.why,
      validate: (v) => textProblem(v, undefined),
    })).trim();
    return undefined;
  };
  if (!(await new Flow(prompter, title, () => 2).run(name))) {
    return false;
  }
  const path = snap.bigPicture?.loc.file ?? BIG_PICTURE_PATH;
  const value = { id: valueId(state.name, new Set(snap.values.map((v) => v.id))), name: state.name, why: state.why || undefined };
  await applyNoteEdits(journal.store.uri(path), (text) => addValueEdits(text, value));
  await refreshNotes(journal, [path]);
  prompter.info(`Value "${value.name}" (${value.id}) added to ${journal.config.folder}/${path}.`);
  return true;
}

/** Coaching: Add Value — a value behind the goal, in big-picture.md. */
export class AddValueCommand implements Command {
  readonly id = CommandId.AddValue;

  constructor(private readonly deps: CoachingDeps) {}

  execute(): Promise<void> {
    return runCoachingCommand(this.deps, TITLE, async () => {
      const journal = await chooseJournal(this.deps, TITLE, { needBigPicture: true });
      if (journal) {
        await addValue(this.deps.prompter(), journal, TITLE);
      }
    });
  }
}
