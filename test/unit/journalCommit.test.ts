import * as assert from 'assert';
import { JournalIndex, journalCommitMessage, reminderFor } from '../../src/core';
import { loadFixture, TODAY } from './helpers';

describe('Commit Journal and reminders, from the notes alone', () => {
  it('names the session and its first commitment in the commit message', async () => {
    const index = await loadFixture();
    assert.strictEqual(journalCommitMessage(index.snapshot(), '2026-11-23'), 'Coaching session 2026-11-23: Review my own PR the next morning before asking anyone else');
    assert.strictEqual(journalCommitMessage(index.snapshot(), TODAY), 'Coaching journal: update of 2026-11-24');
    const long = new JournalIndex();
    long.setText('sessions/2026-11-24.md', `---\ntype: coaching-session\nid: s-2026-11-24\ndate: "2026-11-24"\nactions:\n  - id: a-1\n    text: "${'word '.repeat(30)}"\n    status: open\n---\n`);
    const m = journalCommitMessage(long.snapshot(), TODAY);
    assert.ok(m.length <= 'Coaching session 2026-11-24: '.length + 60 && m.endsWith('…'), m);
  });

  it('reminds at most once a day, not while snoozed, and only when something is due', async () => {
    const snap = (await loadFixture()).snapshot();
    const r = reminderFor(snap, TODAY, 7, {});
    assert.ok(r);
    assert.strictEqual(r.overdue, 3);
    assert.strictEqual(r.sessionDue, false);
    assert.match(r.message, /^3 commitments are past their date — a check-in is a chance to learn from them\.$/);
    assert.strictEqual(reminderFor(snap, TODAY, 7, { lastShown: TODAY }), undefined);
    assert.strictEqual(reminderFor(snap, TODAY, 7, { snoozedUntil: '2026-11-25' }), undefined);
    assert.ok(reminderFor(snap, '2026-11-26', 7, { snoozedUntil: '2026-11-25', lastShown: TODAY }));
    assert.ok(reminderFor(snap, '2026-12-01', 7, {})!.sessionDue);
    assert.strictEqual(reminderFor(new JournalIndex().snapshot(), TODAY, 7, {}), undefined);
  });
});
