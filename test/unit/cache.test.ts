import * as assert from 'assert';
import { promises as fs } from 'fs';
import fc from 'fast-check';
import { FIXTURE, BROKEN, HOSTILE, SAMPLE, loadFixture } from './helpers';
import { JournalIndex, serializeNotes, restoreNotes, decodeCache, freshNotes, noteFromBytes, parseNote, CACHE_FORMAT_VERSION, type FileStamp, type ParsedNote } from '../../src/core';
import { NodeJournalStore } from '../../src/cli/nodeStore';
import { generateJournal } from '../../bench/generate';
import { noteArb, renderGenNote } from './noteGen';

/** Serializes notes (all stamped) and restores them: what a warm start would hand the index. */
function roundTrip(notes: ParsedNote[]): ParsedNote[] {
  const stamps = new Map(notes.map((n, i) => [n.path, { mtime: 1_000 + i, size: i }]));
  const r = restoreNotes(serializeNotes(notes, stamps), stamps);
  assert.strictEqual(r.ignored, undefined);
  assert.deepStrictEqual(r.stale, []);
  return r.notes;
}

/** A small session note with one commitment. */
function oneSession(): ParsedNote {
  return parseNote('sessions/2026-11-24.md', '---\ntype: coaching-session\nid: s-2026-11-24\ndate: "2026-11-24"\nactions:\n  - id: a-20261124-aaaa\n    text: T\n---\n');
}

async function stampsOf(dir: string): Promise<Map<string, FileStamp>> {
  const store = new NodeJournalStore(dir);
  const stamps = new Map<string, FileStamp>();
  for (const p of await store.list()) {
    const st = await fs.stat(store.abs(p));
    stamps.set(p, { mtime: st.mtimeMs, size: st.size });
  }
  return stamps;
}

/** A warm start as the extension does it: restore what is unchanged, parse the rest. */
async function warmIndex(dir: string, cache: string | undefined, stamps: Map<string, FileStamp>, key?: string): Promise<{ index: JournalIndex; restored: number; parsed: string[]; ignored?: string }> {
  const store = new NodeJournalStore(dir);
  const { notes, stale, ignored } = restoreNotes(cache, stamps, { key });
  const index = new JournalIndex();
  notes.forEach((n) => index.setNote(n));
  for (const p of stale) {
    index.setNote(noteFromBytes(p, await store.read(p)));
  }
  return { index, restored: notes.length, parsed: stale, ignored };
}

function sameJournal(a: JournalIndex, b: JournalIndex): void {
  const sa = a.snapshot();
  const sb = b.snapshot();
  assert.deepStrictEqual({ ...sa, version: 0 }, { ...sb, version: 0 });
  assert.deepStrictEqual(a.diagnostics(), b.diagnostics());
  assert.deepStrictEqual(a.paths(), b.paths());
  for (const p of a.paths()) {
    assert.deepStrictEqual(a.get(p), b.get(p), p);
  }
}

describe('The cache of parsed notes (warm start)', () => {
  for (const [name, dir] of [['fixture journal', FIXTURE], ['broken journal', BROKEN], ['hostile journal', HOSTILE], ['sample journal', SAMPLE]] as const) {
    it(`a round trip of the ${name} gives the same snapshot, diagnostics and notes as a cold load, without parsing`, async () => {
      const cold = await loadFixture(dir);
      const stamps = await stampsOf(dir);
      const cache = serializeNotes(cold.allNotes(), stamps);
      const warm = await warmIndex(dir, cache, stamps);
      assert.strictEqual(warm.ignored, undefined);
      assert.deepStrictEqual(warm.parsed, []);
      assert.strictEqual(warm.restored, cold.size);
      sameJournal(warm.index, cold);
    });
  }

  it('restores random notes (every YAML style, hostile shapes) deep-equal to a fresh parse', () => {
    fc.assert(
      fc.property(fc.array(noteArb, { minLength: 1, maxLength: 4 }), (gens) => {
        const notes = gens.map((g, i) => parseNote(`sessions/2026-11-${String(10 + i)}.md`, renderGenNote(g)));
        assert.deepStrictEqual(roundTrip(notes), notes);
      }),
      { numRuns: 300 },
    );
  });

  it('restores a generated journal (the benchmark\'s, 300 sessions) deep-equal to a fresh parse, with the same snapshot', () => {
    const gen = generateJournal({ sessions: 300, seed: 11 });
    const cold = new JournalIndex();
    for (const [p, text] of gen.files) {
      cold.setText(p, text);
    }
    const notes = [...cold.allNotes()];
    const restored = roundTrip(notes);
    assert.deepStrictEqual(restored, notes);
    const warm = new JournalIndex();
    restored.forEach((n) => warm.setNote(n));
    sameJournal(warm, cold);
  });

  it('restores exactly what the compact forms cannot hold (odd ids and references)', () => {
    const [note] = roundTrip([oneSession()]);
    const odd: ParsedNote = {
      ...note,
      // A reference with a field parseNote does not write today, an id located by a location instead of a
      // range, and actions whose session and date are not their note's.
      refs: [{ ...note.refs[0] ?? { id: 'x', kind: 'value', from: 'F', loc: { line: 0, character: 0, endLine: 0, endCharacter: 1 } }, extra: 'kept' } as never],
      ids: [{ id: 'a', kind: 'action', loc: { file: note.path, line: 1, character: 2 } } as never],
      session: { ...note.session!, actions: note.session!.actions.map((a) => ({ ...a, session: 's-other', made: '2001-01-01' })) },
    };
    assert.deepStrictEqual(roundTrip([odd]), [odd]);
  });

  it('leaves out a note it could not restore exactly (null, or a file named 0), and keeps the others', () => {
    const note = oneSession();
    const other = parseNote('sessions/2026-11-25.md', '---\ntype: coaching-session\nid: s-2026-11-25\ndate: "2026-11-25"\n---\n');
    const stamps = new Map([[note.path, { mtime: 1, size: 1 }], [other.path, { mtime: 2, size: 2 }]]);
    const withNull = { ...note, type: null as never };
    const withFile0 = { ...note, diagnostics: [{ file: 0 as never, line: 0, character: 0, endLine: 0, endCharacter: 0, severity: 'error' as const, code: 'c', message: 'm' }] };
    for (const odd of [withNull, withFile0]) {
      const restored = restoreNotes(serializeNotes([odd, other], stamps), stamps);
      assert.deepStrictEqual(restored.notes, [other]);
      assert.deepStrictEqual(restored.stale, [note.path], 'the odd note is parsed again');
    }
  });

  it('decodes the cache before the stamps are known, and keeps only the notes of unchanged files', async () => {
    const cold = await loadFixture();
    const stamps = await stampsOf(FIXTURE);
    const decoded = decodeCache(serializeNotes(cold.allNotes(), stamps));
    assert.strictEqual(decoded.entries.length, stamps.size);
    const [changed] = [...stamps.keys()];
    const r = freshNotes(decoded, new Map([...stamps].map(([p, s]) => [p, p === changed ? { ...s, size: s.size + 1 } : s])));
    assert.deepStrictEqual(r.stale, [changed]);
    assert.ok(!r.notes.some((n) => n.path === changed));
    assert.strictEqual(freshNotes(decodeCache('garbage'), stamps).ignored, 'not a cache file');
  });

  it('keeps explicitly undefined fields, so restored notes are deep-equal to parsed ones', async () => {
    const cold = await loadFixture();
    const stamps = await stampsOf(FIXTURE);
    const { notes } = restoreNotes(serializeNotes(cold.allNotes(), stamps), stamps);
    const action = notes.flatMap((n) => n.session?.actions ?? []).find((a) => a.focus === undefined || a.closed === undefined)!;
    assert.ok(action);
    assert.ok('closed' in action || 'focus' in action);
  });

  it('re-parses a file whose mtime or size changed, and a file that is new; drops a file that is gone', async () => {
    const cold = await loadFixture();
    const stamps = await stampsOf(FIXTURE);
    const cache = serializeNotes(cold.allNotes(), stamps);
    const paths = [...stamps.keys()];
    const now = new Map(stamps);
    now.set(paths[3], { ...stamps.get(paths[3])!, mtime: stamps.get(paths[3])!.mtime + 1 });
    now.set(paths[5], { ...stamps.get(paths[5])!, size: stamps.get(paths[5])!.size + 1 });
    now.delete(paths[7]);
    now.set('sessions/2099-01-01.md', { mtime: 1, size: 1 });
    const r = restoreNotes(cache, now);
    assert.deepStrictEqual(r.stale.sort(), [paths[3], paths[5], 'sessions/2099-01-01.md'].sort());
    assert.strictEqual(r.notes.length, paths.length - 3);
    assert.ok(!r.notes.some((n) => n.path === paths[7] || n.path === paths[3] || n.path === paths[5]));

    // Through a real warm start: the changed file's new content is what the index sees.
    const warm = await warmIndex(FIXTURE, cache, new Map([...stamps].map(([p, s]) => [p, p === paths[3] ? { ...s, mtime: s.mtime + 1 } : s])));
    assert.deepStrictEqual(warm.parsed, [paths[3]]);
    sameJournal(warm.index, cold);
  });

  it('a stale note in the cache is never used: the file on disk wins', async () => {
    const cold = await loadFixture();
    const stamps = await stampsOf(FIXTURE);
    const session = cold.paths().find((p) => p.startsWith('sessions/'))!;
    // A cache written when this session said something else (another text, same path).
    const lying = new JournalIndex();
    for (const n of cold.allNotes()) {
      lying.setNote(n);
    }
    lying.setText(session, '---\ntype: coaching-session\nid: s-lie\ndate: "2001-01-01"\n---\n');
    const old = serializeNotes(lying.allNotes(), new Map([...stamps].map(([p, s]) => [p, p === session ? { ...s, mtime: s.mtime - 1000 } : s])));
    const warm = await warmIndex(FIXTURE, old, stamps);
    assert.deepStrictEqual(warm.parsed, [session]);
    sameJournal(warm.index, cold);
  });

  it('ignores a corrupt, truncated, foreign or old-version cache (everything is parsed again)', async () => {
    const cold = await loadFixture();
    const stamps = await stampsOf(FIXTURE);
    const good = serializeNotes(cold.allNotes(), stamps, { key: '0.1.0' });
    const header = good.slice(0, good.indexOf('\n'));
    const body = good.slice(good.indexOf('\n') + 1);
    const bad: [string, string | undefined][] = [
      ['missing', undefined],
      ['empty', ''],
      ['not a cache', '{"hello": 1}'],
      ['truncated', good.slice(0, good.length - 10)],
      ['appended', good + ' '],
      ['old version', good.replace(`v${CACHE_FORMAT_VERSION} `, `v${CACHE_FORMAT_VERSION - 1} `)],
      ['newer version', good.replace(`v${CACHE_FORMAT_VERSION} `, `v${CACHE_FORMAT_VERSION + 1} `)],
      ['another build', good.replace('"0.1.0"', '"0.2.0"')],
      ['not JSON', `${header}\n${body.replace('[', '{')}`],
      ['not a list', `${header.replace(/ \d+$/, ` ${'{}'.length}`)}\n{}`],
      ['a bad entry', `${header.replace(/ \d+$/, ' 13')}\n[{"path": 1}]`],
      ['a note for another path', (() => {
        const swapped = body.replace(/"path":"sessions\/2025-12-01\.md","mtime"/, '"path":"sessions/2025-12-08.md","mtime"');
        return `${header.replace(/ \d+$/, ` ${swapped.length}`)}\n${swapped}`;
      })()],
      ['a location that is not one', (() => {
        const broken = body.replace(/"loc":\[(\d+),(\d+)\]/, '"loc":[$1,"$2"]');
        assert.notStrictEqual(broken, body, 'the fixture has a compact location');
        return `${header.replace(/ \d+$/, ` ${broken.length}`)}\n${broken}`;
      })()],
      ...([
        ['a packed range with a negative line', (b: string) => b.replace(/"n":\[(\d+),(\d+),(\d+),(\d+),(\d+),(\d+)/, '"n":[$1,$2,-1,$4,$5,$6')],
        ['a packed id pointing past its strings', (b: string) => b.replace(/"n":\[(\d+)/, '"n":[999')],
        ['a packed list of the wrong length', (b: string) => b.replace(/"n":\[/, '"n":[0,')],
        ['a packed list with a string for a number', (b: string) => b.replace(/"n":\[(\d+)/, '"n":["$1"')],
        ['packed references without their strings', (b: string) => b.replace(/"refs":\{"s":/, '"refs":{"t":')],
      ] as const).map(([what, corrupt]): [string, string] => {
        const broken = corrupt(body);
        assert.notStrictEqual(broken, body, what);
        return [what, `${header.replace(/ \d+$/, ` ${broken.length}`)}\n${broken}`];
      }),
      ['binary garbage', '\u0000\u0001\u0002'],
    ];
    for (const [what, data] of bad) {
      const r = restoreNotes(data, stamps, { key: '0.1.0' });
      assert.strictEqual(r.notes.length, 0, what);
      assert.strictEqual(r.stale.length, stamps.size, what);
      assert.ok(r.ignored, what);
      const warm = await warmIndex(FIXTURE, data, stamps, '0.1.0');
      sameJournal(warm.index, cold);
    }
    // The good one, for contrast.
    assert.strictEqual(restoreNotes(good, stamps, { key: '0.1.0' }).notes.length, stamps.size);
  });

  it('leaves out notes modified too recently to trust their stamp (racily clean)', async () => {
    const cold = await loadFixture();
    const stamps = await stampsOf(FIXTURE);
    const [recent] = [...stamps.keys()];
    const times = new Map([...stamps].map(([p, st]) => [p, { ...st, mtime: p === recent ? 2_000 : 1_000 }]));
    const r = restoreNotes(serializeNotes(cold.allNotes(), times, { racyAfter: 2_000 }), times);
    assert.deepStrictEqual(r.stale, [recent]);
    assert.strictEqual(r.notes.length, stamps.size - 1);
  });

  it('leaves out notes without a stamp', async () => {
    const cold = await loadFixture();
    const stamps = await stampsOf(FIXTURE);
    const some = new Map([...stamps].slice(0, 5));
    const r = restoreNotes(serializeNotes(cold.allNotes(), some), stamps);
    assert.strictEqual(r.notes.length, 5);
    assert.strictEqual(r.stale.length, stamps.size - 5);
  });
});
