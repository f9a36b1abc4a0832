import type { JournalSnapshot } from '../../core';
import type { PickOption } from '../../platform/prompter';
import type { Step } from './flow';
import { defaultDue, dueDateProblem, textProblem, type CommitmentAnswer } from './sessionPlan';

export interface CommitmentContext {
  today: string;
  cadenceDays: number;
  snapshot: Pick<JournalSnapshot, 'focusAreas' | 'focusById' | 'values'>;
  /** Today's focus areas: offered first, the first one pre-selected. */
  todayFocus: string[];
}

/** Steps per commitment: text, focus area, values (when the journal has some), success, due, another?. */
export function stepsPerCommitment(ctx: CommitmentContext, askAnother: boolean): number {
  return 4 + (ctx.snapshot.values.length > 0 ? 1 : 0) + (askAnother ? 1 : 0);
}

/**
 * The questions about new commitment number `m` (its answers go to `answers[m]`): one small, specific
 * action, its focus area, the values it serves (pre-selected from the focus area), what success looks
 * like, the due date (the next session by default); then, with `askAnother`, whether to add another.
 * With `given`, `answers[m]` is already filled in (Carry Forward's follow-up): every question starts from
 * it, its focus area and values pre-selected.
 */
export function commitmentSteps(answers: CommitmentAnswer[], ctx: CommitmentContext, askAnother: boolean, then: Step | undefined, m = 0, given = false): Step {
  // The focus area whose values the person last saw pre-selected: changing the focus area on Back
  // pre-selects the new area's values, keeping a choice made for the same area.
  let valuesShownFor: string | undefined | null = given ? answers[m]?.focus : null;
  let focusChosen = given;

  const text: Step = async (flow) => {
    const value = await flow.input({
      prompt: m === 0
        ? 'Your commitment until the next session: one small, specific action that stretches you'
        : 'Another commitment: one small, specific action',
      placeholder: 'e.g. Ask Priya for two past proposals and note what makes them work',
      value: answers[m]?.text ?? '',
      validate: (v) => textProblem(v, 'Write one small, specific action you will take before the next session.'),
    });
    answers[m] = { ...(answers[m] ?? { values: [], due: defaultDue(ctx.today, ctx.cadenceDays) }), text: value.trim() };
    return focus;
  };

  const focus: Step = async (flow) => {
    const areas = [...ctx.snapshot.focusAreas].filter((f) => f.status !== 'retired')
      .sort((a, b) => Number(!ctx.todayFocus.includes(a.id)) - Number(!ctx.todayFocus.includes(b.id)));
    const preselect = focusChosen ? answers[m].focus : ctx.todayFocus[0];
    const items: PickOption<string | undefined>[] = [
      ...areas.map((f) => ({
        label: f.title,
        description: [f.id, ctx.todayFocus.includes(f.id) ? "today's focus" : f.status !== 'active' ? f.status : ''].filter(Boolean).join(' · '),
        detail: f.success ? `Success: ${f.success}` : undefined,
        value: f.id as string | undefined,
        picked: f.id === preselect,
      })),
      { label: 'No focus area', value: undefined, picked: preselect === undefined },
    ];
    answers[m].focus = await flow.pick(`Which focus area does "${answers[m].text}" serve?`, items);
    focusChosen = true;
    return ctx.snapshot.values.length > 0 ? values : success;
  };

  const values: Step = async (flow) => {
    const a = answers[m];
    const fromFocus = (a.focus && ctx.snapshot.focusById.get(a.focus)?.values) || [];
    const selected = valuesShownFor === a.focus ? a.values : fromFocus;
    valuesShownFor = a.focus;
    a.values = await flow.pickMany(
      fromFocus.length > 0 ? 'Which values does it serve? (pre-selected from its focus area)' : 'Which values does it serve?',
      ctx.snapshot.values.map((v) => ({ label: v.name, description: v.id, detail: v.why, value: v.id, picked: selected.includes(v.id) })),
    );
    return success;
  };

  const success: Step = async (flow) => {
    answers[m].success = (await flow.input({
      prompt: 'What does success look like? (optional)',
      placeholder: 'e.g. I can list five traits of a strong proposal',
      value: answers[m].success ?? '',
      validate: (v) => textProblem(v, undefined),
    })).trim() || undefined;
    return due;
  };

  const due: Step = async (flow) => {
    const value = (await flow.input({
      prompt: `Due date, YYYY-MM-DD (the next session by default; leave empty for none)`,
      value: answers[m].due ?? defaultDue(ctx.today, ctx.cadenceDays),
      validate: (v) => dueDateProblem(v, ctx.today),
    })).trim();
    answers[m].due = value || undefined;
    return askAnother ? another : then;
  };

  const another: Step = async (flow) => {
    const more = await flow.pick('Add another commitment?', [
      { label: 'No, one is enough', description: 'small and specific beats many', value: false, picked: answers.length <= m + 1 },
      { label: 'Yes, add another', value: true, picked: answers.length > m + 1 },
    ]);
    if (!more) {
      answers.length = m + 1;
      return then;
    }
    return commitmentSteps(answers, ctx, askAnother, then, m + 1);
  };

  return text;
}
