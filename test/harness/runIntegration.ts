// npm run test:integration — runs test/integration/ INSIDE code-server's real extension host.
// code-server has no --extensionTestsPath; its workbench reads extensionDevelopmentPath/extensionTestsPath
// from the page URL's `payload` when started with the smoke-test driver, and calls the page's
// window.codeAutomationExit(code) when the suite's run() settles. Chromium only hosts the page; mocha's
// output arrives as browser console messages, which we print.
// With --restricted (npm run test:integration:restricted): workspace trust stays on and nobody trusted
// the folder, so the workbench opens it in restricted mode; the workspace's settings turn on
// coaching.autoCommit and a session template; only test/integration/restricted/ runs.
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import { ConsoleMessage } from 'playwright-core';
import { launchBrowser } from './browser';
import { createProfile, RESTRICTED_MODE_SETTINGS, startCodeServer } from './codeServer';
import { extensionTestUrl, isNoise, parseMochaSummary, stripStyleArgs, SUITE_START_MARKER } from './extHostConsole';
import { ensureTools } from './install';
import { log, step, withTimeout } from './log';
import { fixtureWorkspace, integrationSuite, logsDir, repoRoot } from './paths';
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

async function main(): Promise<number> {
  installSignalHandlers();
  if (!fs.existsSync(`${process.env.INTEGRATION_SUITE ?? integrationSuite}.js`)) {
    throw new Error(`${process.env.INTEGRATION_SUITE ?? integrationSuite}.js not found: run "npm run build:tests" first`);
  }
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js not found: run "npm run build" first');
  }
  const tools = await ensureTools();
  const restricted = process.argv.includes('--restricted');
  const name = restricted ? 'integration-restricted' : 'integration';
  // The benchmark runs its own suite on a generated journal (bench/host.ts); tests use the fixture.
  const suite = process.env.INTEGRATION_SUITE ? path.resolve(process.env.INTEGRATION_SUITE) : integrationSuite;
  const workspace = copyWorkspace(process.env.INTEGRATION_WORKSPACE ? path.resolve(process.env.INTEGRATION_WORKSPACE) : fixtureWorkspace, name);
  if (restricted) {
    fs.mkdirSync(path.join(workspace, '.vscode'));
    fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify(RESTRICTED_WORKSPACE_SETTINGS, null, 2));
    fs.mkdirSync(path.join(workspace, 'templates'));
    fs.writeFileSync(path.join(workspace, 'templates', 'session.md'), 'From the workspace template.\n');
  }
  const server = await startCodeServer({
    tools, profile: createProfile(undefined, restricted ? RESTRICTED_MODE_SETTINGS : {}), smokeTestDriver: true, name: `code-server-${name}`,
    workspaceTrust: restricted, env: { ...process.env, COACHING_INTEGRATION_SUITE: restricted ? 'restricted' : 'main' },
  });
  const { page } = await launchBrowser(tools);

  // Everything the page logs goes to a file. The extension host's console (mocha) is relayed in the same
  // '%c INFO' shape as the workbench's own log lines, so only what follows the suite's start marker is
  // printed; the workbench's start-up chatter and offline errors stay in the file.
  const consoleLog = fs.createWriteStream(path.join(logsDir, `${name}-console.log`));
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
    extensionTestsPath: suite,
  });
  await step('opening the workbench', 120_000, () => page.goto(url, { waitUntil: 'domcontentloaded', timeout: 90_000 }));
  log('running the suite in the extension host');
  const code = await step('integration suite', SUITE_TIMEOUT_MS, () => exitCode);
  await withTimeout(relay, 10_000, 'reading the last console messages').catch(() => undefined);
  consoleLog.end();

  const summary = parseMochaSummary(transcript);
  log(`extension host exited with code ${code}`);
  if (!summary) {
    log('no mocha summary seen: did the suite load? (see test-results/logs/integration-console.log)');
    return code === 0 ? 3 : code;
  }
  if (summary.passing + summary.failing === 0) {
    log('the suite ran no test');
    return 3;
  }
  return code;
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
