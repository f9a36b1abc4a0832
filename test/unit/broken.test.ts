import * as assert from 'assert';
import * as path from 'path';
import { BROKEN, loadFixture, cli, expectedJson } from './helpers';

interface Known { kind: string; file: string; line: number; id?: string; value?: string; field?: string }

function knownProblems(): Promise<Known[]> {
  return expectedJson<Known[]>(BROKEN);
}

describe('A broken journal', () => {
  it('reports each known problem as an error at its file and line', async () => {
    const index = await loadFixture(BROKEN);
    const errors = index.diagnostics().filter((d) => d.severity === 'error');
    const codeFor: Record<string, string> = {
      'yaml-syntax': 'yaml-syntax', 'unclosed-frontmatter': 'unclosed-frontmatter', 'unknown-type': 'unknown-type', 'missing-field': 'missing-field',
      'unknown-focus-area': 'unknown-focus-area', 'unknown-value': 'unknown-value', 'duplicate-id': 'duplicate-id', 'invalid-date': 'invalid-date', 'invalid-status': 'invalid-value',
    };
    for (const k of await knownProblems()) {
      const hit = errors.find((d) => d.code === codeFor[k.kind] && d.file === k.file && d.line + 1 === k.line);
      assert.ok(hit, `expected ${k.kind} at ${k.file}:${k.line}; got:\n${errors.map((d) => `${d.code} ${d.file}:${d.line + 1}`).join('\n')}`);
    }
    // Nothing else is an error: the duplicate is reported at both places, everything else once.
    assert.strictEqual(errors.length, (await knownProblems()).length + 1);
  });

  it('keeps indexing the rest of the journal', async () => {
    const index = await loadFixture(BROKEN);
    const snap = index.snapshot();
    assert.ok(snap.bigPicture);
    assert.strictEqual(snap.focusAreas.length, 2);
    assert.ok(snap.commitments.length >= 4);
    assert.strictEqual(index.get('sessions/2026-02-16.md')!.parseable, false);
    assert.strictEqual(index.get('sessions/2026-02-23.md')!.parseable, false);
  });

  it('`check` prints file:line:col: severity: message and exits 1', async () => {
    const { code, out } = await cli(['--dir', BROKEN, 'check']);
    assert.strictEqual(code, 1);
    const lines = out.trim().split('\n');
    for (const k of await knownProblems()) {
      assert.ok(lines.some((l) => l.startsWith(`${path.join(BROKEN, k.file)}:${k.line}:`) && l.includes(': error: ')), `${k.file}:${k.line}`);
    }
    assert.match(lines[lines.length - 1], /^9 notes checked: 10 errors, 0 warnings, 0 notes\.$/);
  });
});
