import { renderSessionNote, newSessionLocation, type JournalSnapshot, type SessionNoteInput, type TextEdit } from '../../core';
import { applyNoteEdits } from '../../platform/conversions';
import type { FolderJournal } from '../../platform/journalService';
import { createNote, freeSessionNames, readSessionTemplate, refreshNotes } from '../../platform/noteFiles';
import type { PickOption, Prompter } from '../../platform/prompter';
import type { Step } from './flow';

/** Where an entry goes: an existing session note (its path), or a new session note for today. */
export type SessionTarget = { kind: 'existing'; path: string } | { kind: 'new' };

/** The choices of session note, today's (or else the latest) first and pre-selected. */
export function sessionTargetOptions(snap: Pick<JournalSnapshot, 'sessions'>, today: string): PickOption<SessionTarget>[] {
  const sessions = snap.sessions;
  const todays = [...sessions].reverse().find((s) => s.date === today);
  const latest = sessions[sessions.length - 1];
  const options: PickOption<SessionTarget>[] = [];
  if (todays) {
    options.push({ label: "Today's session", description: todays.loc.file, value: { kind: 'existing', path: todays.loc.file }, picked: true });
  }
  if (latest && latest !== todays) {
    options.push({ label: `Latest session, ${latest.date}`, description: latest.loc.file, value: { kind: 'existing', path: latest.loc.file }, picked: !todays });
  }
  options.push({ label: 'A new session note for today', description: `sessions/${today}…`, value: { kind: 'new' } });
  return options;
}

/** Asks which session note gets the entry; skipped when a new note is the only choice. */
export function sessionTargetStep(state: { target?: SessionTarget }, snap: Pick<JournalSnapshot, 'sessions'>, today: string, what: string): Step {
  return async (flow) => {
    const options = sessionTargetOptions(snap, today);
    if (options.length === 1) {
      state.target = options[0].value;
      return undefined;
    }
    const current = state.target;
    state.target = await flow.pick(`Which session note gets the ${what}?`, options.map((o) => ({
      ...o,
      picked: current ? JSON.stringify(current) === JSON.stringify(o.value) : o.picked,
    })));
    return undefined;
  };
}

/**
 * Writes an entry to the chosen session note: an edit of an existing note (through a WorkspaceEdit when
 * it is open), or a new session note for today holding `entry`. Returns the note's path.
 */
export async function writeToSession(
  journal: FolderJournal,
  target: SessionTarget,
  today: string,
  edit: (text: string) => TextEdit[],
  entry: Pick<SessionNoteInput, 'actions' | 'learnings' | 'feedback'> & { focus?: string[] },
  templateSetting: string,
  prompter: Prompter,
): Promise<string> {
  if (target.kind === 'existing') {
    await applyNoteEdits(journal.store.uri(target.path), edit);
    await refreshNotes(journal, [target.path]);
    return target.path;
  }
  const { usedIds, existingPaths } = await freeSessionNames(journal, today);
  const { path, id } = newSessionLocation(today, existingPaths, usedIds);
  const snap = journal.index.snapshot();
  const template = await readSessionTemplate(journal, templateSetting, (m) => prompter.error(m));
  const { text } = renderSessionNote({
    id, date: today, goals: [], focus: entry.focus ?? [], checkin: [], actions: entry.actions, learnings: entry.learnings, feedback: entry.feedback,
    bigPicture: snap.bigPicture, focusAreas: snap.focusAreas, template,
  });
  await createNote(journal, path, text);
  return path;
}

/** Focus areas to pick from (retired ones left out), plus "No focus area". */
export function focusOptions(snap: Pick<JournalSnapshot, 'focusAreas'>, selected: string | undefined): PickOption<string | undefined>[] {
  return [
    ...snap.focusAreas.filter((f) => f.status !== 'retired').map((f) => ({
      label: f.title,
      description: f.status === 'active' ? f.id : `${f.id} · ${f.status}`,
      value: f.id as string | undefined,
      picked: f.id === selected,
    })),
    { label: 'No focus area', value: undefined, picked: selected === undefined },
  ];
}
