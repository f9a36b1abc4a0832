import { fileSlug, renderFocusAreaNote, uniqueSlug } from '../core';
import { createNote, journalPathExists, openNoteAt } from '../platform/noteFiles';
import type { Command } from './commandManager';
import { CommandId } from './commandIds';
import { chooseJournal } from './flow/chooseJournal';
import { runCoachingCommand, type CoachingDeps } from './flow/context';
import { Flow, type Step } from './flow/flow';
import { textProblem } from './flow/sessionPlan';

const TITLE = 'Add Focus Area';

interface FocusAreaAnswers {
  title: string;
  values: string[];
  success: string;
  measure: string;
  current: string;
  target: string;
  nextLevel: string;
  roleModels: string[];
}

/** A gap level as written: a number when it is one ("2"), the text otherwise ("L4"), none when empty. */
export function gapLevel(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') {
    return undefined;
  }
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

/**
 * Coaching: Add Focus Area — one competency gap: its title (its id and file name are a slug of it), the
 * values it serves, what success looks like and how it is measured, the gap (current level, target,
 * what the next level looks like) and the role models one level up. Creates focus-areas/<slug>.md.
 */
export class AddFocusAreaCommand implements Command {
  readonly id = CommandId.AddFocusArea;

  constructor(private readonly deps: CoachingDeps) {}

  execute(): Promise<void> {
    return runCoachingCommand(this.deps, TITLE, async () => {
      const journal = await chooseJournal(this.deps, TITLE);
      if (!journal) {
        return;
      }
      const prompter = this.deps.prompter();
      const snap = journal.index.snapshot();
      const a: FocusAreaAnswers = { title: '', values: [], success: '', measure: '', current: '', target: '', nextLevel: '', roleModels: [] };
      const text = (key: 'success' | 'measure' | 'current' | 'target' | 'nextLevel', prompt: string, placeholder: string, next: Step | undefined): Step => async (flow) => {
        a[key] = (await flow.input({ prompt, placeholder, value: a[key], validate: (v) => textProblem(v, undefined) })).trim();
        return next;
      };
      const roleModel = (i: number): Step => async (flow) => {
        const name = (await flow.input({
          prompt: i === 0 ? 'A role model one level up: someone who already does this well (optional)' : 'Another role model? Leave empty when you are done.',
          placeholder: 'e.g. Priya (Staff PM)',
          value: a.roleModels[i] ?? '',
          validate: (v) => textProblem(v, undefined),
        })).trim();
        if (name === '') {
          a.roleModels.length = i;
          return undefined;
        }
        a.roleModels[i] = name;
        return roleModel(i + 1);
      };
      const nextLevel = text('nextLevel', 'What does the next level look like here? (optional)', 'e.g. Sets direction for a team-sized area', roleModel(0));
      const target = text('target', 'Target level (optional)', 'e.g. 3', nextLevel);
      const current = text('current', 'Gap: where are you now, as a level? (optional)', 'e.g. 2', target);
      const measure = text('measure', 'How is it measured? (optional)', 'e.g. Proposals presented / adopted per quarter', current);
      const success = text('success', 'What does success look like? (optional)', 'e.g. My manager adopts a proposal of mine that reaches beyond my product', measure);
      const values: Step = async (flow) => {
        a.values = await flow.pickMany('Which values does this focus area serve?', snap.values.map((v) => ({
          label: v.name, description: v.id, detail: v.why, value: v.id, picked: a.values.includes(v.id),
        })));
        return success;
      };
      const title: Step = async (flow) => {
        a.title = (await flow.input({
          prompt: 'A competency gap between you and where you want to be',
          placeholder: 'e.g. Show strategic thinking',
          value: a.title,
          validate: (v) => textProblem(v, 'Give the focus area a title.')
            ?? (fileSlug(v) ? undefined : 'Use at least one letter or digit: the title also names the file.')
            ?? (snap.focusAreas.some((f) => f.title.toLowerCase() === v.trim().toLowerCase()) ? `You already have a focus area "${v.trim()}".` : undefined),
        })).trim();
        return snap.values.length > 0 ? values : success;
      };
      const total = 7 + (snap.values.length > 0 ? 1 : 0);
      if (!(await new Flow(prompter, TITLE, (step) => Math.max(total + a.roleModels.length, step)).run(title))) {
        return;
      }
      const used = new Set(snap.focusAreas.map((f) => f.id));
      let id = uniqueSlug(fileSlug(a.title)!, used);
      while (await journalPathExists(journal, `focus-areas/${id}.md`)) {
        used.add(id);
        id = uniqueSlug(id, used);
      }
      const path = `focus-areas/${id}.md`;
      const text2 = renderFocusAreaNote({
        id, title: a.title, values: a.values, success: a.success, measure: a.measure,
        gap: { current: gapLevel(a.current), target: gapLevel(a.target), next_level: a.nextLevel || undefined },
        role_models: a.roleModels,
      });
      const uri = await createNote(journal, path, text2);
      await openNoteAt(uri, undefined, text2);
      prompter.info(`Focus area "${a.title}" (${id}) is in ${journal.config.folder}/${path}.`);
    });
  }
}
