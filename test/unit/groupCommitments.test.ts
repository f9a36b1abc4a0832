// The Commitments view's groupings and labels, computed by the core from the year-long fixture journal
// (known answers in test/fixtures/journal/EXPECTED.json, as of 2026-11-24).
import * as assert from 'assert';
import * as path from 'path';
import {
  JournalIndex, loadJournal, groupCommitments, dueBucket, dueLabel, learningQuestion, gapLabel, type JournalSnapshot,
} from '../../src/core';
import { NodeJournalStore } from '../../src/cli/nodeStore';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const TODAY = '2026-11-24';

async function fixtureSnapshot(): Promise<JournalSnapshot> {
  const index = new JournalIndex();
  await loadJournal(new NodeJournalStore(path.join(repoRoot, 'test', 'fixtures', 'journal')), index);
  return index.snapshot();
}

describe('Grouping open commitments for the Commitments view', () => {
  let snap: JournalSnapshot;
  before(async () => {
    snap = await fixtureSnapshot();
  });

  it('groups by focus area: groups with overdue commitments first, then the journal order; each group overdue first', () => {
    const groups = groupCommitments(snap, 'focus', TODAY);
    // "execution" comes first in the journal, but only "strategic-thinking" holds overdue commitments.
    assert.deepStrictEqual(groups.map((g) => [g.key, g.label, g.overdue]), [
      ['strategic-thinking', 'Show strategic thinking', 3],
      ['execution', 'Excellent execution in the payments area', 0],
    ]);
    assert.deepStrictEqual(groups[0].commitments.map((c) => c.id), ['a-20260209-4tgh', 'a-20260713-oi16', 'a-20261019-c1ql']);
    assert.deepStrictEqual(groups[1].commitments.map((c) => c.id), ['a-20261123-vv6v', 'a-20261123-gi9n']);
  });

  it('keeps the journal order among groups with overdue commitments and among those without', () => {
    const index = new JournalIndex();
    const focusArea = (id: string): string => ['---', 'type: coaching-focus-area', `id: ${id}`, `title: Area ${id}`, '---', ''].join('\n');
    for (const id of ['a1', 'b2', 'c3', 'd4']) {
      index.setText(`focus-areas/${id}.md`, focusArea(id));
    }
    const action = (n: number, focus: string | undefined, due: string): string[] => [
      `  - id: a-20261120-00${n}0`, `    text: "Commitment ${n}"`, ...(focus ? [`    focus: ${focus}`] : []), `    due: "${due}"`, '    status: open',
    ];
    index.setText('sessions/2026-11-20.md', [
      '---', 'type: coaching-session', 'id: s-2026-11-20', 'date: "2026-11-20"', 'actions:',
      ...action(1, 'a1', '2026-12-01'), ...action(2, 'b2', '2026-11-22'), ...action(3, 'c3', '2026-12-02'),
      ...action(4, 'd4', '2026-11-21'), ...action(5, undefined, '2026-11-23'), ...action(6, 'zz', '2026-12-03'), '---', '',
    ].join('\n'));
    const groups = groupCommitments(index.snapshot(), 'focus', TODAY);
    assert.deepStrictEqual(groups.map((g) => [g.key, g.overdue]), [['b2', 1], ['d4', 1], ['', 1], ['a1', 0], ['c3', 0], ['zz', 0]]);
  });

  it('lists every open commitment exactly once when grouped by focus area, due date or session', () => {
    const expectedOpen = ['a-20260209-4tgh', 'a-20260713-oi16', 'a-20261019-c1ql', 'a-20261123-gi9n', 'a-20261123-vv6v'];
    for (const by of ['focus', 'due', 'session'] as const) {
      const ids = groupCommitments(snap, by, TODAY).flatMap((g) => g.commitments.map((c) => c.id)).sort();
      assert.deepStrictEqual(ids, expectedOpen, by);
    }
  });

  it('groups by value, overdue groups first, then in the big picture order; a commitment serving two values is under both', () => {
    const groups = groupCommitments(snap, 'value', TODAY);
    assert.deepStrictEqual(groups.map((g) => [g.key, g.label, g.commitments.length, g.overdue]), [
      ['impact', 'Impact on people', 4, 3],
      ['craft', 'Craft', 2, 0],
    ]);
    assert.ok(groups[0].commitments.some((c) => c.id === 'a-20261123-vv6v'));
    assert.ok(groups[1].commitments.some((c) => c.id === 'a-20261123-vv6v'));
  });

  it('groups by due date from overdue to later', () => {
    const groups = groupCommitments(snap, 'due', TODAY);
    assert.deepStrictEqual(groups.map((g) => [g.key, g.label, g.commitments.map((c) => c.id)]), [
      ['overdue', 'Overdue', ['a-20260209-4tgh', 'a-20260713-oi16', 'a-20261019-c1ql']],
      ['week', 'Due in the next 7 days', ['a-20261123-vv6v']],
      ['later', 'Due later', ['a-20261123-gi9n']],
    ]);
  });

  it('groups by the session the commitment was made in, oldest first', () => {
    const groups = groupCommitments(snap, 'session', TODAY);
    assert.deepStrictEqual(groups.map((g) => [g.key, g.label, g.commitments.length]), [
      ['s-2026-02-09', 'Session of 2026-02-09', 1],
      ['s-2026-07-13', 'Session of 2026-07-13', 1],
      ['s-2026-10-19', 'Session of 2026-10-19', 1],
      ['s-2026-11-23', 'Session of 2026-11-23', 2],
    ]);
  });

  it('labels each commitment by how overdue or how far away it is', () => {
    const labels = groupCommitments(snap, 'due', TODAY).flatMap((g) => g.commitments.map((c) => dueLabel(c, TODAY)));
    assert.deepStrictEqual(labels, ['281 days overdue', '120 days overdue', '29 days overdue', 'due in 6 days', 'due in 13 days']);
  });

  it('puts commitments without a focus area or value under a "none" group, last unless it holds an overdue one', async () => {
    const index = new JournalIndex();
    index.setText('sessions/2026-11-20.md', [
      '---', 'type: coaching-session', 'id: s-2026-11-20', 'date: "2026-11-20"', 'actions:',
      '  - id: a-20261120-aaaa', '    text: "Something with no focus"', '    due: "2026-11-23"', '    status: open',
      '  - id: a-20261120-bbbb', '    text: "Something unknown"', '    focus: nowhere', '    status: open', '---', '',
    ].join('\n'));
    const byFocus = groupCommitments(index.snapshot(), 'focus', TODAY);
    // The "none" group holds the overdue commitment (due 2026-11-23), so it comes first.
    assert.deepStrictEqual(byFocus.map((g) => [g.key, g.label, g.overdue]), [['', 'No focus area', 1], ['nowhere', 'nowhere', 0]]);
    index.setText('sessions/2026-11-21.md', [
      '---', 'type: coaching-session', 'id: s-2026-11-21', 'date: "2026-11-21"', 'actions:',
      '  - id: a-20261121-cccc', '    text: "Late and unknown"', '    focus: nowhere', '    due: "2026-11-22"', '    status: open', '---', '',
    ].join('\n'));
    assert.deepStrictEqual(groupCommitments(index.snapshot(), 'focus', TODAY).map((g) => [g.key, g.overdue]), [['nowhere', 1], ['', 1]]);
    index.remove('sessions/2026-11-21.md');
    const byValue = groupCommitments(index.snapshot(), 'value', TODAY);
    assert.deepStrictEqual(byValue.map((g) => [g.key, g.label, g.overdue]), [['', 'Linked to no value', 1]]);
    assert.strictEqual(dueBucket({ status: 'open', due: undefined }, TODAY), 'none');
  });
});

describe('Check-in wording', () => {
  it('asks the learning question that fits the outcome, never a judgment', () => {
    assert.deepStrictEqual(learningQuestion('done'), { lens: 'doing', question: 'What did you learn from doing it?' });
    assert.deepStrictEqual(learningQuestion('not-done'), { lens: 'not-doing', question: 'What did you learn about yourself from not doing it?' });
    assert.strictEqual(learningQuestion('let-go').lens, 'not-doing');
    assert.strictEqual(learningQuestion('partly').lens, 'doing');
  });

  it('describes a focus area gap in one line', () => {
    assert.strictEqual(gapLabel({ current: 2, target: 3, next_level: 'Sets direction' }), 'level 2 → 3 · next level: Sets direction');
    assert.strictEqual(gapLabel({ next_level: 'Sets direction' }), 'next level: Sets direction');
    assert.strictEqual(gapLabel({}), undefined);
    assert.strictEqual(gapLabel(undefined), undefined);
  });
});
