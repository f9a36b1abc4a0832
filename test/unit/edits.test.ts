import * as assert from 'assert';
import {
  recordOutcomeEdits, addCommitmentEdits, addCheckinEdits, addLearningEdits, addFeedbackEdits, addValueEdits, setFieldEdits,
  applyEdits, EditError, parseNote, decodeBytes, encodeText, renderSessionNote, renderFocusAreaNote, renderBigPictureNote, JournalIndex,
} from '../../src/core';

const CRLF_NOTE = [
  '---',
  '# Session with a coach',
  'type: coaching-session',
  "id: s-2026-11-17   # keep this",
  'date: "2026-11-17"',
  'goals: [\'Plan the quarter\']',
  'focus: [strategic-work]',
  'actions:',
  '  # the one commitment',
  '  - id: a-20261117-7q2m',
  "    text: 'Ask Priya for two past proposals'",
  '    focus: strategic-work',
  '    values: [impact]',
  '    due: "2026-11-24"',
  '    status: open      # open | done',
  '',
  '  - id: a-20261117-k9zz',
  '    text: "Pair on the migration plan"',
  '    status: open',
  'feedback: []',
  '---',
  'Free writing stays as it is.',
  '',
].join('\r\n');

function edit(text: string, f: (t: string) => ReturnType<typeof recordOutcomeEdits>): string {
  return applyEdits(text, f(text));
}

describe('Recording an outcome changes only the lines it must', () => {
  it('on a note with CRLF line endings, comments, blank lines and a BOM', () => {
    const bytes = encodeText(CRLF_NOTE, true);
    const decoded = decodeBytes(bytes);
    assert.strictEqual(decoded.bom, true);
    const after = edit(decoded.text, (t) => recordOutcomeEdits(t, 'a-20261117-7q2m', { outcome: 'done', on: '2026-11-24', learning: { lens: 'doing', text: 'Asking early "unblocks" me' } }));
    const expected = CRLF_NOTE.replace(
      '    status: open      # open | done\r\n',
      '    status: done      # open | done\r\n    closed: "2026-11-24"\r\n    learnings:\r\n      - lens: doing\r\n        text: "Asking early \\"unblocks\\" me"\r\n',
    );
    assert.strictEqual(after, expected);
    const out = encodeText(after, decoded.bom);
    assert.deepStrictEqual([...out.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    const note = parseNote('sessions/2026-11-17.md', after);
    assert.deepStrictEqual(note.diagnostics.filter((d) => d.severity === 'error'), []);
    assert.strictEqual(note.session!.actions[0].status, 'done');
    assert.strictEqual(note.session!.actions[0].learnings[0].text, 'Asking early "unblocks" me');
  });

  it('replaces a status in its own quoting style and leaves other commitments alone', () => {
    const text = CRLF_NOTE.replace('    status: open\r\nfeedback', "    status: 'open'\r\nfeedback");
    const after = edit(text, (t) => recordOutcomeEdits(t, 'a-20261117-k9zz', { outcome: 'let-go', on: '2026-11-24' }));
    assert.strictEqual(after, text.replace("    status: 'open'\r\nfeedback", "    status: 'let-go'\r\n    closed: \"2026-11-24\"\r\nfeedback"));
  });

  it('works on flow-style commitments', () => {
    const text = '---\ntype: coaching-session\nid: s-1\ndate: "2026-11-17"\nactions: [{id: a-1, text: T, status: open}]\n---\n';
    const after = edit(text, (t) => recordOutcomeEdits(t, 'a-1', { outcome: 'partly', on: '2026-11-24' }));
    assert.strictEqual(after, '---\ntype: coaching-session\nid: s-1\ndate: "2026-11-17"\nactions: [{id: a-1, text: T, status: partly, closed: "2026-11-24"}]\n---\n');
  });

  it('refuses an unknown id, an unparseable note, and a note never closed — changing nothing', () => {
    assert.throws(() => recordOutcomeEdits(CRLF_NOTE, 'a-nope', { outcome: 'done', on: '2026-11-24' }), (e: unknown) => e instanceof EditError && e.code === 'not-found');
    const bad = CRLF_NOTE.replace('focus: [strategic-work]', 'focus: [strategic-work');
    assert.throws(() => recordOutcomeEdits(bad, 'a-20261117-7q2m', { outcome: 'done', on: '2026-11-24' }), (e: unknown) => e instanceof EditError && e.code === 'unparseable');
    assert.throws(() => recordOutcomeEdits('---\ntype: coaching-session\nactions: []\n', 'a-1', { outcome: 'done', on: '2026-11-24' }), (e: unknown) => e instanceof EditError && e.code === 'unparseable');
  });

  it('refuses an invalid date or an empty learning', () => {
    assert.throws(() => recordOutcomeEdits(CRLF_NOTE, 'a-20261117-7q2m', { outcome: 'done', on: '2026-02-30' }), /not a calendar date/);
    assert.throws(() => recordOutcomeEdits(CRLF_NOTE, 'a-20261117-7q2m', { outcome: 'done', on: '2026-11-24', learning: { text: '   ' } }), /empty/);
  });
});

describe('Adding to a session note', () => {
  const BASE = '---\ntype: coaching-session\nid: s-2026-11-24\ndate: "2026-11-24"\ngoals:\n  - "Decide"\nfocus: [strategic-work]\n---\n\nBody\n';

  it('appends a commitment as a new `actions` list after the last field', () => {
    const after = edit(BASE, (t) => addCommitmentEdits(t, { id: 'a-20261124-p0zd', text: 'Ask Priya for two past proposals', focus: 'strategic-work', values: ['impact'], success: 'I can list five traits', due: '2026-12-01' }));
    assert.strictEqual(after, BASE.replace('focus: [strategic-work]\n', 'focus: [strategic-work]\nactions:\n  - id: a-20261124-p0zd\n    text: "Ask Priya for two past proposals"\n    focus: strategic-work\n    values: [impact]\n    success: "I can list five traits"\n    due: "2026-12-01"\n    status: open\n'));
  });

  it('appends to an existing block list at its indentation, after its last item', () => {
    const text = '---\ntype: coaching-session\nlearnings:\n- id: l-1\n  text: |\n    multi\n    line\n# after\nfeedback: []\n---\n';
    const after = edit(text, (t) => addLearningEdits(t, { id: 'l-2', text: 'Second', evidence: true }));
    assert.strictEqual(after, text.replace('    line\n', '    line\n- id: l-2\n  text: "Second"\n  evidence: true\n'));
  });

  it('appends to an empty flow list and to `key:` with no value', () => {
    const text = '---\ntype: coaching-session\nfeedback: []\ncheckin:   # to fill\nid: s-1\n---\n';
    const a = edit(text, (t) => addFeedbackEdits(t, { id: 'fb-1', from: 'manager', kind: 'blind-spot', text: 'Quiet in staff meetings' }));
    assert.strictEqual(a, text.replace('feedback: []', 'feedback: [{ id: fb-1, from: manager, kind: blind-spot, text: "Quiet in staff meetings" }]'));
    const b = edit(text, (t) => addCheckinEdits(t, { action: 'a-1', outcome: 'not-done', learnings: [{ lens: 'not-doing', text: 'I need an example first' }] }));
    assert.strictEqual(b, text.replace('checkin:   # to fill\n', 'checkin:   # to fill\n  - action: a-1\n    outcome: not-done\n    learnings:\n      - lens: not-doing\n        text: "I need an example first"\n'));
  });

  it('adds a value to the big picture, refusing a duplicate id', () => {
    const bp = '---\ntype: coaching-big-picture\nvision: "Lead a platform area"\nvalues:\n  - id: impact\n    name: Impact on people\n---\n';
    const after = edit(bp, (t) => addValueEdits(t, { id: 'craft', name: 'Craft', why: 'Work I am proud of' }));
    assert.strictEqual(after, bp.replace('    name: Impact on people\n', '    name: Impact on people\n  - id: craft\n    name: "Craft"\n    why: "Work I am proud of"\n'));
    assert.throws(() => addValueEdits(bp, { id: 'impact', name: 'Again' }), /already exists/);
    assert.strictEqual(edit(bp, (t) => setFieldEdits(t, 'vision', 'Help teams go faster')), bp.replace('"Lead a platform area"', '"Help teams go faster"'));
  });

  it('keeps text with quotes, newlines, emoji, RTL and control characters exact', () => {
    const tricky = 'She said: "no" — \\ ok\nשלום 👋🏽 e\u0301 \u0007 tab\there # not a comment: [x]';
    const after = edit(BASE, (t) => addLearningEdits(t, { id: 'l-x', text: tricky, evidence: false }));
    const note = parseNote('sessions/x.md', after);
    assert.strictEqual(note.session!.learnings[0].text, tricky);
  });
});

describe('New notes', () => {
  it('a session note carries the check-in, commitments, vision and values of today\'s focus', () => {
    const index = new JournalIndex();
    index.setText('big-picture.md', '---\ntype: coaching-big-picture\ngoal: Senior\nvision: Lead a platform area\nvalues:\n  - id: impact\n    name: Impact on people\n    why: Make days better\n  - id: craft\n    name: Craft\n---\n');
    index.setText('focus-areas/strategic-work.md', '---\ntype: coaching-focus-area\nid: strategic-work\ntitle: Show strategic thinking\nvalues: [impact]\nstatus: active\n---\n');
    const snap = index.snapshot();
    const { text, cursor } = renderSessionNote({
      id: 's-2026-11-24', date: '2026-11-24', goals: ['Decide how to show strategic thinking'], focus: ['strategic-work'],
      checkin: [{ action: 'a-20261117-7q2m', outcome: 'not-done', learnings: [{ lens: 'not-doing', text: 'I need an example first' }] }],
      actions: [{ id: 'a-20261124-p0zd', text: 'Ask Priya for two past proposals', focus: 'strategic-work', values: ['impact'], due: '2026-12-01' }],
      bigPicture: snap.bigPicture, focusAreas: snap.focusAreas,
    });
    const note = parseNote('sessions/2026-11-24.md', text);
    assert.deepStrictEqual(note.diagnostics, []);
    assert.strictEqual(note.session!.checkin[0].learnings[0].lens, 'not-doing');
    assert.strictEqual(note.session!.actions[0].due, '2026-12-01');
    assert.match(text, /> \*\*Vision:\*\* Lead a platform area/);
    assert.match(text, /- Impact on people: Make days better/);
    assert.doesNotMatch(text, /Craft/);
    const lines = text.split('\n');
    assert.strictEqual(lines[cursor.line - 2], '## Notes');
    assert.strictEqual(lines[cursor.line], '');
  });

  it('a user template fills its placeholders and places the cursor', () => {
    const { text, cursor } = renderSessionNote({ id: 's-1', date: '2026-11-24', goals: ['G1'], focus: [], checkin: [], actions: [], focusAreas: [], template: '# Session {{date}}\n\n{{goals}}\n\nToday: {{cursor}}\n' });
    assert.match(text, /\n# Session 2026-11-24\n\n- G1\n\nToday: \n$/);
    assert.strictEqual(text.split('\n')[cursor.line].slice(0, cursor.character), 'Today: ');
  });

  it('focus area and big picture notes parse cleanly', () => {
    const fa = parseNote('focus-areas/x.md', renderFocusAreaNote({ id: 'x', title: 'Lead: "well"', values: ['impact'], success: 'S', measure: 'M', gap: { current: 2, target: 3, next_level: 'Sets direction' }, role_models: ['Priya (Staff PM)'] }));
    assert.deepStrictEqual(fa.diagnostics, []);
    assert.deepStrictEqual(fa.focusArea!.gap, { current: 2, target: 3, next_level: 'Sets direction' });
    assert.strictEqual(fa.focusArea!.title, 'Lead: "well"');
    const bp = parseNote('big-picture.md', renderBigPictureNote({ goal: 'Senior', vision: 'V', values: [{ id: 'impact', name: 'Impact', why: 'Why' }] }));
    assert.deepStrictEqual(bp.diagnostics, []);
    assert.strictEqual(bp.bigPicture!.values[0].why, 'Why');
  });
});
