// The code-server + Chromium session shared by all e2e tests of a run: started once by the root hooks
// (hooks.ts), with the packaged VSIX installed in a fresh profile and a copy of the fixture journal open.
import * as fs from 'fs';
import { Page } from 'playwright-core';
import { launchBrowser } from '../harness/browser';
import { createProfile, installExtension, startCodeServer } from '../harness/codeServer';
import { ensureTools } from '../harness/install';
import { log, step } from '../harness/log';
import { fixtureWorkspace, screenshotsDir, vsixPath } from '../harness/paths';
import { cleanupAll, installSignalHandlers } from '../harness/processes';
import { copyWorkspace } from '../harness/workspace';
import { waitForWorkbench } from './helpers';

export interface Workbench {
  page: Page;
  /** Absolute path of the journal copy opened in the workbench (tests may read and write it). */
  workspace: string;
  url: string;
}

let current: Workbench | undefined;

export function workbench(): Workbench {
  if (!current) {
    throw new Error('the e2e workbench is not started: run e2e tests with `npm run test:e2e` (root hooks)');
  }
  return current;
}

export async function startWorkbench(): Promise<Workbench> {
  installSignalHandlers();
  fs.rmSync(screenshotsDir, { recursive: true, force: true });
  const tools = await ensureTools();
  const profile = createProfile();
  await installExtension(tools, profile, vsixPath);
  const workspace = copyWorkspace(fixtureWorkspace, 'e2e');
  const server = await startCodeServer({ tools, profile, name: 'code-server-e2e' });
  const { page } = await launchBrowser(tools);
  const url = server.folderUrl(workspace);
  await step('waiting for the workbench', 180_000, async () => {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 90_000 });
    await waitForWorkbench(page, 90_000);
  });
  log(`workbench ready: ${url}`);
  current = { page, workspace, url };
  return current;
}

export async function stopWorkbench(): Promise<void> {
  current = undefined;
  await cleanupAll();
}
