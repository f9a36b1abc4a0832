// npm run test:integration — runs test/integration/ INSIDE code-server's real extension host.
// code-server has no --extensionTestsPath; its workbench reads extensionDevelopmentPath/extensionTestsPath
// from the page URL's `payload` when started with the smoke-test driver, and calls the page's
// window.codeAutomationExit(code) when the suite's run() settles. Chromium only hosts the page; mocha's
// output arrives as browser console messages, which we print.
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import { ConsoleMessage } from 'playwright-core';
import { launchBrowser } from './browser';
import { createProfile, startCodeServer } from './codeServer';
import { extensionTestUrl, isNoise, parseMochaSummary, stripStyleArgs, SUITE_START_MARKER } from './extHostConsole';
import { ensureTools } from './install';
import { log, step, withTimeout } from './log';
import { fixtureWorkspace, integrationSuite, logsDir, repoRoot } from './paths';
import { cleanupAll, installSignalHandlers } from './processes';
import { copyWorkspace } from './workspace';

// The whole suite, ~1 min on a quiet machine; the shared 2-CPU machines at load 15–20 need several times that.
const SUITE_TIMEOUT_MS = Number(process.env.INTEGRATION_TIMEOUT_MS ?? 900_000);

async function main(): Promise<number> {
  installSignalHandlers();
  if (!fs.existsSync(`${integrationSuite}.js`)) {
    throw new Error(`${integrationSuite}.js not found: run "npm run build:tests" first`);
  }
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js not found: run "npm run build" first');
  }
  const tools = await ensureTools();
  const workspace = copyWorkspace(fixtureWorkspace, 'integration');
  const server = await startCodeServer({ tools, profile: createProfile(), smokeTestDriver: true, name: 'code-server-integration' });
  const { page } = await launchBrowser(tools);

  // Everything the page logs goes to a file. The extension host's console (mocha) is relayed in the same
  // '%c INFO' shape as the workbench's own log lines, so only what follows the suite's start marker is
  // printed; the workbench's start-up chatter and offline errors stay in the file.
  const consoleLog = fs.createWriteStream(path.join(logsDir, 'integration-console.log'));
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
    extensionTestsPath: integrationSuite,
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
