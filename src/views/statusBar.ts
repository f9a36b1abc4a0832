import * as vscode from 'vscode';
import { commitmentCounts, computeStats, formatRate, isSessionDue, lastSessionDate } from '../core';
import { CommandId } from '../commands/commandIds';
import { Disposable } from '../platform/disposable';
import type { JournalService } from '../platform/journalService';

/**
 * "$(checklist) 5 open · 3 overdue", plus "Session due" once the cadence has passed since the last
 * session; clicking starts a session. Hidden when the workspace has no journal.
 */
export class JournalStatusBar extends Disposable {
  readonly item: vscode.StatusBarItem;

  constructor(private readonly journals: JournalService) {
    super();
    this.item = this._register(vscode.window.createStatusBarItem('coaching.status', vscode.StatusBarAlignment.Left, 50));
    this.item.name = 'Coaching Journal';
    this.item.command = { command: CommandId.StartSession, title: 'Start Session' };
    this._register(journals.onDidChange(() => this.update()));
    this.update();
  }

  update(): void {
    const journals = this.journals.journalsWithNotes();
    if (journals.length === 0) {
      this.item.hide();
      return;
    }
    const today = this.journals.today();
    let open = 0;
    let overdue = 0;
    const due: string[] = [];
    const rhythm: string[] = [];
    for (const j of journals) {
      const snap = j.index.snapshot();
      const stats = computeStats(snap, today, j.config.sessionCadenceDays);
      rhythm.push(`${journals.length > 1 ? `${j.folder.name}: ` : ''}${stats.sessions} session${stats.sessions === 1 ? '' : 's'}, a streak of ${stats.streak}, follow-through ${formatRate(stats.overall.rate)}`);
      const counts = commitmentCounts(snap, today);
      open += counts.open;
      overdue += counts.overdue;
      if (isSessionDue(snap, today, j.config.sessionCadenceDays)) {
        const last = lastSessionDate(snap);
        due.push(`${journals.length > 1 ? `${j.folder.name}: ` : ''}${last ? `last session on ${last}` : 'no session yet'}`);
      }
    }
    this.item.text = `$(checklist) ${open} open · ${overdue} overdue${due.length > 0 ? ' · Session due' : ''}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`${open} open commitment${open === 1 ? '' : 's'}, ${overdue} overdue.`);
    if (due.length > 0) {
      tooltip.appendMarkdown('\n\n').appendText(`A session is due (${due.join('; ')}).`);
    }
    tooltip.appendMarkdown('\n\n').appendText(`${rhythm.join('; ')}.`);
    tooltip.appendMarkdown('\n\n').appendText('Click to start a session.');
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: `Coaching: ${open} open, ${overdue} overdue${due.length > 0 ? ', session due' : ''}` };
    this.item.show();
  }
}
