// Start Session driven from the command palette in the browser, as a person would: check-in on two
// commitments with learnings, one new commitment; then the files on disk are what the person typed.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../harness/paths';
import { DEFAULT_TIMEOUT, pick, quickInput, runCommand, screenshot } from './helpers';
import { workbench } from './workbench';

// Read by the extension host (code-server passes its environment on): "today" for overdue and due dates.
process.env.COACHING_TODAY = '2026-11-24';

const FIXTURE = path.join(repoRoot, 'test', 'fixtures', 'commands', 'coaching');

/** Waits for the quick input to ask `question` (an input box's prompt or a quick pick's placeholder). */
async function asked(page: Page, question: string): Promise<void> {
  const widget = quickInput(page);
  await widget.locator('.quick-input-message', { hasText: question })
    .or(widget.locator(`input[placeholder*="${question.replace(/"/g, '\\"')}"]`))
    .or(widget.locator('.quick-input-header', { hasText: question }))
    .first().waitFor({ timeout: DEFAULT_TIMEOUT });
}

/** Types an answer into the open input box and presses Enter. */
async function type(page: Page, question: string, text: string): Promise<void> {
  await asked(page, question);
  const input = quickInput(page).locator('input.input');
  await input.fill(text);
  await page.keyboard.press('Enter');
}

async function choose(page: Page, question: string, label: string): Promise<void> {
  await asked(page, question);
  await pick(page, label);
}

async function accept(page: Page, question: string): Promise<void> {
  await asked(page, question);
  await page.keyboard.press('Enter');
}

/** Runs a palette command once the extension has contributed it (the extension host may still be starting). */
async function runWhenAvailable(page: Page, title: string, timeout = 90_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      await runCommand(page, title, 5_000);
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
      await page.keyboard.press('Escape');
      await page.waitForTimeout(2_000);
    }
  }
}

function read(journal: string, rel: string): string {
  return fs.readFileSync(path.join(journal, rel), 'utf8');
}

describe('Start Session from the command palette', () => {
  it('checks in on two commitments with learnings, makes a new commitment, and writes what the person typed', async function () {
    this.timeout(180_000);
    const { page, workspace } = workbench();
    const journal = path.join(workspace, 'coaching');
    for (const name of fs.readdirSync(journal)) {
      fs.rmSync(path.join(journal, name), { recursive: true, force: true });
    }
    fs.cpSync(FIXTURE, journal, { recursive: true });
    await page.waitForTimeout(3000); // the extension's file watcher reads the new journal

    // A clean workbench for the screenshots: earlier tests leave editors and panels open.
    for (const title of ['View: Close All Editors', 'View: Hide Panel', 'View: Show Explorer']) {
      await runCommand(page, title, 5_000).catch(() => page.keyboard.press('Escape'));
    }
    await runWhenAvailable(page, 'Coaching: Start Session');
    await asked(page, 'check-in 1 of 2');
    await screenshot(page, '10-start-session-check-in');
    await choose(page, 'check-in 1 of 2', 'Not done');
    await asked(page, 'What did you learn about yourself from not doing it?');
    await quickInput(page).locator('input.input').fill('I stall when I have never seen a good example.');
    await screenshot(page, '11-start-session-learning');
    await page.keyboard.press('Enter');

    await choose(page, 'check-in 2 of 2', 'Done');
    await type(page, 'What did you learn from doing it?', 'Pairing finds causes faster than reading logs.');
    await type(page, 'What did you learn from its outcome?', 'The team trusts the test suite again.');

    await type(page, 'What is this session for?', 'Decide how to show strategic thinking this quarter');
    await type(page, 'Another goal for this session?', '');
    await asked(page, 'Which focus areas today?');
    await screenshot(page, '12-start-session-focus');
    await page.keyboard.press('Enter');

    await asked(page, 'one small, specific action');
    await quickInput(page).locator('input.input').fill('Ask Priya for two past proposals and note what makes them work');
    await screenshot(page, '13-start-session-commitment');
    await page.keyboard.press('Enter');
    await choose(page, 'Which focus area does', 'Show strategic thinking');
    await accept(page, 'Which values does it serve?');
    await type(page, 'What does success look like?', 'I can list five traits of a strong proposal');
    await asked(page, 'Due date');
    assert.strictEqual(await quickInput(page).locator('input.input').inputValue(), '2026-12-01', 'due: next session by the cadence');
    await page.keyboard.press('Enter');
    await choose(page, 'Add another commitment?', 'No, one is enough');

    await page.locator('.tabs-container .tab', { hasText: '2026-11-24.md' }).first().waitFor({ timeout: DEFAULT_TIMEOUT });
    // The cursor waits in the free-writing part, under "## Notes".
    await page.locator('.statusbar-item', { hasText: 'Ln 41, Col 1' }).first().waitFor({ timeout: DEFAULT_TIMEOUT });
    await screenshot(page, '14-start-session-note');

    const note = read(journal, 'sessions/2026-11-24.md');
    const id = /a-20261124-[0-9a-z]{4}/.exec(note)?.[0];
    assert.ok(id, 'the new commitment has an id');
    assert.strictEqual(note, [
      '---',
      'type: coaching-session',
      'id: s-2026-11-24',
      'date: "2026-11-24"',
      'goals: ["Decide how to show strategic thinking this quarter"]',
      'focus: [execution, strategic-work]',
      'checkin:',
      '  - action: a-20261110-k3v9',
      '    outcome: not-done',
      '    learnings:',
      '      - lens: not-doing',
      '        text: "I stall when I have never seen a good example."',
      '  - action: a-20261117-7q2m',
      '    outcome: done',
      '    learnings:',
      '      - lens: doing',
      '        text: "Pairing finds causes faster than reading logs."',
      '      - lens: outcome',
      '        text: "The team trusts the test suite again."',
      'actions:',
      `  - id: ${id}`,
      '    text: "Ask Priya for two past proposals and note what makes them work"',
      '    focus: strategic-work',
      '    values: [impact]',
      '    success: "I can list five traits of a strong proposal"',
      '    due: "2026-12-01"',
      '    status: open',
      '---',
      '',
      '> **Vision:** In two years I lead a platform area known for making other teams faster.',
      '>',
      '> **Goal:** Promotion to Senior Engineer in the spring 2027 cycle',
      '',
      "**Values in today's focus**",
      '',
      "- Impact on people: I want my work to make others' days better",
      '- Craft',
      '',
      '## Notes',
      '',
      '',
      '',
    ].join('\n'));
    assert.strictEqual(read(journal, 'sessions/2026-11-10.md'), read(FIXTURE, 'sessions/2026-11-10.md')
      .replace('    status: open   # still open\r\n', '    status: not-done   # still open\r\n    closed: "2026-11-24"\r\n'));
    assert.strictEqual(read(journal, 'sessions/2026-11-17.md'), read(FIXTURE, 'sessions/2026-11-17.md')
      .replace('    status: open\n', '    status: done\n    closed: "2026-11-24"\n'));
    for (const rel of ['big-picture.md', 'focus-areas/execution.md', 'focus-areas/mentoring.md', 'focus-areas/strategic-work.md']) {
      assert.strictEqual(read(journal, rel), read(FIXTURE, rel), `${rel} is unchanged`);
    }
  });
});
