// Entry point of the small "git off" integration suites: the same extension host and runner as
// test/integration/, in a code-server started with VS Code's git extension disabled (user setting
// `git.enabled: false`) or not there at all (VSCODE_SKIP_BUILTIN_EXTENSIONS=vscode.git). The git extension reads
// `git.enabled` only when it starts, so this needs its own launch (see test/harness/runIntegration.ts).
import { runMochaSuite } from '../integration/index';

export function run(): Promise<void> {
  return runMochaSuite(__dirname);
}
