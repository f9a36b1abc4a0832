// Export Evidence, Commit Journal and reminders in the real extension host, on a temp copy of the
// fixture workspace (a real git repository is made in it for the Commit Journal tests).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { execFileSync } from 'child_process';
import type { CoachingExtensionApi } from '../../src/extension';
import { BACK, DEFAULT, ESCAPE, ScriptedPrompter, type ScriptedAnswer } from '../../src/platform/scriptedPrompter';
import { commitWorkspace, startSessionWithAutoCommit } from './gitFixture';
import { JournalIndex, loadJournal, renderEvidence, type JournalSnapshot } from '../../src/core';
import { NodeJournalStore } from '../../src/cli/nodeStore';

const EXTENSION_ID = 'coaching-journal.coaching-journal';

async function api(): Promise<CoachingExtensionApi> {
  const ext = vscode.extensions.getExtension<CoachingExtensionApi>(EXTENSION_ID)!;
  const exports = await ext.activate();
  await exports.journal.ready;
  return exports;
}

function root(): vscode.Uri {
  return vscode.workspace.workspaceFolders![0].uri;
}

/** Runs a command with scripted answers (the way commands.test.ts does), and returns what it resolved to and the prompter. */
async function runScripted<T>(command: string, answers: ScriptedAnswer[]): Promise<{ result: T; prompter: ScriptedPrompter }> {
  const hooks = await api();
  const prompter = new ScriptedPrompter(answers);
  hooks.setPrompterForTests(prompter);
  try {
    const result = await vscode.commands.executeCommand<T>(command);
    assert.deepStrictEqual(prompter.remaining, [], 'every scripted answer was used');
    return { result, prompter };
  } finally {
    hooks.setPrompterForTests(undefined);
  }
}

/** The journal as it is on disk now, read by the core (what the export must say). */
async function snapshotOnDisk(): Promise<JournalSnapshot> {
  const index = new JournalIndex();
  await loadJournal(new NodeJournalStore(vscode.Uri.joinPath(root(), 'coaching').fsPath), index);
  return index.snapshot();
}

async function read(uri: vscode.Uri): Promise<string> {
  return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
}

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: root().fsPath, encoding: 'utf8' }).trim();
}

describe('Export Evidence', () => {
  const written: vscode.Uri[] = [];

  // The suites that follow expect the fixture journal as it was.
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of written) {
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(root(), 'coaching', 'exports'), { recursive: true }).then(undefined, () => undefined);
  });

  it('writes the evidence for a period as a new file in the journal, byte for byte, never over an existing one', async () => {
    const { journal } = await api();
    const { result: first, prompter } = await runScripted<vscode.Uri>('coaching.exportEvidence', ['All sessions']);
    written.push(first);
    const today = journal.today();
    assert.ok(first.path.endsWith(`/coaching/exports/evidence-start-to-${today}.md`), first.path);
    assert.deepStrictEqual(prompter.asked.map((a) => [a.title, a.text, a.items]), [
      ['Export Evidence (1/1)', 'Which period should the evidence cover?', ['Last 3 months', 'Last 6 months', 'Last 12 months', 'All sessions', 'Custom range…']],
    ]);
    const text = await read(first);
    assert.strictEqual(text, renderEvidence(await snapshotOnDisk(), { to: today }));
    assert.match(text, /^# Promotion evidence\n/);
    assert.match(text, /## Values served/);
    assert.deepStrictEqual(prompter.messages, [{ level: 'info', text: `Evidence exported to coaching/exports/evidence-start-to-${today}.md.` }]);
    const { result: second } = await runScripted<vscode.Uri>('coaching.exportEvidence', ['All sessions']);
    written.push(second);
    assert.ok(second.path.endsWith(`/coaching/exports/evidence-start-to-${today}-2.md`), second.path);
    assert.strictEqual(await read(first), text, 'the first export is untouched');
    assert.strictEqual(await read(second), text);
  });

  it('asks for a custom range with Back, rejects a bad date and an end before the start', async () => {
    const answers: ScriptedAnswer[] = ['Custom range…', '2026-11-01', BACK, 'Nov 17', '2026-11-17', '2026-11-01', '2026-11-20'];
    const { result: uri, prompter } = await runScripted<vscode.Uri>('coaching.exportEvidence', answers);
    written.push(uri);
    assert.ok(uri.path.endsWith('/coaching/exports/evidence-2026-11-17-to-2026-11-20.md'), uri.path);
    // The step count grows once the custom range is chosen (as in every flow: it counts from the answers so far).
    assert.deepStrictEqual(prompter.asked.map((a) => a.title), [
      'Export Evidence (1/1)', 'Export Evidence (2/3)', 'Export Evidence (3/3)', 'Export Evidence (2/3)', 'Export Evidence (3/3)',
    ]);
    assert.strictEqual(prompter.asked[3].value, '2026-11-01', 'Back keeps the answer');
    assert.deepStrictEqual(prompter.asked[3].validation, ['Write a date as YYYY-MM-DD, like 2026-06-01.']);
    assert.deepStrictEqual(prompter.asked[4].validation, ['The end date is before the start date.']);
    assert.strictEqual(await read(uri), renderEvidence(await snapshotOnDisk(), { from: '2026-11-17', to: '2026-11-20' }));
  });

  it('Escape at any question writes nothing', async () => {
    const exports = vscode.Uri.joinPath(root(), 'coaching', 'exports');
    const before = (await vscode.workspace.fs.readDirectory(exports).then(undefined, () => [])).map(([n]) => n).sort();
    for (const answers of [[ESCAPE], ['Custom range…', ESCAPE], ['Custom range…', DEFAULT, ESCAPE]]) {
      const { result, prompter } = await runScripted<vscode.Uri | undefined>('coaching.exportEvidence', answers);
      assert.strictEqual(result, undefined, answers.join(', '));
      assert.deepStrictEqual(prompter.messages, []);
    }
    const after = (await vscode.workspace.fs.readDirectory(exports).then(undefined, () => [])).map(([n]) => n).sort();
    assert.deepStrictEqual(after, before);
  });
});

describe('Commit Journal outside a git repository', () => {
  it('says what to do, commits nothing and does not crash', async () => {
    const { result, prompter } = await runScripted<{ committed: boolean; reason?: string }>('coaching.commitJournal', []);
    assert.strictEqual(result?.committed, false);
    assert.match(String(result.reason), /is not in a git repository\. Run "git init"/);
    assert.deepStrictEqual(prompter.messages, [{ level: 'error', text: result.reason }]);
  });
});

describe('Commit Journal', () => {
  let fixtureHead = '';

  before(() => {
    fixtureHead = commitWorkspace(git);
  });

  // The suites that follow expect the fixture journal as it was: drop what these tests wrote.
  after(async () => {
    git('reset', '-q', '--hard', fixtureHead);
    git('clean', '-fdq', '--', 'coaching');
    await (await api()).journal.reload();
  });

  it('commits only the journal folder, with a message from the notes', async () => {
    const note = vscode.Uri.joinPath(root(), 'coaching', 'sessions', '2026-11-24.md');
    await vscode.workspace.fs.writeFile(note, Buffer.from((await read(note)) + '\nA new thought.\n'));
    const other = vscode.Uri.joinPath(root(), 'notes-outside.md');
    await vscode.workspace.fs.writeFile(other, Buffer.from('not journal\n'));
    const before = git('rev-list', '--count', 'HEAD');
    const { result, prompter } = await runScripted('coaching.commitJournal', []);
    assert.deepStrictEqual(result, { committed: true, files: 1 });
    assert.strictEqual(prompter.messages.length, 1);
    assert.match(prompter.messages[0].text, /^Committed the journal \(1 file\): "Coaching .*"\. Nothing was pushed\.$/);
    assert.strictEqual(git('rev-list', '--count', 'HEAD'), String(Number(before) + 1));
    assert.deepStrictEqual(git('show', '--name-only', '--format=', 'HEAD').split('\n'), ['coaching/sessions/2026-11-24.md']);
    assert.match(git('log', '-1', '--format=%s'), /^Coaching (session|journal)/);
    assert.match(git('status', '--porcelain'), /\?\? notes-outside\.md/);
  });

  it('refuses when other files are already staged, and stages nothing', async () => {
    git('add', 'notes-outside.md');
    const note = vscode.Uri.joinPath(root(), 'coaching', 'big-picture.md');
    await vscode.workspace.fs.writeFile(note, Buffer.from((await read(note)) + '\n'));
    const head = git('rev-parse', 'HEAD');
    const { result, prompter } = await runScripted<{ committed: boolean; reason?: string }>('coaching.commitJournal', []);
    assert.strictEqual(result?.committed, false);
    assert.match(String(result.reason), /already staged outside the journal/);
    assert.deepStrictEqual(prompter.messages, [{ level: 'info', text: result.reason }]);
    assert.strictEqual(git('rev-parse', 'HEAD'), head);
    assert.deepStrictEqual(git('diff', '--cached', '--name-only').split('\n'), ['notes-outside.md']);
    git('reset', '-q', 'notes-outside.md');
  });
  it('with coaching.autoCommit on, Start Session commits the journal it wrote', async () => {
    const exports = await api();
    const head = git('rev-parse', 'HEAD');
    const prompter = await startSessionWithAutoCommit(exports);
    assert.deepStrictEqual(prompter.remaining, [], 'every scripted answer was used');
    assert.strictEqual(git('rev-list', '--count', `${head}..HEAD`), '1', 'exactly one new commit');
    const files = git('show', '--name-only', '--format=', 'HEAD').split('\n');
    assert.ok(files.includes('coaching/sessions/2026-11-24-2.md'), files.join(', '));
    assert.ok(files.every((f) => f.startsWith('coaching/')), files.join(', '));
    assert.strictEqual(git('log', '-1', '--format=%s'), 'Coaching session 2026-11-24: Commit the journal after each session');
  });

});

describe('Reminders', () => {
  it('shows at most one reminder a day and remembers it outside the journal', async () => {
    const { reminders } = await api();
    const saved = process.env.COACHING_TODAY;
    // Three weeks after the fixture's last session: a session is due, and its commitments are past due.
    process.env.COACHING_TODAY = '2026-12-15';
    try {
      const first = await reminders.check();
      assert.match(String(first), /^A coaching session is due/);
      assert.strictEqual(await reminders.check(), undefined, 'not twice on one day');
    } finally {
      if (saved === undefined) {
        delete process.env.COACHING_TODAY;
      } else {
        process.env.COACHING_TODAY = saved;
      }
    }
  });
});
