import { fileSlug, renderBigPictureNote, uniqueSlug, type NewValue } from '../../core';
import type { FolderJournal } from '../../platform/journalService';
import { createNote } from '../../platform/noteFiles';
import type { Prompter } from '../../platform/prompter';
import { Flow, type Step } from './flow';
import { textProblem } from './sessionPlan';

export const BIG_PICTURE_PATH = 'big-picture.md';

/** A value as typed: its name and why it matters. */
export interface ValueAnswer {
  name: string;
  why: string;
}

/** The id of a new value: a slug of its name, unique among `used` (which is updated). */
export function valueId(name: string, used: Set<string>): string {
  const id = uniqueSlug(fileSlug(name) ?? 'value', used);
  used.add(id);
  return id;
}

/** Why a value name is refused, or undefined. */
export function valueNameProblem(name: string): string | undefined {
  return textProblem(name, undefined) ?? (name.trim() !== '' && !fileSlug(name) ? 'Use at least one letter or digit in the name.' : undefined);
}

/** The steps asking for one value after another (name, then why) until a name is left empty. */
export function valueSteps(values: ValueAnswer[], then: Step | undefined, firstRequired: boolean): Step {
  const name = (i: number): Step => async (flow) => {
    const answer = (await flow.input({
      prompt: i === 0
        ? 'A value behind your goal: what do you want more of? (e.g. Impact on people, Craft, Freedom)'
        : 'Another value? Leave empty when you are done.',
      placeholder: 'Name of the value',
      value: values[i]?.name ?? '',
      validate: (v) => (firstRequired && i === 0 && v.trim() === '' ? 'Name one value: every action should serve one.' : valueNameProblem(v)),
    })).trim();
    if (answer === '') {
      values.length = i;
      return then;
    }
    values[i] = { name: answer, why: values[i]?.why ?? '' };
    return why(i);
  };
  const why = (i: number): Step => async (flow) => {
    values[i].why = (await flow.input({
      prompt: `Why does "${values[i].name}" matter to you? (optional)`,
      value: values[i].why,
      validate: (v) => textProblem(v, undefined),
    })).trim();
    return name(i + 1);
  };
  return name(0);
}

/**
 * Asks for the goal, the vision and the values, and creates big-picture.md. Returns false when the
 * person cancelled (nothing written). Throws when the file could not be created.
 */
export async function setUpBigPicture(prompter: Prompter, journal: FolderJournal): Promise<boolean> {
  const state = { goal: '', vision: '', values: [] as ValueAnswer[] };
  const goal: Step = async (flow) => {
    state.goal = (await flow.input({
      prompt: 'Your mid-term goal, often a promotion (optional)',
      placeholder: 'e.g. Promotion to Senior Engineer in the spring 2027 cycle',
      value: state.goal,
      validate: (v) => textProblem(v, undefined),
    })).trim();
    return vision;
  };
  const vision: Step = async (flow) => {
    state.vision = (await flow.input({
      prompt: 'Your vision: where do you want to be in a few years? (optional)',
      placeholder: 'e.g. In two years I lead a platform area known for making other teams faster.',
      value: state.vision,
      validate: (v) => textProblem(v, undefined),
    })).trim();
    return valueSteps(state.values, undefined, false);
  };
  const flow = new Flow(prompter, 'Set Up Big Picture', (step) => Math.max(step, 2 + state.values.length * 2 + 1));
  if (!(await flow.run(goal))) {
    return false;
  }
  const used = new Set<string>();
  const values: NewValue[] = state.values.map((v) => ({ id: valueId(v.name, used), name: v.name, why: v.why || undefined }));
  await createNote(journal, BIG_PICTURE_PATH, renderBigPictureNote({ goal: state.goal, vision: state.vision, values }));
  return true;
}
