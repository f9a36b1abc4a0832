import * as vscode from 'vscode';
import { addDays, isValidDate, renderEvidence } from '../core';
import { createNoteWithFreeName } from '../platform/noteFiles';
import type { Command } from './commandManager';
import { CommandId } from './commandIds';
import { openJournal } from './flow/chooseJournal';
import { runCoachingCommand, type CoachingDeps } from './flow/context';
import { Flow, type Step } from './flow/flow';

const TITLE = 'Export Evidence';

type Range = { months: number } | 'all' | 'custom';

/** Coaching: Export Evidence — a promotion-evidence markdown document for a date range, as a new file. */
export class ExportEvidenceCommand implements Command {
  readonly id = CommandId.ExportEvidence;

  constructor(private readonly deps: CoachingDeps) {}

  /** Resolves to the new file, or undefined when the person cancelled (or there was no journal). */
  async execute(): Promise<vscode.Uri | undefined> {
    let written: vscode.Uri | undefined;
    await runCoachingCommand(this.deps, TITLE, async () => {
      const context = await openJournal(this.deps, TITLE);
      if (!context) {
        return;
      }
      const { journal, prompter, today } = context;
      const state: { range: Range; from: string; to: string } = { range: { months: 6 }, from: addDays(today, -182), to: today };
      const validate = (v: string): string | undefined => (v === '' || isValidDate(v.trim()) ? undefined : 'Write a date as YYYY-MM-DD, like 2026-06-01.');
      const range: Step = async (flow) => {
        state.range = await flow.pick<Range>('Which period should the evidence cover?', [
          { label: 'Last 3 months', value: { months: 3 } },
          { label: 'Last 6 months', value: { months: 6 } },
          { label: 'Last 12 months', value: { months: 12 } },
          { label: 'All sessions', value: 'all' },
          { label: 'Custom range…', value: 'custom' },
        ]);
        return state.range === 'custom' ? start : undefined;
      };
      const start: Step = async (flow) => {
        state.from = (await flow.input({ prompt: 'From (YYYY-MM-DD; empty for the first session)', value: state.from, validate })).trim();
        return end;
      };
      const end: Step = async (flow) => {
        state.to = (await flow.input({
          prompt: 'To (YYYY-MM-DD; empty for today)', value: state.to,
          validate: (v) => validate(v) ?? (v.trim() && state.from && v.trim() < state.from ? 'The end date is before the start date.' : undefined),
        })).trim();
        return undefined;
      };
      if (!(await new Flow(prompter, TITLE, () => (state.range === 'custom' ? 3 : 1)).run(range))) {
        return;
      }
      let from: string | undefined;
      let to = today;
      if (state.range === 'custom') {
        from = state.from || undefined;
        to = state.to || today;
      } else if (state.range !== 'all') {
        from = addDays(today, -Math.round(state.range.months * 30.44));
      }
      const text = renderEvidence(journal.index.snapshot(), { from, to });
      written = await createNoteWithFreeName(journal, `exports/evidence-${from ?? 'start'}-to-${to}`, 'md', text);
      await vscode.window.showTextDocument(written, { preview: false });
      prompter.info(`Evidence exported to ${vscode.workspace.asRelativePath(written)}.`);
    });
    return written;
  }
}
