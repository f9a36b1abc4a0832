// Export Evidence, Commit Journal and reminders in the real extension host, on a temp copy of the
// fixture workspace (a real git repository is made in it for the Commit Journal tests).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { execFileSync } from 'child_process';
import type { CoachingExtensionApi } from '../../src/extension';
import { DEFAULT, ScriptedPrompter } from '../../src/platform/scriptedPrompter';

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

/** Answers the next QuickPicks / InputBoxes the way a person would, then restores the real ones. */
function scriptPrompts(answers: string[]): () => void {
  const win = vscode.window as unknown as Record<string, unknown>;
  const realPick = win.showQuickPick;
  const realInput = win.showInputBox;
  win.showQuickPick = async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => {
    const answer = answers.shift();
    return answer === undefined ? undefined : (await items).find((i) => i.label === answer);
  };
  win.showInputBox = async () => answers.shift();
  return () => {
    win.showQuickPick = realPick;
    win.showInputBox = realInput;
  };
}

async function read(uri: vscode.Uri): Promise<string> {
  return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
}

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: root().fsPath, encoding: 'utf8' }).trim();
}

describe('Export Evidence', () => {
  it('writes the evidence for a period as a new file in the journal, never over an existing one', async () => {
    const { journal } = await api();
    const restore = scriptPrompts(['All sessions', 'All sessions']);
    try {
      const first = await vscode.commands.executeCommand<vscode.Uri>('coaching.exportEvidence');
      const today = journal.today();
      assert.ok(first.path.endsWith(`/coaching/exports/evidence-start-to-${today}.md`), first.path);
      const text = await read(first);
      assert.match(text, /^# Promotion evidence\n/);
      assert.match(text, /## Values served/);
      const second = await vscode.commands.executeCommand<vscode.Uri>('coaching.exportEvidence');
      assert.ok(second.path.endsWith(`/coaching/exports/evidence-start-to-${today}-2.md`), second.path);
      assert.strictEqual(await read(first), text, 'the first export is untouched');
    } finally {
      restore();
    }
  });

  it('Escape at the period question writes nothing', async () => {
    await api();
    const restore = scriptPrompts([]);
    try {
      assert.strictEqual(await vscode.commands.executeCommand('coaching.exportEvidence'), undefined);
    } finally {
      restore();
    }
  });
});

describe('Commit Journal outside a git repository', () => {
  it('says what to do, commits nothing and does not crash', async () => {
    const { commitJournal } = await api();
    const result = await commitJournal.execute();
    assert.strictEqual(result?.committed, false);
    assert.match((result as { reason: string }).reason, /is not in a git repository\. Run "git init"/);
  });
});

describe('Commit Journal', () => {
  let fixtureHead = '';

  before(() => {
    git('init', '-q');
    git('config', 'user.email', 'tests@example.invalid');
    git('config', 'user.name', 'Coaching Journal tests');
    git('add', '-A');
    git('commit', '-q', '-m', 'fixture');
    fixtureHead = git('rev-parse', 'HEAD');
  });

  // The suites that follow expect the fixture journal as it was: drop what these tests wrote.
  after(async () => {
    git('reset', '-q', '--hard', fixtureHead);
    git('clean', '-fdq', '--', 'coaching');
    await (await api()).journal.reload();
  });

  it('commits only the journal folder, with a message from the notes', async () => {
    const { commitJournal } = await api();
    const note = vscode.Uri.joinPath(root(), 'coaching', 'sessions', '2026-11-24.md');
    await vscode.workspace.fs.writeFile(note, Buffer.from((await read(note)) + '\nA new thought.\n'));
    const other = vscode.Uri.joinPath(root(), 'notes-outside.md');
    await vscode.workspace.fs.writeFile(other, Buffer.from('not journal\n'));
    const before = git('rev-list', '--count', 'HEAD');
    const result = await commitJournal.execute();
    assert.deepStrictEqual(result, { committed: true, files: 1 });
    assert.strictEqual(git('rev-list', '--count', 'HEAD'), String(Number(before) + 1));
    assert.deepStrictEqual(git('show', '--name-only', '--format=', 'HEAD').split('\n'), ['coaching/sessions/2026-11-24.md']);
    assert.match(git('log', '-1', '--format=%s'), /^Coaching (session|journal)/);
    assert.match(git('status', '--porcelain'), /\?\? notes-outside\.md/);
  });

  it('refuses when other files are already staged, and stages nothing', async () => {
    const { commitJournal } = await api();
    git('add', 'notes-outside.md');
    const note = vscode.Uri.joinPath(root(), 'coaching', 'big-picture.md');
    await vscode.workspace.fs.writeFile(note, Buffer.from((await read(note)) + '\n'));
    const head = git('rev-parse', 'HEAD');
    const result = await commitJournal.execute();
    assert.strictEqual(result?.committed, false);
    assert.match((result as { reason: string }).reason, /already staged outside the journal/);
    assert.strictEqual(git('rev-parse', 'HEAD'), head);
    assert.deepStrictEqual(git('diff', '--cached', '--name-only').split('\n'), ['notes-outside.md']);
    git('reset', '-q', 'notes-outside.md');
  });
  it('with coaching.autoCommit on, Start Session commits the journal it wrote', async () => {
    const exports = await api();
    const saved = process.env.COACHING_TODAY;
    process.env.COACHING_TODAY = '2026-11-24';
    await vscode.workspace.getConfiguration('coaching').update('autoCommit', true, vscode.ConfigurationTarget.Global);
    const head = git('rev-parse', 'HEAD');
    const prompter = new ScriptedPrompter([
      'Skip for now',
      'See the journal committed after the session', '',
      DEFAULT,
      'Commit the journal after each session', 'Show strategic thinking', DEFAULT, 'The history shows each session', DEFAULT, 'No, one is enough',
    ]);
    exports.setPrompterForTests(prompter);
    try {
      await vscode.commands.executeCommand('coaching.startSession');
    } finally {
      exports.setPrompterForTests(undefined);
      await vscode.workspace.getConfiguration('coaching').update('autoCommit', undefined, vscode.ConfigurationTarget.Global);
      if (saved === undefined) {
        delete process.env.COACHING_TODAY;
      } else {
        process.env.COACHING_TODAY = saved;
      }
    }
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
