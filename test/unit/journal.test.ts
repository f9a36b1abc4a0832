import * as assert from 'assert';
import { FIXTURE, TODAY, loadFixture, SAMPLE } from './helpers';
import { listCommitments, isOverdue, commitmentCounts, effectiveValues, computeStats, JournalIndex } from '../../src/core';

// Known answers written by test/fixtures/make-journal.mjs from its own data.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const EXPECTED = require(`${FIXTURE}/EXPECTED.json`);

describe('The journal index on a year of weekly sessions', () => {
  let index: JournalIndex;
  before(async () => {
    index = await loadFixture();
  });

  it('reads every session, focus area and value', () => {
    const snap = index.snapshot();
    assert.deepStrictEqual(snap.sessions.map((s) => s.id), EXPECTED.sessionIds);
    assert.deepStrictEqual(snap.values.map((v) => v.id), EXPECTED.values);
    assert.deepStrictEqual(snap.focusAreas.map((f) => ({ id: f.id, status: f.status, values: f.values, file: f.loc.file })).sort((a, b) => a.id.localeCompare(b.id)),
      EXPECTED.focusAreas.map((f: { id: string; status: string; values: string[]; file: string }) => ({ id: f.id, status: f.status, values: f.values, file: f.file })).sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)));
    assert.strictEqual(snap.learnings.length, EXPECTED.counts.learnings);
    assert.strictEqual(snap.feedback.length, EXPECTED.counts.feedback);
    assert.deepStrictEqual(snap.learnings.filter((l) => l.evidence).map((l) => l.id).sort(), [...EXPECTED.evidenceLearningIds].sort());
    assert.deepStrictEqual(snap.feedback.filter((f) => f.kind === 'praise').map((f) => f.id).sort(), [...EXPECTED.praiseFeedbackIds].sort());
  });

  it('knows every commitment with its status, due date, focus, values, file and line', () => {
    const snap = index.snapshot();
    assert.strictEqual(snap.commitments.length, EXPECTED.counts.actions);
    for (const e of EXPECTED.actions) {
      const c = snap.commitmentById.get(e.id);
      assert.ok(c, `missing ${e.id}`);
      assert.deepStrictEqual(
        { status: c.status, due: c.due ?? null, closed: c.closed ?? null, focus: c.focus ?? null, values: c.values, file: c.loc.file, line: c.loc.line + 1, session: c.session, carried_from: c.carried_from ?? null },
        { status: e.status, due: e.due, closed: e.closed, focus: e.focus, values: e.values, file: e.file, line: e.line, session: e.session, carried_from: e.carried_from },
        e.id,
      );
      assert.strictEqual(isOverdue(c, TODAY), e.overdue, `${e.id} overdue`);
    }
  });

  it('lists open commitments overdue first, most overdue first', () => {
    const open = listCommitments(index.snapshot(), 'open', TODAY).map((c) => c.id);
    assert.deepStrictEqual(open, [...EXPECTED.overdueIds, ...EXPECTED.openNotOverdueIds]);
    assert.deepStrictEqual(listCommitments(index.snapshot(), 'overdue', TODAY).map((c) => c.id), EXPECTED.overdueIds);
    assert.deepStrictEqual(commitmentCounts(index.snapshot(), TODAY), { open: EXPECTED.counts.open, overdue: EXPECTED.counts.overdue });
  });

  it('reads CRLF, BOM, unquoted dates and block scalars like any other note', () => {
    const snap = index.snapshot();
    for (const file of [...EXPECTED.styles.crlf, ...EXPECTED.styles.bom, ...EXPECTED.styles.unquotedDate, ...EXPECTED.styles.blockScalar]) {
      const session = snap.sessions.find((s) => s.loc.file === file);
      assert.ok(session, file);
      assert.match(session.date, /^\d{4}-\d{2}-\d{2}$/, `${file} date stays a plain date string`);
      assert.strictEqual(index.get(file)!.diagnostics.filter((d) => d.severity === 'error').length, 0, file);
    }
    assert.strictEqual(snap.sessions.find((s) => s.loc.file === EXPECTED.styles.unquotedDate[0])!.date, '2026-03-02');
  });

  it('reports no errors or warnings on the clean journal; only the unused value as a note', () => {
    const diags = index.diagnostics();
    assert.deepStrictEqual(diags.filter((d) => d.severity !== 'info'), []);
    assert.deepStrictEqual(diags.map((d) => [d.code, d.subject]), [['value-without-action', EXPECTED.unusedValueId]]);
  });

  it('derives values from the focus area when a commitment has none of its own', () => {
    const snap = index.snapshot();
    const c = snap.commitmentById.get(EXPECTED.unlinkedActionId)!;
    assert.deepStrictEqual(c.values, []);
    assert.deepStrictEqual(effectiveValues(c, snap), snap.focusById.get(c.focus!)!.values);
  });

  it('counts follow-through per focus area from the notes', () => {
    const stats = computeStats(index.snapshot(), TODAY, 7);
    for (const [id, e] of Object.entries(EXPECTED.perFocus) as [string, { made: number; done: number; partly: number; notDone: number; letGo: number; open: number }][]) {
      const f = stats.byFocusArea.find((x) => x.id === id)!;
      assert.deepStrictEqual({ made: f.made, done: f.done, partly: f.partly, notDone: f.notDone, letGo: f.letGo, open: f.open }, e, id);
    }
    assert.strictEqual(stats.sessions, EXPECTED.counts.sessions);
    assert.strictEqual(stats.carriedForward, EXPECTED.carried.length);
    // Weekly sessions up to yesterday, with a cadence of 7 days: every session is in the streak.
    assert.strictEqual(stats.streak, new Set(EXPECTED.sessionIds.map((s: string) => s.slice(2, 12))).size);
    assert.strictEqual(computeStats(index.snapshot(), '2026-12-15', 7).streak, 0);
  });

  it('updates one file without re-reading the others', () => {
    const copy = new JournalIndex();
    for (const note of index.allNotes()) {
      copy.setNote(note);
    }
    const before = copy.snapshot();
    const file = EXPECTED.actions.find((a: { id: string }) => a.id === EXPECTED.overdueIds[0]).file;
    copy.remove(file);
    const after = copy.snapshot();
    assert.notStrictEqual(before, after);
    assert.ok(!after.commitmentById.has(EXPECTED.overdueIds[0]));
    assert.strictEqual(after.sessions.length, before.sessions.length - 1);
    copy.setText('sessions/2026-11-30.md', '---\ntype: coaching-session\nid: s-2026-11-30\ndate: "2026-11-30"\nactions:\n  - id: a-20261130-zzzz\n    text: New one\n    status: open\n    due: "2026-11-20"\n---\n');
    assert.ok(listCommitments(copy.snapshot(), 'overdue', TODAY).some((c) => c.id === 'a-20261130-zzzz'));
  });

  it('reads the sample journal without errors', async () => {
    const sample = await loadFixture(SAMPLE);
    assert.deepStrictEqual(sample.diagnostics().filter((d) => d.severity === 'error'), []);
    assert.ok(sample.snapshot().sessions.length >= 10);
  });
});

describe('Check-ins close commitments', () => {
  it('an open commitment checked in by hand in a later session takes that outcome', () => {
    const index = new JournalIndex();
    index.setText('sessions/2026-11-17.md', '---\ntype: coaching-session\nid: s-2026-11-17\ndate: "2026-11-17"\nactions:\n  - id: a-20261117-aaaa\n    text: Ask for feedback\n    status: open\n    due: "2026-11-20"\n---\n');
    index.setText('sessions/2026-11-24.md', '---\ntype: coaching-session\nid: s-2026-11-24\ndate: "2026-11-24"\ncheckin:\n  - action: a-20261117-aaaa\n    outcome: partly\n---\n');
    const c = index.snapshot().commitmentById.get('a-20261117-aaaa')!;
    assert.strictEqual(c.status, 'partly');
    assert.strictEqual(c.declaredStatus, 'open');
    assert.strictEqual(c.closed, '2026-11-24');
    assert.strictEqual(c.closedIn, 's-2026-11-24');
  });

  it('a check-in that disagrees with the status written on the commitment is reported', () => {
    const index = new JournalIndex();
    index.setText('sessions/a.md', '---\ntype: coaching-session\nid: s-a\ndate: "2026-11-17"\nactions:\n  - id: a-1\n    text: T\n    status: done\n    values: [x]\n---\n');
    index.setText('sessions/b.md', '---\ntype: coaching-session\nid: s-b\ndate: "2026-11-24"\ncheckin:\n  - action: a-1\n    outcome: not-done\n---\n');
    assert.ok(index.diagnostics().some((d) => d.code === 'outcome-mismatch' && d.file === 'sessions/b.md' && d.line === 5));
  });
});
