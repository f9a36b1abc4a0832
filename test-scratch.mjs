import { build } from 'esbuild';
await build({ entryPoints: ['src/core/yamlEdit.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: '/tmp/ye.js', logLevel: 'error' });
const { editFrontmatter, applyEdits } = (await import('/tmp/ye.js')).default;
const { Word } = (await import('/tmp/ye.js')).default;
const src = "---\r\n# top comment\r\ntype: coaching-session\r\ncheckin:   # none yet\r\nactions:\r\n  - id: a-1\r\n    text: 'x'   # keep\r\n    status: open # s\r\n  - {id: a-2, text: y}\r\nlearnings: []\r\n---\r\nBody\r\n";
const ops = [
 { op: 'set', path: ['actions', 0], key: 'status', value: 'done' },
 { op: 'set', path: ['actions', 0], key: 'closed', value: '2026-11-24' },
 { op: 'append', path: ['actions', 0], key: 'learnings', item: { lens: 'doing', text: 'He said "hi"\nok' } },
 { op: 'append', path: [], key: 'checkin', item: { action: 'a-1', outcome: 'done', learnings: [{ lens: 'doing', text: 'z' }] } },
 { op: 'set', path: ['actions', 1], key: 'status', value: 'let-go' },
 { op: 'append', path: [], key: 'learnings', item: { id: 'l-1', text: 't', evidence: true } },
 { op: 'append', path: [], key: 'feedback', item: { id: 'fb-1', text: 't' } },
];
const edits = editFrontmatter(src, ops);
console.log(edits);
console.log(JSON.stringify(applyEdits(src, edits)));
console.log(applyEdits(src, edits).replace(/\r/g,'⏎'));
