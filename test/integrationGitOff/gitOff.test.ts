// Commit Journal when VS Code's git extension is off: run by test/harness/runIntegration.ts in a second
// code-server, once with `git.enabled: false` in the user settings (COACHING_GIT_OFF=disabled) and once
// with VS Code's server skipping the built-in git extension (COACHING_GIT_OFF=missing). The workspace is a real git repository
// with a changed note, so only the git extension's state stands between the command and a commit.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as vscode from 'vscode';
import type { CoachingExtensionApi } from '../../src/extension';
import { ScriptedPrompter } from '../../src/platform/scriptedPrompter';
import { commitWorkspace, startSessionWithAutoCommit } from '../integration/gitFixture';

const EXTENSION_ID = 'coaching-journal.coaching-journal';
const MODE = process.env.COACHING_GIT_OFF;

const EXPECTED: Record<string, RegExp> = {
  disabled: /^The built-in Git extension is disabled \(setting "git\.enabled"\)\. Enable it to commit the journal from VS Code\.$/,
  missing: /^The built-in Git extension is not available in this VS Code, so the journal cannot be committed from here\. Commit the journal folder with git yourself\.$/,
};

function root(): vscode.Uri {
  return vscode.workspace.workspaceFolders![0].uri;
}

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: root().fsPath, encoding: 'utf8' }).trim();
}

async function api(): Promise<CoachingExtensionApi> {
  const exports = await vscode.extensions.getExtension<CoachingExtensionApi>(EXTENSION_ID)!.activate();
  await exports.journal.ready;
  return exports;
}

/** Every file of the workspace with its bytes (outside .git), to show nothing was written. */
async function tree(dir = root(), prefix = ''): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
    if (name === '.git') {
      continue;
    }
    const uri = vscode.Uri.joinPath(dir, name);
    if (type === vscode.FileType.Directory) {
      for (const [k, v] of await tree(uri, `${prefix}${name}/`)) {
        out.set(k, v);
      }
    } else {
      out.set(`${prefix}${name}`, Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('base64'));
    }
  }
  return out;
}

describe(`Commit Journal when git is off (${MODE})`, function () {
  this.timeout(180_000);
  let head = '';

  before(async () => {
    assert.ok(MODE && EXPECTED[MODE], `COACHING_GIT_OFF is "disabled" or "missing" (got ${MODE})`);
    head = commitWorkspace(git);
    // A change the command would commit if it could.
    const note = vscode.Uri.joinPath(root(), 'coaching', 'sessions', '2026-11-24.md');
    const text = Buffer.from(await vscode.workspace.fs.readFile(note)).toString('utf8');
    await vscode.workspace.fs.writeFile(note, Buffer.from(text + '\nA thought to commit.\n'));
    await api();
  });

  it('the git extension is in the state this run is about', () => {
    const ext = vscode.extensions.getExtension<{ enabled: boolean }>('vscode.git');
    if (MODE === 'missing') {
      assert.strictEqual(ext, undefined);
    } else {
      assert.ok(ext, 'the git extension is installed');
      assert.strictEqual(vscode.workspace.getConfiguration('git').get('enabled'), false);
    }
  });

  it('says clearly why the journal is not committed, commits nothing, stages nothing and writes nothing', async () => {
    const hooks = await api();
    const before = await tree();
    const status = git('status', '--porcelain');
    const prompter = new ScriptedPrompter([]);
    hooks.setPrompterForTests(prompter);
    let result: { committed: boolean; reason?: string } | undefined;
    try {
      result = await vscode.commands.executeCommand('coaching.commitJournal');
    } finally {
      hooks.setPrompterForTests(undefined);
    }
    assert.strictEqual(result?.committed, false);
    assert.match(String(result.reason), EXPECTED[MODE!]);
    assert.deepStrictEqual(prompter.messages, [{ level: 'error', text: result.reason }]);
    assert.strictEqual(git('rev-parse', 'HEAD'), head, 'no commit');
    assert.strictEqual(git('status', '--porcelain'), status, 'nothing staged');
    assert.match(status, /^\s?M coaching\/sessions\/2026-11-24\.md$/, 'the changed note is still only changed');
    assert.deepStrictEqual(await tree(), before, 'no file written');
  });

  it('with coaching.autoCommit on, Start Session still writes its note, and only logs that it could not commit', async () => {
    const hooks = await api();
    const prompter = await startSessionWithAutoCommit(hooks);
    assert.deepStrictEqual(prompter.remaining, [], 'every scripted answer was used');
    assert.deepStrictEqual(prompter.messages.filter((m) => m.level === 'error'), [], 'no error shown for the automatic commit');
    assert.strictEqual(git('rev-parse', 'HEAD'), head, 'no commit');
    assert.match(git('status', '--porcelain'), /^\?\? coaching\/sessions\/2026-11-24-2\.md$/m, 'the session note was written');
    assert.deepStrictEqual(git('diff', '--cached', '--name-only'), '', 'nothing staged');
  });
});
