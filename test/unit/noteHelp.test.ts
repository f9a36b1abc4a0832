// Editor help in notes, as the core computes it: which field the cursor is in (also in half-typed YAML),
// which ids fit there, what an id names, and the quick fixes for duplicate and unknown ids.
import * as assert from 'assert';
import {
  JournalIndex, applyEdits, completionCandidates, describeId, fieldAt, focusAreaNoteFor, idAt, newIdEdits, parseNote, EditError,
  type JournalSnapshot,
} from '../../src/core';

const TODAY = '2026-11-24';

const BIG_PICTURE = [
  '---', 'type: coaching-big-picture', 'vision: "Lead a platform area"', 'values:',
  '  - id: impact', '    name: Impact on people', '    why: "Make others\' days better"',
  '  - id: craft', '    name: Craft', '---', '',
].join('\n');
const focusArea = (id: string, title: string, status = 'active', values = '[impact]'): string => [
  '---', 'type: coaching-focus-area', `id: ${id}`, `title: ${title}`, `values: ${values}`, `status: ${status}`,
  'success: "A proposal adopted"', 'measure: "Proposals per quarter"', 'gap: { current: 2, target: 3 }', '---', '',
].join('\n');
const OLD_SESSION = [
  '---', 'type: coaching-session', 'id: s-2026-11-10', 'date: "2026-11-10"', 'actions:',
  '  - id: a-20261110-late', '    text: "Share the risks early"', '    focus: execution', '    due: "2026-11-20"', '    status: open',
  '  - id: a-20261110-soon', '    text: "Read a design doc"', '    values: [craft]', '    due: "2026-11-28"', '    status: open',
  '  - id: a-20261110-done', '    text: "Ask for feedback"', '    status: done', '---', '',
].join('\n');

function journal(): JournalSnapshot {
  const index = new JournalIndex();
  index.setText('big-picture.md', BIG_PICTURE);
  index.setText('focus-areas/execution.md', focusArea('execution', 'Excellent execution', 'active', '[craft]'));
  index.setText('focus-areas/old-area.md', focusArea('old-area', 'An old area', 'retired'));
  index.setText('focus-areas/strategic-work.md', focusArea('strategic-work', 'Show strategic thinking'));
  index.setText('sessions/2026-11-10.md', OLD_SESSION);
  return index.snapshot();
}

/** The text with the cursor mark `|` removed, and the cursor's offset. */
function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0 && marked.indexOf('|', offset + 1) < 0, 'one cursor mark');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

function session(...lines: string[]): string {
  return ['---', 'type: coaching-session', 'id: s-2026-11-24', 'date: "2026-11-24"', ...lines, '---', 'Body with focus: [x]', ''].join('\n');
}

function at(marked: string, path = 'sessions/2026-11-24.md') {
  const { text, offset } = cursor(marked);
  return fieldAt(text, offset, path);
}

describe('Editor help: the field at the cursor', () => {
  it('knows a session\'s focus list in flow style, with the ids already listed', () => {
    const ctx = at(session('focus: [strategic-work, ex|]'));
    assert.ok(ctx);
    assert.deepStrictEqual(ctx.path, ['focus']);
    assert.deepStrictEqual(ctx.role, { kind: 'reference', target: 'focus-area', list: true });
    assert.strictEqual(ctx.style, 'flow');
    assert.strictEqual(ctx.token, 'ex');
    assert.deepStrictEqual(ctx.siblings, ['strategic-work']);
    assert.strictEqual(ctx.before, ' ');
  });

  it('knows a commitment\'s values in a block list and its single focus area', () => {
    const values = at(session('actions:', '  - id: a-20261124-aaaa', '    text: "x"', '    values:', '      - craft', '      - im|pa', '    status: open'));
    assert.ok(values);
    assert.deepStrictEqual(values.path, ['actions', 'values']);
    assert.strictEqual(values.style, 'block');
    assert.strictEqual(values.token, 'impa', 'the whole word around the cursor');
    assert.deepStrictEqual(values.siblings, ['craft']);
    const focus = at(session('actions:', '  - id: a-20261124-aaaa', '    focus: |', '    status: open'));
    assert.deepStrictEqual(focus?.role, { kind: 'reference', target: 'focus-area', list: false });
    assert.deepStrictEqual(focus?.path, ['actions', 'focus']);
    // A list written at the same indentation as its key.
    const compact = at(session('actions:', '- id: a-20261124-aaaa', '  values:', '  - |'));
    assert.deepStrictEqual(compact?.path, ['actions', 'values']);
  });

  it('knows check-in actions, carried_from, outcomes, lenses, feedback words and the note type', () => {
    assert.deepStrictEqual(at(session('checkin:', '  - action: a-2026|'))?.role, { kind: 'reference', target: 'action', list: false });
    assert.deepStrictEqual(at(session('actions:', '  - id: a-1', '    carried_from: "|"'))?.role, { kind: 'reference', target: 'action', list: false });
    assert.deepStrictEqual(at(session('checkin:', '  - action: a-1', '    outcome: |'))?.role, { kind: 'word', words: ['done', 'partly', 'not-done', 'let-go'] });
    assert.deepStrictEqual(at(session('checkin:', '  - action: a-1', '    learnings:', '      - lens: doing', '        text: "x"', '      - lens: |'))?.path, ['checkin', 'learnings', 'lens']);
    assert.deepStrictEqual(at(session('feedback:', '  - id: fb-1', '    from: |'))?.path, ['feedback', 'from']);
    assert.deepStrictEqual(at(session('feedback:', '  - id: fb-1', '    kind: bl|'))?.token, 'bl');
    assert.deepStrictEqual(at('---\ntype: |\n---\n', 'notes.md')?.role, { kind: 'word', words: ['coaching-big-picture', 'coaching-focus-area', 'coaching-session'] });
  });

  it('knows a focus area\'s values and status, and what a big picture declares', () => {
    const fa = '---\ntype: coaching-focus-area\nid: x\nvalues: [|]\nstatus: active\n---\n';
    assert.deepStrictEqual(at(fa, 'focus-areas/x.md')?.role, { kind: 'reference', target: 'value', list: true });
    assert.deepStrictEqual(at(fa.replace('values: [|]', 'values: []').replace('status: active', 'status: pa|'), 'focus-areas/x.md')?.role.kind, 'word');
    assert.deepStrictEqual(at(BIG_PICTURE.replace('id: craft', 'id: cr|aft'), 'big-picture.md')?.role, { kind: 'declaration', target: 'value' });
    assert.strictEqual(at(BIG_PICTURE.replace('name: Craft', 'name: Cr|aft'), 'big-picture.md'), undefined, 'a name is free text');
  });

  it('is nothing in the body, on a key, in free text, in a comment, or in an unknown field', () => {
    const text = session('focus: [a]');
    assert.strictEqual(fieldAt(text, text.indexOf('[x]') + 1, 'sessions/2026-11-24.md'), undefined, 'the body\'s "focus: [x]" is not frontmatter');
    assert.ok(fieldAt(text, text.indexOf('[a]') + 1, 'sessions/2026-11-24.md'), 'the frontmatter\'s is');
    assert.strictEqual(at(session('fo|cus: [a]')), undefined);
    assert.strictEqual(at(session('goals:', '  - "Decide [the |plan"', 'focus: [a]')), undefined);
    assert.strictEqual(at(session('focus: [a]  # see |b')), undefined);
    assert.strictEqual(at(session('actions:', '  - id: a-1', '    focus: x # a comment |')), undefined);
    assert.strictEqual(at(session('mood: |')), undefined);
    assert.strictEqual(at('# Just markdown\nfocus: |\n', 'sessions/x.md'), undefined);
  });

  it('is not fooled by an unmatched bracket in text above, and follows a list across lines', () => {
    const ctx = at(session('goals:', '  - "see [draft"', 'focus: [|]'));
    assert.deepStrictEqual(ctx?.path, ['focus']);
    const multi = at(session('focus: [strategic-work,', '  exe|]'));
    assert.deepStrictEqual(multi?.path, ['focus']);
    assert.deepStrictEqual(multi?.siblings, ['strategic-work']);
    assert.deepStrictEqual(at(session('focus: [a]', 'actions:', '  - id: a-1', '    values: [|'))?.path, ['actions', 'values']);
  });

  it('works with CRLF, inside quotes, and in a frontmatter not closed yet (a note being written)', () => {
    const crlf = cursor(session('actions:', '  - id: a-1', '    focus: "str|"').replace(/\n/g, '\r\n'));
    const ctx = fieldAt(crlf.text, crlf.offset, 'sessions/2026-11-24.md');
    assert.strictEqual(ctx?.quote, '"');
    assert.strictEqual(ctx?.token, 'str');
    assert.strictEqual(crlf.text.slice(ctx.start, ctx.end), 'str');
    const unclosed = cursor('---\ntype: coaching-session\nfocus: [|');
    assert.deepStrictEqual(fieldAt(unclosed.text, unclosed.offset, 'sessions/a.md')?.path, ['focus']);
  });
});

describe('Editor help: completion candidates', () => {
  const snap = journal();
  const candidates = (marked: string, path?: string) => {
    const ctx = at(marked, path);
    assert.ok(ctx, 'a field');
    return completionCandidates(ctx, snap, TODAY);
  };

  it('offers focus areas (active first) with their titles, leaving out those already listed', () => {
    const list = candidates(session('focus: [strategic-work, |]'));
    assert.deepStrictEqual(list.map((c) => [c.label, c.detail, c.insertText]), [
      ['execution', 'Excellent execution', 'execution'],
      ['old-area', 'An old area (retired)', 'old-area'],
    ]);
    assert.strictEqual(list[0].describes?.title, 'Focus area: Excellent execution');
  });

  it('writes what the YAML needs: a space after ":" or ",", a list of one where a list belongs', () => {
    assert.strictEqual(candidates(session('focus:|'))[0].insertText, ' [execution]');
    assert.strictEqual(candidates(session('focus: ex|'))[0].insertText, '[execution]');
    assert.strictEqual(candidates(session('focus: [strategic-work,|]'))[0].insertText, ' execution');
    assert.strictEqual(candidates(session('actions:', '  - id: a-1', '    focus:|'))[0].insertText, ' execution');
    assert.strictEqual(candidates(session('actions:', '  - id: a-1', '    focus: "|"'))[0].insertText, 'execution', 'inside quotes: as is');
    assert.strictEqual(candidates(session('actions:', '  - id: a-1', '    values:', '      -|'))[0].insertText, ' impact');
  });

  it('offers values with their names, and commitments open first (overdue first), then closed ones', () => {
    assert.deepStrictEqual(candidates(session('actions:', '  - id: a-1', '    values: [|]')).map((c) => [c.label, c.detail]), [['impact', 'Impact on people'], ['craft', 'Craft']]);
    assert.deepStrictEqual(candidates(session('checkin:', '  - action: |')).map((c) => [c.label, c.detail]), [
      ['a-20261110-late', 'Share the risks early (4 days overdue)'],
      ['a-20261110-soon', 'Read a design doc (due in 4 days)'],
      ['a-20261110-done', 'Ask for feedback (done)'],
    ]);
    const sorted = candidates(session('checkin:', '  - action: |')).map((c) => c.sortText);
    assert.deepStrictEqual([...sorted].sort(), sorted);
  });

  it('offers the words of a field, and nothing for a declared id', () => {
    assert.deepStrictEqual(candidates(session('actions:', '  - id: a-1', '    status: |')).map((c) => c.label), ['open', 'done', 'partly', 'not-done', 'let-go']);
    assert.deepStrictEqual(candidates(session('feedback:', '  - id: fb-1', '    kind: |')).map((c) => c.label), ['praise', 'suggestion', 'blind-spot']);
    assert.deepStrictEqual(candidates(session('actions:', '  - id: a-2026|')), []);
  });
});

describe('Editor help: what an id names', () => {
  const snap = journal();

  it('finds the id under the cursor and its kind', () => {
    const { text, offset } = cursor(session('actions:', '  - id: a-1', '    focus: strat|egic-work'));
    const found = idAt(text, offset, 'sessions/2026-11-24.md');
    assert.deepStrictEqual(found && { kind: found.kind, id: found.id, text: text.slice(found.start, found.end) }, { kind: 'focus-area', id: 'strategic-work', text: 'strategic-work' });
    const inList = cursor(session('focus: [execution, strat|egic-work]'));
    assert.strictEqual(idAt(inList.text, inList.offset, 'sessions/2026-11-24.md')?.id, 'strategic-work');
    const word = cursor(session('actions:', '  - id: a-1', '    status: op|en'));
    assert.strictEqual(idAt(word.text, word.offset, 'sessions/2026-11-24.md'), undefined, 'a status is not an id');
  });

  it('describes a value, a focus area, a commitment and a session', () => {
    assert.deepStrictEqual(describeId(snap, 'value', 'impact', TODAY), {
      kind: 'value', id: 'impact', known: true, title: 'Value: Impact on people',
      lines: [
        { label: 'Why it matters', value: 'Make others\' days better' },
        { label: 'Focus areas', value: 'An old area, Show strategic thinking' },
        { label: 'Open commitments', value: '0' },
        { label: 'Id', value: 'impact' },
      ],
    });
    const fa = describeId(snap, 'focus-area', 'execution', TODAY);
    assert.strictEqual(fa.title, 'Focus area: Excellent execution');
    assert.deepStrictEqual(fa.lines.map((l) => `${l.label}: ${l.value}`), [
      'Status: active', 'Success looks like: A proposal adopted', 'Measured by: Proposals per quarter', 'Gap: level 2 → 3',
      'Serves: Craft', 'Commitments: 1 open · 0/1 done', 'Id: execution',
    ]);
    const c = describeId(snap, 'action', 'a-20261110-late', TODAY);
    assert.strictEqual(c.title, 'Share the risks early');
    assert.deepStrictEqual(c.lines.map((l) => `${l.label}: ${l.value}`), [
      'Status: open, overdue', 'Serves: Craft', 'Focus area: Excellent execution', 'Due: 2026-11-20 (4 days overdue)',
      'Made in the session of: 2026-11-10', 'Where: sessions/2026-11-10.md:6', 'Id: a-20261110-late',
    ]);
    assert.strictEqual(describeId(snap, 'action', 'a-20261110-done', TODAY).lines[0].value, 'done');
    const s = describeId(snap, 'session', 's-2026-11-10', TODAY);
    assert.strictEqual(s.title, 'Session of 2026-11-10');
    assert.ok(s.lines.some((l) => l.label === 'Commitments made' && l.value === '3'));
  });

  it('says so when the journal has no such id', () => {
    const d = describeId(snap, 'focus-area', 'nowhere', TODAY);
    assert.strictEqual(d.known, false);
    assert.strictEqual(d.title, 'No focus area has the id "nowhere" in this journal.');
  });
});

describe('Quick fixes for ids', () => {
  const sequence = (...values: number[]): (() => number) => {
    let i = 0;
    return () => values[i++ % values.length];
  };
  const DUP = [
    '---', 'type: coaching-session', 'id: s-2026-11-24', 'date: "2026-11-24"  # today', 'actions:',
    '  - id: "a-20261110-late"   # copied', '    text: "One"', '    status: open',
    '  - id: \'a-20261110-late\'', '    text: "Two"', '    status: open', '---', 'Body', '',
  ].join('\r\n');

  it('gives a duplicate commitment a new id with the old date, keeping its quotes; every other byte stays', () => {
    const note = parseNote('sessions/2026-11-24.md', DUP.replace(/\r\n/g, '\n'));
    const decls = note.ids.filter((d) => d.id === 'a-20261110-late');
    assert.strictEqual(decls.length, 2);
    const fix = newIdEdits(DUP, 'sessions/2026-11-24.md', decls[1].loc, 'a-20261110-late', new Set(['a-20261110-0000']), TODAY, sequence(0, 0, 0, 0, 0.1, 0.2, 0.3, 0.4));
    assert.strictEqual(fix.title, 'Give this commitment a new id');
    assert.strictEqual(fix.newId, 'a-20261110-37ae', 'a-20261110-0000 is taken, so the next draw');
    assert.strictEqual(applyEdits(DUP, fix.edits), DUP.replace('  - id: \'a-20261110-late\'', '  - id: \'a-20261110-37ae\''));
    const first = newIdEdits(DUP, 'sessions/2026-11-24.md', decls[0].loc, 'a-20261110-late', new Set(), TODAY, sequence(0.5));
    assert.strictEqual(applyEdits(DUP, first.edits), DUP.replace('"a-20261110-late"   # copied', '"a-20261110-iiii"   # copied'));
  });

  it('gives a session, a value or a focus area the next free id', () => {
    const sessionText = '---\ntype: coaching-session\nid: s-2026-11-24\ndate: "2026-11-24"\n---\n';
    const s = newIdEdits(sessionText, 'sessions/2026-11-24-2.md', { line: 2, character: 4 }, 's-2026-11-24', new Set(['s-2026-11-24', 's-2026-11-24-2']), TODAY);
    assert.strictEqual(applyEdits(sessionText, s.edits), sessionText.replace('id: s-2026-11-24', 'id: s-2026-11-24-3'));
    assert.strictEqual(s.title, 'Give this session a new id');
    const v = newIdEdits(BIG_PICTURE, 'big-picture.md', { line: 7, character: 8 }, 'craft', new Set(['craft']), TODAY);
    assert.strictEqual(applyEdits(BIG_PICTURE, v.edits), BIG_PICTURE.replace('id: craft', 'id: craft-2'));
    assert.strictEqual(v.title, 'Give this value a new id');
  });

  it('refuses when the id is no longer where the problem said (nothing changes)', () => {
    assert.throws(() => newIdEdits(DUP, 'sessions/2026-11-24.md', { line: 3, character: 8 }, 'a-20261110-late', new Set(), TODAY), (e: unknown) => e instanceof EditError && e.code === 'not-found');
  });

  it('makes a focus-area note for an unknown id, and refuses ids that cannot name a file', () => {
    const made = focusAreaNoteFor('deep-work');
    assert.strictEqual(made.path, 'focus-areas/deep-work.md');
    const note = parseNote(made.path, made.text);
    assert.deepStrictEqual([note.focusArea?.id, note.focusArea?.title, note.focusArea?.status], ['deep-work', 'Deep work', 'active']);
    assert.deepStrictEqual(note.diagnostics.filter((d) => d.severity === 'error'), []);
    for (const bad of ['../escape', 'a/b', '', 'x'.repeat(65), 'é']) {
      assert.throws(() => focusAreaNoteFor(bad), EditError, bad);
    }
  });
});
