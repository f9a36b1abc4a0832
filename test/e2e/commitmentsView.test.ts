// The Commitments view in the browser, as a person meets it: the sample journal's open commitments with
// the overdue one first, the badge; then Record Outcome from the row's inline action, and both the view
// and the note on disk change.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { DEFAULT_TIMEOUT, pick, quickInput, runCommand, screenshot, viewPane } from './helpers';
import { workbench } from './workbench';

// Read by the extension host (code-server passes its environment on): "today" for overdue and due dates.
process.env.COACHING_TODAY = '2026-11-24';

const SAMPLE = path.resolve(__dirname, '..', '..', '..', 'sample', 'coaching');
const OVERDUE = 'Ask Helen what she thinks the platform underinvests in';
const OTHERS = [
  "List the three decisions I made this half that changed other teams' work, with evidence",
  'Offer Daniel a draft of the sponsor-role write-up before his planning week',
];
const LEARNING = 'Asking before proposing made her an ally, not a reviewer.';

/** The Coaching container's button in the activity bar. */
function activityButton(page: Page): Locator {
  return page.locator('.part.activitybar .action-item', { has: page.locator('.action-label[aria-label^="Coaching"]') }).first();
}

/** The labels of the view's rows, top to bottom. */
async function rowLabels(pane: Locator): Promise<string[]> {
  return pane.locator('.monaco-list-row .label-name').allInnerTexts();
}

function row(pane: Locator, label: string): Locator {
  return pane.locator('.monaco-list-row', { has: pane.page().locator('.label-name', { hasText: label }) }).first();
}

/** Drags the side bar's right edge until the side bar is `width` pixels wide; returns its width before. */
async function widenSideBar(page: Page, width: number): Promise<number> {
  const box = await page.locator('.part.sidebar').boundingBox();
  assert.ok(box, 'the side bar is shown');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 5 });
  await page.mouse.up();
  return box.width;
}

describe('Commitments view in the browser', () => {
  let sideBarWidth: number | undefined;
  let saved: string;
  let journal: string;

  before(async () => {
    // The sample journal: swap it in for the fixture, put it back after.
    const { page, workspace } = workbench();
    journal = path.join(workspace, 'coaching');
    saved = fs.mkdtempSync(path.join(os.tmpdir(), 'cj-commitments-e2e-'));
    fs.cpSync(journal, path.join(saved, 'coaching'), { recursive: true });
    for (const name of fs.readdirSync(journal)) {
      fs.rmSync(path.join(journal, name), { recursive: true, force: true });
    }
    fs.cpSync(SAMPLE, journal, { recursive: true });
    await page.waitForTimeout(3000); // the extension's file watcher reads the new journal
  });

  after(async () => {
    const { page } = workbench();
    await page.keyboard.press('Escape');
    await runCommand(page, 'View: Close All Editors').catch(() => undefined);
    if (sideBarWidth !== undefined) {
      await widenSideBar(page, sideBarWidth).catch(() => undefined);
    }
    // The tests that follow expect the Explorer.
    await runCommand(page, 'View: Show Explorer').catch(() => page.keyboard.press('Escape'));
    for (const name of fs.readdirSync(journal)) {
      fs.rmSync(path.join(journal, name), { recursive: true, force: true });
    }
    fs.cpSync(path.join(saved, 'coaching'), journal, { recursive: true });
    fs.rmSync(saved, { recursive: true, force: true });
  });

  it('shows the overdue commitment first with a warning and a badge; Record Outcome inline closes it in the view and the file', async function () {
    this.timeout(180_000);
    const { page } = workbench();
    // A clean workbench for the screenshots: earlier tests leave editors and panels open.
    for (const title of ['View: Close All Editors', 'View: Hide Panel']) {
      await runCommand(page, title, 5_000).catch(() => page.keyboard.press('Escape'));
    }
    const button = activityButton(page);
    await button.waitFor({ timeout: DEFAULT_TIMEOUT });
    if ((await button.getAttribute('class'))?.includes('checked') !== true) {
      await button.click(); // the item, not its label: the badge covers part of the label
    }
    // Wide enough to read the commitments and their due dates: drag the side bar's edge.
    sideBarWidth = await widenSideBar(page, 560);
    const pane = viewPane(page, 'Commitments');
    const overdueRow = row(pane, OVERDUE);
    await overdueRow.waitFor({ timeout: DEFAULT_TIMEOUT });
    await row(pane, OTHERS[1]).waitFor({ timeout: DEFAULT_TIMEOUT });

    // Grouped by focus area: the group holding the overdue commitment first (the journal lists it second),
    // and the overdue commitment first in its group.
    assert.deepStrictEqual(await rowLabels(pane), [
      'Think and propose beyond my team', OVERDUE, OTHERS[0],
      'Help Daniel with what he struggles with most', OTHERS[1],
    ]);
    assert.strictEqual((await overdueRow.locator('.label-description').innerText()).trim(), '8 days overdue');
    assert.strictEqual(await overdueRow.locator('.codicon-warning').count(), 1, 'a warning icon');
    assert.strictEqual((await row(pane, OTHERS[0]).locator('.label-description').innerText()).trim(), 'due in 6 days');
    assert.strictEqual(await row(pane, OTHERS[0]).locator('.codicon-warning').count(), 0);
    assert.strictEqual((await row(pane, 'Think and propose').locator('.label-description').innerText()).trim(), '2 open · 1 overdue');
    const badge = button.locator('.badge .badge-content');
    await badge.waitFor({ timeout: DEFAULT_TIMEOUT });
    assert.strictEqual((await badge.innerText()).trim(), '1');
    await page.locator('.part.statusbar .statusbar-item', { hasText: '3 open · 1 overdue' }).first().waitFor({ timeout: DEFAULT_TIMEOUT });
    await page.mouse.move(0, 0);
    await screenshot(page, '20-commitments-view');

    // Hover the overdue row: its inline actions show; Record Outcome asks the outcome, then the learning.
    await overdueRow.hover();
    const action = overdueRow.locator('.actions .action-label[aria-label="Record Outcome"]');
    await action.waitFor({ state: 'visible', timeout: DEFAULT_TIMEOUT });
    await action.click();
    await quickInput(page).locator('input[placeholder="How did it go?"]').waitFor({ timeout: DEFAULT_TIMEOUT });
    await pick(page, 'Done');
    await quickInput(page).locator('.quick-input-message', { hasText: 'What did you learn from doing it?' }).waitFor({ timeout: DEFAULT_TIMEOUT });
    await quickInput(page).locator('input.input').fill(LEARNING);
    await page.keyboard.press('Enter');

    // The view follows the file: the row is gone, the badge with it, the group counts one open.
    await overdueRow.waitFor({ state: 'detached', timeout: DEFAULT_TIMEOUT });
    await badge.waitFor({ state: 'hidden', timeout: DEFAULT_TIMEOUT });
    await page.locator('.part.statusbar .statusbar-item', { hasText: '2 open' }).first().waitFor({ timeout: DEFAULT_TIMEOUT });
    assert.deepStrictEqual(await rowLabels(pane), [
      'Help Daniel with what he struggles with most', OTHERS[1],
      'Think and propose beyond my team', OTHERS[0],
    ]);
    assert.strictEqual((await row(pane, 'Think and propose').locator('.label-description').innerText()).trim(), '1 open');

    const note = fs.readFileSync(path.join(journal, 'sessions', '2026-11-09.md'), 'utf8');
    const before = fs.readFileSync(path.join(SAMPLE, 'sessions', '2026-11-09.md'), 'utf8');
    assert.strictEqual(note, before.replace(
      '    due: "2026-11-16"\n    status: open\n',
      `    due: "2026-11-16"\n    status: done\n    closed: "2026-11-24"\n    learnings:\n      - lens: doing\n        text: "${LEARNING}"\n`,
    ));
    await page.mouse.move(0, 0);
    await screenshot(page, '21-after-outcome');
  });
});
