/**
 * Issue #9, core and CLI: every file of test/fixtures/hostile/ is reported at its line, no exception
 * escapes any reader, files that cannot be edited safely are never written, the odd-but-valid ones are
 * edited exactly, and the healthy files keep working. See test/fixtures/hostile/EXPECTED.md.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import {
  JournalIndex, loadJournal, listCommitments, dueLabel, isOverdue, computeStats, buildValuesMap, mapToMermaid, mapOptionsFor,
  renderEvidence, groupCommitments, GROUP_BYS, MAP_PERIODS, recordOutcomeEdits, addLearningEdits, addCommitmentEdits, addValueEdits,
  setFieldEdits, applyEdits, decodeBytes, splitFrontmatter, parseNote, daysBetween, addDays, EditError, type TextEdit,
} from '../../src/core';
import { NodeJournalStore } from '../../src/cli/nodeStore';
import { HOSTILE, cli, copyDir, expectedJson, loadFixture, snapshotFiles, tempDir } from './helpers';

/** `refused`: no edit at all; `outcome-refused`: valid YAML, but recording an outcome on its commitments is refused. */
interface HostileFile { edit: 'exact' | 'refused' | 'outcome-refused'; ids?: string[]; diagnostics: string[] }
interface Expected { healthyOpenIds: string[]; files: Record<string, HostileFile> }

const TODAY = '2026-03-20';
const expected = (): Promise<Expected> => expectedJson<Expected>(HOSTILE);

/** Every reader the extension and the CLI use, over a whole journal: none of them may throw. */
function readEverything(index: JournalIndex): void {
  const snap = index.snapshot();
  index.diagnostics();
  for (const filter of ['open', 'overdue', 'closed', 'all'] as const) {
    for (const c of listCommitments(snap, filter, TODAY)) {
      dueLabel(c, TODAY);
      isOverdue(c, TODAY);
    }
  }
  GROUP_BYS.forEach((by) => groupCommitments(snap, by, TODAY));
  for (const include of ['open', 'all'] as const) {
    for (const period of MAP_PERIODS) {
      mapToMermaid(buildValuesMap(snap, mapOptionsFor({ include, period }, TODAY)));
    }
  }
  computeStats(snap, TODAY, 7);
  renderEvidence(snap, {});
}

/** Each edit the journal can make of a note, tried on `text` (ids: its commitments). */
function everyEdit(text: string, ids: string[]): (() => TextEdit[])[] {
  return [
    ...ids.map((id) => () => recordOutcomeEdits(text, id, { outcome: 'done', on: TODAY, learning: { lens: 'doing', text: 'It worked' } })),
    () => addLearningEdits(text, { id: 'l-20260320-host', text: 'A learning', evidence: false }),
    () => addCommitmentEdits(text, { id: 'a-20260320-host', text: 'A commitment', values: ['impact'] }),
    () => addValueEdits(text, { id: 'hostile', name: 'Hostile' }),
    () => setFieldEdits(text, 'vision', 'A new vision'),
  ];
}

/** How many lines of `before` are not kept in `after` (longest common subsequence of lines): edited lines count, inserted ones do not. */
function linesLost(before: string, after: string): number {
  let b = before.split('\n');
  let a = after.split('\n');
  while (b.length && a.length && b[0] === a[0]) {
    b = b.slice(1);
    a = a.slice(1);
  }
  while (b.length && a.length && b[b.length - 1] === a[a.length - 1]) {
    b = b.slice(0, -1);
    a = a.slice(0, -1);
  }
  let row = new Array<number>(a.length + 1).fill(0);
  for (const line of b) {
    const next = [0];
    for (let j = 0; j < a.length; j++) {
      next.push(line === a[j] ? row[j] + 1 : Math.max(row[j + 1], next[j]));
    }
    row = next;
  }
  return b.length - row[a.length];
}

/** Records an outcome and checks that only the status line changed and the body is untouched. */
function assertExactOutcome(text: string, id: string, where: string): string {
  const after = applyEdits(text, recordOutcomeEdits(text, id, { outcome: 'done', on: TODAY }));
  assert.strictEqual(linesLost(text, after), 1, `${where} ${id}: only the status line changes`);
  const b = splitFrontmatter(text);
  const a = splitFrontmatter(after);
  assert.ok(a.kind === 'ok' && b.kind === 'ok');
  assert.strictEqual(after.slice(a.bodyStart), text.slice(b.bodyStart), `${where}: the body is unchanged`);
  const action = parseNote(where, after).session!.actions.find((x) => x.id === id)!;
  assert.deepStrictEqual([action.status, action.closed], ['done', TODAY]);
  return after;
}

describe('A hostile journal (issue #9): core', () => {
  let index: JournalIndex;
  before(async () => {
    index = new JournalIndex();
    const report = await loadJournal(new NodeJournalStore(HOSTILE), index);
    assert.deepStrictEqual(report.failed, [], 'no file throws while it is read');
  });

  it('reports each hostile file at its line with its severity, and nothing else', async () => {
    const { files } = await expected();
    assert.deepStrictEqual(index.paths().filter((p) => p !== 'EXPECTED.md'), Object.keys(files).sort());
    for (const [file, want] of Object.entries(files)) {
      const got = index.diagnosticsFor(file).filter((d) => d.severity !== 'info').map((d) => `${d.line + 1} ${d.severity} ${d.code}`);
      assert.deepStrictEqual(got.sort(), [...want.diagnostics].sort(), file);
    }
    assert.deepStrictEqual(index.diagnostics().filter((d) => d.severity === 'info'), []);
  });

  it('says what is wrong in a message bounded in length, even for a 10^10-item alias bomb', () => {
    for (const d of index.diagnostics()) {
      assert.ok(d.message.length < 400, `${d.file}:${d.line + 1}: ${d.message.slice(0, 80)}…`);
    }
    const status = index.diagnosticsFor('sessions/billion-laughs.md').find((d) => d.code === 'invalid-value')!;
    assert.match(status.message, /`status` is a list; use one of open, done/);
    assert.match(index.diagnosticsFor('sessions/type-not-text.md')[0].message, /The type is a mapping, not text/);
    // No advice to create a file outside focus-areas/.
    const unknown = index.diagnosticsFor('sessions/odd-ids.md').find((d) => d.code === 'unknown-focus-area')!;
    assert.doesNotMatch(unknown.message, /create/);
    assert.match(unknown.message, /fix the id/);
  });

  it('keeps the healthy files working: their commitments are listed', async () => {
    const { healthyOpenIds } = await expected();
    const snap = index.snapshot();
    const open = listCommitments(snap, 'open', TODAY).map((c) => c.id);
    for (const id of healthyOpenIds) {
      assert.ok(open.includes(id), id);
    }
    assert.deepStrictEqual(snap.values.map((v) => v.id), ['impact', 'craft']);
    assert.ok(snap.focusById.has('healthy'));
  });

  it('lets no exception escape any reader (list, group, map, stats, evidence)', () => {
    readEverything(index);
  });

  it('refuses every edit it cannot make safely, with EditError', async () => {
    const { files } = await expected();
    for (const [file, want] of Object.entries(files)) {
      if (want.edit === 'exact') {
        continue;
      }
      const text = decodeBytes(await fs.readFile(path.join(HOSTILE, file))).text;
      const ids = [...(want.ids ?? []), 'a-20260101-none'];
      const edits = want.edit === 'refused' ? everyEdit(text, ids) : ids.map((id) => () => recordOutcomeEdits(text, id, { outcome: 'done', on: TODAY }));
      for (const edit of edits) {
        assert.throws(edit, (e: unknown) => e instanceof EditError && e.message.length > 0, file);
      }
    }
  });

  it('refuses to edit a note with YAML aliases: the change would reach every place sharing the anchor', async () => {
    const text = await fs.readFile(path.join(HOSTILE, 'sessions/aliases.md'), 'utf8');
    assert.throws(() => recordOutcomeEdits(text, 'a-20260308-alia', { outcome: 'done', on: TODAY }), (e: unknown) => e instanceof EditError && /aliases/.test(e.message) && e.code === 'unsafe');
    const bomb = await fs.readFile(path.join(HOSTILE, 'sessions/billion-laughs.md'), 'utf8');
    assert.throws(() => addLearningEdits(bomb, { id: 'l-20260320-bomb', text: 'x', evidence: false }), (e: unknown) => e instanceof EditError && /aliases/.test(e.message));
  });

  it('edits the odd but valid files exactly: only the status line changes, the body stays', async () => {
    const { files } = await expected();
    for (const [file, want] of Object.entries(files)) {
      if (want.edit !== 'exact') {
        continue;
      }
      const text = decodeBytes(await fs.readFile(path.join(HOSTILE, file))).text;
      for (const id of want.ids ?? []) {
        assertExactOutcome(text, id, file);
      }
    }
  });

  it('reads a 10 MB note, a 5 MB field and a 1 MB line, lists them and edits them exactly', async () => {
    const head = (id: string, text: string) => ['---', 'type: coaching-session', `id: s-${id}`, 'date: "2026-03-19"', 'actions:',
      `  - id: a-20260319-${id}`, `    text: "${text}"`, '    values: [impact]', '    status: open', '---', ''].join('\n');
    const notes: Record<string, string> = {
      'sessions/huge.md': head('huge', 'A note of 10 MB') + 'All work and no play. '.repeat(480_000),
      'sessions/fat.md': head('fatf', 'Long text '.repeat(500_000)) + 'Body.\n',
      'sessions/line.md': head('line', 'One long body line') + 'x'.repeat(1_000_000),
    };
    assert.ok(notes['sessions/huge.md'].length > 10_000_000);
    const big = new JournalIndex();
    big.setText('big-picture.md', await fs.readFile(path.join(HOSTILE, 'big-picture.md'), 'utf8'));
    for (const [p, text] of Object.entries(notes)) {
      big.setText(p, text);
    }
    assert.deepStrictEqual(big.diagnostics().filter((d) => d.severity !== 'info'), []);
    assert.deepStrictEqual(listCommitments(big.snapshot(), 'open', TODAY).map((c) => c.id).sort(), ['a-20260319-fatf', 'a-20260319-huge', 'a-20260319-line']);
    readEverything(big);
    for (const [p, text] of Object.entries(notes)) {
      assertExactOutcome(text, big.get(p)!.session!.actions[0].id, p);
    }
  });

  it('counts days from absurd but real dates truly (year 50 is not 1950)', async () => {
    assert.strictEqual(addDays('0099-12-31', 1), '0100-01-01');
    assert.strictEqual(daysBetween('0050-06-01', '0051-06-01'), 365);
    assert.strictEqual(daysBetween('0050-06-01', TODAY), Math.round((Date.parse(`${TODAY}T00:00:00Z`) - Date.parse('0050-06-01T00:00:00Z')) / 86_400_000));
    const ancient = listCommitments(index.snapshot(), 'overdue', TODAY).find((c) => c.id === 'a-20260230-anci')!;
    assert.strictEqual(dueLabel(ancient, TODAY), `${daysBetween('0050-06-01', TODAY)} days overdue`);
    assert.ok(daysBetween('0050-06-01', TODAY) > 720_000, 'about 1,976 years, not 76');
  });
});

describe('A hostile journal (issue #9): the CLI', () => {
  let dir: string;
  beforeEach(async () => {
    dir = path.join(await tempDir('cj-hostile-'), 'coaching');
    await copyDir(HOSTILE, dir);
    await fs.rm(path.join(dir, 'EXPECTED.md'));
  });
  afterEach(async () => {
    await fs.rm(path.dirname(dir), { recursive: true, force: true });
  });

  it('check lists every hostile file at its line and exits 1; list still shows the healthy commitments', async () => {
    const { files, healthyOpenIds } = await expected();
    const { code, out } = await cli(['--dir', dir, '--today', TODAY, 'check']);
    assert.strictEqual(code, 1);
    for (const [file, want] of Object.entries(files)) {
      for (const d of want.diagnostics) {
        const [line, severity] = d.split(' ');
        assert.ok(out.includes(`${path.join(dir, file)}:${line}:`) && out.includes(`: ${severity}: `), `${file}:${line}`);
      }
    }
    const listed = await cli(['--dir', dir, '--today', TODAY, 'list', '--json']);
    assert.strictEqual(listed.code, 0, listed.err);
    const ids = JSON.parse(listed.out).map((i: { id: string }) => i.id);
    healthyOpenIds.forEach((id) => assert.ok(ids.includes(id), id));
    for (const command of [['stats'], ['stats', '--json'], ['map'], ['map', '--format', 'json', '--include', 'all', '--period', 'all'], ['export']]) {
      const r = await cli(['--dir', dir, '--today', TODAY, ...command]);
      assert.strictEqual(r.code, 0, `${command.join(' ')}: ${r.err}`);
    }
  });

  it('outcome on an id in a file it cannot edit exits 1 with one clear line and writes nothing', async () => {
    const { files } = await expected();
    const before = await snapshotFiles(dir);
    for (const [file, want] of Object.entries(files)) {
      for (const id of want.edit === 'exact' ? [] : want.ids ?? []) {
        const { code, out, err } = await cli(['--dir', dir, '--today', TODAY, 'outcome', id, 'done', '--learning', 'x']);
        assert.strictEqual(code, 1, `${file} ${id}: ${out}`);
        assert.match(err, /^coaching-journal: [^\n]+\n$/, `${file} ${id}`);
        assert.doesNotMatch(err, /unexpected error/);
      }
    }
    assert.deepStrictEqual(await snapshotFiles(dir), before);
  });

  it('outcome on an odd but valid file changes that file only, keeping its BOM and line endings', async () => {
    const { files } = await expected();
    for (const [file, want] of Object.entries(files)) {
      for (const id of want.edit === 'exact' ? want.ids ?? [] : []) {
        const before = await snapshotFiles(dir);
        const { code, err } = await cli(['--dir', dir, '--today', TODAY, 'outcome', id, 'done']);
        assert.strictEqual(code, 0, `${file} ${id}: ${err}`);
        const after = await snapshotFiles(dir);
        const changed = [...after.keys()].filter((k) => !after.get(k)!.equals(before.get(k)!));
        assert.deepStrictEqual(changed, [file], id);
        const [b, a] = [before.get(file)!, after.get(file)!];
        assert.strictEqual(a[0] === 0xef, b[0] === 0xef, `${file}: the BOM is kept`);
        assert.strictEqual(a.toString('utf8').split('\r\n').length > 1, b.toString('utf8').split('\r\n').length > 1, `${file}: CRLF kept`);
        const text = decodeBytes(a).text;
        const note = parseNote(file, text);
        assert.strictEqual(note.session!.actions.find((x) => x.id === id)!.status, 'done');
      }
    }
  });

  it('outcome records in a 10 MB note and leaves its body byte for byte', async () => {
    const file = path.join(dir, 'sessions/huge.md');
    const body = '\nAll work and no play. '.repeat(480_000);
    const head = '---\ntype: coaching-session\nid: s-huge\ndate: "2026-03-19"\nactions:\n  - id: a-20260319-huge\n    text: "Big"\n    values: [impact]\n    status: open\n---\n';
    await fs.writeFile(file, head + body);
    const { code, err } = await cli(['--dir', dir, '--today', TODAY, 'outcome', 'a-20260319-huge', 'done']);
    assert.strictEqual(code, 0, err);
    const after = await fs.readFile(file, 'utf8');
    assert.ok(after.endsWith('---\n' + body));
    assert.match(after, /status: done\n {4}closed: "2026-03-20"\n---\n/);
  });
});

describe('A journal store that fails to read some files', () => {
  it('reports each unreadable file as a diagnostic and loads all the others', async () => {
    const real = new NodeJournalStore(HOSTILE);
    const errno = (code: string, message: string) => Object.assign(new Error(`${code}: ${message}`), { code });
    const failing: Record<string, Error> = {
      'sessions/2026-03-02.md': errno('EACCES', 'permission denied'),
      'sessions/a-folder.md': errno('EISDIR', 'illegal operation on a directory'),
      'sessions/vanished.md': errno('ENOENT', 'no such file or directory'),
    };
    const store = {
      list: async () => [...(await real.list()), 'sessions/a-folder.md', 'sessions/vanished.md'],
      read: async (p: string) => {
        if (failing[p]) {
          throw failing[p];
        }
        return real.read(p);
      },
    };
    const index = new JournalIndex();
    const report = await loadJournal(store, index);
    assert.deepStrictEqual(report.failed.map((f) => f.path).sort(), Object.keys(failing).sort());
    for (const [p, e] of Object.entries(failing)) {
      const d = index.diagnosticsFor(p);
      assert.deepStrictEqual(d.map((x) => [x.code, x.severity, x.line]), [['read-error', 'error', 0]], p);
      assert.ok(d[0].message.includes(e.message), p);
      assert.strictEqual(index.get(p)!.parseable, false);
    }
    // Everything else is there: the same commitments as a full load, minus the unreadable file's.
    const full = await loadFixture(HOSTILE);
    const want = listCommitments(full.snapshot(), 'all', TODAY).map((c) => c.id).filter((id) => !id.startsWith('a-20260302-'));
    assert.deepStrictEqual(listCommitments(index.snapshot(), 'all', TODAY).map((c) => c.id), want);
    readEverything(index);
  });
});

describe('The CLI store writes safely', () => {
  it('refuses to replace a note that changed on disk since it was read (no lost update), leaving no temporary file', async () => {
    const dir = await tempDir('cj-replace-');
    try {
      const store = new NodeJournalStore(dir);
      await fs.writeFile(path.join(dir, 'note.md'), 'as read\n');
      const read = await store.read('note.md');
      await fs.writeFile(path.join(dir, 'note.md'), 'changed by someone else\n');
      await assert.rejects(store.replace('note.md', read, Buffer.from('our edit\n')), /changed while it was being edited; nothing was written/);
      assert.strictEqual(await fs.readFile(path.join(dir, 'note.md'), 'utf8'), 'changed by someone else\n');
      assert.deepStrictEqual(await fs.readdir(dir), ['note.md']);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('Note text in exported markdown and Mermaid cannot break out of its place', () => {
  it('escapes HTML, links, images and line breaks in evidence, and quotes and brackets in Mermaid labels', () => {
    const evil = '<img src=x onerror=alert(1)> ![t](http://x/t.png) [a](javascript:alert(1)) "]) --> n0\n# Heading\n<script>x</script>';
    const q = (s: string) => JSON.stringify(s);
    const index = new JournalIndex();
    index.setText('big-picture.md', `---\ntype: coaching-big-picture\ngoal: ${q(evil)}\nvalues:\n  - id: impact\n    name: ${q(evil)}\n---\n`);
    index.setText('focus-areas/f.md', `---\ntype: coaching-focus-area\nid: f\ntitle: ${q(evil)}\nvalues: [impact]\nsuccess: ${q(evil)}\n---\n`);
    index.setText('sessions/2026-03-02.md', [
      '---', 'type: coaching-session', 'id: s-2026-03-02', 'date: "2026-03-02"', 'actions:',
      '  - id: a-20260302-evil', `    text: ${q(evil)}`, '    focus: f', '    status: done', '    closed: "2026-03-05"', `    learnings: [{ lens: doing, text: ${q(evil)} }]`,
      '  - id: a-20260302-open', `    text: ${q(evil)}`, '    focus: f', '    status: open',
      'learnings:', '  - id: l-20260302-evil', `    text: ${q(evil)}`, '    evidence: true',
      'feedback:', '  - id: fb-20260302-evil', '    from: manager', '    kind: praise', `    text: ${q(evil)}`, '---', ''].join('\n'));
    assert.deepStrictEqual(index.diagnostics().filter((d) => d.severity === 'error'), []);
    const md = renderEvidence(index.snapshot(), {});
    assert.ok(md.split('\n').filter((l) => l.includes('onerror')).length >= 6, 'the text is there, escaped');
    assert.doesNotMatch(md, /<(img|script)/);
    assert.doesNotMatch(md, /(?<!\\)\]\(/, 'no link or image');
    assert.doesNotMatch(md, /^# Heading/m, 'a line break in a note does not start a heading');
    const mermaid = mapToMermaid(buildValuesMap(index.snapshot(), mapOptionsFor({ include: 'all', period: 'all' }, TODAY)));
    for (const line of mermaid.split('\n').filter((l) => /^ {2}n\d+[([{]/.test(l))) {
      // A node line is its id, its shape and one quoted label with no quote, bracket-closing or arrow escaping it.
      assert.match(line, /^ {2}n\d+(\(\(|\(\[|\[|\{\{|\()"[^"\n]*"(\)\)|\]\)|\]|\}\}|\))$/, line);
      assert.doesNotMatch(line, /<script|<img/);
    }
  });
});
