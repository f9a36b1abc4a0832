// Start Session's pure part: the check-in questions, and how answers become the new session note.
import * as assert from 'assert';
import * as path from 'path';
import { JournalIndex, loadJournal, renderSessionNote, OUTCOMES, type JournalSnapshot } from '../../../src/core';
import { NodeJournalStore } from '../../../src/cli/nodeStore';
import { checkinQuestions, defaultDue, dueDateProblem, planSession, textProblem, type SessionAnswers } from '../../../src/commands/flow/sessionPlan';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const TODAY = '2026-11-24';

async function fixture(): Promise<{ index: JournalIndex; snap: JournalSnapshot }> {
  const index = new JournalIndex();
  await loadJournal(new NodeJournalStore(path.join(repoRoot, 'test', 'fixtures', 'commands', 'coaching')), index);
  return { index, snap: index.snapshot() };
}

/** A seeded random source, so generated ids are known. */
function seeded(values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length];
}

describe('Start Session: check-in questions', () => {
  it('asks about doing it and about its outcome when it was done or partly done', () => {
    assert.deepStrictEqual(checkinQuestions('done').map((q) => q.lens), ['doing', 'outcome']);
    assert.deepStrictEqual(checkinQuestions('partly').map((q) => q.lens), ['doing', 'outcome']);
    assert.strictEqual(checkinQuestions('done')[0].question, 'What did you learn from doing it?');
    assert.strictEqual(checkinQuestions('done')[1].question, 'What did you learn from its outcome?');
  });

  it('asks what not doing it taught about oneself, and what changed when it was let go', () => {
    assert.deepStrictEqual(checkinQuestions('not-done'), [{ lens: 'not-doing', question: 'What did you learn about yourself from not doing it?' }]);
    assert.deepStrictEqual(checkinQuestions('let-go').map((q) => q.lens), ['not-doing']);
    assert.match(checkinQuestions('let-go')[0].question, /What changed/);
  });

  it('uses no judgmental words', () => {
    for (const outcome of OUTCOMES) {
      for (const q of checkinQuestions(outcome)) {
        assert.doesNotMatch(q.question, /\b(fail|failed|failure|should|excuse|lazy|why didn't|blame|wrong)\b/i, q.question);
      }
    }
  });
});

describe('Start Session: building the new session note from the answers', () => {
  it('writes the check-in with its learnings, the goals, the focus and the new commitment, in SPEC order', async () => {
    const { index, snap } = await fixture();
    const [overdue, dueToday] = snap.commitments.filter((c) => c.status === 'open');
    const answers: SessionAnswers = {
      checkins: [
        { commitment: overdue, outcome: 'not-done', learnings: ['I stall when I have never seen a good example.'] },
        { commitment: dueToday, outcome: 'done', learnings: ['Pairing finds causes faster than reading logs.', ''] },
      ],
      goals: ['Decide how to show strategic thinking this quarter'],
      focus: ['strategic-work'],
      commitments: [{ text: 'Ask Priya for two past proposals', focus: 'strategic-work', values: ['impact'], success: 'I can list five traits of a strong proposal', due: '2026-12-01' }],
    };
    const plan = planSession(answers, { today: TODAY, snapshot: snap, usedIds: index.usedIds(), existingPaths: new Set(index.paths()), random: seeded([0.1, 0.2, 0.3, 0.4]) });
    assert.strictEqual(plan.path, 'sessions/2026-11-24.md');
    assert.deepStrictEqual(plan.outcomes, [
      { actionId: 'a-20261110-k3v9', file: 'sessions/2026-11-10.md', outcome: 'not-done' },
      { actionId: 'a-20261117-7q2m', file: 'sessions/2026-11-17.md', outcome: 'done' },
    ]);
    const { text, cursor } = renderSessionNote(plan.note);
    assert.strictEqual(text, [
      '---',
      'type: coaching-session',
      'id: s-2026-11-24',
      'date: "2026-11-24"',
      'goals: ["Decide how to show strategic thinking this quarter"]',
      'focus: [strategic-work]',
      'checkin:',
      '  - action: a-20261110-k3v9',
      '    outcome: not-done',
      '    learnings:',
      '      - lens: not-doing',
      '        text: "I stall when I have never seen a good example."',
      '  - action: a-20261117-7q2m',
      '    outcome: done',
      '    learnings:',
      '      - lens: doing',
      '        text: "Pairing finds causes faster than reading logs."',
      'actions:',
      '  - id: a-20261124-37ae',
      '    text: "Ask Priya for two past proposals"',
      '    focus: strategic-work',
      '    values: [impact]',
      '    success: "I can list five traits of a strong proposal"',
      '    due: "2026-12-01"',
      '    status: open',
      '---',
      '',
      '> **Vision:** In two years I lead a platform area known for making other teams faster.',
      '>',
      '> **Goal:** Promotion to Senior Engineer in the spring 2027 cycle',
      '',
      "**Values in today's focus**",
      '',
      "- Impact on people: I want my work to make others' days better",
      '',
      '## Notes',
      '',
      '',
      '',
    ].join('\n'));
    assert.deepStrictEqual(cursor, { line: 37, character: 0 });
    assert.strictEqual(text.split('\n')[cursor.line], '', 'the cursor stands on the empty line under "## Notes"');
    assert.strictEqual(text.split('\n')[cursor.line - 2], '## Notes');
  });

  it('leaves skipped commitments out of the check-in, and out of the outcomes', async () => {
    const { index, snap } = await fixture();
    const [overdue, dueToday] = snap.commitments.filter((c) => c.status === 'open');
    const plan = planSession({
      checkins: [{ commitment: overdue, outcome: 'skip', learnings: [] }, { commitment: dueToday, outcome: 'let-go', learnings: ['   '] }],
      goals: ['  '], focus: [], commitments: [],
    }, { today: TODAY, snapshot: snap, usedIds: index.usedIds(), existingPaths: new Set(index.paths()) });
    assert.deepStrictEqual(plan.note.checkin, [{ action: 'a-20261117-7q2m', outcome: 'let-go', learnings: [] }]);
    assert.deepStrictEqual(plan.outcomes.map((o) => o.actionId), ['a-20261117-7q2m']);
    assert.deepStrictEqual(plan.note.goals, []);
  });

  it('takes the next free file name when today already has a session note', async () => {
    const { index, snap } = await fixture();
    const plan = planSession({ checkins: [], goals: [], focus: [], commitments: [] },
      { today: '2026-11-17', snapshot: snap, usedIds: index.usedIds(), existingPaths: new Set(index.paths()) });
    assert.strictEqual(plan.path, 'sessions/2026-11-17-2.md');
    assert.strictEqual(plan.note.id, 's-2026-11-17-2');
  });

  it('never reuses an id that is in use', async () => {
    const { index, snap } = await fixture();
    const used = index.usedIds();
    used.add('a-20261124-0000');
    const plan = planSession({ checkins: [], goals: [], focus: [], commitments: [{ text: 'x', values: [] }] },
      { today: TODAY, snapshot: snap, usedIds: used, existingPaths: new Set(), random: seeded([0, 0, 0, 0, 0, 0, 0, 0.5]) });
    assert.strictEqual(plan.note.actions[0].id, 'a-20261124-000i');
  });
});

describe('Start Session: defaults and validation', () => {
  it('defaults the due date to the next session by the cadence', () => {
    assert.strictEqual(defaultDue(TODAY, 7), '2026-12-01');
    assert.strictEqual(defaultDue('2026-12-28', 14), '2027-01-11');
  });

  it('accepts YYYY-MM-DD dates from today on, or none', () => {
    assert.strictEqual(dueDateProblem('2026-12-01', TODAY), undefined);
    assert.strictEqual(dueDateProblem(TODAY, TODAY), undefined);
    assert.strictEqual(dueDateProblem('', TODAY), undefined);
    assert.match(dueDateProblem('1.12.2026', TODAY)!, /YYYY-MM-DD/);
    assert.match(dueDateProblem('2026-02-30', TODAY)!, /not a date/);
    assert.match(dueDateProblem('2026-11-01', TODAY)!, /in the past/);
  });

  it('requires text where the answer is required, and refuses what cannot be written', () => {
    assert.strictEqual(textProblem('  ', 'Write one small, specific action.'), 'Write one small, specific action.');
    assert.strictEqual(textProblem('', undefined), undefined);
    assert.match(textProblem('a\u0000b', undefined)!, /NUL/);
  });
});
