// Mocha root hooks (loaded with --require, see test/e2e/.mocharc.json): one workbench for the whole run,
// a screenshot of every failing test, everything stopped at the end.
import type { Context } from 'mocha';
import { screenshot } from './helpers';
import { startWorkbench, stopWorkbench, workbench } from './workbench';

export const mochaHooks = {
  async beforeAll(this: Context): Promise<void> {
    this.timeout(1_800_000); // first run installs code-server (~3 min) and maybe Debian packages
    await startWorkbench();
  },
  async afterEach(this: Context): Promise<void> {
    const test = this.currentTest;
    if (test?.state === 'failed') {
      const file = await screenshot(workbench().page, `failed-${test.fullTitle()}`).catch(() => undefined);
      if (file) {
        console.log(`      screenshot of the failure: ${file}`);
      }
    }
  },
  async afterAll(this: Context): Promise<void> {
    this.timeout(60_000);
    await stopWorkbench();
  },
};
