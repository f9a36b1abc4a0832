// Restricted mode for real: code-server with workspace trust on and a folder nobody trusted
// (npm run test:integration:restricted). The workspace's settings ask for auto-commit and a session
// template (test/harness/runIntegration.ts writes them). The journal is read; nothing is written.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CoachingExtensionApi } from '../../../src/extension';
import { ScriptedPrompter } from '../../../src/platform/scriptedPrompter';

const EXTENSION_ID = 'coaching-journal.coaching-journal';

/** Every file under a folder with its bytes, for "nothing changed" checks. */
function snapshotFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const abs = path.join(dir, rel);
    if (fs.statSync(abs).isFile()) {
      out.set(rel, fs.readFileSync(abs).toString('base64'));
    }
  }
  return out;
}

describe('Restricted mode (an untrusted workspace)', function () {
  this.timeout(60_000);
  let api: CoachingExtensionApi;
  let folder: string;

  before(async () => {
    process.env.COACHING_TODAY = '2026-11-24';
    const extension = vscode.extensions.getExtension<CoachingExtensionApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    await api.reloadJournalsForTests();
    folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
  });

  after(() => {
    delete process.env.COACHING_TODAY;
  });

  it('runs in a workspace that is not trusted', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
  });

  it('reads the journal: the views, the status bar and the Problems diagnostics work', async () => {
    assert.strictEqual(api.journal.state, 'ready');
    const groups = await api.commitmentsTree.getChildren();
    assert.ok(groups && groups.length > 0, 'the Commitments view has rows');
    const focus = await api.focusAreasTree.getChildren();
    assert.ok(focus && focus.length > 0, 'the Focus Areas view has rows');
    assert.match(api.statusBar.item.text, /^\$\(checklist\) 1 open · 0 overdue/);
    // A note with a problem is reported (diagnostics are a read-only feature).
    const broken = vscode.Uri.file(path.join(folder, 'coaching', 'sessions', '2026-11-26.md'));
    fs.writeFileSync(broken.fsPath, '---\ntype: coaching-session\nid: s-2026-11-26\ndate: "2026-11-26"\nfocus: [nowhere]\n---\n');
    try {
      await api.journal.refreshNote(broken);
      assert.ok(vscode.languages.getDiagnostics(broken).some((d) => d.code === 'unknown-focus-area'));
    } finally {
      fs.rmSync(broken.fsPath);
      await api.journal.refreshNote(broken);
    }
  });

  it('opens the values map', async () => {
    await vscode.commands.executeCommand('coaching.openValuesMap');
    const deadline = Date.now() + 15_000;
    const mapTab = (): vscode.Tab | undefined => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('coaching.valuesMap'));
    while (!mapTab() && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(mapTab(), vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', '));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('ignores the workspace\'s coaching.autoCommit and coaching.sessionTemplate (restricted settings)', () => {
    const asked = JSON.parse(fs.readFileSync(path.join(folder, '.vscode', 'settings.json'), 'utf8'));
    assert.strictEqual(asked['coaching.autoCommit'], true, 'the workspace asks for auto-commit');
    assert.strictEqual(asked['coaching.sessionTemplate'], 'templates/session.md', 'and for its own template');
    const settings = vscode.workspace.getConfiguration('coaching');
    assert.strictEqual(settings.get<boolean>('autoCommit'), false, 'auto-commit stays off');
    assert.strictEqual(settings.get<string>('sessionTemplate'), '', 'the built-in template is used');
  });

  it('writes nothing and asks nothing when a writing command runs anyway (no session, no commit)', async () => {
    const before = snapshotFiles(folder);
    const prompter = new ScriptedPrompter([]);
    api.setPrompterForTests(prompter);
    try {
      for (const id of ['coaching.startSession', 'coaching.newSessionNote', 'coaching.addCommitment', 'coaching.setUpBigPicture', 'coaching.commitJournal', 'coaching.exportEvidence']) {
        assert.strictEqual(await vscode.commands.executeCommand(id), false, id);
      }
      assert.strictEqual(await vscode.commands.executeCommand('coaching.recordOutcome', { folder: vscode.workspace.workspaceFolders![0].uri.toString(), id: 'a-20261124-p0zd' }), false);
    } finally {
      api.setPrompterForTests(undefined);
    }
    assert.deepStrictEqual(prompter.asked, [], 'no question was asked');
    assert.deepStrictEqual(snapshotFiles(folder), before, 'every file is as it was');
    assert.ok(!fs.existsSync(path.join(folder, '.git')), 'no repository was made, nothing committed');
  });
});
