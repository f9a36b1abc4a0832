// Debian's Chromium driven by playwright-core (which downloads no browser of its own), headless, with a
// throwaway profile; closed at cleanup.
import * as path from 'path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { Tools } from './install';
import { step } from './log';
import { onCleanup, tempDir } from './processes';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox', // we run as root in CI
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
}

export async function launchBrowser(tools: Tools): Promise<Browser> {
  const home = tempDir('chromium');
  const userDataDir = path.join(home, 'profile');
  const context = await step('launching Chromium', 60_000, () =>
    chromium.launchPersistentContext(userDataDir, {
      executablePath: tools.chromium,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: CHROMIUM_ARGS,
      // Crashpad writes "Crash Reports" under the XDG config dir, not the profile: keep it in our temp dir.
      env: { ...process.env, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache') },
      timeout: 60_000,
    }),
  );
  onCleanup(() => context.close().catch(() => undefined));
  // Generous defaults: on a loaded 2-core CI machine the workbench takes tens of seconds to load.
  context.setDefaultNavigationTimeout(90_000);
  context.setDefaultTimeout(30_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}
