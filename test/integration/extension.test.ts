// The extension as VS Code runs it: found, activated by the journal in the fixture workspace.
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'coaching-journal.coaching-journal';

describe('Coaching Journal extension', () => {
  it('runs in a real VS Code extension host', () => {
    assert.ok(vscode.version, 'vscode.version');
    assert.ok(vscode.env.appName, 'vscode.env.appName');
    console.log(`    VS Code ${vscode.version}, ${vscode.env.appName} (${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'}), Node ${process.version}`);
  });

  it('opens the fixture journal as the workspace', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    const bigPicture = vscode.Uri.joinPath(folder.uri, 'coaching', 'big-picture.md');
    const text = Buffer.from(await vscode.workspace.fs.readFile(bigPicture)).toString('utf8');
    assert.match(text, /^---\ntype: coaching-big-picture\n/);
  });

  it('is installed and activates when the workspace contains coaching/big-picture.md', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is present`);
    assert.ok(
      extension.packageJSON.activationEvents.includes('workspaceContains:**/coaching/big-picture.md'),
      'activation event declared',
    );
    // workspaceContains activates it shortly after start-up; activate() waits for that or starts it.
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });

  it('contributes its settings with the documented defaults', () => {
    const config = vscode.workspace.getConfiguration('coaching');
    assert.strictEqual(config.get('folder'), 'coaching');
    assert.strictEqual(config.get('sessionCadenceDays'), 7);
  });
});

describe('Coaching Journal output channel', () => {
  // VS Code registers a "show" command per output channel; for an extension's log channel its id is
  // `workbench.action.output.show.<extension id>.<channel name>.log` (an internal convention: if a VS Code
  // update changes it, this test says so rather than the extension being wrong).
  const prefix = `workbench.action.output.show.${EXTENSION_ID}.`;

  it('registers the "Coaching Journal" log channel on activation', async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    const commands = await vscode.commands.getCommands(true);
    const show = commands.filter((id) => id.startsWith(prefix));
    assert.deepStrictEqual(show, [`${prefix}Coaching Journal.log`], `output channels of ${EXTENSION_ID}`);
    await vscode.commands.executeCommand(show[0]); // shows it, as a person picking it in the Output view would
  });
});
