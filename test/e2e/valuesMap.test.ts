// The values map in the browser, as a person meets it: the sample journal's map with its gap markers, a
// click that opens a commitment's note, hostile note text shown as text, light and dark themes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Frame } from 'playwright-core';
import { findInWebview, runCommand, screenshot } from './helpers';
import { workbench } from './workbench';

const SAMPLE = path.resolve(__dirname, '..', '..', '..', 'sample', 'coaching');

/** A session whose commitments try to inject markup and script. */
const HOSTILE_NOTE = `---
type: coaching-session
id: s-2026-11-25
date: "2026-11-25"
focus: [strategic-thinking]
actions:
  - id: a-20261125-x55a
    text: "<img src=x onerror=\\"document.title='pwned'\\">"
    focus: strategic-thinking
    due: "2026-12-02"
    status: open
  - id: a-20261125-x55b
    text: "</script><script>alert(1)</script>"
    due: "2026-12-02"
    status: open
---
`;

/** Switches the colour theme through the workspace settings (the theme picker also lists the marketplace). */
async function useTheme(theme: 'Default Light Modern' | 'Default Dark Modern'): Promise<void> {
  const { page, workspace } = workbench();
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'workbench.colorTheme': theme }, null, 2));
  const dark = theme.includes('Dark');
  await page.waitForFunction(`document.querySelector('.monaco-workbench')?.classList.contains('${dark ? 'vs-dark' : 'vs'}')`, undefined, { timeout: 20_000 });
  await page.waitForTimeout(800); // the webview gets the new --vscode-* variables
}

describe('Values map in the browser', () => {
  let saved: string;
  let journal: string;
  let map: Frame;
  const dialogs: string[] = [];

  before(async () => {
    // The map of the sample journal (plus one hostile note): swap it in for the fixture, put it back after.
    const { page, workspace } = workbench();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    journal = path.join(workspace, 'coaching');
    saved = fs.mkdtempSync(path.join(os.tmpdir(), 'cj-map-e2e-'));
    fs.cpSync(journal, path.join(saved, 'coaching'), { recursive: true });
    fs.rmSync(journal, { recursive: true, force: true });
    fs.cpSync(SAMPLE, journal, { recursive: true });
    fs.writeFileSync(path.join(journal, 'sessions', '2026-11-25.md'), HOSTILE_NOTE);
  });

  after(async () => {
    const { page } = workbench();
    await page.keyboard.press('Escape');
    await runCommand(page, 'View: Close All Editors').catch(() => undefined);
    fs.rmSync(journal, { recursive: true, force: true });
    fs.cpSync(path.join(saved, 'coaching'), journal, { recursive: true });
    fs.rmSync(path.join(workbench().workspace, '.vscode', 'settings.json'), { force: true });
  });

  it('opens from the command palette and draws the sample journal with its gaps', async () => {
    const { page } = workbench();
    await runCommand(page, 'Coaching: Open Values Map');
    // The hostile note is the last one written: wait until the map has it (the journal redraws live).
    const found = await findInWebview(page, 'svg.map g.node.kind-commitment >> text=alert(1)', 60_000);
    map = found.frame;
    const labels = await map.locator('svg.map g.node').evaluateAll((gs) => gs.map((g) => g.textContent ?? ''));
    for (const expected of ['Impact on people', 'Craft', 'Teaching', 'Time with family', 'Lead without the title', 'Linked to no value']) {
      assert.ok(labels.some((l) => l.includes(expected)), `the map shows "${expected}"`);
    }
    // Gaps in the last 30 days (the default period): Craft (its last commitment closed on 2026-10-19),
    // Lead without the title (no open commitment), the hostile commitment with no value (and its lane).
    // Time with family is not one: its commitment closed on 2026-11-02, within the period.
    const gaps = await map.locator('svg.map g.node.gap').evaluateAll((gs) => gs.map((g) => g.textContent ?? ''));
    for (const expected of ['Craft', 'Lead without the title', 'alert(1)', 'Linked to no value']) {
      assert.ok(gaps.some((l) => l.includes(expected)), `"${expected}" is marked as a gap (${gaps.join(' | ')})`);
    }
    assert.ok(!gaps.some((l) => l.includes('Time with family')), gaps.join(' | '));
    assert.strictEqual(await map.locator('svg.map g.node.gap rect.gap-mark').count(), gaps.length);
    const legend = await map.locator('.legend-gaps li').allInnerTexts();
    assert.deepStrictEqual(legend.map((l) => l.replace(/^◌\s*/, '')), [
      '1 value has no action in the last 30 days', '1 focus area has no open commitment', '1 commitment is linked to no value',
    ]);
    // The journal's rhythm, as `coaching-journal stats --today 2026-11-24` counts it for these notes:
    // 11 session notes (the hostile one is dated after today, so it is not in the streak), 12 of the 17
    // commitments closed, 11 of them done or partly.
    const stats = await map.locator('.legend-stats li').allInnerTexts();
    assert.deepStrictEqual(stats.map((l) => l.replace(/^·\s*/, '')), [
      '11 sessions', 'Streak: 10 sessions within 7 days of each other', 'Follow-through: 92% (11 of 12 closed done or partly; 5 open, 1 carried forward)',
    ]);
  });

  it('counts the gaps over the period chosen: none in the last 3 months', async () => {
    await map.locator('#period').selectOption('quarter');
    await map.locator('.legend-gaps li', { hasText: 'focus area' }).waitFor();
    await map.waitForFunction("!document.querySelector('svg.map g.node.gap.kind-value')");
    const legend = await map.locator('.legend-gaps li').allInnerTexts();
    assert.deepStrictEqual(legend.map((l) => l.replace(/^◌\s*/, '')), ['1 focus area has no open commitment', '1 commitment is linked to no value']);
    await map.locator('#period').selectOption('month');
    await map.locator('svg.map g.node.gap.kind-value', { hasText: 'Craft' }).waitFor();
  });

  it('shows hostile note text as text: no element is created and no script runs', async () => {
    const texts = await map.locator('svg.map g.node.kind-commitment text').allTextContents();
    assert.ok(texts.some((t) => t.includes('<img src=x') && t.includes('onerror="document.title=\'pwned\'">')), texts.join(' | '));
    assert.ok(texts.includes('</script><script>alert(1)</script>'), texts.join(' | '));
    assert.strictEqual(await map.locator('img').count(), 0);
    // VS Code adds its own script to the webview document; none may come from a note.
    const scripts = await map.locator('script').evaluateAll((ss) => ss.map((x) => `${x.getAttribute('src') ?? ''} ${x.textContent ?? ''}`));
    assert.strictEqual(scripts.filter((x) => x.includes('/media/map/map.js')).length, 1, scripts.join(' | '));
    assert.ok(!scripts.some((x) => x.includes('alert(1)')), scripts.join(' | '));
    assert.notStrictEqual(await map.evaluate('document.title'), 'pwned');
    assert.notStrictEqual(await workbench().page.title(), 'pwned');
    assert.deepStrictEqual(dialogs, []);
  });

  it('moves through the nodes with Tab, each one labelled for screen readers', async () => {
    const nodes = map.locator('svg.map g.node[role="button"]');
    assert.ok((await nodes.count()) >= 10);
    await nodes.first().focus();
    const first = (await map.evaluate("document.activeElement && document.activeElement.getAttribute('aria-label') || ''")) as string;
    await workbench().page.keyboard.press('Tab');
    const second = (await map.evaluate("document.activeElement && document.activeElement.getAttribute('aria-label') || ''")) as string;
    assert.match(first, /^Vision: /);
    assert.match(second, /^(Value|Focus area|Commitment): .*Press Enter to open the note\.$/);
    assert.match(await map.locator('.details').innerText(), /^(Value|Focus area|Commitment): /);
  });

  it('takes screenshots in the light and the dark theme', async () => {
    const { page } = workbench();
    // Room for the map: no side bar, no panel.
    await runCommand(page, 'View: Close Primary Side Bar').catch(() => page.keyboard.press('Escape'));
    await runCommand(page, 'View: Close Panel').catch(() => page.keyboard.press('Escape'));
    await useTheme('Default Light Modern');
    await map.locator('svg.map g.node.kind-commitment', { hasText: 'Offer Daniel' }).hover();
    await screenshot(page, 'values-map-light');
    await useTheme('Default Dark Modern');
    await map.locator('svg.map g.node.kind-commitment', { hasText: 'Offer Daniel' }).hover();
    await screenshot(page, 'values-map-dark');
  });

  it('opens the note of a commitment at its line when the commitment is clicked', async () => {
    const { page } = workbench();
    await map.locator('svg.map g.node.kind-commitment', { hasText: 'Offer Daniel' }).click();
    await page.locator('.tabs-container .tab.active', { hasText: '2026-11-23.md' }).waitFor();
    const lines = fs.readFileSync(path.join(journal, 'sessions', '2026-11-23.md'), 'utf8').split(/\r?\n/);
    const line = lines.findIndex((l) => l.includes('id: a-20261123-y9cj')) + 1;
    await page.locator('[id="status.editor.selection"]', { hasText: `Ln ${line},` }).waitFor();
    await screenshot(page, 'values-map-opened-note');
  });
});
