// Hostile note text where a person sees it in the workbench: a Commitments row, its hover and the
// Record Outcome quick pick show the text as text — no element, no icon, no link, no script — and a
// right-to-left override does not turn the row's description around.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { DEFAULT_TIMEOUT, quickInput, quickPickRow, runCommand, screenshot, viewPane } from './helpers';
import { workbench } from './workbench';

process.env.COACHING_TODAY = '2026-11-24';

const TEXTS = {
  img: '<img src=x onerror="document.title=\'pwned\'"> look',
  script: '</script><script>alert(1)</script> now',
  link: '[click](command:workbench.action.quit) to win',
  icon: '$(alert) attention please',
  markdown: '# Heading **bold** [a](https://example.invalid)',
  rtl: 'Plan \u202Ereversed tail',
  long: `Long ${'very '.repeat(300)}end`,
};

const NOTE_PATH = path.join('sessions', '2026-11-20.md');
const NOTE = [
  '---', 'type: coaching-session', 'id: s-2026-11-20', 'date: "2026-11-20"', 'actions:',
  ...Object.entries(TEXTS).map(([key, text], i) => [
    `  - id: a-20261120-h${String(i).padStart(3, '0')}`, `    text: ${JSON.stringify(text)}`, '    focus: strategic-work',
    `    success: ${JSON.stringify(`${key}: <b>done</b> [x](command:workbench.action.quit)`)}`, '    due: "2026-11-30"', '    status: open',
  ].join('\n')),
  '---', '',
].join('\n');

function activityButton(page: Page): Locator {
  return page.locator('.part.activitybar .action-item', { has: page.locator('.action-label[aria-label^="Coaching"]') }).first();
}

function row(pane: Locator, text: string): Locator {
  return pane.locator('.monaco-list-row', { has: pane.page().locator('.label-name', { hasText: text }) }).first();
}

describe('Hostile note text in the workbench', () => {
  const dialogs: string[] = [];
  let file: string;

  before(async () => {
    const { page, workspace } = workbench();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    file = path.join(workspace, 'coaching', NOTE_PATH);
    fs.writeFileSync(file, NOTE);
  });

  after(async () => {
    const { page } = workbench();
    await page.keyboard.press('Escape');
    fs.rmSync(file, { force: true });
    await runCommand(page, 'View: Show Explorer').catch(() => page.keyboard.press('Escape'));
  });

  it('shows the texts in the Commitments view as plain text, with no icon, element or link from a note', async function () {
    this.timeout(120_000);
    const { page } = workbench();
    const button = activityButton(page);
    await button.waitFor({ timeout: DEFAULT_TIMEOUT });
    if ((await button.getAttribute('class'))?.includes('checked') !== true) {
      await button.click();
    }
    const pane = viewPane(page, 'Commitments');
    for (const text of Object.values(TEXTS)) {
      const label = row(pane, text.slice(0, 4)).locator('.label-name');
      await label.waitFor({ timeout: DEFAULT_TIMEOUT });
    }
    const labels = await pane.locator('.monaco-list-row .label-name').allTextContents();
    for (const [key, text] of Object.entries(TEXTS)) {
      const shown = labels.find((l) => l.replace(/[\u2068\u2069]/g, '') === text);
      assert.ok(shown !== undefined, `${key}: ${JSON.stringify(text.slice(0, 60))} is a row, as written (rows: ${labels.map((l) => l.slice(0, 40)).join(' | ')})`);
    }
    for (const selector of ['img', 'script', 'a[href]', '.codicon-alert']) {
      assert.strictEqual(await pane.locator(`.monaco-list-row .label-name ${selector}`).count(), 0, `no ${selector} in a row's label`);
    }
    // The override stays inside the label: the row's description reads the right way round.
    const rtlRow = row(pane, 'Plan');
    assert.strictEqual((await rtlRow.locator('.label-description').innerText()).trim(), 'due in 6 days');
    await page.mouse.move(0, 0);
    await screenshot(page, 'hostile-commitments-view');
  });

  it('shows a row\'s hover with the texts escaped: no element, no link', async function () {
    this.timeout(60_000);
    const { page } = workbench();
    const pane = viewPane(page, 'Commitments');
    await row(pane, TEXTS.link.slice(0, 20)).hover();
    const hover = page.locator('.workbench-hover:visible, .monaco-hover:visible').filter({ hasText: 'link: ' }).first();
    await hover.waitFor({ timeout: DEFAULT_TIMEOUT });
    const text = (await hover.innerText()).replace(/\u00a0/g, ' ');
    assert.ok(text.includes(TEXTS.link), text);
    assert.ok(text.includes('link: <b>done</b> [x](command:workbench.action.quit)'), text);
    for (const selector of ['a', 'img', 'b', 'script', 'h1']) {
      assert.strictEqual(await hover.locator(selector).count(), 0, `no <${selector}> in the hover`);
    }
    await screenshot(page, 'hostile-hover');
    await row(pane, TEXTS.img.slice(0, 20)).hover();
    const imgHover = page.locator('.workbench-hover:visible, .monaco-hover:visible').filter({ hasText: 'img: ' }).first();
    await imgHover.waitFor({ timeout: DEFAULT_TIMEOUT });
    assert.ok((await imgHover.innerText()).replace(/\u00a0/g, ' ').includes(TEXTS.img));
    assert.strictEqual(await imgHover.locator('img').count(), 0);
    await page.mouse.move(0, 0);
  });

  it('lists the texts in the Record Outcome quick pick as text, and nothing ran', async function () {
    this.timeout(60_000);
    const { page } = workbench();
    await runCommand(page, 'Coaching: Record Outcome');
    for (const text of [TEXTS.icon, TEXTS.script, TEXTS.link]) {
      await quickPickRow(page, text).waitFor({ timeout: DEFAULT_TIMEOUT });
    }
    const list = quickInput(page).locator('.quick-input-list');
    for (const selector of ['img', 'script', 'a[href]', '.codicon-alert']) {
      assert.strictEqual(await list.locator(selector).count(), 0, `no ${selector} in the quick pick`);
    }
    // The override stays inside the label: the row's description reads the right way round.
    assert.strictEqual((await quickPickRow(page, 'Plan').locator('.label-description').first().innerText()).trim(), 'due in 6 days');
    await screenshot(page, 'hostile-quick-pick');
    await page.keyboard.press('Escape');
    assert.notStrictEqual(await page.title(), 'pwned');
    assert.deepStrictEqual(dialogs, []);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), NOTE, 'Escape wrote nothing');
  });
});
