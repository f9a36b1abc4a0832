/**
 * Property-based proof of the guarantees of SPEC §3: for random notes in many styles and random edits,
 * every line the edit did not have to touch is unchanged byte for byte, the body is unchanged, and
 * reading the result gives exactly the intended data. Also: the fast reader (js-yaml) and the editing
 * parser (`yaml`) read the same data. Runs FUZZ_RUNS cases (default 1,000; `npm run test:fuzz`: 10,000).
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { parse as yamlParse } from 'yaml';
import {
  applyEdits, recordOutcomeEdits, addCommitmentEdits, addLearningEdits, addFeedbackEdits, addCheckinEdits, splitFrontmatter,
  parseNote, encodeText, decodeBytes, EditError, type TextEdit,
} from '../../src/core';
import { readYaml } from '../../src/core/yamlRead';
import { noteArb, renderGenNote, refusalOf } from './noteGen';
import { FIXTURE } from './helpers';
import { promises as fs } from 'fs';
import * as path from 'path';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

type EditCase =
  | { kind: 'outcome'; index: number; outcome: 'done' | 'partly' | 'not-done' | 'let-go'; learning?: string }
  | { kind: 'commitment'; text: string }
  | { kind: 'learning'; text: string }
  | { kind: 'feedback'; text: string }
  | { kind: 'checkin'; text: string };

const editArb: fc.Arbitrary<EditCase> = fc.oneof(
  fc.record({ kind: fc.constant('outcome' as const), index: fc.nat(3), outcome: fc.constantFrom('done' as const, 'partly' as const, 'not-done' as const, 'let-go' as const), learning: fc.option(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''), { nil: undefined }) }),
  fc.record({ kind: fc.constant('commitment' as const), text: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '') }),
  fc.record({ kind: fc.constant('learning' as const), text: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '') }),
  fc.record({ kind: fc.constant('feedback' as const), text: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '') }),
  fc.record({ kind: fc.constant('checkin' as const), text: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '') }),
);

function frontmatterData(text: string): Record<string, unknown> {
  const split = splitFrontmatter(text);
  assert.strictEqual(split.kind, 'ok');
  if (split.kind !== 'ok') {
    throw new Error('unreachable');
  }
  const r = readYaml(text.slice(split.yamlStart, split.yamlEnd));
  assert.ok(r.ok, 'frontmatter reads');
  return (r as { value: Record<string, unknown> }).value;
}

function body(text: string): string {
  const split = splitFrontmatter(text);
  return split.kind === 'ok' ? text.slice(split.bodyStart) : '';
}

/** Old lines that are not kept, in order, in the new text (the complement of a longest common subsequence). */
function changedOldLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const missing: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length) {
    if (j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && lcs[i][j + 1] >= lcs[i + 1][j]) {
      j++;
    } else {
      missing.push(a[i]);
      i++;
    }
  }
  return missing;
}

function runEdit(text: string, e: EditCase, ids: string[]): { edits: TextEdit[]; expect: (before: Record<string, unknown>) => void } {
  switch (e.kind) {
    case 'outcome': {
      const id = ids[e.index % ids.length];
      const edits = recordOutcomeEdits(text, id, { outcome: e.outcome, on: '2026-11-24', learning: e.learning ? { lens: 'doing', text: e.learning } : undefined });
      return {
        edits,
        expect: (d) => {
          const a = (d.actions as Record<string, unknown>[]).find((x) => x.id === id)!;
          a.status = e.outcome;
          a.closed = '2026-11-24';
          if (e.learning) {
            a.learnings = [...((a.learnings as unknown[]) ?? []), { lens: 'doing', text: e.learning.trim() }];
          }
        },
      };
    }
    case 'commitment':
      return {
        edits: addCommitmentEdits(text, { id: 'a-20261124-new0', text: e.text, values: ['impact'], due: '2026-12-01' }),
        expect: (d) => {
          d.actions = [...((d.actions as unknown[]) ?? []), { id: 'a-20261124-new0', text: e.text.trim(), values: ['impact'], due: '2026-12-01', status: 'open' }];
        },
      };
    case 'learning':
      return {
        edits: addLearningEdits(text, { id: 'l-20261124-new0', text: e.text, evidence: true }),
        expect: (d) => {
          d.learnings = [...((d.learnings as unknown[]) ?? []), { id: 'l-20261124-new0', text: e.text.trim(), evidence: true }];
        },
      };
    case 'feedback':
      return {
        edits: addFeedbackEdits(text, { id: 'fb-20261124-new0', from: 'peer', kind: 'praise', text: e.text }),
        expect: (d) => {
          d.feedback = [...((d.feedback as unknown[]) ?? []), { id: 'fb-20261124-new0', from: 'peer', kind: 'praise', text: e.text.trim() }];
        },
      };
    case 'checkin':
      return {
        edits: addCheckinEdits(text, { action: ids[0], outcome: 'done', learnings: [{ lens: 'outcome', text: e.text }] }),
        expect: (d) => {
          d.checkin = [...((d.checkin as unknown[]) ?? []), { action: ids[0], outcome: 'done', learnings: [{ lens: 'outcome', text: e.text.trim() }] }];
        },
      };
  }
}

describe(`Edits keep every other byte (property-based, ${RUNS} cases)`, () => {
  it('random notes × random edits: unchanged outside the edited lines, and the intended data read back', () => {
    fc.assert(
      fc.property(noteArb, editArb, (gen, e) => {
        const text = renderGenNote(gen);
        const bytes = encodeText(text, gen.bom);
        const decoded = decodeBytes(bytes);
        assert.strictEqual(decoded.text, text);
        const refusal = refusalOf(gen.hostile);
        if (refusal) {
          // Aliases, tab indentation, duplicate keys: refused with EditError, nothing returned to apply.
          assert.throws(() => runEdit(text, e, gen.actions.map((a) => a.id)), (err: unknown) => err instanceof EditError && err.code === refusal);
          return;
        }
        const before = frontmatterData(text);
        let result;
        try {
          result = runEdit(text, e, gen.actions.map((a) => a.id));
        } catch (err) {
          if (err instanceof EditError) {
            assert.fail(`edit refused: ${err.message}\n${text}`);
          }
          throw err;
        }
        const after = applyEdits(text, result.edits);
        // 1. The body and BOM are untouched; new lines use the file's line ending.
        assert.strictEqual(body(after), body(text));
        assert.deepStrictEqual([...encodeText(after, gen.bom).slice(0, 3)].join() === '239,187,191', gen.bom);
        if (gen.eol === '\r\n') {
          assert.ok(!/[^\r]\n/.test(after), 'no bare LF in a CRLF file');
        } else {
          assert.ok(!after.includes('\r'), 'no CR in an LF file');
        }
        // 2. Only the lines that must change change: at most the status and closed lines of the target
        //    (or the one line holding a flow list / an empty `key:`); every other line is kept, in order.
        const changed = changedOldLines(text, after);
        assert.ok(changed.length <= 2, `changed lines: ${JSON.stringify(changed)}`);
        // 3. Reading it back gives exactly the intended data.
        const expected = structuredClone(before);
        result.expect(expected);
        assert.deepStrictEqual(frontmatterData(after), expected);
        assert.deepStrictEqual(parseNote('sessions/x.md', after).diagnostics.filter((d) => d.code === 'yaml-syntax'), []);
      }),
      { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
  });

  it('the fast reader and the editing parser read the same data (random notes)', () => {
    fc.assert(
      fc.property(noteArb, (gen) => {
        const text = renderGenNote(gen);
        const split = splitFrontmatter(text);
        if (split.kind !== 'ok') {
          throw new Error('generated note without frontmatter');
        }
        const yamlText = text.slice(split.yamlStart, split.yamlEnd);
        const fast = readYaml(yamlText);
        if (refusalOf(gen.hostile) === 'unparseable') {
          // Both parsers reject a tab that indents and a duplicate key.
          assert.ok(!fast.ok);
          assert.throws(() => yamlParse(yamlText));
          return;
        }
        assert.ok(fast.ok);
        assert.deepStrictEqual(fast.ok && fast.value, yamlParse(yamlText));
      }),
      { numRuns: RUNS },
    );
  });

  it('the fast reader and the editing parser read the same data (fixture journal)', async () => {
    const files: string[] = [];
    const walk = async (dir: string) => {
      for (const e of await fs.readdir(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) {
          await walk(p);
        } else if (e.name.endsWith('.md')) {
          files.push(p);
        }
      }
    };
    await walk(FIXTURE);
    assert.ok(files.length > 50);
    for (const f of files) {
      const text = decodeBytes(await fs.readFile(f)).text;
      const split = splitFrontmatter(text);
      if (split.kind !== 'ok') {
        continue;
      }
      const yamlText = text.slice(split.yamlStart, split.yamlEnd);
      const fast = readYaml(yamlText);
      assert.ok(fast.ok, f);
      assert.deepStrictEqual(fast.ok && fast.value, yamlParse(yamlText), f);
    }
  });
});
