import { dueLabel, OUTCOME_LABELS, recordOutcomeEdits, renderSessionNote, type Outcome } from '../core';
import { applyNoteEdits } from '../platform/conversions';
import type { FolderJournal } from '../platform/journalService';
import { createNote, freeSessionNames, openNoteAt, readSessionTemplate, refreshNotes } from '../platform/noteFiles';
import type { Command } from './commandManager';
import { CommandId } from './commandIds';
import { openJournal } from './flow/chooseJournal';
import { commitmentSteps, stepsPerCommitment, type CommitmentContext } from './flow/commitmentSteps';
import { messageOf, runCoachingCommand, type CoachingDeps } from './flow/context';
import { Flow, type Step } from './flow/flow';
import { goalSteps, todayFocusStep } from './flow/sessionSteps';
import { checkinQuestions, planSession, type OutcomeToRecord, type SessionAnswers } from './flow/sessionPlan';

const TITLE = 'Start Session';

/** A commitment's text short enough for a one-line prompt (the question must stay visible). */
function shorten(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Coaching: Start Session — the coaching loop. A check-in on every open commitment (outcome, then the
 * learning questions that fit), the session's goals and focus, the new commitment(s); then the new
 * session note is written, the outcomes recorded on the commitments, and the note opened for writing.
 * Escape at any step writes nothing.
 */
export class StartSessionCommand implements Command {
  readonly id = CommandId.StartSession;

  constructor(private readonly deps: CoachingDeps) {}

  execute(): Promise<void> {
    return runCoachingCommand(this.deps, TITLE, () => this.run());
  }

  private async run(): Promise<void> {
    const context = await openJournal(this.deps, TITLE);
    if (!context) {
      return;
    }
    const { journal, prompter, today, config, snap } = context;
    // Oldest first: the order they were made in.
    const open = snap.commitments.filter((c) => c.status === 'open');
    const answers: SessionAnswers = {
      checkins: open.map((c) => ({ commitment: c, learnings: [] })),
      goals: [],
      focus: [],
      commitments: [],
    };
    const cctx: CommitmentContext = { today, cadenceDays: config.sessionCadenceDays, snapshot: snap, todayFocus: answers.focus };

    const outcome = (k: number): Step => async (flow) => {
      if (k >= answers.checkins.length) {
        return goalSteps(answers.goals, todayFocusStep(answers.focus, snap.focusAreas, commitmentSteps(answers.commitments, cctx, true, undefined)));
      }
      const c = answers.checkins[k];
      const made = open[k];
      const when = dueLabel(made, today) ?? `made ${made.made}`;
      const chosen = await flow.pick<Outcome | 'skip'>(`How did it go? "${shorten(made.text)}" · ${when} · check-in ${k + 1} of ${open.length}`, [
        ...(['done', 'partly', 'not-done', 'let-go'] as const).map((o) => ({ label: OUTCOME_LABELS[o], value: o as Outcome | 'skip', picked: c.outcome === o })),
        { label: 'Skip for now', description: 'it stays open', value: 'skip', picked: c.outcome === 'skip' },
      ]);
      if (chosen !== c.outcome) {
        c.learnings = [];
      }
      c.outcome = chosen;
      return chosen === 'skip' ? outcome(k + 1) : learning(k, 0);
    };

    const learning = (k: number, j: number): Step => async (flow) => {
      const c = answers.checkins[k];
      const questions = c.outcome && c.outcome !== 'skip' ? checkinQuestions(c.outcome) : [];
      if (j >= questions.length) {
        return outcome(k + 1);
      }
      c.learnings[j] = (await flow.input({
        prompt: `${questions[j].question} (optional)`,
        placeholder: `About "${shorten(open[k].text)}"`,
        value: c.learnings[j] ?? '',
      })).trim();
      return learning(k, j + 1);
    };

    const total = (): number => {
      let n = 0;
      for (const c of answers.checkins) {
        n += 1 + (c.outcome === 'skip' ? 0 : c.outcome ? checkinQuestions(c.outcome).length : 1);
      }
      n += answers.goals.length + 1 + 1;
      n += Math.max(1, answers.commitments.length) * stepsPerCommitment(cctx, true);
      return n;
    };

    const flow = new Flow(prompter, TITLE, total);
    if (!(await flow.run(outcome(0)))) {
      return; // Escape: nothing written
    }
    await this.write(journal, answers, today, config.sessionTemplate);
  }

  private async write(journal: FolderJournal, answers: SessionAnswers, today: string, templateSetting: string): Promise<void> {
    const prompter = this.deps.prompter();
    const template = await readSessionTemplate(journal, templateSetting, (m) => prompter.error(m));
    // A file the index does not know (not a note, unreadable) still takes its name: never overwrite.
    const { usedIds, existingPaths } = await freeSessionNames(journal, today);
    const plan = planSession(answers, { today, snapshot: journal.index.snapshot(), usedIds, existingPaths, template });
    const rendered = renderSessionNote(plan.note); // throws on text that cannot be written: nothing written yet
    const where = `${journal.config.folder}/${plan.path}`;
    let uri;
    try {
      uri = await createNote(journal, plan.path, rendered.text);
    } catch (e) {
      prompter.error(`Start Session: the session note ${where} could not be written (${messageOf(e)}). Nothing was written; your answers are lost, sorry — try again.`);
      return;
    }
    const failed: { outcome: OutcomeToRecord; reason: string }[] = [];
    for (const o of plan.outcomes) {
      try {
        await applyNoteEdits(journal.store.uri(o.file), (text) => recordOutcomeEdits(text, o.actionId, { outcome: o.outcome, on: today }));
      } catch (e) {
        failed.push({ outcome: o, reason: messageOf(e) });
      }
    }
    await refreshNotes(journal, plan.outcomes.map((o) => o.file));
    await openNoteAt(uri, rendered.cursor, rendered.text);
    const recorded = plan.outcomes.length - failed.length;
    const made = plan.note.actions.length;
    if (failed.length > 0) {
      const list = failed.map((f) => `${f.outcome.actionId} in ${f.outcome.file} (${f.reason})`).join('; ');
      prompter.error(`Start Session wrote ${where} with your check-in and ${made} new commitment(s), and recorded ${recorded} of ${plan.outcomes.length} outcomes. Not recorded: ${list}. The check-in in the new note still counts; set those statuses by hand so the notes agree.`);
    } else {
      prompter.info(`Session note ${where} written: ${recorded} outcome(s) recorded, ${made} new commitment(s).`);
    }
    await this.deps.afterSession?.(journal);
  }
}
