import * as vscode from 'vscode';
import { plainMessage } from '../platform/plainText';
import { addDays, reminderFor, type ReminderState } from '../core';
import { Disposable } from '../platform/disposable';
import type { JournalService } from '../platform/journalService';
import { CommandId } from '../commands/commandIds';

const STATE_KEY = 'coaching.reminders';
/** Snooze: no reminder for this many days after today. */
export const SNOOZE_DAYS = 2;

/**
 * At most once a day, a notification when a session is due or commitments are past their date, with
 * Start Session and Snooze. What it remembers (last shown, snoozed until) is kept in the extension's
 * workspace state, never in the journal.
 */
export class Reminders extends Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly service: JournalService, private readonly memento: vscode.Memento) {
    super();
    this._register(service.onDidChange(() => this.schedule()));
    this._register({ dispose: () => clearTimeout(this.timer) });
  }

  private enabled(): boolean {
    return vscode.workspace.getConfiguration('coaching').get<boolean>('reminders', true);
  }

  /** Checks a little after changes settle (not during start-up work). */
  schedule(delayMs = 3000): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.check(), delayMs);
  }

  /** Shows today's reminder if one is due; returns its text (for tests). */
  async check(): Promise<string | undefined> {
    if (!this.enabled()) {
      return undefined;
    }
    const today = this.service.today();
    const state = this.memento.get<ReminderState>(STATE_KEY, {});
    for (const journal of this.service.journalsWithNotes()) {
      const reminder = reminderFor(journal.index.snapshot(), today, journal.config.sessionCadenceDays, state);
      if (!reminder) {
        continue;
      }
      await this.memento.update(STATE_KEY, { ...state, lastShown: today });
      void vscode.window.showInformationMessage(plainMessage(reminder.message), 'Start Session', 'Snooze').then(async (choice) => {
        if (choice === 'Start Session') {
          await vscode.commands.executeCommand(CommandId.StartSession);
        } else if (choice === 'Snooze') {
          await this.memento.update(STATE_KEY, { ...this.memento.get<ReminderState>(STATE_KEY, {}), snoozedUntil: addDays(today, SNOOZE_DAYS) });
        }
      });
      return reminder.message;
    }
    return undefined;
  }
}
