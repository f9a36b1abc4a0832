// The packaged extension (VSIX) in a real browser, as a person would meet it.
import * as assert from 'assert';
import { findInWebview, openFile, pick, quickInput, runCommand, screenshot, showInPalette, viewPane } from './helpers';
import { workbench } from './workbench';

describe('Coaching Journal in the browser workbench', () => {
  it('opens the journal workspace in the Explorer', async () => {
    const { page } = workbench();
    const explorer = viewPane(page, 'journal'); // the folder pane is titled after the workspace folder
    await explorer.locator('.monaco-list-row', { hasText: 'coaching' }).first().waitFor();
    await screenshot(page, '01-workbench');
  });

  it('opens the command palette with F1', async () => {
    const { page } = workbench();
    await showInPalette(page, 'Output: Show Output Channels');
    await screenshot(page, '02-command-palette');
    await page.keyboard.press('Escape');
    await quickInput(page).locator('input').waitFor({ state: 'hidden' });
  });

  it('lists the installed VSIX in the Extensions view', async () => {
    const { page } = workbench();
    await runCommand(page, 'Extensions: Show Installed Extensions');
    const row = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Coaching Journal' }).first();
    await row.waitFor();
    assert.match(await row.innerText(), /Coaching Journal/);
    await screenshot(page, '03-extensions-view');
  });

  it('activates and writes to its "Coaching Journal" output channel', async () => {
    const { page } = workbench();
    await runCommand(page, 'Output: Show Output Channels...');
    await pick(page, 'Coaching Journal');
    await page.locator('.part.panel .view-lines', { hasText: 'Coaching Journal activated' }).first().waitFor();
    await screenshot(page, '04-output-channel');
  });

  it('reaches content inside a webview (Markdown preview of the big picture)', async () => {
    // Exercises findInWebview on a built-in webview until the extension contributes its own.
    const { page } = workbench();
    await openFile(page, 'big-picture.md');
    await runCommand(page, 'Markdown: Open Preview');
    const { element } = await findInWebview(page, 'h1');
    assert.strictEqual((await element.innerText()).trim(), 'Big picture');
    await screenshot(page, '05-webview');
  });
});
