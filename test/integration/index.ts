// Entry point of the integration suite, loaded inside the extension host by both runners: code-server
// (npm run test:integration) and @vscode/test-electron (npm run test:desktop). Same contract as
// @vscode/test-electron: export run(), resolve when every test passed, reject otherwise.
// Add tests by adding *.test.ts files anywhere under test/integration/. Those under restricted/ run
// only in the restricted-mode run (npm run test:integration:restricted: an untrusted workspace), the
// others only in the normal one.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { SUITE_START_MARKER } from '../harness/extHostConsole';

export function run(): Promise<void> {
  return runMochaSuite(__dirname);
}

/** Runs every `*.test.js` under `dir` (recursively) with mocha, honouring INTEGRATION_GREP. */
export function runMochaSuite(dir: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 120_000, reporter: 'spec' });
  if (process.env.INTEGRATION_GREP) {
    mocha.grep(process.env.INTEGRATION_GREP);
  }
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .filter((file) => file.startsWith(`restricted${path.sep}`) === (process.env.COACHING_INTEGRATION_SUITE === 'restricted'))
    .sort();
  for (const file of files) {
    mocha.addFile(path.join(dir, file));
  }
  console.log(SUITE_START_MARKER);
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration tests failed`)) : resolve()));
    } catch (error) {
      reject(error);
    }
  });
}
