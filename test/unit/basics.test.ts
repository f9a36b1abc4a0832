import * as assert from 'assert';
import {
  isValidDate, addDays, daysBetween, newItemId, slugify, uniqueSlug, newSessionLocation, unsafePathReason, fileSlug,
  splitFrontmatter, decodeBytes, detectEol, LineIndex, dueLabel, quoteDouble, isPlainSafe, diffToEdit, applyEdits,
} from '../../src/core';
import { parse } from 'yaml';

describe('Dates are plain calendar days', () => {
  it('accepts real days only', () => {
    assert.ok(isValidDate('2024-02-29'));
    for (const bad of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-1-5', '99999-01-01', 20261124, '2026-11-24T10:00']) {
      assert.ok(!isValidDate(bad), String(bad));
    }
  });
  it('adds and counts days without time zones', () => {
    assert.strictEqual(addDays('2026-11-24', 7), '2026-12-01');
    assert.strictEqual(addDays('2026-03-28', 2), '2026-03-30');
    assert.strictEqual(daysBetween('2026-11-21', '2026-11-24'), 3);
  });
  it('labels due dates without judgment', () => {
    assert.strictEqual(dueLabel({ status: 'open', due: '2026-11-21' }, '2026-11-24'), '3 days overdue');
    assert.strictEqual(dueLabel({ status: 'open', due: '2026-11-24' }, '2026-11-24'), 'due today');
    assert.strictEqual(dueLabel({ status: 'open', due: '2026-11-26' }, '2026-11-24'), 'due in 2 days');
    assert.strictEqual(dueLabel({ status: 'done', due: '2026-11-21' }, '2026-11-24'), undefined);
  });
});

describe('Ids', () => {
  it('are readable, unique and never reused', () => {
    const used = new Set(['a-20261124-0000']);
    let n = 0;
    const repeating = () => [0, 0, 0, 0, 0.5, 0.5, 0.5, 0.5][n++ % 8];
    const id = newItemId('a', '2026-11-24', used, repeating);
    assert.strictEqual(id, 'a-20261124-iiii');
    assert.ok(used.has(id));
    assert.match(newItemId('fb', '2026-11-24', used), /^fb-20261124-[0-9a-z]{4}$/);
  });
  it('slugs and session files', () => {
    assert.strictEqual(slugify('Show strategic thinking!'), 'show-strategic-thinking');
    assert.strictEqual(slugify('Équipe & café'), 'equipe-cafe');
    assert.strictEqual(slugify('!!!'), '');
    assert.strictEqual(uniqueSlug('craft', new Set(['craft', 'craft-2'])), 'craft-3');
    assert.deepStrictEqual(newSessionLocation('2026-11-24', new Set(['sessions/2026-11-24.md']), new Set()), { path: 'sessions/2026-11-24-2.md', id: 's-2026-11-24-2' });
  });
});

describe('Names typed by a person stay inside the journal', () => {
  it('refuses escapes, absolute paths and reserved names', () => {
    for (const bad of ['../x.md', 'a/../../x', '/etc/passwd', 'C:\\x', 'con.md', 'x\u0000', 'a//b', 'dot.']) {
      assert.ok(unsafePathReason(bad), bad);
    }
    assert.strictEqual(unsafePathReason('focus-areas/strategic-work.md'), undefined);
    assert.strictEqual(fileSlug('../../etc'), 'etc');
    assert.strictEqual(fileSlug('...'), undefined);
    assert.strictEqual(fileSlug('CON'), 'con-1');
  });
});

describe('Text and frontmatter', () => {
  it('splits frontmatter with LF, CRLF, `...` closers and none', () => {
    const s = splitFrontmatter('---\r\na: 1\r\n---\r\nbody');
    assert.ok(s.kind === 'ok' && s.yamlStart === 5 && s.closingLine === 2 && s.bodyStart === 16);
    assert.strictEqual(splitFrontmatter('---\na: 1\n...\n').kind, 'ok');
    assert.strictEqual(splitFrontmatter('# title\n---\n').kind, 'none');
    assert.strictEqual(splitFrontmatter('---\na: 1\n').kind, 'unclosed');
    assert.strictEqual(splitFrontmatter('----\na\n---\n').kind, 'none');
  });
  it('decodes BOM, refuses NUL bytes and invalid UTF-8', () => {
    assert.deepStrictEqual(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])), { text: 'a', bom: true });
    assert.match(decodeBytes(new Uint8Array([0x61, 0x0a, 0x00])).notText!.reason, /NUL/);
    assert.strictEqual(decodeBytes(new Uint8Array([0x61, 0x0a, 0x00])).notText!.line, 1);
    assert.match(decodeBytes(new Uint8Array([0xc3, 0x28])).notText!.reason, /UTF-8/);
    assert.strictEqual(detectEol('a\r\nb\n'), '\r\n');
    const li = new LineIndex('ab\ncd\n');
    assert.deepStrictEqual(li.positionAt(4), { line: 1, character: 1 });
    assert.strictEqual(li.offsetAt({ line: 1, character: 1 }), 4);
  });
  it('quotes any text so YAML reads it back exactly', () => {
    for (const s of ['"', '\\', '\u0085\u2028\ufeff', 'a\u0007b', '\ud83d', 'emoji 👋🏽', '#x', ': y']) {
      assert.strictEqual(parse(`k: ${quoteDouble(s)}`).k, s);
    }
    assert.ok(isPlainSafe('a-20261124-p0zd'));
    for (const s of ['true', 'null', '123', '- x', 'a b', '']) {
      assert.ok(!isPlainSafe(s), s);
    }
  });
  it('diffs to one minimal edit without splitting CRLF or surrogate pairs', () => {
    const before = 'a\r\nb\r\n';
    const after = 'a\r\nb\r\nc\r\n';
    const [e] = diffToEdit(before, after);
    assert.strictEqual(applyEdits(before, [e]), after);
    assert.ok(!(before[e.start - 1] === '\r' && before[e.start] === '\n'));
    const [f] = diffToEdit('x👋y', 'x👍y');
    assert.strictEqual(f.newText, '👍');
  });
});
