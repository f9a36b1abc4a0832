// Where things live. Compiled to out/test/harness/, so the repository root is three levels up.
import * as path from 'path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** Ignored cache of tools the harness installs on first use (see .gitignore). Override with VSCODE_TEST_CACHE. */
export const cacheDir = process.env.VSCODE_TEST_CACHE
  ? path.resolve(process.env.VSCODE_TEST_CACHE)
  : path.join(repoRoot, '.vscode-test');

/** Ignored folder for screenshots and logs a person looks at after a run. */
export const resultsDir = path.join(repoRoot, 'test-results');
export const screenshotsDir = path.join(resultsDir, 'screenshots');
export const logsDir = path.join(resultsDir, 'logs');

/** Journal copied into a temp dir for integration and e2e runs (tests may write to the copy). */
export const fixtureWorkspace = path.join(repoRoot, 'test', 'fixtures', 'workspace');

/** The realistic sample journal shown by `npm run demo`; the fixture stands in until it exists. */
export const sampleWorkspace = path.join(repoRoot, 'sample');

/** Built by `npm run package` (see package.json). */
export const vsixPath = path.join(repoRoot, 'coaching-journal.vsix');

/** Compiled mocha suite index loaded by the extension host (no `.js`: the workbench adds it). */
export const integrationSuite = path.join(repoRoot, 'out', 'test', 'integration', 'index');

/** The suite run with VS Code's git extension off (disabled by setting, or not there at all). */
export const gitOffSuite = path.join(repoRoot, 'out', 'test', 'integrationGitOff', 'index');

// Pinned tool versions: code-server 4.139.1 is VS Code 1.139.1 and refuses any Node but 24.
export const NODE24_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
