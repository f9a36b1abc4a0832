import type { JournalSnapshot } from '../../core';
import type { CoachingConfig } from '../../platform/config';
import type { FolderJournal } from '../../platform/journalService';
import type { Prompter } from '../../platform/prompter';
import { setUpBigPicture } from './bigPictureFlow';
import type { CoachingDeps } from './context';

export interface ChooseJournalOptions {
  /** The command also needs big-picture.md (Add Value): offer to set it up when it is missing. */
  needBigPicture?: boolean;
}

/**
 * The journal a command works on. In a multi-root workspace the person picks the folder. With no
 * journal yet, the person is offered to set one up (the big picture) instead of an error; the journal
 * is returned when it exists afterwards. Undefined: there is nothing to work on (the person declined or
 * cancelled, or no folder is open).
 */
export async function chooseJournal(deps: CoachingDeps, title: string, options: ChooseJournalOptions = {}): Promise<FolderJournal | undefined> {
  const prompter = deps.prompter();
  const journal = await pickJournalFolder(deps, title);
  if (!journal) {
    return undefined;
  }
  const hasBigPicture = journal.index.snapshot().bigPicture !== undefined;
  if (!journal.hasNotes || (options.needBigPicture && !hasBigPicture)) {
    const where = `${journal.folder.name}/${journal.config.folder}`;
    const answer = await prompter.pick({
      title,
      placeholder: journal.hasNotes
        ? `The journal in ${where} has no big picture yet (vision, goal, values). Set it up now?`
        : `There is no coaching journal in ${where} yet. Set one up now?`,
      items: [
        { label: 'Set up the journal', description: 'your goal, vision and values, in big-picture.md', value: true },
        { label: 'Not now', value: false },
      ],
    });
    if (answer === undefined || answer === 'back' || !answer.value) {
      return undefined;
    }
    if (!(await setUpBigPicture(prompter, journal))) {
      return undefined;
    }
    prompter.info(`Your journal is set up in ${where}: big-picture.md holds your goal, vision and values.`);
  }
  return journal;
}

/** The journal of the workspace folder the person works in (they pick one in a multi-root workspace). */
export async function pickJournalFolder(deps: CoachingDeps, title: string): Promise<FolderJournal | undefined> {
  const prompter = deps.prompter();
  await deps.journals.ready;
  const all = deps.journals.journals;
  if (all.length === 0) {
    prompter.error(`${title} needs a folder for the journal: open a folder (File > Open Folder…) and try again.`);
    return undefined;
  }
  let journal = all[0];
  if (all.length > 1) {
    const answer = await prompter.pick({
      title,
      placeholder: 'Which workspace folder\'s journal?',
      items: all.map((j) => ({
        label: j.folder.name,
        description: j.hasNotes ? `${j.config.folder}/ · ${j.index.size} notes` : 'no journal yet',
        value: j,
        picked: j === all.find((x) => x.hasNotes),
      })),
    });
    if (answer === undefined || answer === 'back') {
      return undefined;
    }
    journal = answer.value;
  }
  return journal;
}

/** What a journaling command works with once its journal is chosen. */
export interface CommandContext {
  journal: FolderJournal;
  prompter: Prompter;
  today: string;
  config: CoachingConfig;
  snap: JournalSnapshot;
}

/** `chooseJournal`, then the prompter, today, the journal's settings and its snapshot; undefined when there is no journal to work on. */
export async function openJournal(deps: CoachingDeps, title: string, options: ChooseJournalOptions = {}): Promise<CommandContext | undefined> {
  const journal = await chooseJournal(deps, title, options);
  if (!journal) {
    return undefined;
  }
  return { journal, prompter: deps.prompter(), today: deps.journals.today(), config: deps.config.get(journal.folder), snap: journal.index.snapshot() };
}
