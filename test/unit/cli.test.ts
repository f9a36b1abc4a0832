import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { FIXTURE, TODAY, cli, copyDir, tempDir } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const EXPECTED = require(`${FIXTURE}/EXPECTED.json`);

describe('coaching-journal CLI', () => {
  it('list --json lists the open and overdue commitments of the fixture', async () => {
    const { code, out, err } = await cli(['--dir', FIXTURE, '--today', TODAY, 'list', '--json']);
    assert.strictEqual(code, 0, err);
    const items = JSON.parse(out);
    assert.deepStrictEqual(items.map((i: { id: string }) => i.id), EXPECTED.openIds.slice().sort((a: string, b: string) => {
      const order = [...EXPECTED.overdueIds, ...EXPECTED.openNotOverdueIds];
      return order.indexOf(a) - order.indexOf(b);
    }));
    for (const item of items) {
      const e = EXPECTED.actions.find((a: { id: string }) => a.id === item.id);
      assert.deepStrictEqual(Object.keys(item), ['id', 'text', 'status', 'overdue', 'due', 'focus', 'values', 'file', 'line']);
      assert.strictEqual(item.text, e.text);
      assert.strictEqual(item.status, 'open');
      assert.strictEqual(item.overdue, EXPECTED.overdueIds.includes(item.id));
      assert.strictEqual(item.due, e.due);
      assert.strictEqual(item.file, path.join(FIXTURE, e.file));
      assert.strictEqual(item.line, e.line);
    }
  });

  it('list --status overdue|closed|all filters', async () => {
    const overdue = JSON.parse((await cli(['--dir', FIXTURE, '--today', TODAY, 'list', '--status', 'overdue', '--json'])).out);
    assert.deepStrictEqual(overdue.map((i: { id: string }) => i.id), EXPECTED.overdueIds);
    const closed = JSON.parse((await cli(['--dir', FIXTURE, '--today', TODAY, 'list', '--status', 'closed', '--json'])).out);
    assert.strictEqual(closed.length, EXPECTED.counts.closed);
    const all = JSON.parse((await cli(['--dir', FIXTURE, '--today', TODAY, 'list', '--status', 'all', '--json'])).out);
    assert.strictEqual(all.length, EXPECTED.counts.actions);
    // The same commitments are not overdue a year earlier.
    const early = JSON.parse((await cli(['--dir', FIXTURE, '--today', '2026-01-01', 'list', '--status', 'overdue', '--json'])).out);
    assert.ok(early.every((i: { id: string }) => i.id !== 'a-20260209-4tgh'));
  });

  it('list prints a readable line per commitment', async () => {
    const { out } = await cli(['--dir', FIXTURE, '--today', TODAY, 'list']);
    const first = out.split('\n')[0];
    assert.match(first, /^a-20260209-4tgh {2}281 days overdue {2}Spend one hour/);
  });

  it('check on a clean journal exits 0 with nothing alarming', async () => {
    const { code, out } = await cli(['--dir', FIXTURE, 'check']);
    assert.strictEqual(code, 0);
    assert.doesNotMatch(out, /: (error|warning): /);
    assert.match(out, /58 notes checked: 0 errors, 0 warnings, 1 note\./);
  });

  it('check --json gives 1-based lines and columns', async () => {
    const { out } = await cli(['--dir', FIXTURE, 'check', '--json']);
    const [d] = JSON.parse(out);
    assert.deepStrictEqual({ severity: d.severity, code: d.code, line: d.line, column: d.column }, { severity: 'info', code: 'value-without-action', line: 16, column: 5 });
  });

  it('check --strict counts warnings', async () => {
    const dir = await tempDir();
    await fs.mkdir(path.join(dir, 'sessions'));
    await fs.writeFile(path.join(dir, 'sessions/2026-11-24.md'), '---\ntype: coaching-session\nid: s-2026-11-24\ndate: "2026-11-24"\nactions:\n  - id: a-1\n    text: Unlinked\n    status: open\n---\n');
    assert.strictEqual((await cli(['--dir', dir, 'check'])).code, 0);
    const strict = await cli(['--dir', dir, 'check', '--strict']);
    assert.strictEqual(strict.code, 1);
    assert.match(strict.out, /sessions\/2026-11-24\.md:6:5: warning: Commitment a-1 is linked to no value/);
  });

  it('outcome on a CRLF file with a BOM and comments changes only the lines it must', async () => {
    const dir = await tempDir();
    await copyDir(FIXTURE, dir);
    const target = EXPECTED.actions.find((a: { id: string }) => a.id === 'a-20260713-oi16');
    const file = path.join(dir, target.file);
    const crlf = '\ufeff' + (await fs.readFile(file, 'utf8')).replace(/\r?\n/g, '\r\n').replace('type: coaching-session\r\n', 'type: coaching-session   # a comment\r\n');
    await fs.writeFile(file, crlf);
    const before = await fs.readFile(file);
    const { code, out, err } = await cli(['--dir', dir, '--today', TODAY, 'outcome', 'a-20260713-oi16', 'done', '--learning', 'Asking for holes early made the review calm']);
    assert.strictEqual(code, 0, err);
    assert.match(out, /a-20260713-oi16: recorded done/);
    const after = await fs.readFile(file);
    assert.deepStrictEqual([...after.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
    const a = before.toString('utf8').split('\r\n');
    const b = after.toString('utf8').split('\r\n');
    // Exactly: the status line changed, three to four lines were added after it; all else identical.
    const statusLine = a.findIndex((l, i) => i > target.line - 1 && /^\s+status: open/.test(l));
    assert.ok(statusLine > 0);
    assert.deepStrictEqual(b.slice(0, statusLine), a.slice(0, statusLine));
    assert.strictEqual(b[statusLine], a[statusLine].replace('open', 'done'));
    const added = b.length - a.length;
    assert.deepStrictEqual(b.slice(statusLine + 1 + added), a.slice(statusLine + 1));
    assert.deepStrictEqual(b.slice(statusLine + 1, statusLine + 1 + added).map((l) => l.trim()), ['closed: "2026-11-24"', 'learnings:', '- lens: doing', 'text: "Asking for holes early made the review calm"']);
    const listed = JSON.parse((await cli(['--dir', dir, '--today', TODAY, 'list', '--status', 'all', '--json'])).out);
    assert.strictEqual(listed.find((i: { id: string }) => i.id === 'a-20260713-oi16').status, 'done');
  });

  it('outcome: unknown id exits 1, bad outcome or lens exits 2, and nothing is written', async () => {
    const dir = await tempDir();
    await copyDir(FIXTURE, dir);
    const snapshot = async () => Promise.all(EXPECTED.actions.map((a: { file: string }) => fs.readFile(path.join(dir, a.file), 'utf8')));
    const before = await snapshot();
    const unknown = await cli(['--dir', dir, 'outcome', 'a-nope', 'done']);
    assert.strictEqual(unknown.code, 1);
    assert.match(unknown.err, /^coaching-journal: no commitment with id a-nope/);
    assert.strictEqual(unknown.err.trim().split('\n').length, 1);
    assert.strictEqual((await cli(['--dir', dir, 'outcome', 'a-20260713-oi16', 'finished'])).code, 2);
    assert.strictEqual((await cli(['--dir', dir, 'outcome', 'a-20260713-oi16', 'done', '--learning', 'x', '--lens', 'feelings'])).code, 2);
    assert.deepStrictEqual(await snapshot(), before);
  });

  it('outcome refuses a note that cannot be parsed (exit 1)', async () => {
    const dir = await tempDir();
    await fs.mkdir(path.join(dir, 'sessions'));
    const ok = '---\ntype: coaching-session\nid: s-1\ndate: "2026-11-17"\nactions:\n  - id: a-1\n    text: T\n    status: open\n---\n';
    await fs.writeFile(path.join(dir, 'sessions/a.md'), ok);
    const { code } = await cli(['--dir', dir, 'outcome', 'a-1', 'done']);
    assert.strictEqual(code, 0);
    await fs.writeFile(path.join(dir, 'sessions/b.md'), '---\ntype: coaching-session\nid: s-2\ndate: "2026-11-18"\nactions:\n  - id: a-2\n    text: [broken\n---\n');
    const broken = await cli(['--dir', dir, 'outcome', 'a-2', 'done']);
    assert.strictEqual(broken.code, 1);
  });

  it('usage errors exit 2 with one clear line', async () => {
    for (const argv of [[], ['nope'], ['list', '--status', 'later'], ['list', '--frobnicate'], ['--today', '2026-13-01', 'list'], ['check', 'extra'], ['map', '--format', 'png'], ['list', '--learning', 'x']]) {
      const { code, err } = await cli(['--dir', FIXTURE, ...argv]);
      assert.strictEqual(code, 2, argv.join(' '));
      assert.match(err, /^coaching-journal: .+\nRun coaching-journal --help for usage\.\n$/, argv.join(' '));
    }
    const help = await cli(['--help']);
    assert.strictEqual(help.code, 0);
    assert.match(help.out, /^Usage: coaching-journal/);
  });

  it('a missing journal folder exits 1 and says what to do', async () => {
    const { code, err } = await cli(['--dir', '/nonexistent/coaching', 'list']);
    assert.strictEqual(code, 1);
    assert.match(err, /no journal folder at \/nonexistent\/coaching: pass --dir/);
  });

  it('export writes evidence with completed commitments, evidence learnings and praise; never overwrites', async () => {
    const { code, out } = await cli(['--dir', FIXTURE, 'export', '--from', '2026-10-01', '--to', '2026-11-24']);
    assert.strictEqual(code, 0);
    assert.match(out, /^# Promotion evidence\n/);
    assert.match(out, /Period: 2026-10-01 to 2026-11-24\./);
    const done = EXPECTED.actions.filter((a: { status: string; closed: string }) => (a.status === 'done' || a.status === 'partly') && a.closed >= '2026-10-01' && a.closed <= '2026-11-24');
    assert.ok(done.length > 0);
    for (const a of done) {
      assert.ok(out.includes(a.closed), a.id);
    }
    assert.doesNotMatch(out, /2026-09-\d\d —/);
    const dir = await tempDir();
    const target = path.join(dir, 'evidence.md');
    assert.strictEqual((await cli(['--dir', FIXTURE, 'export', '-o', target])).code, 0);
    const written = await fs.readFile(target, 'utf8');
    assert.match(written, /^# Promotion evidence/);
    const again = await cli(['--dir', FIXTURE, 'export', '-o', target]);
    assert.strictEqual(again.code, 1);
    assert.match(again.err, /already exists/);
    assert.strictEqual(await fs.readFile(target, 'utf8'), written);
  });

  it('stats --json reports sessions, streak and follow-through', async () => {
    const { out } = await cli(['--dir', FIXTURE, '--today', TODAY, 'stats', '--json']);
    const s = JSON.parse(out);
    assert.strictEqual(s.sessions, EXPECTED.counts.sessions);
    assert.strictEqual(s.open, EXPECTED.counts.open);
    const bs = EXPECTED.counts.byStatus;
    assert.strictEqual(s.overall.rate, (bs.done + bs.partly) / (EXPECTED.counts.actions - bs.open));
    const text = await cli(['--dir', FIXTURE, '--today', TODAY, 'stats']);
    assert.match(text.out, /^Sessions: 53 \(2025-12-01 to 2026-11-23\)/);
  });

  it('map prints the values-to-actions map as JSON and Mermaid', async () => {
    const json = JSON.parse((await cli(['--dir', FIXTURE, '--today', TODAY, 'map', '--format', 'json'])).out);
    assert.deepStrictEqual(json.nodes.filter((n: { kind: string }) => n.kind === 'commitment').map((n: { id: string }) => n.id).sort(), [...EXPECTED.openIds].sort());
    assert.deepStrictEqual(json.gaps.valuesWithoutAction, [EXPECTED.unusedValueId]);
    const mermaid = (await cli(['--dir', FIXTURE, '--today', TODAY, 'map'])).out;
    assert.match(mermaid, /^flowchart LR\n/);
    assert.strictEqual((mermaid.match(/ --> /g) ?? []).length, json.edges.length);
  });
});
