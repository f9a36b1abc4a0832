// The multi-step flow engine and the shared question steps, driven by the scripted prompter a test
// would use in VS Code: step counters, Back with the previous answer pre-filled, Escape, validation.
import * as assert from 'assert';
import * as path from 'path';
import { JournalIndex, loadJournal, type JournalSnapshot } from '../../../src/core';
import { NodeJournalStore } from '../../../src/cli/nodeStore';
import { Flow, type Step } from '../../../src/commands/flow/flow';
import { commitmentSteps, type CommitmentContext } from '../../../src/commands/flow/commitmentSteps';
import { goalSteps, todayFocusStep } from '../../../src/commands/flow/sessionSteps';
import type { CommitmentAnswer } from '../../../src/commands/flow/sessionPlan';
import { BACK, DEFAULT, ESCAPE, ScriptedPrompter } from '../../../src/platform/scriptedPrompter';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const TODAY = '2026-11-24';

async function fixtureSnapshot(): Promise<JournalSnapshot> {
  const index = new JournalIndex();
  await loadJournal(new NodeJournalStore(path.join(repoRoot, 'test', 'fixtures', 'commands', 'coaching')), index);
  return index.snapshot();
}

function twoQuestions(state: { a?: string; b?: string }): Step {
  const b: Step = async (flow) => {
    state.b = await flow.input({ prompt: 'B?', value: state.b ?? '' });
    return undefined;
  };
  return async (flow) => {
    state.a = await flow.input({ prompt: 'A?', value: state.a ?? '', validate: (v) => (v === '' ? 'A is required.' : undefined) });
    return b;
  };
}

describe('Multi-step flows', () => {
  it('numbers the steps in the title and offers Back from the second step on', async () => {
    const prompter = new ScriptedPrompter(['one', 'two']);
    const state: { a?: string; b?: string } = {};
    assert.strictEqual(await new Flow(prompter, 'Demo', () => 2).run(twoQuestions(state)), true);
    assert.deepStrictEqual(prompter.asked.map((a) => [a.title, a.canGoBack]), [['Demo (1/2)', false], ['Demo (2/2)', true]]);
    assert.deepStrictEqual(state, { a: 'one', b: 'two' });
  });

  it('goes back to the previous step with its answer pre-filled', async () => {
    const prompter = new ScriptedPrompter(['one', BACK, DEFAULT, 'two']);
    const state: { a?: string; b?: string } = {};
    assert.strictEqual(await new Flow(prompter, 'Demo', () => 2).run(twoQuestions(state)), true);
    assert.deepStrictEqual(prompter.asked.map((a) => [a.title, a.value]), [['Demo (1/2)', ''], ['Demo (2/2)', ''], ['Demo (1/2)', 'one'], ['Demo (2/2)', '']]);
    assert.deepStrictEqual(state, { a: 'one', b: 'two' });
  });

  it('is cancelled by Escape at any step', async () => {
    const prompter = new ScriptedPrompter(['one', ESCAPE]);
    assert.strictEqual(await new Flow(prompter, 'Demo', () => 2).run(twoQuestions({})), false);
    assert.strictEqual(prompter.remaining.length, 0);
  });

  it('shows the validation message and keeps asking until the answer is valid', async () => {
    const prompter = new ScriptedPrompter(['', 'one', 'two']);
    const state: { a?: string; b?: string } = {};
    await new Flow(prompter, 'Demo', () => 2).run(twoQuestions(state));
    assert.deepStrictEqual(prompter.asked[0].validation, ['A is required.']);
    assert.strictEqual(state.a, 'one');
  });
});

describe('Start Session questions', () => {
  let snap: JournalSnapshot;
  before(async () => {
    snap = await fixtureSnapshot();
  });

  it('asks for several goals until one is left empty, then today\'s focus with the active areas pre-selected', async () => {
    const goals: string[] = [];
    const focus: string[] = [];
    const prompter = new ScriptedPrompter(['First goal', 'Second goal', '', DEFAULT]);
    await new Flow(prompter, 'Start Session', () => 4).run(goalSteps(goals, todayFocusStep(focus, snap.focusAreas, undefined)));
    assert.deepStrictEqual(goals, ['First goal', 'Second goal']);
    const focusPrompt = prompter.asked[3];
    assert.deepStrictEqual(focusPrompt.items, ['Excellent execution in payments', 'Mentor a new hire', 'Show strategic thinking']);
    assert.deepStrictEqual(focusPrompt.picked, ['Excellent execution in payments', 'Show strategic thinking'], 'the paused one is offered, not pre-selected');
    assert.deepStrictEqual(focus, ['execution', 'strategic-work']);
  });

  it('asks for a small, specific commitment, pre-selects the values of its focus area and the due date by the cadence', async () => {
    const answers: CommitmentAnswer[] = [];
    const ctx: CommitmentContext = { today: TODAY, cadenceDays: 7, snapshot: snap, todayFocus: ['execution'] };
    const prompter = new ScriptedPrompter(['Ask Priya for two past proposals', 'Show strategic thinking', DEFAULT, 'I can list five traits', DEFAULT, 'No, one is enough']);
    await new Flow(prompter, 'Start Session', () => 6).run(commitmentSteps(answers, ctx, true, undefined));
    assert.match(prompter.asked[0].text, /one small, specific action/);
    assert.deepStrictEqual(prompter.asked[1].picked, ['Excellent execution in payments'], "today's focus is pre-selected");
    assert.deepStrictEqual(prompter.asked[2].picked, ['Impact on people'], 'values come from the chosen focus area');
    assert.strictEqual(prompter.asked[4].value, '2026-12-01');
    assert.deepStrictEqual(answers, [{ text: 'Ask Priya for two past proposals', focus: 'strategic-work', values: ['impact'], success: 'I can list five traits', due: '2026-12-01' }]);
  });

  it('rejects a due date that is not YYYY-MM-DD, and adds another commitment when asked', async () => {
    const answers: CommitmentAnswer[] = [];
    const ctx: CommitmentContext = { today: TODAY, cadenceDays: 7, snapshot: snap, todayFocus: [] };
    const prompter = new ScriptedPrompter([
      'First', 'No focus area', [], '', '1 Dec', '2026-12-02', 'Yes, add another',
      'Second', 'Excellent execution in payments', DEFAULT, '', DEFAULT, 'No, one is enough',
    ]);
    await new Flow(prompter, 'Start Session', () => 12).run(commitmentSteps(answers, ctx, true, undefined));
    assert.match(prompter.asked[4].validation[0], /YYYY-MM-DD/);
    assert.deepStrictEqual(answers, [
      { text: 'First', focus: undefined, values: [], success: undefined, due: '2026-12-02' },
      { text: 'Second', focus: 'execution', values: ['craft'], success: undefined, due: '2026-12-01' },
    ]);
    assert.strictEqual(prompter.asked.length, 12);
    assert.strictEqual(prompter.asked[11].title, 'Start Session (12/12)');
  });
});

describe('Multi-step flows: steps that ask nothing', () => {
  it('neither count as a step nor stop Back', async () => {
    const state: { a?: string; b?: string } = {};
    const b: Step = async (flow) => {
      state.b = await flow.input({ prompt: 'B?', value: state.b ?? '' });
      return undefined;
    };
    const decide: Step = async () => b; // only decides where to go
    const a: Step = async (flow) => {
      state.a = await flow.input({ prompt: 'A?', value: state.a ?? '' });
      return decide;
    };
    const prompter = new ScriptedPrompter(['one', BACK, 'uno', 'two']);
    await new Flow(prompter, 'Demo', () => 2).run(a);
    assert.deepStrictEqual(prompter.asked.map((x) => `${x.title} ${x.text}`), ['Demo (1/2) A?', 'Demo (2/2) B?', 'Demo (1/2) A?', 'Demo (2/2) B?']);
    assert.deepStrictEqual(state, { a: 'uno', b: 'two' });
  });
});
