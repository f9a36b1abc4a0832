// Exported markdown from hostile notes: the promotion-evidence document keeps every piece of note text
// on its own line, escaped — no HTML, no link, no emphasis, no heading that the note did not ask for.
import * as assert from 'assert';
import { JournalIndex, renderEvidence } from '../../src/core';

const HOSTILE = [
  '<img src=x onerror="alert(1)">',
  '</script><script>alert(1)</script>',
  '[click](command:workbench.action.quit)',
  '# Heading **bold** _em_ `code` | table |',
  'two\nlines\r\n## injected heading',
  '$(alert) \u202Eevil',
];

describe('Evidence export from hostile notes', () => {
  it('escapes every field: focus area title, success, measure, commitment, learnings, feedback, value names, goal', () => {
    const index = new JournalIndex();
    const q = (t: string): string => JSON.stringify(t);
    index.setText('big-picture.md', ['---', 'type: coaching-big-picture', `goal: ${q(HOSTILE[0])}`, 'values:',
      ...HOSTILE.map((h, i) => `  - id: v${i}\n    name: ${q(h)}`), '---', ''].join('\n'));
    HOSTILE.forEach((h, i) => index.setText(`focus-areas/f${i}.md`, ['---', 'type: coaching-focus-area', `id: f${i}`, `title: ${q(h)}`,
      `values: [v${i}]`, 'status: active', `success: ${q(h)}`, `measure: ${q(h)}`, '---', ''].join('\n')));
    index.setText('sessions/2026-11-17.md', ['---', 'type: coaching-session', 'id: s-2026-11-17', 'date: "2026-11-17"', 'actions:',
      ...HOSTILE.map((h, i) => [`  - id: a-20261117-h00${i}`, `    text: ${q(h)}`, `    focus: f${i}`, '    status: done', '    closed: "2026-11-20"',
        '    learnings:', '      - lens: doing', `        text: ${q(h)}`].join('\n')),
      'learnings:', ...HOSTILE.map((h, i) => `  - id: l-20261117-h00${i}\n    text: ${q(h)}\n    focus: f${i}\n    evidence: true`),
      'feedback:', ...HOSTILE.map((h, i) => `  - id: fb-20261117-h00${i}\n    from: manager\n    kind: praise\n    focus: f${i}\n    text: ${q(h)}`),
      '---', ''].join('\n'));
    const doc = renderEvidence(index.snapshot(), {});
    const lines = doc.split('\n');

    // Headings: only the document's own, one per focus area (titles escaped) and the fixed sections.
    const headings = lines.filter((l) => /^\s*#/.test(l));
    assert.strictEqual(headings.filter((h) => h.startsWith('## ') && !['## Values served'].includes(h)).length, HOSTILE.length);
    assert.ok(headings.every((h) => /^(# Promotion evidence|## .+|### (Commitments followed through|Learnings|Feedback received))$/.test(h)), headings.join('\n'));
    assert.ok(!headings.some((h) => h.includes('injected heading') && !h.startsWith('## \\#') && !h.startsWith('## two')), 'a line break in a note starts no heading');
    // No HTML, no link, no emphasis or code from a note: < and > are entities, markdown punctuation is escaped.
    assert.ok(!doc.includes('<'), 'no < in the document');
    assert.doesNotMatch(doc, /(?<!\\)\[click(?<!\\)\]\(/);
    const noteText = lines.filter((l) => /click|Heading|alert/.test(l));
    assert.ok(noteText.length >= 5 * 8 + 1, `every field is in the document (${noteText.length} lines)`);
    for (const line of noteText) {
      const stripped = line.replace(/^(- \d{4}-\d{2}-\d{2} — (Praise from manager: )?|  - Learned: |## |- )/, '').replace(/^\*\*[A-Za-z ]+:\*\* /, '');
      assert.strictEqual(stripped.match(/(?<!\\)[`*_[\]|]/g), null, `unescaped markdown in ${JSON.stringify(line)}`);
    }
    assert.ok(lines.includes('- 2026-11-20 — two lines ## injected heading (made 2026-11-17)'), 'line breaks become spaces, on the item\'s own line');
  });
});
