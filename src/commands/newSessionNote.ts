import { newSessionLocation, renderSessionNote } from '../core';
import { createNote, freeSessionNames, openNoteAt, readSessionTemplate } from '../platform/noteFiles';
import type { Command } from './commandManager';
import { CommandId } from './commandIds';
import { openJournal } from './flow/chooseJournal';
import { runCoachingCommand, type CoachingDeps } from './flow/context';

const TITLE = 'New Session Note';

/**
 * Coaching: New Session Note — today's session note from the template, without the questions: the open
 * commitments are listed in the check-in with an empty outcome, for the person to fill in by hand.
 */
export class NewSessionNoteCommand implements Command {
  readonly id = CommandId.NewSessionNote;

  constructor(private readonly deps: CoachingDeps) {}

  execute(): Promise<void> {
    return runCoachingCommand(this.deps, TITLE, async () => {
      const context = await openJournal(this.deps, TITLE);
      if (!context) {
        return;
      }
      const { journal, prompter, today, config, snap } = context;
      const { usedIds, existingPaths } = await freeSessionNames(journal, today);
      const location = newSessionLocation(today, existingPaths, usedIds);
      const template = await readSessionTemplate(journal, config.sessionTemplate, (m) => prompter.error(m));
      const { text, cursor } = renderSessionNote({
        id: location.id,
        date: today,
        goals: [],
        focus: snap.focusAreas.filter((f) => f.status === 'active').map((f) => f.id),
        checkin: snap.commitments.filter((c) => c.status === 'open').map((c) => ({ action: c.id, learnings: [] })),
        actions: [],
        bigPicture: snap.bigPicture,
        focusAreas: snap.focusAreas,
        template,
      });
      const uri = await createNote(journal, location.path, text);
      await openNoteAt(uri, cursor, text);
    });
  }
}
