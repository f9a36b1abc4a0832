import type { FocusArea } from '../../core';
import type { Step } from './flow';
import { textProblem } from './sessionPlan';

/** What the session is for: one goal after another, until one is left empty. */
export function goalSteps(goals: string[], then: Step | undefined, i = 0): Step {
  return async (flow) => {
    const goal = (await flow.input({
      prompt: i === 0
        ? 'What is this session for? (a goal for today; leave empty to go on)'
        : 'Another goal for this session? Leave empty to go on.',
      placeholder: 'e.g. Decide how to show strategic thinking this quarter',
      value: goals[i] ?? '',
      validate: (v) => textProblem(v, undefined),
    })).trim();
    if (goal === '') {
      goals.length = i;
      return then;
    }
    goals[i] = goal;
    return goalSteps(goals, then, i + 1);
  };
}

/** Today's focus areas (multi-select; the active ones pre-selected). Fills `focus` in place. */
export function todayFocusStep(focus: string[], areas: FocusArea[], then: Step | undefined): Step {
  let chosen = false;
  return async (flow) => {
    const offered = areas.filter((f) => f.status !== 'retired');
    if (offered.length === 0) {
      focus.length = 0;
      return then;
    }
    const selected = chosen ? [...focus] : offered.filter((f) => f.status === 'active').map((f) => f.id);
    const picked = await flow.pickMany('Which focus areas today?', offered.map((f) => ({
      label: f.title,
      description: f.status === 'active' ? f.id : `${f.id} · ${f.status}`,
      detail: f.success ? `Success: ${f.success}` : undefined,
      value: f.id,
      picked: selected.includes(f.id),
    })));
    chosen = true;
    focus.splice(0, focus.length, ...picked);
    return then;
  };
}
