// Small, reusable ways to drive the workbench like a person. Selectors are VS Code's own DOM classes;
// each wait has a timeout so a missing element fails the test instead of hanging it.
import * as fs from 'fs';
import * as path from 'path';
import { Frame, Locator, Page } from 'playwright-core';
import { screenshotsDir } from '../harness/paths';

export const DEFAULT_TIMEOUT = 30_000; // generous: CI machines are shared and a loaded one renders slowly

/** Waits until the workbench has rendered (the page is a blank shell before that). */
export async function waitForWorkbench(page: Page, timeout = 60_000): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout });
  await page.locator('.part.statusbar').waitFor({ timeout });
}

/** The quick-input widget (command palette, quick open, quick picks). */
export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget');
}

/**
 * Opens the command palette (F1) and types `>title` until a row with that title shows. The palette lists
 * the commands registered when it opened, and commands of extensions (and some of VS Code's own) register
 * while the extension host starts: if the row is not there after a few seconds, close and reopen.
 */
export async function showInPalette(page: Page, title: string, timeout = DEFAULT_TIMEOUT): Promise<Locator> {
  const deadline = Date.now() + timeout;
  const input = quickInput(page).locator('input');
  for (;;) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout });
    await input.fill(`>${title}`);
    const row = quickPickRow(page, title);
    const wait = Math.max(1_000, Math.min(5_000, deadline - Date.now()));
    if (await row.waitFor({ timeout: wait }).then(() => true, () => false)) {
      return row;
    }
    if (Date.now() >= deadline) {
      throw new Error(`command palette: no "${title}" after ${timeout / 1000}s`);
    }
    await page.keyboard.press('Escape');
    await input.waitFor({ state: 'hidden', timeout });
  }
}

/** Runs a command by its title from the command palette, as a person would: F1, type, Enter. */
export async function runCommand(page: Page, title: string, timeout = DEFAULT_TIMEOUT): Promise<void> {
  await showInPalette(page, title, timeout);
  await page.keyboard.press('Enter');
}

/** A row of the open quick pick whose label contains `text`. */
export function quickPickRow(page: Page, text: string): Locator {
  return quickInput(page).locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
}

/** Picks `text` in the open quick pick. */
export async function pick(page: Page, text: string, timeout = DEFAULT_TIMEOUT): Promise<void> {
  const row = quickPickRow(page, text);
  await row.waitFor({ timeout });
  await row.click();
}

/** Opens a workspace file by name through Quick Open (Ctrl+P). */
export async function openFile(page: Page, fileName: string, timeout = DEFAULT_TIMEOUT): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = quickInput(page).locator('input');
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(fileName);
  await quickPickRow(page, fileName).waitFor({ timeout });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab', { hasText: fileName }).first().waitFor({ timeout });
}

/**
 * A view's pane (e.g. a tree view contributed by the extension), found by its header title. Scope checks
 * to it: the Explorer lists file names too, so a bare text search would find them there.
 */
export function viewPane(page: Page, title: string): Locator {
  return page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) }).first();
}

/** Expands a collapsed pane (its header toggles it). */
export async function expandPane(pane: Locator): Promise<void> {
  const header = pane.locator('.pane-header').first();
  if ((await header.getAttribute('aria-expanded')) !== 'true') {
    await header.click();
  }
}

/**
 * The first element matching `selector` inside a webview. Webviews render in nested iframes
 * (iframe.webview → iframe#active-frame), so this searches every frame of the page until one has it.
 */
export async function findInWebview(
  page: Page,
  selector: string,
  timeout = DEFAULT_TIMEOUT,
): Promise<{ frame: Frame; element: Locator }> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) {
        continue;
      }
      const element = frame.locator(selector).first();
      if ((await element.count().catch(() => 0)) > 0) {
        return { frame, element };
      }
    }
    if (Date.now() > deadline) {
      throw new Error(`no webview contains ${selector} after ${timeout / 1000}s`);
    }
    await page.waitForTimeout(250);
  }
}

/** Saves test-results/screenshots/<name>.png (look at them: they show what a person would see). */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotsDir, { recursive: true });
  const file = path.join(screenshotsDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file });
  return file;
}
