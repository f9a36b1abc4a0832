// npm run test:integration — runs test/integration/ INSIDE code-server's real extension host.
// code-server has no --extensionTestsPath; its workbench reads extensionDevelopmentPath/extensionTestsPath
// from the page URL's `payload` when started with the smoke-test driver, and calls the page's
// window.codeAutomationExit(code) when the suite's run() settles. Chromium only hosts the page; mocha's
// output arrives as browser console messages, which we print.
//
// Then two small runs of test/integrationGitOff/, each in a code-server of its own, because VS Code's git
// extension reads `git.enabled` only when it starts: one with `git.enabled: false` in the user settings,
// one with the git extension not there at all (VS Code's server skips the built-in extensions named in
// VSCODE_SKIP_BUILTIN_EXTENSIONS; code-server's `--disable-extension` does not reach the remote extension
// host). The browser is shared.
//
// With --restricted (npm run test:integration:restricted): workspace trust stays on and nobody trusted
// the folder, so the workbench opens it in restricted mode; the workspace's settings turn on
// coaching.autoCommit and a session template; only test/integration/restricted/ runs.
//
// With INTEGRATION_SUITE (and INTEGRATION_WORKSPACE): that suite alone on a copy of that folder — the
// benchmark's measurements in the extension host (bench/host.ts).
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import type { BrowserContext, ConsoleMessage } from 'playwright-core';
import { launchBrowser } from './browser';
import { createProfile, RESTRICTED_MODE_SETTINGS, startCodeServer } from './codeServer';
import { extensionTestUrl, isNoise, parseMochaSummary, stripStyleArgs, SUITE_START_MARKER, type MochaSummary } from './extHostConsole';
import { ensureTools, type Tools } from './install';
import { log, step, withTimeout } from './log';
import { fixtureWorkspace, gitOffSuite, integrationSuite, logsDir, repoRoot } from './paths';
import { cleanupAll, installSignalHandlers } from './processes';
import { copyWorkspace } from './workspace';

/** The restricted run's workspace settings: what an untrusted repository might ask for. */
const RESTRICTED_WORKSPACE_SETTINGS = {
  'coaching.autoCommit': true,
  'coaching.sessionTemplate': 'templates/session.md',
  'files.autoSave': 'off',
};

// The whole suite, ~1 min on a quiet machine; the shared 2-CPU machines at load 15–20 need several times that.
const SUITE_TIMEOUT_MS = Number(process.env.INTEGRATION_TIMEOUT_MS ?? 900_000);

interface SuiteRun {
  /** Names the code-server and console log files. */
  name: string;
  /** Compiled suite index (no `.js`). */
  suite: string;
  /** User settings on top of the harness's quiet ones. */
  settings?: Record<string, unknown>;
  /** Extra environment of code-server, and so of the extension host. */
  env?: Record<string, string>;
  /** The folder copied as the workspace (default: the fixture workspace). */
  workspaceSource?: string;
  /** Workspace trust on (the folder opens in restricted mode). */
  workspaceTrust?: boolean;
  /** Changes the workspace copy before code-server opens it. */
  prepare?: (workspace: string) => void;
}

const RESTRICTED_RUN: SuiteRun = {
  name: 'integration-restricted', suite: integrationSuite, settings: RESTRICTED_MODE_SETTINGS, workspaceTrust: true,
  env: { COACHING_INTEGRATION_SUITE: 'restricted' },
  prepare: (workspace) => {
    fs.mkdirSync(path.join(workspace, '.vscode'));
    fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify(RESTRICTED_WORKSPACE_SETTINGS, null, 2));
    fs.mkdirSync(path.join(workspace, 'templates'));
    fs.writeFileSync(path.join(workspace, 'templates', 'session.md'), 'From the workspace template.\n');
  },
};

/** The git-off runs, by the value of COACHING_GIT_OFF their suite sees. */
const GIT_OFF_RUNS: SuiteRun[] = [
  { name: 'integration-git-disabled', suite: gitOffSuite, settings: { 'git.enabled': false }, env: { COACHING_GIT_OFF: 'disabled' } },
  { name: 'integration-git-missing', suite: gitOffSuite, env: { COACHING_GIT_OFF: 'missing', VSCODE_SKIP_BUILTIN_EXTENSIONS: 'vscode.git' } },
];

async function main(): Promise<number> {
  installSignalHandlers();
  const only = process.env.INTEGRATION_SUITE ? path.resolve(process.env.INTEGRATION_SUITE) : undefined;
  for (const suite of only ? [only] : [integrationSuite, gitOffSuite]) {
    if (!fs.existsSync(`${suite}.js`)) {
      throw new Error(`${suite}.js not found: run "npm run build:tests" first`);
    }
  }
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js not found: run "npm run build" first');
  }
  const tools = await ensureTools();
  const { context } = await launchBrowser(tools);
  const grep = process.env.INTEGRATION_GREP;
  const runs: SuiteRun[] = [];
  if (only) {
    runs.push({ name: 'integration', suite: only, workspaceSource: process.env.INTEGRATION_WORKSPACE ? path.resolve(process.env.INTEGRATION_WORKSPACE) : undefined });
  } else if (process.argv.includes('--restricted')) {
    runs.push(RESTRICTED_RUN);
  } else {
    runs.push({ name: 'integration', suite: integrationSuite, env: { COACHING_INTEGRATION_SUITE: 'main' } });
    // With INTEGRATION_GREP, the git-off runs only when the pattern picks their tests.
    if (!grep || new RegExp(grep).test('Commit Journal when git is off')) {
      runs.push(...GIT_OFF_RUNS);
    }
  }
  let worst = 0;
  const total = { passing: 0, failing: 0 };
  for (const run of runs) {
    const { code, summary } = await runSuite(tools, context, run, !grep || run.suite === integrationSuite);
    log(`${run.name}: exit code ${code}`);
    worst = worst || code;
    total.passing += summary?.passing ?? 0;
    total.failing += summary?.failing ?? 0;
  }
  // The totals of all runs, in mocha's words, last (test/run-all.mjs reads the last ones).
  console.log(`\nAll integration runs (${runs.map((r) => r.name).join(', ')}):\n  ${total.passing} passing\n  ${total.failing} failing`);
  return worst;
}

/** One code-server with its own profile and workspace copy, one page, one mocha run in its extension host. */
async function runSuite(tools: Tools, context: BrowserContext, run: SuiteRun, mustRunTests: boolean): Promise<{ code: number; summary?: MochaSummary }> {
  const workspace = copyWorkspace(run.workspaceSource ?? fixtureWorkspace, run.name);
  run.prepare?.(workspace);
  const server = await startCodeServer({
    tools, profile: createProfile(undefined, run.settings), smokeTestDriver: true, name: `code-server-${run.name}`,
    workspaceTrust: run.workspaceTrust, env: { ...process.env, ...run.env },
  });
  const page = await context.newPage();
  try {
    // Everything the page logs goes to a file. The extension host's console (mocha) is relayed in the
    // same '%c INFO' shape as the workbench's own log lines, so only what follows the suite's start marker
    // is printed; the workbench's start-up chatter and offline errors stay in the file.
    const consoleLog = fs.createWriteStream(path.join(logsDir, `${run.name}-console.log`));
    let transcript = '';
    let suiteStarted = false;
    // Messages are handled one after the other (reading their arguments is async), so lines keep their order.
    let relay = Promise.resolve();
    page.on('console', (message) => {
      relay = relay.then(() => relayConsole(message));
    });
    const relayConsole = async (message: ConsoleMessage): Promise<void> => {
      let args: unknown[];
      try {
        args = await Promise.all(message.args().map((arg) => arg.jsonValue()));
      } catch {
        args = [message.text()];
      }
      const line = util.format(...stripStyleArgs(args));
      consoleLog.write(`[${message.type()}] ${line}\n`);
      if (line.includes(SUITE_START_MARKER)) {
        suiteStarted = true;
        return;
      }
      if (isNoise(line)) {
        return;
      }
      if ((suiteStarted && message.text().startsWith('%c')) || process.env.VERBOSE === '1') {
        transcript += `${line}\n`;
        console.log(line);
      }
    };
    const exitCode = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });

    const url = extensionTestUrl({
      port: server.port,
      folder: workspace,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: run.suite,
    });
    await step(`opening the workbench (${run.name})`, 120_000, () => page.goto(url, { waitUntil: 'domcontentloaded', timeout: 90_000 }));
    log(`running ${run.name} in the extension host`);
    const code = await step(run.name, SUITE_TIMEOUT_MS, () => exitCode);
    await withTimeout(relay, 10_000, 'reading the last console messages').catch(() => undefined);
    consoleLog.end();

    const summary = parseMochaSummary(transcript);
    log(`extension host exited with code ${code}`);
    if (!summary) {
      log(`no mocha summary seen: did the suite load? (see test-results/logs/${run.name}-console.log)`);
      return { code: code === 0 ? 3 : code };
    }
    if (summary.passing + summary.failing === 0 && mustRunTests) {
      log('the suite ran no test');
      return { code: 3, summary };
    }
    return { code, summary };
  } finally {
    await page.close().catch(() => undefined);
    await server.stop();
  }
}

main()
  .catch((error: unknown) => {
    console.error(`integration: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  })
  .then(async (code) => {
    await cleanupAll();
    process.exit(code);
  });
