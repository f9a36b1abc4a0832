import * as vscode from 'vscode';
import type { FolderJournal, JournalService } from './journalService';

/**
 * The journal a command works on: the only one, the one of the active editor, or the person's pick in a
 * multi-root workspace. Undefined when there is none with notes (the caller says what to do) or the pick
 * was cancelled.
 */
export async function pickJournalWithNotes(service: JournalService, title: string): Promise<FolderJournal | undefined> {
  await service.ready;
  const journals = service.journalsWithNotes();
  if (journals.length <= 1) {
    return journals[0];
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  const located = active ? service.locate(active) : undefined;
  if (located && journals.includes(located.journal)) {
    return located.journal;
  }
  const pick = await vscode.window.showQuickPick(
    journals.map((j) => ({ label: j.folder.name, description: vscode.workspace.asRelativePath(j.store.root), journal: j })),
    { title, placeHolder: 'Which workspace folder\'s journal?' },
  );
  return pick?.journal;
}
