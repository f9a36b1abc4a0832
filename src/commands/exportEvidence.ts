import * as vscode from 'vscode';
import { addDays, isValidDate, renderEvidence, encodeText } from '../core';
import type { JournalService } from '../platform/journalService';
import { pickJournalWithNotes } from '../platform/pickJournal';
import { createNewFile } from '../platform/newFile';
import type { Command } from './commandManager';
import { CommandId } from './commandIds';

interface RangePick extends vscode.QuickPickItem {
  months?: number;
  custom?: boolean;
}

/** Coaching: Export Evidence — a promotion-evidence markdown document for a date range, as a new file. */
export class ExportEvidenceCommand implements Command {
  readonly id = CommandId.ExportEvidence;

  constructor(private readonly service: JournalService) {}

  async execute(): Promise<vscode.Uri | undefined> {
    const title = 'Export Evidence';
    const journal = await pickJournalWithNotes(this.service, title);
    if (!journal) {
      if (this.service.journalsWithNotes().length === 0) {
        void vscode.window.showInformationMessage('There is no coaching journal in this workspace yet: run "Coaching: Set Up Big Picture" to start one.');
      }
      return undefined;
    }
    const today = this.service.today();
    const pick = await vscode.window.showQuickPick<RangePick>([
      { label: 'Last 3 months', months: 3 },
      { label: 'Last 6 months', months: 6 },
      { label: 'Last 12 months', months: 12 },
      { label: 'All sessions' },
      { label: 'Custom range…', custom: true },
    ], { title: `${title} (1/2)`, placeHolder: 'Which period should the evidence cover?' });
    if (!pick) {
      return undefined;
    }
    let from: string | undefined;
    let to: string = today;
    if (pick.months) {
      from = addDays(today, -Math.round(pick.months * 30.44));
    } else if (pick.custom) {
      const validate = (v: string) => (v === '' || isValidDate(v) ? undefined : 'Write a date as YYYY-MM-DD, like 2026-06-01.');
      const start = await vscode.window.showInputBox({ title: `${title} (2/2)`, prompt: 'From (YYYY-MM-DD; empty for the first session)', value: addDays(today, -182), validateInput: validate });
      if (start === undefined) {
        return undefined;
      }
      const end = await vscode.window.showInputBox({ title: `${title} (2/2)`, prompt: 'To (YYYY-MM-DD; empty for today)', value: today, validateInput: (v) => validate(v) ?? (v && start && v < start ? 'The end date is before the start date.' : undefined) });
      if (end === undefined) {
        return undefined;
      }
      from = start || undefined;
      to = end || today;
    }
    const text = renderEvidence(journal.index.snapshot(), { from, to });
    const uri = await createNewFile(journal.store.root, `exports/evidence-${from ?? 'start'}-to-${to}`, '.md', encodeText(text, false));
    await vscode.window.showTextDocument(uri, { preview: false });
    return uri;
  }
}
