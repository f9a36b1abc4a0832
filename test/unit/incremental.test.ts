/**
 * The index updates its snapshot and diagnostics incrementally when a few files change. Whatever the
 * sequence of changes, the result must be exactly what a full rebuild from the same notes gives.
 */
import * as assert from 'assert';
import { FIXTURE, BROKEN, SAMPLE, loadFixture } from './helpers';
import {
  JournalIndex, parseNote, recordOutcomeEdits, addLearningEdits, addCheckinEdits, applyEdits, decodeBytes, type ParsedNote, type JournalSnapshot,
} from '../../src/core';
import { promises as fs } from 'fs';
import * as path from 'path';
import { prng, generateJournal } from '../../bench/generate'; // mulberry32, so that a failure can be replayed

function fresh(index: JournalIndex): JournalIndex {
  const copy = new JournalIndex();
  for (const note of index.allNotes()) {
    copy.setNote(note); // the same notes, in the same order
  }
  return copy;
}

function assertSame(index: JournalIndex, what: string): void {
  const full = fresh(index);
  assert.deepStrictEqual({ ...index.snapshot(), version: 0 }, { ...full.snapshot(), version: 0 }, what);
  assert.deepStrictEqual(index.diagnostics(), full.diagnostics(), `${what}: diagnostics`);
}

async function texts(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const index = await loadFixture(dir);
  for (const p of index.paths()) {
    out.set(p, (await fs.readFile(path.join(dir, ...p.split('/')), 'utf8')).replace(/^\ufeff/, ''));
  }
  return out;
}

describe('Incremental updates equal a full rebuild', () => {
  for (const [name, dir, seed] of [['fixture journal', FIXTURE, 1], ['broken journal', BROKEN, 2], ['sample journal', SAMPLE, 3]] as const) {
    it(`${name}: 200 random edits, additions, copies (duplicate ids) and removals`, async () => {
      const files = await texts(dir);
      const pool = [...(await texts(FIXTURE)).values(), ...(await texts(BROKEN)).values()];
      const index = new JournalIndex();
      for (const [p, t] of files) {
        index.setText(p, t);
      }
      assertSame(index, 'initial');
      const rand = prng(seed);
      for (let i = 0; i < 200; i++) {
        const paths = [...files.keys()];
        const p = paths[Math.floor(rand() * paths.length)];
        const r = rand();
        if (r < 0.1 && files.size > 3) {
          index.remove(p);
          files.delete(p);
        } else if (r < 0.3 || files.size <= 3) {
          // Another note's text at this path or a new one: moves sessions, duplicates ids, adds check-ins.
          const t = pool[Math.floor(rand() * pool.length)];
          const target = rand() < 0.5 ? p : `sessions/2026-0${1 + Math.floor(rand() * 9)}-1${i % 10}.md`;
          index.setText(target, t);
          files.set(target, t);
        } else {
          const t = files.get(p)!;
          const note: ParsedNote | undefined = index.get(p);
          const action = note?.session?.actions[Math.floor(rand() * 2)]?.id;
          let after = t;
          try {
            const k = rand();
            const edits = action && k < 0.4 ? recordOutcomeEdits(t, action, { outcome: 'done', on: '2026-11-24' })
              : action && k < 0.6 ? addCheckinEdits(t, { action, outcome: 'partly', learnings: [] })
                : addLearningEdits(t, { id: `l-20261124-t${i.toString(36)}`, text: `Learning ${i}`, evidence: rand() < 0.5 });
            after = applyEdits(t, edits);
          } catch {
            after = t.replace(/---\s*$/, '') + `\nx${i}\n`; // not editable: change it anyway
          }
          index.setText(p, after);
          files.set(p, after);
        }
        if (rand() < 0.35) {
          assertSame(index, `${name}, step ${i}`);
        }
      }
      assertSame(index, 'final');
    });
  }

  it('many changes at once (a full rebuild) and clear()', async () => {
    const index = await loadFixture();
    index.snapshot();
    const all = [...index.allNotes()];
    for (const n of all.slice(0, 40)) {
      index.remove(n.path);
    }
    for (const n of all.slice(0, 40).reverse()) {
      index.setNote(parseNote(n.path.replace('.md', '-b.md'), ''));
      index.setNote(n);
    }
    assertSame(index, 'after many changes');
    index.clear();
    assert.strictEqual(index.snapshot().sessions.length, 0);
    for (const n of all) {
      index.setNote(n);
    }
    assertSame(index, 'after clear');
  });

  it('a snapshot never changes after it was taken, even for the fields it computes on first read', async () => {
    const files = await texts(FIXTURE);
    const index = new JournalIndex();
    for (const [p, t] of files) {
      index.setText(p, t);
    }
    const before = index.snapshot();
    const expected = fresh(index).snapshot();
    // Change every session (a learning added, an outcome recorded), then read the lazy fields of the old snapshot.
    for (const [p, t] of files) {
      const note = index.get(p)!;
      if (note.session) {
        const action = note.session.actions[0]?.id;
        const edits = action ? recordOutcomeEdits(t, action, { outcome: 'done', on: '2026-11-24' }) : addLearningEdits(t, { id: `l-20261124-z${p.length}x`, text: 'Later', evidence: false });
        index.setText(p, applyEdits(t, edits));
      }
    }
    const after = index.snapshot();
    assert.notStrictEqual(after, before);
    assert.notDeepStrictEqual(after.learnings.length + after.commitments.filter((c) => c.status === 'done').length,
      expected.learnings.length + expected.commitments.filter((c) => c.status === 'done').length, 'the edits changed the journal');
    assert.deepStrictEqual(before.learnings, expected.learnings);
    assert.deepStrictEqual(before.feedback, expected.feedback);
    assert.deepStrictEqual([...before.commitmentById], [...expected.commitmentById]);
    assert.deepStrictEqual(before.commitments, expected.commitments);
  });

  it('generated journal: after every batch of edits, moves, copies and removals the index equals a fresh one, and earlier snapshots stay as they were', () => {
    const gen = generateJournal({ sessions: 80, seed: 11 });
    const files = new Map<string, string>();
    const index = new JournalIndex();
    for (const [p, t] of gen.files) {
      const text = decodeBytes(Buffer.from(t, 'utf8')).text;
      files.set(p, text);
      index.setText(p, text);
    }
    const rand = prng(4);
    const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)];
    // A few sessions take most of the changes, so that one batch often touches related sessions (a
    // check-in on a commitment of another session, then that session moved or removed).
    const sessionPaths = (): string[] => [...files.keys()].filter((p) => p.startsWith('sessions/'));
    const hot = sessionPaths().filter(() => rand() < 0.15);
    const kept: { snap: JournalSnapshot; sessions: unknown[]; commitments: unknown[] }[] = [];
    const ops = new Map<string, number>();
    for (let step = 0; step < 120; step++) {
      const snap = index.snapshot();
      index.diagnostics();
      kept.push({ snap, sessions: [...snap.sessions], commitments: [...snap.commitments] });
      const batch = 1 + Math.floor(rand() * 3);
      for (let b = 0; b < batch; b++) {
        const live = sessionPaths();
        const hotLive = hot.filter((p) => files.has(p));
        const p = hotLive.length > 0 && rand() < 0.7 ? pick(hotLive) : pick(live);
        const t = files.get(p)!;
        const actions = index.get(p)?.session?.actions ?? [];
        const others = (hotLive.length > 0 ? hotLive : live).flatMap((q) => index.get(q)?.session?.actions.map((a) => a.id) ?? []);
        const r = rand();
        let op: string;
        let target = p;
        let after: string | undefined;
        if (r < 0.2 && actions.length > 0) {
          op = 'outcome';
          after = applyEdits(t, recordOutcomeEdits(t, pick(actions).id, { outcome: rand() < 0.5 ? 'done' : 'not-done', on: '2026-11-24' }));
        } else if (r < 0.4 && others.length > 0) {
          op = 'check-in on another session'; // derives that session's commitments again
          after = applyEdits(t, addCheckinEdits(t, { action: pick(others), outcome: rand() < 0.5 ? 'done' : 'partly', learnings: [] }));
        } else if (r < 0.5) {
          op = 'learning';
          after = applyEdits(t, addLearningEdits(t, { id: `l-20261124-g${step.toString(36)}${b}`, text: `Learning ${step}`, evidence: false }));
        } else if (r < 0.62) {
          op = 'move'; // another date: the session moves in the order
          after = t.replace(/^date:.*$/m, `date: "${1998 + Math.floor(rand() * 3)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 10)}"`);
        } else if (r < 0.74) {
          op = 'other text'; // another session's note: other commitments, often more or fewer
          after = files.get(pick(live))!;
        } else if (r < 0.84) {
          op = 'copy'; // a new session, with duplicate ids
          target = `sessions/2026-0${1 + Math.floor(rand() * 9)}-1${step % 10}.md`;
          after = t;
        } else if (live.length > 10) {
          op = 'remove';
        } else {
          op = 'unchanged text';
          after = t;
        }
        ops.set(op, (ops.get(op) ?? 0) + 1);
        if (after === undefined) {
          index.remove(target);
          files.delete(target);
        } else {
          index.setText(target, after);
          files.set(target, after);
        }
      }
      assertSame(index, `step ${step}`);
      for (const [k, { snap: old, sessions, commitments }] of kept.entries()) {
        assert.strictEqual(old.sessions.length, sessions.length, `snapshot ${k}: sessions changed at step ${step}`);
        assert.ok(old.sessions.every((s, j) => s === sessions[j]), `snapshot ${k}: sessions changed at step ${step}`);
        assert.strictEqual(old.commitments.length, commitments.length, `snapshot ${k}: commitments changed at step ${step}`);
        assert.ok(old.commitments.every((c, j) => c === commitments[j]), `snapshot ${k}: commitments changed at step ${step}`);
      }
    }
    for (const op of ['outcome', 'check-in on another session', 'learning', 'move', 'other text', 'copy', 'remove']) {
      assert.ok((ops.get(op) ?? 0) >= 5, `the sequence exercised "${op}" (${ops.get(op) ?? 0} times)`);
    }
  });
});
