// npm run test:desktop — the same integration suite (test/integration/) in desktop VS Code, through
// @vscode/test-electron, for a contributor's machine with internet: it downloads VS Code into
// .vscode-test/ on first use. (On the CI machines, which reach no VS Code download, `npm run
// test:integration` runs the suite in code-server instead; here this fails with ENOTFOUND.)
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { log } from './log';
import { cacheDir, fixtureWorkspace, integrationSuite, repoRoot } from './paths';
import { cleanupAll, installSignalHandlers, tempDir } from './processes';
import { copyWorkspace } from './workspace';

async function main(): Promise<number> {
  installSignalHandlers();
  const workspace = copyWorkspace(fixtureWorkspace, 'desktop');
  const profile = tempDir('desktop-profile');
  log(`running the integration suite in desktop VS Code (${process.env.VSCODE_VERSION ?? 'stable'})`);
  return runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    cachePath: cacheDir,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: integrationSuite,
    launchArgs: [
      workspace,
      '--disable-extensions', // other installed extensions stay out of the way; ours is the development one
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir',
      path.join(profile, 'user-data'),
      '--extensions-dir',
      path.join(profile, 'extensions'),
    ],
  });
}

main()
  .catch((error: unknown) => {
    console.error(`test:desktop: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  })
  .then(async (code) => {
    await cleanupAll();
    process.exit(code);
  });
