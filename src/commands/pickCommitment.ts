import * as vscode from 'vscode';
import { plainPickText } from '../platform/plainText';
import { dueLabel, listCommitments } from '../core';
import { commitmentRefOf } from '../views/commitmentsTree';
import type { CommitmentRef, JournalService } from '../platform/journalService';

interface CommitmentPick extends vscode.QuickPickItem {
  ref: CommitmentRef;
}

/**
 * The commitment a command is about: the one its argument names (a tree node or a reference), or else
 * one the person picks among the open commitments. Undefined when they press Escape or none is open.
 */
export async function resolveCommitment(journals: JournalService, arg: unknown, placeHolder: string): Promise<CommitmentRef | undefined> {
  const given = commitmentRefOf(arg);
  if (given) {
    return given;
  }
  await journals.ready;
  const today = journals.today();
  const multi = journals.journalsWithNotes().length > 1;
  const items: CommitmentPick[] = [];
  for (const journal of journals.journalsWithNotes()) {
    const snap = journal.index.snapshot();
    for (const c of listCommitments(snap, 'open', today)) {
      const focus = c.focus ? snap.focusById.get(c.focus)?.title ?? c.focus : undefined;
      items.push({
        label: plainPickText(c.text || c.id),
        description: dueLabel(c, today) ?? 'no due date',
        detail: plainPickText([multi ? journal.folder.name : undefined, focus, c.id].filter(Boolean).join(' · ')),
        ref: { folder: journal.key, id: c.id, file: c.loc.file },
      });
    }
  }
  if (items.length === 0) {
    void vscode.window.showInformationMessage('There is no open commitment. Every session ends with one small action: start a session to choose the next one.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDetail: true, ignoreFocusOut: true });
  return picked?.ref;
}
