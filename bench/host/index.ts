// The benchmark's suite inside code-server's real extension host (run by bench/host.ts on a generated
// journal of 1,000 sessions, never by npm test): activation time, and the time until the Commitments
// view has its items — at start-up (no cache yet), after a reload from the cache (a restart), and after
// a reload without it. Prints one `BENCH_HOST {json}` line that bench/host.ts reads.
import * as path from 'path';
import Mocha from 'mocha';
import { SUITE_START_MARKER } from '../../test/harness/extHostConsole';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 600_000, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'hostBench.js'));
  console.log(SUITE_START_MARKER);
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} failed`)) : resolve()));
  });
}
